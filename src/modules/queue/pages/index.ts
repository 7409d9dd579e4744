/**
 * The queue's public pages, for the portal's ward or the ward `?phuong=<code>` names:
 * - `/lay-so`: take a number, on a phone (from the QR code `/lay-so/qr.svg` posted at the entrance: a few
 *   numbers per address every few minutes) or on the kiosk (`/lay-so?may=<kiosk key>`: no limit, it serves
 *   everyone who comes in);
 * - `/so-thu-tu/<ticket>`: the ticket, its place in the queue and the counter it is called to;
 * - `/man-hinh-goi-so`: the TV screen that calls numbers to counters.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { toLocalDate } from '../../../platform/calendar/rules';
import { auditContext } from '../../../platform/http/context';
import type { RouteOptions } from '../../../platform/http/deps';
import { AppError } from '../../../platform/http/errors';
import { queryText, sendHtml, siteOrigin, wardInfoCache, type WardInfo } from '../../../platform/http/html';
import { qrSvg } from '../../../platform/documents/qr';
import { takeTicket } from '../desk';
import { isKioskKey } from '../kiosk';
import { counterLabel, groupOf, SERVICE_GROUPS } from '../rules';
import * as store from '../store';
import { displayPage, messagePage, takePage, ticketPage, type GroupChoice } from './views';
import { acceptFormBodies } from '../../../platform/http/form-body';

const PAGE = { config: { policy: 'public' as const }, schema: { hide: true } };
const NO_STORE = 'no-store';
/** A phone takes at most this many numbers per window: a family's errands, not a flood of false numbers. */
const TAKES_PER_ADDRESS = { max: 3, timeWindow: '10 minutes' };
const TICKET_REFRESH = 15;
const DISPLAY_REFRESH = 5;
/** The kiosk shows a ticket this long, then its form again for the next person. */
const KIOSK_TICKET_SECONDS = 20;
const TAKE_KEY = /^[\w-]{16,64}$/;
const newTakeKey = () => randomBytes(16).toString('base64url');
const CHOOSE_GROUP = 'Xin Ông/Bà chọn một lĩnh vực cần giải quyết.';
const QR = { className: 'qr' };
const TICKET_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const MESSAGES = {
  noWard: { title: 'Không tìm thấy phường', text: ['Phường, xã này chưa sử dụng nền tảng.'] },
  noCounters: {
    title: 'Chưa có quầy nhận số thứ tự',
    text: [
      'Phường chưa bố trí quầy gọi số tự động. Xin Ông/Bà liên hệ cán bộ tại Trung tâm Phục vụ hành chính công.',
    ],
  },
  noTicket: {
    title: 'Không tìm thấy số thứ tự',
    text: ['Xin lỗi, không có số thứ tự nào ở địa chỉ này. Xin Ông/Bà quét lại mã QR in trên phiếu.'],
  },
  tooMany: {
    title: 'Xin vui lòng đợi một lát',
    text: [
      'Ông/Bà vừa lấy số thứ tự. Xin vui lòng đợi ít phút trước khi lấy thêm số, hoặc lấy số tại máy lấy số ở lối vào Trung tâm.',
    ],
  },
} as const;

type Message = (typeof MESSAGES)[keyof typeof MESSAGES];
type Form = Record<string, string | undefined>;

export const queuePages: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;
  const { portalWard, ratingSecret: secret } = deps.config;
  const wardInfo = wardInfoCache(db);

  // HTML forms post `application/x-www-form-urlencoded`; only these pages take it.
  acceptFormBodies(app);

  const show = (reply: FastifyReply, html: string, status = 200) =>
    sendHtml(reply, html, { status, cache: NO_STORE });
  const message = (reply: FastifyReply, status: number, text: Message, ward: WardInfo | undefined) =>
    show(reply, messagePage(text.title, [...text.text], ward), status);

  const wardCodeOf = (request: FastifyRequest) => queryText(request.query, 'phuong', 5) || portalWard;
  /** The kiosk's key when the address carries the ward's. */
  const kioskKeyOf = (request: FastifyRequest, wardCode: string) => {
    const key = queryText(request.query, 'may', 40);
    return key && isKioskKey(secret, wardCode, key) ? key : null;
  };
  /** A page's address with the ward (unless the portal's) and the kiosk's key (on the kiosk). */
  const pathOf = (path: string, wardCode: string, kioskKey: string | null = null) => {
    const query = new URLSearchParams();
    if (wardCode !== portalWard) query.set('phuong', wardCode);
    if (kioskKey) query.set('may', kioskKey);
    return query.size > 0 ? `${path}?${query.toString()}` : path;
  };

  /** The groups some active counter of the ward calls, with the people waiting in each. */
  async function choicesOf(wardCode: string, day: string): Promise<GroupChoice[]> {
    const counters = (await store.listCounters(db, wardCode)).filter((c) => c.active);
    const served = new Set(counters.flatMap((c) => c.groups));
    const waiting = await store.waitingByGroup(db, wardCode, day);
    return SERVICE_GROUPS.filter((g) => served.has(g.key)).map((group) => ({
      group,
      waiting: waiting.get(group.key) ?? 0,
    }));
  }

  /** The form; again with its error and its key after a post that took nothing. */
  async function takeForm(
    request: FastifyRequest,
    reply: FastifyReply,
    error?: { text: string; takeKey: string },
  ) {
    const wardCode = wardCodeOf(request);
    const ward = await wardInfo(wardCode);
    if (!ward) return message(reply, 404, MESSAGES.noWard, undefined);
    const choices = await choicesOf(wardCode, toLocalDate(deps.clock.now()));
    if (choices.length === 0) return message(reply, 404, MESSAGES.noCounters, ward);
    const kioskKey = kioskKeyOf(request, wardCode);
    const phonePath = pathOf('/lay-so', wardCode);
    const html = takePage(
      {
        action: pathOf('/lay-so', wardCode, kioskKey),
        takeKey: error?.takeKey ?? newTakeKey(),
        kiosk: kioskKey !== null,
        choices,
        qr: kioskKey ? qrSvg(`${siteOrigin(request, deps.config.publicUrl)}${phonePath}`, QR) : undefined,
        error: error?.text,
      },
      ward,
    );
    return show(reply, html, error ? 400 : 200);
  }

  app.get('/lay-so', PAGE, (request, reply) => takeForm(request, reply));

  app.post(
    '/lay-so',
    {
      ...PAGE,
      config: {
        ...PAGE.config,
        rateLimit: {
          ...TAKES_PER_ADDRESS,
          allowList: (request) => kioskKeyOf(request, wardCodeOf(request)) !== null,
        },
      },
      // The limit's refusal as a page: the phone posted a form, not a call to the API.
      errorHandler: async (error: { statusCode?: number }, request, reply) => {
        if (error.statusCode !== 429) throw error;
        return message(reply, 429, MESSAGES.tooMany, await wardInfo(wardCodeOf(request)));
      },
    },
    async (request, reply) => {
      const wardCode = wardCodeOf(request);
      const form = (request.body ?? {}) as Form;
      const takeKey = form.k ?? '';
      const now = deps.clock.now();
      const group = groupOf(form.group ?? '');
      const offered =
        group && (await choicesOf(wardCode, toLocalDate(now))).some((c) => c.group.key === group.key);
      if (!group || !offered || !TAKE_KEY.test(takeKey)) {
        const fresh = TAKE_KEY.test(takeKey) ? takeKey : newTakeKey();
        return takeForm(request, reply, { text: CHOOSE_GROUP, takeKey: fresh });
      }
      const kioskKey = kioskKeyOf(request, wardCode);
      const ctx = { db, audit: auditContext(request), now };
      try {
        const channel = kioskKey ? 'kiosk' : 'phone';
        const ticket = await takeTicket(ctx, { wardCode, group, channel, takeKey });
        const ticketPath = `/so-thu-tu/${ticket.id}`;
        return reply.redirect(kioskKey ? `${ticketPath}?may=${kioskKey}` : ticketPath, 303);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'CONFLICT') throw error;
        return show(reply, messagePage('Đã hết số thứ tự', [error.message], await wardInfo(wardCode)), 409);
      }
    },
  );

  app.get('/lay-so/qr.svg', PAGE, async (request, reply) => {
    const wardCode = wardCodeOf(request);
    const ward = await wardInfo(wardCode);
    if (!ward) return message(reply, 404, MESSAGES.noWard, undefined);
    const url = `${siteOrigin(request, deps.config.publicUrl)}${pathOf('/lay-so', wardCode)}`;
    const svg = qrSvg(url, { standalone: true, label: `Mã QR lấy số thứ tự – ${ward.name}` });
    return reply.header('cache-control', 'public, max-age=3600').type('image/svg+xml').send(svg);
  });

  app.get('/so-thu-tu/:id', PAGE, async (request, reply) => {
    const { id } = request.params as { id: string };
    const ticket = TICKET_ID.test(id) ? await store.findTicket(db, id) : undefined;
    if (!ticket) return message(reply, 404, MESSAGES.noTicket, await wardInfo(portalWard));
    const ward = await wardInfo(ticket.wardCode);
    const today = toLocalDate(deps.clock.now());
    const current = ticket.day === today && (ticket.status === 'waiting' || ticket.status === 'called');
    const kioskKey = kioskKeyOf(request, ticket.wardCode);
    const kioskPath = kioskKey ? pathOf('/lay-so', ticket.wardCode, kioskKey) : undefined;
    if (kioskPath) reply.header('refresh', `${KIOSK_TICKET_SECONDS};url=${kioskPath}`);
    else if (current) reply.header('refresh', String(TICKET_REFRESH));
    const origin = siteOrigin(request, deps.config.publicUrl);
    const html = ticketPage(
      {
        ticket,
        ahead: ticket.status === 'waiting' ? await store.waitingAhead(db, ticket) : 0,
        today,
        qr: kioskKey ? qrSvg(`${origin}/so-thu-tu/${ticket.id}`, QR) : undefined,
        kioskPath,
        displayPath: pathOf('/man-hinh-goi-so', ticket.wardCode),
        refreshSeconds: !kioskPath && current ? TICKET_REFRESH : null,
      },
      ward,
    );
    return show(reply, html);
  });

  app.get('/man-hinh-goi-so', PAGE, async (request, reply) => {
    const wardCode = wardCodeOf(request);
    const ward = await wardInfo(wardCode);
    if (!ward) return message(reply, 404, MESSAGES.noWard, undefined);
    const now = deps.clock.now();
    const day = toLocalDate(now);
    const counters = (await store.listCounters(db, wardCode)).filter((c) => c.active);
    const origin = siteOrigin(request, deps.config.publicUrl);
    const html = displayPage(
      {
        latest: (await store.latestCalls(db, wardCode, day, 1))[0],
        counters: await Promise.all(
          counters.map(async (counter) => ({
            label: counterLabel(counter),
            current: await store.currentTicket(db, counter.id, day),
          })),
        ),
        waiting: await choicesOf(wardCode, day),
        qr: qrSvg(`${origin}${pathOf('/lay-so', wardCode)}`, QR),
        now,
        refreshSeconds: DISPLAY_REFRESH,
      },
      ward,
    );
    reply.header('refresh', String(DISPLAY_REFRESH));
    return show(reply, html);
  });
};
