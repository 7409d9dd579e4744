import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/store';
import { toLocalDate, type IsoDate } from '../../platform/calendar/rules';
import type { Db } from '../../platform/db/connect';
import { auditContext, currentStaff } from '../../platform/http/context';
import type { RouteOptions } from '../../platform/http/deps';
import { AppError } from '../../platform/http/errors';
import { REQUIRED_IDEMPOTENCY_HEADERS, WARD_CODE } from '../../platform/http/schemas';
import { findWard } from '../../platform/wards/store';
import { findProcedure } from '../procedures/api';
import { SAME_DAY_BASIS, SAME_DAY_WEEKDAYS, scheduleOn } from './rules';
import { listSameDaySchedules, saveSameDaySchedule, type SameDayScheduleRow } from './same-day-store';

const WEEKDAY_NAMES: Record<number, string> = {
  1: 'Thứ Hai',
  2: 'Thứ Ba',
  3: 'Thứ Tư',
  4: 'Thứ Năm',
  5: 'Thứ Sáu',
};
const WEEKDAY_MESSAGE = 'Xin chọn một ngày từ thứ Hai đến thứ Sáu.';
const PROCEDURE_CODE = z.string().regex(/^\d\.\d{6}$/, 'Mã thủ tục có dạng 1.001193');
const params = z.object({ ward: WARD_CODE });
const body = z.object({
  weekday: z
    .number()
    .int()
    .min(SAME_DAY_WEEKDAYS[0], WEEKDAY_MESSAGE)
    .max(SAME_DAY_WEEKDAYS[SAME_DAY_WEEKDAYS.length - 1], WEEKDAY_MESSAGE),
  procedureCodes: z
    .array(PROCEDURE_CODE)
    .max(100)
    .refine((codes) => new Set(codes).size === codes.length, 'Mỗi thủ tục chỉ chọn một lần.'),
  effectiveFrom: z.iso.date('Ngày áp dụng có dạng YYYY-MM-DD, ví dụ 2026-03-02'),
  decision: z.string().trim().max(200).optional(),
});

const NO_WARD = 'Phường chưa sử dụng nền tảng.';

/** A decision as the portal and the workspace show it: the weekday's name and each procedure's name. */
async function present(db: Db, wardCode: string, row: SameDayScheduleRow) {
  const procedures = await Promise.all(
    row.procedureCodes.map(async (code) => ({
      code,
      name: (await findProcedure(db, wardCode, code))?.definition.name ?? code,
    })),
  );
  return {
    weekday: row.weekday,
    weekdayName: WEEKDAY_NAMES[row.weekday] ?? String(row.weekday),
    procedures,
    effectiveFrom: row.effectiveFrom,
    decision: row.decision,
  };
}

async function schedulesView(db: Db, wardCode: string, today: IsoDate) {
  const rows = await listSameDaySchedules(db, wardCode);
  const current = scheduleOn(rows, today);
  return {
    basis: SAME_DAY_BASIS,
    today,
    current: current && (await present(db, wardCode, current)),
    upcoming: await Promise.all(
      rows.filter((r) => r.effectiveFrom > today).map((r) => present(db, wardCode, r)),
    ),
    past: rows
      .filter((r) => r.effectiveFrom <= today && r !== current)
      .map((r) => ({ weekday: r.weekday, effectiveFrom: r.effectiveFrom, decision: r.decision })),
  };
}

/** The ward's "Ngày làm việc không hẹn, không chờ" (seed III.6): published to all, set by its administrator. */
export const sameDayRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;

  app.get(
    '/wards/:ward/same-day',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['dossiers'],
        summary:
          'Ngày làm việc “không hẹn, không chờ” của phường: thứ trong tuần, các thủ tục trả kết quả trong ngày, ngày áp dụng',
        params,
      },
    },
    async (request) => {
      const { ward } = request.params;
      if (!(await findWard(db, ward))) throw new AppError('NOT_FOUND', NO_WARD);
      return schedulesView(db, ward, toLocalDate(deps.clock.now()));
    },
  );

  app.post(
    '/wards/:ward/same-day',
    {
      config: { policy: { permission: 'dossiers.sameDay.edit', wardParam: 'ward' } },
      schema: {
        tags: ['dossiers'],
        summary:
          'Ghi quyết định về ngày “không hẹn, không chờ” từ một ngày (hôm nay trở đi): thứ trong tuần và các thủ tục; danh sách rỗng là tạm dừng; quyết định cùng ngày áp dụng thay quyết định trước',
        params,
        headers: REQUIRED_IDEMPOTENCY_HEADERS,
        body,
      },
    },
    async (request) => {
      const { ward } = request.params;
      const { weekday, procedureCodes, effectiveFrom, decision } = request.body;
      const now = deps.clock.now();
      const today = toLocalDate(now);
      if (effectiveFrom < today) {
        const message = 'Ngày áp dụng phải từ hôm nay trở đi: hồ sơ đã nhận giữ hạn đã hẹn.';
        throw new AppError('VALIDATION_FAILED', message, { effectiveFrom: message });
      }
      const unknown = [];
      for (const code of procedureCodes) if (!(await findProcedure(db, ward, code))) unknown.push(code);
      if (unknown.length > 0) {
        const message = `Phường không có thủ tục: ${unknown.join(', ')}.`;
        throw new AppError('VALIDATION_FAILED', message, { procedureCodes: message });
      }
      const staff = currentStaff(request);
      await db.transaction(async (tx) => {
        const { replaced } = await saveSameDaySchedule(tx, {
          wardCode: ward,
          weekday,
          procedureCodes,
          effectiveFrom,
          decision: decision || null,
          decidedBy: staff.id,
          decidedByName: staff.fullName,
          createdAt: now,
        });
        await recordAudit(tx, auditContext(request), {
          action: 'dossier.same_day_schedule_set',
          targetType: 'ward',
          targetId: ward,
          wardCode: ward,
          summary: {
            weekday,
            procedureCodes,
            effectiveFrom,
            decision: decision || null,
            replaced: replaced && { weekday: replaced.weekday, procedureCodes: replaced.procedureCodes },
          },
        });
      });
      return schedulesView(db, ward, today);
    },
  );
};
