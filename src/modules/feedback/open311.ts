/**
 * Open311 GeoReport v2 (JSON) over the feedback register, so that existing Open311 apps can file and follow
 * items: `/open311/v2/services.json` (services = categories), `GET/POST /open311/v2/requests.json`,
 * `GET /open311/v2/requests/<id>.json` (service_request_id = tracking code; status open/closed).
 *
 * Privacy: a list without service_request_id holds only items whose sender agreed to publication and which the
 * ward published; a request asked for by its id shows where it stands and the answer, never the text, place or
 * contact of an unpublished item. `jurisdiction_id` is the ward code (default: the portal's ward).
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContext } from '../../platform/http/context';
import type { RouteOptions } from '../../platform/http/deps';
import { AppError } from '../../platform/http/errors';
import { formatDateVn, midSentence, wardInfoCache } from '../../platform/http/html';
import { CITIZEN_FIELDS, FILE_LIMIT } from './inputs';
import { fileForWard } from './items';
import { CATEGORIES, categoryOf, KINDS, OPEN_STATUSES, TRACKING_CODE, type Status } from './rules';
import * as store from './store';
import type { ItemRow } from './store';
import { acceptFormBodies } from '../../platform/http/form-body';

const PAGE = { config: { policy: 'public' as const }, schema: { hide: true } };
const MAX_LISTED = 1000;
const DEFAULT_DAYS = 90;
const DAY_MS = 86_400_000;

type Params = Record<string, string | undefined>;

/** An error the Open311 way: an array of { code, description }. */
function fail(reply: FastifyReply, code: number, description: string) {
  return reply.status(code).send([{ code, description }]);
}

/** An instant in Vietnam time with its offset, as GeoReport's W3C date-times are written. */
function w3c(at: Date): string {
  return `${new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
}

function request311(item: ItemRow, agency: string) {
  const published = item.publishedAt !== null;
  const category = categoryOf(item.category);
  return {
    service_request_id: item.code,
    status: OPEN_STATUSES.includes(item.status as Status) ? 'open' : 'closed',
    status_notes: item.answer ?? (item.status === 'merged' ? 'Đã gộp vào một phản ánh cùng nội dung.' : null),
    service_name: category?.name ?? item.category,
    service_code: item.category,
    description: published ? item.text : null,
    agency_responsible: item.responsibleUnitName ?? agency,
    service_notice: `${KINDS[item.kind as keyof typeof KINDS]}; hạn trả lời ${formatDateVn(item.dueDate)}`,
    requested_datetime: w3c(item.receivedAt),
    updated_datetime: w3c(item.updatedAt),
    expected_datetime: `${item.dueDate}T23:59:59+07:00`,
    address: published ? item.address : null,
    address_id: null,
    zipcode: null,
    lat: published ? item.latitude : null,
    long: published ? item.longitude : null,
    media_url: null,
  };
}

/** GeoReport's POST fields → the portal's item (anonymous when neither e-mail nor phone is given). */
function itemFrom(fields: Params) {
  const name = [fields.first_name, fields.last_name].filter(Boolean).join(' ').trim();
  const reachable = Boolean(fields.email || fields.phone);
  const number = (v: string | undefined) => (v === undefined || v === '' ? undefined : Number(v));
  return CITIZEN_FIELDS.safeParse({
    wardCode: fields.jurisdiction_id || undefined,
    kind: 'phan_anh',
    category: fields.service_code,
    text: fields.description ?? '',
    address: fields.address_string || undefined,
    latitude: number(fields.lat),
    longitude: number(fields.long),
    anonymous: !reachable,
    contact: reachable
      ? { name: name || 'Người dân', phone: fields.phone || undefined, email: fields.email || undefined }
      : undefined,
    publishConsent: false,
  });
}

export const open311Routes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;
  const wardInfo = wardInfoCache(db);
  /** "Ủy ban nhân dân phường Thành Đông": who answers an item not yet routed to a unit. */
  const agencyOf = async (wardCode: string) => {
    const ward = await wardInfo(wardCode);
    return `Ủy ban nhân dân ${ward ? midSentence(ward.name) : 'phường'}`;
  };

  // GeoReport clients post HTML-form fields; JSON works too (Fastify's own parser).
  acceptFormBodies(app, 65_536);

  app.get('/open311/v2/services.json', PAGE, async () =>
    CATEGORIES.map((c) => ({
      service_code: c.code,
      service_name: c.name,
      description: c.description,
      metadata: false,
      type: 'realtime',
      keywords: '',
      group: 'Phản ánh, kiến nghị',
    })),
  );

  app.get('/open311/v2/requests.json', PAGE, async (request, reply) => {
    const query = (request.query ?? {}) as Params;
    const ward = query.jurisdiction_id || deps.config.portalWard;
    if (query.service_request_id) {
      const codes = query.service_request_id
        .split(',')
        .map((c) => c.trim())
        .filter((c) => TRACKING_CODE.test(c));
      const found = await Promise.all(codes.slice(0, MAX_LISTED).map((c) => store.findByCode(db, c)));
      const items = found.filter((i): i is ItemRow => i !== undefined);
      return Promise.all(items.map(async (i) => request311(i, await agencyOf(i.wardCode))));
    }
    const end = query.end_date ? new Date(query.end_date) : deps.clock.now();
    const start = query.start_date
      ? new Date(query.start_date)
      : new Date(end.getTime() - DEFAULT_DAYS * DAY_MS);
    if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()))
      return fail(reply, 400, 'start_date và end_date theo định dạng W3C, ví dụ 2026-03-01T00:00:00+07:00.');
    const statuses = query.status ? query.status.split(',') : ['open', 'closed'];
    const codes = query.service_code?.split(',');
    const agency = await agencyOf(ward);
    const rows = await store.listPublished(db, ward, {
      limit: MAX_LISTED,
      receivedFrom: start,
      receivedTo: end,
    });
    return rows
      .filter((i) => !codes || codes.includes(i.category))
      .map((i) => request311(i, agency))
      .filter((r) => statuses.includes(r.status));
  });

  app.get('/open311/v2/requests/:id.json', PAGE, async (request, reply) => {
    const { id } = request.params as { id: string };
    const item = TRACKING_CODE.test(id) ? await store.findByCode(db, id) : undefined;
    if (!item) return fail(reply, 404, `Không có phản ánh, kiến nghị mã ${id}.`);
    return [request311(item, await agencyOf(item.wardCode))];
  });

  app.post(
    '/open311/v2/requests.json',
    { config: { policy: 'public', rateLimit: FILE_LIMIT }, schema: { hide: true, body: z.unknown() } },
    async (request, reply) => {
      const fields = (request.body ?? {}) as Params;
      if (!categoryOf(fields.service_code ?? ''))
        return fail(reply, 400, 'service_code không có trong danh sách dịch vụ (services.json).');
      const parsed = itemFrom(fields);
      if (!parsed.success) return fail(reply, 400, parsed.error.issues.map((i) => i.message).join(' '));
      const { wardCode = deps.config.portalWard, ...input } = parsed.data;
      try {
        const item = await fileForWard(deps, auditContext(request), {
          ...input,
          wardCode,
          photos: [],
          source: 'open311',
        });
        return [
          {
            service_request_id: item.code,
            service_notice: `Đã tiếp nhận; hạn trả lời ${formatDateVn(item.dueDate)}.`,
            account_id: null,
          },
        ];
      } catch (error) {
        if (error instanceof AppError && error.status < 500) return fail(reply, error.status, error.message);
        throw error;
      }
    },
  );
};
