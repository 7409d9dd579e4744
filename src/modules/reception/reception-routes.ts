/**
 * The reception log (sổ tiếp công dân) for staff: the visits of a period or those still owed an answer (due
 * soon, late), counts and the on-time answer rate; writing a visit down; recording the answer; the log of a
 * period as PDF or Excel. CCCD number, phone and address are masked for roles without reception.personal.read;
 * every unmasked read and every export is audited. A denouncing visitor's identity is sealed in all of them; the
 * chairman alone opens it, through its own route, each opening audited.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/store';
import { hasPermission } from '../../platform/auth/policies';
import { addDays, toLocalDate } from '../../platform/calendar/rules';
import { placeName } from '../../platform/documents/dates';
import { XLSX_MEDIA_TYPE } from '../../platform/documents/excel';
import { renderPdf } from '../../platform/documents/pdf';
import { auditContext } from '../../platform/http/context';
import type { RouteOptions } from '../../platform/http/deps';
import { AppError } from '../../platform/http/errors';
import { ID_NUMBER, IDEMPOTENCY_HEADERS, ISO_DAY } from '../../platform/http/schemas';
import { findWard } from '../../platform/wards/store';
import { PHONE } from '../feedback/inputs';
import { CATEGORY_CODES, timeliness } from '../feedback/rules';
import { buildLogPdf, buildLogXlsx } from './reception-document';
import { answerVisit, openVisitor, recordVisit } from './reception-log';
import { logView } from './reception-presenters';
import { CLASSIFICATIONS, RESULT_KINDS, type Classification, type ResultKind } from './rules';
import { wardStaffOf } from './schedule-routes';
import * as store from './store';

/** `figures`: the counts and the rate only, no entry (the dashboard: no personal data read, nothing audited). */
const VIEWS = ['period', 'open', 'due_soon', 'late', 'figures'] as const;
const MAX_PERIOD_DAYS = 366;
const PERSONAL_FIELDS = ['idNumber', 'phone', 'address'];

const VISIT = z.object({
  visitorName: z.string().trim().min(2, 'Xin nhập họ và tên người đến.').max(100),
  visitorIdNumber: ID_NUMBER.optional(),
  visitorAddress: z.string().trim().min(3).max(300).optional(),
  visitorPhone: PHONE.optional(),
  groupSize: z.number().int().min(1).max(500).default(1),
  representatives: z.array(z.string().trim().min(2).max(100)).max(10).default([]),
  matter: z.string().trim().min(10, 'Xin ghi nội dung vụ việc (ít nhất 10 ký tự).').max(4000),
  classification: z.enum(Object.keys(CLASSIFICATIONS) as [Classification, ...Classification[]]),
  category: z.enum(CATEGORY_CODES).default('khac').describe('Lĩnh vực, khi là phản ánh hoặc kiến nghị'),
});

const PERIOD = z.object({ from: ISO_DAY, to: ISO_DAY });

function checkPeriod(from: string, to: string) {
  if (from > to) {
    const message = 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.';
    throw new AppError('VALIDATION_FAILED', message, { from: message });
  }
  if (addDays(from, MAX_PERIOD_DAYS - 1) < to) {
    const message = `Mỗi lần xem hoặc xuất sổ tối đa ${MAX_PERIOD_DAYS} ngày.`;
    throw new AppError('VALIDATION_FAILED', message, { to: message });
  }
}

export const receptionLogRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;
  const key = deps.config.identityKey;

  /** Whether the reader sees personal data unmasked; if so, the read is audited. */
  async function readPersonal(request: FastifyRequest, wardCode: string, targetId: string, entries: number) {
    const staff = wardStaffOf(request);
    const unmasked = hasPermission(staff.role, 'reception.personal.read');
    if (unmasked && entries > 0)
      await db.transaction((tx) =>
        recordAudit(tx, auditContext(request), {
          action: 'personal_data.read',
          targetType: 'reception_log',
          targetId,
          wardCode,
          summary: { entries, fields: PERSONAL_FIELDS },
        }),
      );
    return unmasked;
  }

  app.get(
    '/reception/log',
    {
      config: { policy: { permission: 'reception.read' } },
      schema: {
        tags: ['reception'],
        summary:
          'Sổ tiếp công dân: các lượt tiếp trong một khoảng thời gian, hoặc chưa trả lời (sắp đến hạn, quá hạn); số liệu và tỷ lệ trả lời đúng hạn',
        querystring: z.object({
          view: z.enum(VIEWS).default('period'),
          from: ISO_DAY.optional(),
          to: ISO_DAY.optional(),
        }),
      },
    },
    async (request) => {
      const staff = wardStaffOf(request);
      const today = toLocalDate(deps.clock.now());
      const calendar = await deps.calendar.current();
      const { view, from = addDays(today, -30), to = today } = request.query;
      checkPeriod(from, to);
      const open = (await store.listUnanswered(db, staff.wardCode)).map((row) => ({
        row,
        standing: timeliness(row.dueDate, today, calendar),
      }));
      const rows =
        view === 'figures'
          ? []
          : view === 'period'
            ? await store.listLog(db, staff.wardCode, from, to)
            : open.filter((o) => view === 'open' || o.standing === view).map((o) => o.row);
      const unmasked = await readPersonal(request, staff.wardCode, `${view}:${from}/${to}`, rows.length);
      const rate = await store.logAnswerRate(db, staff.wardCode);
      return {
        today,
        from,
        to,
        counts: {
          open: open.length,
          dueSoon: open.filter((o) => o.standing === 'due_soon').length,
          late: open.filter((o) => o.standing === 'late').length,
        },
        answerRate: {
          ...rate,
          onTimePercent: rate.answered > 0 ? Math.round((1000 * rate.onTime) / rate.answered) / 10 : null,
        },
        entries: rows.map((row) => logView(row, { unmasked, today, calendar })),
      };
    },
  );

  app.post(
    '/reception/log',
    {
      config: { policy: { permission: 'reception.log' } },
      schema: {
        tags: ['reception'],
        summary:
          'Ghi một lượt tiếp công dân vào sổ; hạn trả lời 10 ngày làm việc; phản ánh, kiến nghị được ghi vào sổ phản ánh (nguồn: tiếp công dân)',
        headers: IDEMPOTENCY_HEADERS,
        body: VISIT,
      },
    },
    async (request, reply) => {
      const staff = wardStaffOf(request);
      const ward = await findWard(db, staff.wardCode);
      if (!ward) throw new AppError('FORBIDDEN');
      const calendar = await deps.calendar.current();
      const now = deps.clock.now();
      const row = await db.transaction((tx) =>
        recordVisit(
          { db: tx, audit: auditContext(request), now, hours: ward.ward.officeHours, calendar },
          key,
          staff,
          { ...request.body, wardCode: staff.wardCode },
        ),
      );
      return reply.status(201).send(logView(row, { unmasked: false, today: toLocalDate(now), calendar }));
    },
  );

  app.get(
    '/reception/log/export',
    {
      config: { policy: { permission: 'reception.export' } },
      schema: {
        tags: ['reception'],
        summary: 'Sổ tiếp công dân của một khoảng thời gian (tối đa 366 ngày), dạng PDF hoặc Excel',
        querystring: PERIOD.extend({ format: z.enum(['pdf', 'xlsx']).default('pdf') }),
      },
    },
    async (request, reply) => {
      const staff = wardStaffOf(request);
      const { from, to, format } = request.query;
      checkPeriod(from, to);
      const ward = await findWard(db, staff.wardCode);
      if (!ward) throw new AppError('FORBIDDEN');
      const now = deps.clock.now();
      const calendar = await deps.calendar.current();
      const rows = await store.listLog(db, staff.wardCode, from, to);
      const unmasked = hasPermission(staff.role, 'reception.personal.read');
      const input = {
        ward: { name: ward.name, place: placeName(ward.name) },
        entries: rows.map((row) => logView(row, { unmasked, today: toLocalDate(now), calendar })),
        from,
        to,
        now,
      };
      const file = format === 'xlsx' ? await buildLogXlsx(input) : await renderPdf(buildLogPdf(input));
      await db.transaction((tx) =>
        recordAudit(tx, auditContext(request), {
          action: 'personal_data.read',
          targetType: 'reception_log_export',
          targetId: `${from}/${to}`,
          wardCode: staff.wardCode,
          summary: {
            format,
            entries: rows.length,
            fields: unmasked ? ['name', ...PERSONAL_FIELDS] : ['name'],
          },
        }),
      );
      const fileName = `so-tiep-cong-dan-${from}-${to}.${format}`;
      return reply
        .header('content-type', format === 'pdf' ? 'application/pdf' : XLSX_MEDIA_TYPE)
        .header(
          'content-disposition',
          `${format === 'pdf' ? 'inline' : 'attachment'}; filename="${fileName}"`,
        )
        .header('cache-control', 'no-store')
        .send(file);
    },
  );

  app.get(
    '/reception/log/:id',
    {
      config: { policy: { permission: 'reception.read' } },
      schema: {
        tags: ['reception'],
        summary:
          'Một lượt tiếp công dân (số CCCD, điện thoại, địa chỉ che bớt nếu vai trò không cần; xem đầy đủ được ghi nhật ký)',
        params: z.object({ id: z.uuid() }),
      },
    },
    async (request) => {
      const staff = wardStaffOf(request);
      const row = await store.findLogEntry(db, staff.wardCode, request.params.id);
      if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy lượt tiếp công dân này trong sổ.');
      const unmasked = await readPersonal(request, staff.wardCode, `${row.year}/${row.number}`, 1);
      const today = toLocalDate(deps.clock.now());
      return logView(row, { unmasked, today, calendar: await deps.calendar.current() });
    },
  );

  app.get(
    '/reception/log/:id/identity',
    {
      config: { policy: { permission: 'reception.identity.read' } },
      schema: {
        tags: ['reception'],
        summary:
          'Mở thông tin người đến tố cáo (niêm phong): chỉ Chủ tịch UBND phường; mỗi lần xem được ghi nhật ký',
        params: z.object({ id: z.uuid() }),
      },
    },
    async (request, reply) => {
      const staff = wardStaffOf(request);
      const identity = await db.transaction((tx) =>
        openVisitor({ db: tx, audit: auditContext(request) }, key, staff, request.params.id),
      );
      return reply.header('cache-control', 'no-store').send(identity);
    },
  );

  app.post(
    '/reception/log/:id/answer',
    {
      config: { policy: { permission: 'reception.log' } },
      schema: {
        tags: ['reception'],
        summary:
          'Ghi việc trả lời người đến (thụ lý, chưa thụ lý được, không thụ lý, chuyển đơn — Luật Tiếp công dân điều 28)',
        params: z.object({ id: z.uuid() }),
        headers: IDEMPOTENCY_HEADERS,
        body: z.object({
          resultKind: z.enum(Object.keys(RESULT_KINDS) as [ResultKind, ...ResultKind[]]),
          result: z.string().trim().min(10, 'Xin ghi nội dung trả lời (ít nhất 10 ký tự).').max(4000),
        }),
      },
    },
    async (request) => {
      const staff = wardStaffOf(request);
      const now = deps.clock.now();
      const row = await db.transaction((tx) =>
        answerVisit({ db: tx, audit: auditContext(request), now }, staff, request.params.id, request.body),
      );
      return logView(row, {
        unmasked: false,
        today: toLocalDate(now),
        calendar: await deps.calendar.current(),
      });
    },
  );
};
