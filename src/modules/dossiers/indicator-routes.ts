import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addDays, toLocalDate } from '../../platform/calendar/rules';
import { currentStaff } from '../../platform/http/context';
import type { RouteOptions } from '../../platform/http/deps';
import { checkPeriod, readableWard } from '../../platform/http/indicator-query';
import { WARD_CODE } from '../../platform/http/schemas';
import { paidFeesBetween } from '../payments/api';
import { listIndicatorRows, type IndicatorScope } from './indicator-store';
import {
  computeFigures,
  dossiersOf,
  FIGURE_KEYS,
  FIGURE_LABELS,
  periodInstants,
  type FigureKey,
  type Period,
} from './indicators';
import { STATUSES } from './workflow';

const isDay = (v: string) => {
  try {
    return addDays(v, 0) === v;
  } catch {
    return false;
  }
};
const ISO_DAY = z
  .string()
  .regex(/^20\d{2}-\d{2}-\d{2}$/, 'Ngày theo dạng YYYY-MM-DD (năm 2000–2099), ví dụ 2026-03-31')
  .refine(isDay, 'Ngày không có trong lịch');

const filters = z.object({
  from: ISO_DAY.optional(),
  to: ISO_DAY.optional(),
  unit: z.uuid('Mã đơn vị không hợp lệ').optional(),
  procedure: z
    .string()
    .regex(/^\d\.\d{6}$/, 'Mã thủ tục có dạng 1.001193')
    .optional(),
  ward: WARD_CODE.optional(),
});
type Filters = z.infer<typeof filters>;

const PATH = '/indicators/one-stop';

function periodOf(query: Filters, now: Date): Period {
  const today = toLocalDate(now);
  const to = query.to ?? today;
  const from = query.from ?? `${to.slice(0, 8)}01`;
  checkPeriod(from, to);
  return { from, to, today };
}

/** The link to the dossiers behind one figure, with the same period, ward and filters. */
function hrefOf(key: FigureKey, period: Period, scope: IndicatorScope): string {
  const params = new URLSearchParams({ figure: key, from: period.from, to: period.to, ward: scope.wardCode });
  if (scope.unitId) params.set('unit', scope.unitId);
  if (scope.procedureCode) params.set('procedure', scope.procedureCode);
  return `/api/v1${PATH}/dossiers?${params.toString()}`;
}

export const indicatorRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;

  /** Staff see their own ward; the city reviewer names a ward of its province. */
  async function scopeOf(
    staff: ReturnType<typeof currentStaff>,
    query: Filters,
  ): Promise<IndicatorScope & { wardName: string }> {
    const ward = await readableWard(db, staff, query.ward);
    return { wardCode: ward.code, wardName: ward.name, unitId: query.unit, procedureCode: query.procedure };
  }

  /** The dossiers that may count, with the fees paid online through the payments module. */
  async function rowsOf(scope: IndicatorScope, period: Period) {
    const paid = await paidFeesBetween(db, scope.wardCode, periodInstants(period));
    return listIndicatorRows(db, scope, period, paid);
  }

  app.get(
    PATH,
    {
      config: { policy: { permission: 'indicators.read' } },
      schema: {
        tags: ['indicators'],
        summary:
          'Chỉ số một cửa của phường trong kỳ: tiếp nhận, giải quyết trước / đúng / quá hạn, tỷ lệ đúng hạn, tồn quá hạn, xin lỗi, bổ sung, trực tuyến, số hóa, tiếp nhận tại nhà, trả trong ngày, nộp phí trực tuyến',
        querystring: filters,
      },
    },
    async (request) => {
      const scope = await scopeOf(currentStaff(request), request.query);
      const period = periodOf(request.query, deps.clock.now());
      const rows = await rowsOf(scope, period);
      return {
        period,
        ward: { code: scope.wardCode, name: scope.wardName },
        filters: { unit: scope.unitId ?? null, procedure: scope.procedureCode ?? null },
        figures: computeFigures(rows, period).map((figure) => ({
          ...figure,
          href: hrefOf(figure.key, period, scope),
        })),
      };
    },
  );

  app.get(
    `${PATH}/dossiers`,
    {
      config: { policy: { permission: 'indicators.read' } },
      schema: {
        tags: ['indicators'],
        summary: 'Các hồ sơ được tính vào một chỉ số một cửa (với tỷ lệ: các hồ sơ ở tử số)',
        querystring: filters.extend({ figure: z.enum(FIGURE_KEYS) }),
      },
    },
    async (request) => {
      const scope = await scopeOf(currentStaff(request), request.query);
      const period = periodOf(request.query, deps.clock.now());
      const key = request.query.figure;
      const rows = dossiersOf(await rowsOf(scope, period), key, period);
      return {
        figure: { key, label: FIGURE_LABELS[key] },
        period,
        ward: { code: scope.wardCode, name: scope.wardName },
        items: rows.map((row) => ({
          code: row.code,
          procedureName: row.procedureName,
          status: row.status,
          statusLabel: STATUSES.find((s) => s.key === row.status)?.label ?? row.status,
          receivedAt: row.receivedAt.toISOString(),
          dueDate: row.dueDate,
          finishedAt: row.resolvedAt?.toISOString() ?? null,
        })),
      };
    },
  );
};
