import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit/store';
import { auditContext, currentStaff } from '../http/context';
import type { RouteOptions } from '../http/deps';
import { AppError } from '../http/errors';
import { WARD_CODE } from '../http/schemas';
import { findWard } from '../wards/store';
import { DEFAULT_OFFICE_HOURS, dueDateInCalendarDays, dueDateInWorkingDays } from './rules';
import * as store from './store';

// Years bounded like `year` below: the ISO patterns allow 0000–9999, but the calendar rules throw on far years
// (0001, a deadline in 10000) and PostgreSQL has no year 0000.
const IN_YEARS = (text: string) => text >= '2000' && text < '2101';
const ISO_DATE = z.iso.date({ error: 'Ngày theo dạng YYYY-MM-DD' }).refine(IN_YEARS, 'Năm từ 2000 đến 2100');
const DAYS = z.coerce.number().int().min(0).max(3650);

const dueDateQuery = z
  .object({
    receivedAt: z.iso
      .datetime({
        offset: true,
        error: 'Thời điểm theo ISO 8601 kèm múi giờ, ví dụ 2026-02-13T10:00:00+07:00',
      })
      .refine(IN_YEARS, 'Năm từ 2000 đến 2100'),
    workingDays: DAYS.optional(),
    calendarDays: DAYS.optional(),
    ward: WARD_CODE.optional(),
  })
  .refine((q) => (q.workingDays === undefined) !== (q.calendarDays === undefined), {
    message: 'Cần đúng một trong hai: workingDays (ngày làm việc) hoặc calendarDays (ngày)',
    path: ['workingDays'],
  });

export const calendarRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;

  app.get(
    '/calendar/due-date',
    {
      config: { policy: 'public', rateLimit: { max: 300, timeWindow: '1 minute' } },
      schema: {
        tags: ['calendar'],
        summary: 'Tính hạn giải quyết theo lịch làm việc',
        querystring: dueDateQuery,
      },
    },
    async (request) => {
      const { receivedAt, workingDays, calendarDays, ward } = request.query;
      const calendar = await deps.calendar.current();
      const received = new Date(receivedAt);
      if (calendarDays !== undefined)
        return { ...dueDateInCalendarDays(received, calendarDays, calendar), receivedAt };
      const found = ward ? await findWard(db, ward) : undefined;
      if (ward && !found)
        throw new AppError('NOT_FOUND', 'Phường chưa sử dụng nền tảng.', { ward: 'Không tìm thấy phường.' });
      const hours = found?.ward.officeHours ?? DEFAULT_OFFICE_HOURS;
      return { ...dueDateInWorkingDays(received, workingDays ?? 0, hours, calendar), receivedAt };
    },
  );

  app.get(
    '/calendar/days',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['calendar'],
        summary: 'Ngày nghỉ và ngày làm việc bù trong năm',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
      },
    },
    async (request) => {
      const calendar = await deps.calendar.current();
      return { year: request.query.year, days: calendar.daysOfYear(request.query.year) };
    },
  );

  app.post(
    '/calendar/adjustments',
    {
      config: { policy: { permission: 'calendar.adjust' } },
      schema: {
        tags: ['calendar'],
        summary: 'Thêm hoặc sửa một điều chỉnh lịch (ngày nghỉ thêm, ngày làm việc bù)',
        body: z.object({
          date: ISO_DATE,
          kind: z.enum(['day_off', 'working_day']),
          reason: z.string().trim().min(3).max(300),
          legalBasis: z.string().trim().min(3).max(300),
        }),
      },
    },
    async (request, reply) => {
      const staff = currentStaff(request);
      await db.transaction(async (tx) => {
        await store.upsertAdjustment(tx, request.body, staff.id);
        await recordAudit(tx, auditContext(request), {
          action: 'calendar.adjustment_saved',
          targetType: 'calendar_adjustment',
          targetId: request.body.date,
          summary: { ...request.body },
        });
      });
      deps.calendar.invalidate();
      return reply.status(201).send(request.body);
    },
  );

  app.delete(
    '/calendar/adjustments/:date',
    {
      config: { policy: { permission: 'calendar.adjust' } },
      schema: {
        tags: ['calendar'],
        summary: 'Xóa một điều chỉnh lịch',
        params: z.object({ date: ISO_DATE }),
      },
    },
    async (request, reply) => {
      await db.transaction(async (tx) => {
        const removed = await store.deleteAdjustment(tx, request.params.date);
        if (!removed) throw new AppError('NOT_FOUND', 'Không có điều chỉnh lịch cho ngày này.');
        await recordAudit(tx, auditContext(request), {
          action: 'calendar.adjustment_deleted',
          targetType: 'calendar_adjustment',
          targetId: removed.date,
          summary: { ...removed },
        });
      });
      deps.calendar.invalidate();
      return reply.status(204).send();
    },
  );
};
