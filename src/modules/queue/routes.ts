import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toLocalDate } from '../../platform/calendar/rules';
import { auditContext, currentStaff } from '../../platform/http/context';
import type { RouteOptions } from '../../platform/http/deps';
import { AppError } from '../../platform/http/errors';
import { siteOrigin } from '../../platform/http/html';
import { IDEMPOTENCY_HEADERS } from '../../platform/http/schemas';
import { parseCounterId } from '../ratings/rules';
import { actOnTicket, callNext, setUpCounter, type Officer } from './desk';
import { kioskKey } from './kiosk';
import {
  BASIS,
  computeFigures,
  COUNTER_NAME_MAX_LENGTH,
  GROUP_KEYS,
  groupOf,
  SERVICE_GROUPS,
  STATUS_LABELS,
  TICKET_ACTIONS,
  waitSeconds,
} from './rules';
import * as store from './store';

const COUNTER_ID = z.string().max(10).describe('Mã quầy: <mã phường>-<số quầy>, ví dụ 10507-2');

/** A ticket as the staff API shows it. */
export function ticketJson(ticket: store.Ticket) {
  const group = groupOf(ticket.groupKey);
  return {
    id: ticket.id,
    code: ticket.code,
    day: ticket.day,
    group: { key: ticket.groupKey, letter: group?.letter ?? '', name: group?.name ?? ticket.groupKey },
    status: ticket.status,
    statusLabel: STATUS_LABELS[ticket.status],
    channel: ticket.channel,
    issuedAt: ticket.issuedAt.toISOString(),
    calledAt: ticket.calledAt?.toISOString() ?? null,
    lastCalledAt: ticket.lastCalledAt?.toISOString() ?? null,
    recalls: ticket.recalls,
    counterId: ticket.counterId,
    counterName: ticket.counterName,
    calledByName: ticket.calledByName,
    finishedAt: ticket.finishedAt?.toISOString() ?? null,
    waitSeconds: waitSeconds(ticket),
    statusPath: `/so-thu-tu/${ticket.id}`,
  };
}

function counterJson(counter: store.CounterRow) {
  return {
    id: counter.id,
    number: counter.number,
    name: counter.name,
    groups: counter.groups,
    active: counter.active,
    demo: counter.demo,
  };
}

/** The counter the path names, of the officer's own ward. */
function counterOfPath(id: string, staff: ReturnType<typeof currentStaff>) {
  const counter = parseCounterId(id);
  if (!counter) {
    const message = 'Mã quầy có dạng <mã phường>-<số quầy>, ví dụ 10507-2.';
    throw new AppError('VALIDATION_FAILED', message, { id: message });
  }
  if (!staff.wardCode || counter.wardCode !== staff.wardCode) throw new AppError('FORBIDDEN');
  return { id: counter.id, wardCode: counter.wardCode, number: Number(counter.id.split('-')[1]) };
}

function officerOf(staff: ReturnType<typeof currentStaff>): Officer {
  if (!staff.wardCode) throw new AppError('FORBIDDEN');
  return { id: staff.id, fullName: staff.fullName, wardCode: staff.wardCode };
}

export const queueRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;

  app.get(
    '/queue/counters',
    {
      config: { policy: { permission: 'queue.read' } },
      schema: {
        tags: ['queue'],
        summary:
          'Các quầy của Trung tâm Phục vụ hành chính công của phường, các lĩnh vực mỗi quầy gọi số, và địa chỉ trang lấy số, máy lấy số, màn hình gọi số',
      },
    },
    async (request) => {
      const { wardCode } = officerOf(currentStaff(request));
      const origin = siteOrigin(request, deps.config.publicUrl);
      const ward = wardCode === deps.config.portalWard ? '' : `phuong=${wardCode}`;
      const withWard = (path: string, more = '') => {
        const query = [ward, more].filter(Boolean).join('&');
        return `${origin}${path}${query ? `?${query}` : ''}`;
      };
      return {
        wardCode,
        groups: SERVICE_GROUPS,
        counters: (await store.listCounters(db, wardCode)).map(counterJson),
        pages: {
          take: withWard('/lay-so'),
          kiosk: withWard('/lay-so', `may=${kioskKey(deps.config.ratingSecret, wardCode)}`),
          display: withWard('/man-hinh-goi-so'),
          qr: withWard('/lay-so/qr.svg'),
        },
      };
    },
  );

  app.put(
    '/queue/counters/:id',
    {
      config: { policy: { permission: 'queue.counters.edit' } },
      schema: {
        tags: ['queue'],
        summary:
          'Quản trị phường lập hoặc sửa một quầy: tên, các lĩnh vực quầy gọi số, đang hoạt động hay tạm ngừng',
        params: z.object({ id: COUNTER_ID }),
        headers: IDEMPOTENCY_HEADERS,
        body: z.strictObject({
          name: z.string().trim().min(2, 'Xin nhập tên quầy.').max(COUNTER_NAME_MAX_LENGTH),
          groups: z
            .array(z.enum(GROUP_KEYS))
            .min(1, 'Xin chọn ít nhất một lĩnh vực quầy gọi số.')
            .max(SERVICE_GROUPS.length)
            .transform((groups) => [...new Set(groups)]),
          active: z.boolean().default(true),
        }),
      },
    },
    async (request, reply) => {
      const counter = counterOfPath(request.params.id, currentStaff(request));
      const ctx = { db, audit: auditContext(request), now: deps.clock.now() };
      const saved = await db.transaction((tx) => setUpCounter({ ...ctx, db: tx }, counter, request.body));
      return reply.status(saved.created ? 201 : 200).send(counterJson(saved.counter));
    },
  );

  app.post(
    '/queue/counters/:id/call-next',
    {
      config: { policy: { permission: 'queue.call' } },
      schema: {
        tags: ['queue'],
        summary:
          'Quầy gọi số tiếp theo: số chờ lâu nhất của các lĩnh vực quầy phụ trách (hai quầy không bao giờ gọi cùng một số); ticket null khi không còn ai chờ',
        params: z.object({ id: COUNTER_ID }),
        headers: IDEMPOTENCY_HEADERS,
      },
    },
    async (request) => {
      const staff = currentStaff(request);
      const counter = counterOfPath(request.params.id, staff);
      const ctx = { db, audit: auditContext(request), now: deps.clock.now() };
      const called = await db.transaction((tx) => callNext({ ...ctx, db: tx }, officerOf(staff), counter.id));
      return {
        counter: counterJson(called.counter),
        ticket: called.ticket && ticketJson(called.ticket),
      };
    },
  );

  app.post(
    '/queue/tickets/:id/:action',
    {
      config: { policy: { permission: 'queue.call' } },
      schema: {
        tags: ['queue'],
        summary: `Số đã gọi: đã phục vụ xong (served), vắng mặt (no-show) hoặc gọi lại (recall). ${BASIS.noShow}`,
        params: z.object({ id: z.uuid('Mã số thứ tự không hợp lệ'), action: z.enum(TICKET_ACTIONS) }),
        headers: IDEMPOTENCY_HEADERS,
      },
    },
    async (request) => {
      const officer = officerOf(currentStaff(request));
      const ctx = { db, audit: auditContext(request), now: deps.clock.now() };
      const { id, action } = request.params;
      return ticketJson(await db.transaction((tx) => actOnTicket({ ...ctx, db: tx }, officer, id, action)));
    },
  );

  app.get(
    '/queue/today',
    {
      config: { policy: { permission: 'queue.read' } },
      schema: {
        tags: ['queue'],
        summary:
          'Hàng chờ hôm nay của phường: số mỗi quầy đang phục vụ, các số đang chờ theo thứ tự gọi, và số liệu trong ngày',
      },
    },
    async (request) => {
      const { wardCode } = officerOf(currentStaff(request));
      const day = toLocalDate(deps.clock.now());
      const tickets = await store.listTickets(db, wardCode, day, day);
      const counters = await store.listCounters(db, wardCode);
      const current = (id: string) => tickets.findLast((t) => t.counterId === id && t.status === 'called');
      return {
        day,
        counters: counters.map((counter) => {
          const ticket = current(counter.id);
          return { ...counterJson(counter), current: ticket ? ticketJson(ticket) : null };
        }),
        waiting: tickets.filter((t) => t.status === 'waiting').map(ticketJson),
        figures: computeFigures(tickets),
      };
    },
  );
};
