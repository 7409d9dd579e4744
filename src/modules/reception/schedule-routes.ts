/**
 * The chairman's citizen-reception schedule for staff: the coming reception days with a warning for every week
 * left without one (Luật Tiếp công dân 2013, điều 15), setting the weekdays, hours, place and rules, and adding
 * a reception day (a substitute for a day off, or an ad-hoc reception).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/store';
import { toLocalDate } from '../../platform/calendar/rules';
import { auditContext, currentStaff } from '../../platform/http/context';
import type { RouteOptions } from '../../platform/http/deps';
import { AppError } from '../../platform/http/errors';

import { CLOCK_TIME, IDEMPOTENCY_HEADERS, ISO_DAY } from '../../platform/http/schemas';
import { extraDayProblem, LOOKAHEAD_WEEKS, RECEPTION_WEEKDAYS, scheduleProblem } from './rules';
import { scheduleOutlook } from './schedule';
import * as store from './store';

const SCHEDULE = z.object({
  weekdays: z
    .array(
      z
        .number()
        .int()
        .min(RECEPTION_WEEKDAYS[0])
        .max(RECEPTION_WEEKDAYS[RECEPTION_WEEKDAYS.length - 1]),
    )
    .max(5)
    .describe('1 = thứ Hai … 5 = thứ Sáu; ít nhất một ngày'),
  startsAt: CLOCK_TIME,
  endsAt: CLOCK_TIME,
  place: z.string().trim().min(5, 'Xin nhập địa điểm tiếp công dân.').max(300),
  rulesText: z.string().trim().min(20, 'Xin nhập nội quy tiếp công dân (ít nhất 20 ký tự).').max(8000),
});

/** The signed-in staff member of a ward (the schedule is a ward's). */
export function wardStaffOf(request: Parameters<typeof currentStaff>[0]) {
  const staff = currentStaff(request);
  if (!staff.wardCode) throw new AppError('FORBIDDEN');
  return { ...staff, wardCode: staff.wardCode };
}

export const receptionScheduleRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;

  app.get(
    '/reception/schedule',
    {
      config: { policy: { permission: 'reception.read' } },
      schema: {
        tags: ['reception'],
        summary:
          'Lịch Chủ tịch tiếp công dân: các ngày tiếp sắp tới (bỏ ngày nghỉ lễ), ngày bị bỏ qua và cảnh báo tuần không có ngày tiếp',
        querystring: z.object({ weeks: z.coerce.number().int().min(1).max(26).default(LOOKAHEAD_WEEKS) }),
      },
    },
    async (request) => scheduleOutlook(deps, wardStaffOf(request).wardCode, request.query.weeks),
  );

  app.put(
    '/reception/schedule',
    {
      config: { policy: { permission: 'reception.schedule.edit' } },
      schema: {
        tags: ['reception'],
        summary: 'Đặt lịch tiếp công dân của Chủ tịch: ngày trong tuần, giờ, địa điểm, nội quy',
        headers: IDEMPOTENCY_HEADERS,
        body: SCHEDULE,
      },
    },
    async (request) => {
      const staff = wardStaffOf(request);
      const body = { ...request.body, weekdays: [...new Set(request.body.weekdays)].sort((a, b) => a - b) };
      const problem = scheduleProblem(body);
      if (problem)
        throw new AppError('VALIDATION_FAILED', problem.message, { [problem.field]: problem.message });
      await db.transaction(async (tx) => {
        await store.upsertSchedule(tx, {
          wardCode: staff.wardCode,
          ...body,
          updatedBy: staff.id,
          updatedByName: staff.fullName,
          updatedAt: deps.clock.now(),
        });
        await recordAudit(tx, auditContext(request), {
          action: 'reception.schedule.set',
          targetType: 'reception_schedule',
          targetId: staff.wardCode,
          wardCode: staff.wardCode,
          summary: {
            weekdays: body.weekdays,
            startsAt: body.startsAt,
            endsAt: body.endsAt,
            place: body.place,
          },
        });
      });
      return scheduleOutlook(deps, staff.wardCode);
    },
  );

  app.post(
    '/reception/schedule/extra-days',
    {
      config: { policy: { permission: 'reception.schedule.edit' } },
      schema: {
        tags: ['reception'],
        summary: 'Thêm một ngày tiếp công dân (thay ngày trùng ngày nghỉ, hoặc tiếp đột xuất)',
        headers: IDEMPOTENCY_HEADERS,
        body: z.object({ date: ISO_DAY, note: z.string().trim().min(3, 'Xin ghi lý do.').max(300) }),
      },
    },
    async (request, reply) => {
      const staff = wardStaffOf(request);
      const { date, note } = request.body;
      const today = toLocalDate(deps.clock.now());
      const problem = extraDayProblem(date, today, await deps.calendar.current());
      if (problem) throw new AppError('VALIDATION_FAILED', problem, { date: problem });
      await db.transaction(async (tx) => {
        const added = await store.insertExtraDay(tx, {
          wardCode: staff.wardCode,
          day: date,
          note,
          createdByName: staff.fullName,
          createdAt: deps.clock.now(),
        });
        if (!added) throw new AppError('CONFLICT', 'Ngày này đã có trong lịch tiếp công dân.');
        await recordAudit(tx, auditContext(request), {
          action: 'reception.schedule.add_day',
          targetType: 'reception_schedule',
          targetId: staff.wardCode,
          wardCode: staff.wardCode,
          summary: { date, note },
        });
      });
      return reply.status(201).send(await scheduleOutlook(deps, staff.wardCode));
    },
  );
};
