/**
 * "Ngày thứ sáu nghe dân nói" for staff: the sessions (coming Fridays without one are listed), scheduling a
 * session, recording who attended, and each matter raised, which becomes a feedback item (source "Ngày thứ sáu
 * nghe dân nói") with its answer deadline.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/store';
import { formatVn } from '../../platform/calendar/holidays';
import { toLocalDate } from '../../platform/calendar/rules';
import { auditContext } from '../../platform/http/context';
import type { RouteOptions } from '../../platform/http/deps';
import { AppError } from '../../platform/http/errors';
import { CLOCK_TIME, IDEMPOTENCY_HEADERS, ISO_DAY } from '../../platform/http/schemas';
import { findWard } from '../../platform/wards/store';
import { fileItem, summariesOf } from '../feedback/api';
import { CONTACT } from '../feedback/inputs';
import { CATEGORY_CODES, KINDS, type Kind } from '../feedback/rules';
import {
  SESSION_BASIS,
  SESSION_STATUSES,
  sessionDayProblem,
  upcomingFridays,
  type SessionStatus,
} from './rules';
import { wardStaffOf } from './schedule-routes';
import * as store from './store';
import type { SessionRow } from './store';

const ID = z.object({ id: z.uuid() });
const SESSION_FIELDS = {
  startsAt: CLOCK_TIME.default('08:00'),
  place: z.string().trim().min(5, 'Xin nhập địa điểm.').max(300),
  chairedBy: z.string().trim().min(2, 'Xin nhập người chủ trì.').max(200),
};
const WEEKS_AHEAD = 8;

function sessionView(row: SessionRow) {
  return {
    id: row.id,
    heldOn: row.heldOn,
    startsAt: row.startsAt,
    place: row.place,
    chairedBy: row.chairedBy,
    status: row.status,
    statusLabel: SESSION_STATUSES[row.status as SessionStatus],
    attendees: row.attendees,
    attendeeCount: row.attendeeCount,
    notes: row.notes,
  };
}

export const listeningSessionRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;

  async function sessionOf(wardCode: string, id: string) {
    const row = await store.findSession(db, wardCode, id);
    if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy buổi “Ngày thứ sáu nghe dân nói” này.');
    return row;
  }

  function audit(
    request: Parameters<typeof auditContext>[0],
    tx: typeof db,
    row: SessionRow,
    action: string,
    summary: Record<string, unknown>,
  ) {
    return recordAudit(tx, auditContext(request), {
      action,
      targetType: 'listening_session',
      targetId: row.heldOn,
      wardCode: row.wardCode,
      summary,
    });
  }

  app.get(
    '/listening-sessions',
    {
      config: { policy: { permission: 'reception.read' } },
      schema: {
        tags: ['reception'],
        summary:
          '“Ngày thứ sáu nghe dân nói”: các buổi sắp tới và gần đây, các thứ Sáu sắp tới chưa có buổi (thứ Sáu nghỉ lễ được ghi rõ)',
      },
    },
    async (request) => {
      const staff = wardStaffOf(request);
      const today = toLocalDate(deps.clock.now());
      const coming = await store.listSessions(db, staff.wardCode, today);
      const past = await store.listSessions(db, staff.wardCode, today, true);
      const fridays = upcomingFridays(today, WEEKS_AHEAD, await deps.calendar.current());
      return {
        today,
        basis: SESSION_BASIS,
        coming: coming.map(sessionView),
        past: past.slice(0, 12).map(sessionView),
        fridaysWithout: fridays
          .filter((f) => !coming.some((s) => s.heldOn === f.date))
          .map((f) => ({ ...f, note: f.working ? null : 'Ngày nghỉ theo lịch làm việc' })),
      };
    },
  );

  app.post(
    '/listening-sessions',
    {
      config: { policy: { permission: 'listening.manage' } },
      schema: {
        tags: ['reception'],
        summary: 'Lên lịch một buổi “Ngày thứ sáu nghe dân nói”',
        headers: IDEMPOTENCY_HEADERS,
        body: z.object({ heldOn: ISO_DAY, ...SESSION_FIELDS }),
      },
    },
    async (request, reply) => {
      const staff = wardStaffOf(request);
      const { heldOn } = request.body;
      const problem = sessionDayProblem(heldOn, await deps.calendar.current());
      if (problem) throw new AppError('VALIDATION_FAILED', problem, { heldOn: problem });
      if (heldOn < toLocalDate(deps.clock.now())) {
        const message = 'Không lên lịch một buổi đã qua.';
        throw new AppError('VALIDATION_FAILED', message, { heldOn: message });
      }
      const row = await db.transaction(async (tx) => {
        const inserted = await store.insertSession(tx, {
          ...request.body,
          wardCode: staff.wardCode,
          status: 'scheduled',
          attendees: [],
          createdByName: staff.fullName,
          updatedAt: deps.clock.now(),
        });
        if (!inserted) throw new AppError('CONFLICT', `Ngày ${formatVn(heldOn)} đã có một buổi.`);
        await audit(request, tx, inserted, 'listening.schedule', { place: inserted.place });
        return inserted;
      });
      return reply.status(201).send(sessionView(row));
    },
  );

  app.post(
    '/listening-sessions/weekly',
    {
      config: { policy: { permission: 'listening.manage' } },
      schema: {
        tags: ['reception'],
        summary:
          'Lên lịch “Ngày thứ sáu nghe dân nói” mỗi tuần cho các tuần tới: mỗi thứ Sáu là ngày làm việc và chưa có buổi; thứ Sáu nghỉ lễ được bỏ qua và ghi lý do',
        headers: IDEMPOTENCY_HEADERS,
        body: z.object({ weeks: z.number().int().min(1).max(WEEKS_AHEAD), ...SESSION_FIELDS }),
      },
    },
    async (request, reply) => {
      const staff = wardStaffOf(request);
      const { weeks, ...fields } = request.body;
      const now = deps.clock.now();
      const calendar = await deps.calendar.current();
      const fridays = upcomingFridays(toLocalDate(now), weeks, calendar);
      const skipped: { date: string; reason: string }[] = [];
      const created = await db.transaction(async (tx) => {
        const rows: SessionRow[] = [];
        for (const { date, working } of fridays) {
          const inserted = working
            ? await store.insertSession(tx, {
                ...fields,
                heldOn: date,
                wardCode: staff.wardCode,
                status: 'scheduled',
                attendees: [],
                createdByName: staff.fullName,
                updatedAt: now,
              })
            : undefined;
          if (inserted) rows.push(inserted);
          else
            skipped.push({
              date,
              reason: working ? 'Đã có buổi trong ngày này.' : (sessionDayProblem(date, calendar) ?? ''),
            });
        }
        await recordAudit(tx, auditContext(request), {
          action: 'listening.schedule_weekly',
          targetType: 'listening_session',
          targetId: fridays.map((f) => f.date).join(','),
          wardCode: staff.wardCode,
          summary: { created: rows.map((r) => r.heldOn), skipped: skipped.map((d) => d.date) },
        });
        return rows;
      });
      return reply.status(201).send({ created: created.map(sessionView), skipped });
    },
  );

  app.get(
    '/listening-sessions/:id',
    {
      config: { policy: { permission: 'reception.read' } },
      schema: {
        tags: ['reception'],
        summary:
          'Một buổi “Ngày thứ sáu nghe dân nói”: người dự, các ý kiến và phản ánh đã ghi (hạn trả lời, tình trạng)',
        params: ID,
      },
    },
    async (request) => {
      const staff = wardStaffOf(request);
      const row = await sessionOf(staff.wardCode, request.params.id);
      const items = await store.listSessionItems(db, row.id);
      const today = toLocalDate(deps.clock.now());
      const summaries = await summariesOf(
        db,
        staff.wardCode,
        items.map((i) => i.feedbackCode),
        today,
        await deps.calendar.current(),
      );
      return {
        ...sessionView(row),
        items: items.map((i) => ({
          raisedBy: i.raisedBy,
          ...summaries.find((s) => s.code === i.feedbackCode),
        })),
      };
    },
  );

  app.post(
    '/listening-sessions/:id/attendance',
    {
      config: { policy: { permission: 'listening.manage' } },
      schema: {
        tags: ['reception'],
        summary: 'Ghi buổi đã tổ chức: người dự (đại diện), tổng số người dự, ghi chú',
        params: ID,
        headers: IDEMPOTENCY_HEADERS,
        body: z.object({
          attendees: z
            .array(z.string().trim().min(2).max(200))
            .min(1, 'Xin ghi ít nhất một người dự.')
            .max(200),
          attendeeCount: z.number().int().min(1).max(5000),
          notes: z.string().trim().min(1).max(4000).optional(),
        }),
      },
    },
    async (request) => {
      const staff = wardStaffOf(request);
      const session = await sessionOf(staff.wardCode, request.params.id);
      if (session.heldOn > toLocalDate(deps.clock.now())) {
        const message = 'Chỉ ghi người dự khi buổi đã diễn ra.';
        throw new AppError('INVALID_TRANSITION', message);
      }
      const { attendees, attendeeCount, notes } = request.body;
      const row = await db.transaction(async (tx) => {
        const updated = await store.updateSession(tx, session.id, {
          status: 'held',
          attendees,
          attendeeCount: Math.max(attendeeCount, attendees.length),
          notes: notes ?? null,
          updatedAt: deps.clock.now(),
        });
        await audit(request, tx, updated, 'listening.attendance', { attendeeCount: updated.attendeeCount });
        return updated;
      });
      return sessionView(row);
    },
  );

  app.post(
    '/listening-sessions/:id/items',
    {
      config: { policy: { permission: 'listening.manage' } },
      schema: {
        tags: ['reception'],
        summary:
          'Ghi một ý kiến, phản ánh, kiến nghị nêu tại buổi: thành một phản ánh trong sổ (nguồn “Ngày thứ sáu nghe dân nói”) với hạn trả lời',
        params: ID,
        headers: IDEMPOTENCY_HEADERS,
        body: z.object({
          kind: z.enum(Object.keys(KINDS) as [Kind, ...Kind[]]),
          category: z.enum(CATEGORY_CODES),
          text: z.string().trim().min(10, 'Xin ghi nội dung (ít nhất 10 ký tự).').max(4000),
          raisedBy: z.string().trim().min(2, 'Xin ghi người nêu ý kiến.').max(200),
          contact: CONTACT.optional(),
        }),
      },
    },
    async (request, reply) => {
      const staff = wardStaffOf(request);
      const session = await sessionOf(staff.wardCode, request.params.id);
      if (session.heldOn > toLocalDate(deps.clock.now()))
        throw new AppError('INVALID_TRANSITION', 'Chỉ ghi ý kiến khi buổi đã diễn ra.');
      const ward = await findWard(db, staff.wardCode);
      if (!ward) throw new AppError('FORBIDDEN');
      const calendar = await deps.calendar.current();
      const now = deps.clock.now();
      const { raisedBy, contact, ...item } = request.body;
      const filed = await db.transaction(async (tx) => {
        const row = await fileItem(
          { db: tx, audit: auditContext(request), now, hours: ward.ward.officeHours, calendar },
          {
            ...item,
            wardCode: staff.wardCode,
            anonymous: !contact,
            contact,
            publishConsent: false,
            photos: [],
            source: 'friday_session',
            sourceNote: `Buổi “Ngày thứ sáu nghe dân nói” ngày ${formatVn(session.heldOn)}`,
          },
          staff,
        );
        await store.insertSessionItem(tx, {
          sessionId: session.id,
          feedbackCode: row.code,
          raisedBy,
          recordedAt: now,
        });
        return row;
      });
      return reply
        .status(201)
        .send({ code: filed.code, dueDate: filed.dueDate, dueDateBasis: filed.dueBasis, raisedBy });
    },
  );
};
