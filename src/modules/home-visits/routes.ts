import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/store';
import { hasPermission } from '../../platform/auth/policies';
import { DEFAULT_OFFICE_HOURS } from '../../platform/calendar/rules';
import { pokeDelivery } from '../../platform/channels/jobs';
import type { Db } from '../../platform/db/connect';
import { auditContext, currentStaff } from '../../platform/http/context';
import type { RouteOptions } from '../../platform/http/deps';
import { AppError } from '../../platform/http/errors';
import { REQUIRED_IDEMPOTENCY_HEADERS } from '../../platform/http/schemas';
import { findWard } from '../../platform/wards/store';
import { DOSSIER_CODE } from '../dossiers/api';
import { groupHeadRequestBody } from './request-body';
import { STATUSES, type Status } from './rules';
import { cancelVisit, fileRequest, linkDossier, scheduleVisit } from './service';
import * as store from './store';
import { PERSONAL_FIELDS, staffView } from './views';

const ID = z.object({ id: z.uuid('Mã yêu cầu không hợp lệ') });
const CLOCK = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ có dạng HH:MM, ví dụ 08:30');
const OPEN: readonly Status[] = ['requested', 'scheduled'];

/** The staff member's ward; accounts outside any ward have no requests to serve. */
function wardOf(request: FastifyRequest) {
  const staff = currentStaff(request);
  if (!staff.wardCode) throw new AppError('FORBIDDEN');
  return { staff, wardCode: staff.wardCode };
}

/** Unmasked personal data read by a staff member: audited, without the data itself. */
async function auditRead(db: Db, request: FastifyRequest, wardCode: string, rows: store.HomeVisitRow[]) {
  if (rows.length === 0) return;
  await db.transaction((tx) =>
    recordAudit(tx, auditContext(request), {
      action: 'personal_data.read',
      targetType: 'home_visit',
      targetId: rows.length === 1 ? rows[0]?.code : null,
      wardCode,
      summary: { codes: rows.map((r) => r.code), fields: PERSONAL_FIELDS },
    }),
  );
}

/** "Tiếp nhận tại nhà" for the one-stop centre and the leaders; "Yêu cầu của tổ dân phố" for group heads. */
export const homeVisitRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;
  const context = (request: FastifyRequest, wardCode: string) => ({
    db,
    audit: auditContext(request),
    now: deps.clock.now(),
    wardCode,
  });

  /** The answer to a step: the request as the one-stop officer sees it (unmasked: audited). */
  async function answer(request: FastifyRequest, wardCode: string, row: store.HomeVisitRow) {
    const unmasked = hasPermission(currentStaff(request).role, 'homeVisits.personal.read');
    if (unmasked) await auditRead(db, request, wardCode, [row]);
    return staffView(row, unmasked);
  }

  app.get(
    '/home-visits',
    {
      config: { policy: { permission: 'homeVisits.read' } },
      schema: {
        tags: ['home-visits'],
        summary:
          'Yêu cầu tiếp nhận hồ sơ tại nhà của phường (mặc định: đang chờ và đã xếp lịch); thông tin cá nhân che bớt nếu vai trò không cần',
        querystring: z.object({ status: z.enum(STATUSES).optional() }),
      },
    },
    async (request) => {
      const { staff, wardCode } = wardOf(request);
      const rows = await store.listVisits(db, wardCode, request.query.status ? [request.query.status] : OPEN);
      const unmasked = hasPermission(staff.role, 'homeVisits.personal.read');
      if (unmasked) await auditRead(db, request, wardCode, rows);
      return { items: rows.map((row) => staffView(row, unmasked)) };
    },
  );

  app.get(
    '/home-visits/:id',
    {
      config: { policy: { permission: 'homeVisits.read' } },
      schema: { tags: ['home-visits'], summary: 'Một yêu cầu tiếp nhận tại nhà', params: ID },
    },
    async (request) => {
      const { wardCode } = wardOf(request);
      const row = await store.findVisit(db, wardCode, request.params.id);
      if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy yêu cầu tiếp nhận tại nhà này.');
      return answer(request, wardCode, row);
    },
  );

  app.post(
    '/home-visits',
    {
      config: { policy: { permission: 'homeVisits.request' } },
      schema: {
        tags: ['home-visits'],
        summary: 'Tổ trưởng tổ dân phố đề nghị cán bộ đến nhà tiếp nhận hồ sơ cho người không thể đi lại',
        headers: REQUIRED_IDEMPOTENCY_HEADERS,
        body: groupHeadRequestBody,
      },
    },
    async (request, reply) => {
      const { staff, wardCode } = wardOf(request);
      const row = await fileRequest(
        context(request, wardCode),
        { ...request.body, requesterKind: 'group_head', requesterName: staff.fullName },
        { staffId: staff.id },
      );
      await auditRead(db, request, wardCode, [row]);
      return reply.status(201).send(staffView(row, true));
    },
  );

  app.get(
    '/home-visits/requested',
    {
      config: { policy: { permission: 'homeVisits.request' } },
      schema: { tags: ['home-visits'], summary: 'Các yêu cầu tiếp nhận tại nhà tổ trưởng đã gửi' },
    },
    async (request) => {
      const { staff, wardCode } = wardOf(request);
      const rows = await store.listRequestedBy(db, { staffId: staff.id });
      await auditRead(db, request, wardCode, rows);
      return { items: rows.map((row) => staffView(row, true)) };
    },
  );

  app.post(
    '/home-visits/:id/schedule',
    {
      config: { policy: { permission: 'homeVisits.schedule' } },
      schema: {
        tags: ['home-visits'],
        summary: 'Xếp (hoặc đổi) lịch đến nhà: ngày làm việc, khung giờ, công chức Trung tâm được cử',
        params: ID,
        headers: REQUIRED_IDEMPOTENCY_HEADERS,
        body: z.object({
          day: z.iso.date('Ngày hẹn có dạng YYYY-MM-DD, ví dụ 2026-03-12'),
          from: CLOCK,
          to: CLOCK,
          officerId: z.uuid('Xin chọn công chức được cử đến nhà.'),
        }),
      },
    },
    async (request) => {
      const { wardCode } = wardOf(request);
      const ward = await findWard(db, wardCode);
      const row = await scheduleVisit(
        {
          ...context(request, wardCode),
          hours: ward?.ward.officeHours ?? DEFAULT_OFFICE_HOURS,
          calendar: await deps.calendar.current(),
          wardName: ward?.name ?? wardCode,
        },
        request.params.id,
        request.body,
      );
      pokeDelivery(db);
      return answer(request, wardCode, row);
    },
  );

  app.post(
    '/home-visits/:id/cancel',
    {
      config: { policy: { permission: 'homeVisits.schedule' } },
      schema: {
        tags: ['home-visits'],
        summary: 'Hủy yêu cầu tiếp nhận tại nhà, nêu lý do',
        params: ID,
        headers: REQUIRED_IDEMPOTENCY_HEADERS,
        body: z.object({
          reason: z.string().trim().min(5, 'Xin vui lòng nêu lý do hủy.').max(500),
        }),
      },
    },
    async (request) => {
      const { wardCode } = wardOf(request);
      const wardName = (await findWard(db, wardCode))?.name ?? wardCode;
      const row = await cancelVisit(
        { ...context(request, wardCode), wardName },
        request.params.id,
        request.body.reason,
      );
      pokeDelivery(db);
      return answer(request, wardCode, row);
    },
  );

  app.post(
    '/home-visits/:id/dossier',
    {
      config: { policy: { permission: 'homeVisits.schedule' } },
      schema: {
        tags: ['home-visits'],
        summary:
          'Đã đến nhà: gắn hồ sơ cán bộ đã tiếp nhận tại nhà (POST /dossiers với kênh "home") vào yêu cầu',
        params: ID,
        headers: REQUIRED_IDEMPOTENCY_HEADERS,
        body: z.object({
          dossierCode: DOSSIER_CODE,
        }),
      },
    },
    async (request) => {
      const { wardCode } = wardOf(request);
      const row = await linkDossier(context(request, wardCode), request.params.id, request.body.dossierCode);
      return answer(request, wardCode, row);
    },
  );
};
