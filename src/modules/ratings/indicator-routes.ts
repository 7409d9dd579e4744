import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toLocalDate } from '../../platform/calendar/rules';
import { currentStaff } from '../../platform/http/context';
import type { RouteOptions } from '../../platform/http/deps';
import { AppError } from '../../platform/http/errors';
import { checkPeriod, readableWard } from '../../platform/http/indicator-query';
import { WARD_CODE } from '../../platform/http/schemas';
import { periodInstants } from '../dossiers/indicators';
import {
  BASIS,
  computeFigures,
  FIGURE_KEYS,
  FIGURE_LABELS,
  groupBy,
  inScope,
  LEVEL_LABELS,
  parseQuarter,
  quarterMatching,
  quarterOf,
  ratingsOf,
  subjectOf,
  type FigureKey,
  type RatingRow,
  type Scope,
} from './rules';
import { listRatings } from './store';

const ISO_DAY = z.iso.date('Ngày có dạng YYYY-MM-DD, ví dụ 2026-03-31');

const filters = z.object({
  from: ISO_DAY.optional(),
  to: ISO_DAY.optional(),
  quarter: z
    .string()
    .regex(/^20\d{2}-Q[1-4]$/, 'Quý có dạng 2026-Q1')
    .optional()
    .describe('Một quý (thay cho from, to); mặc định: quý hiện tại'),
  ward: WARD_CODE.optional(),
});
type Filters = z.infer<typeof filters>;

const PATH = '/indicators/satisfaction';

interface Period {
  from: string;
  to: string;
}

function periodOf(query: Filters, today: string): Period {
  const quarter = query.quarter ? parseQuarter(query.quarter) : null;
  if (quarter && (query.from || query.to)) {
    const message = 'Chọn một quý hoặc một khoảng ngày, không chọn cả hai.';
    throw new AppError('VALIDATION_FAILED', message, { 'querystring/quarter': message });
  }
  const whole = quarter ?? (query.from || query.to ? null : quarterOf(today));
  if (whole) return { from: whole.from, to: whole.to };
  const to = query.to ?? today;
  const from = query.from ?? quarterOf(to).from;
  checkPeriod(from, to);
  return { from, to };
}

/** The link to the ballots behind one figure, with the same period, ward and procedure or officer. */
function hrefOf(key: FigureKey, period: Period, wardCode: string, scope: Scope): string {
  const params = new URLSearchParams({ figure: key, from: period.from, to: period.to, ward: wardCode });
  if (scope.procedureCode) params.set('procedure', scope.procedureCode);
  if (scope.officerId) params.set('officer', scope.officerId);
  return `/api/v1${PATH}/ratings?${params.toString()}`;
}

export const satisfactionRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;

  /** The ward's ballots of the period (by the day they were cast, Vietnam time). */
  async function load(staff: ReturnType<typeof currentStaff>, query: Filters) {
    const ward = await readableWard(db, staff, query.ward);
    const period = periodOf(query, toLocalDate(deps.clock.now()));
    const { start, end } = periodInstants(period);
    const quarter = quarterMatching(period.from, period.to);
    return {
      ward,
      period: { ...period, quarter: quarter && { key: quarter.key, label: quarter.label } },
      rows: await listRatings(db, ward.code, start, end),
    };
  }

  const figuresOf = (rows: RatingRow[], period: Period, wardCode: string, scope: Scope) =>
    computeFigures(
      rows.filter((row) => inScope(row, scope)),
      subjectOf(scope),
    ).map((figure) => ({
      ...figure,
      href: hrefOf(figure.key, period, wardCode, scope),
    }));

  app.get(
    PATH,
    {
      config: { policy: { permission: 'indicators.read' } },
      schema: {
        tags: ['indicators'],
        summary:
          'Mức độ hài lòng của công dân trong kỳ (mặc định: quý hiện tại): của phường, từng thủ tục (đánh giá việc giải quyết) và từng cán bộ (đánh giá cán bộ trả kết quả); số phiếu mỗi mức và tỷ lệ hài lòng',
        querystring: filters,
      },
    },
    async (request) => {
      const { ward, period, rows } = await load(currentStaff(request), request.query);
      return {
        period,
        ward,
        basis: [BASIS.levels, BASIS.mdhl, BASIS.officer],
        figures: figuresOf(rows, period, ward.code, {}),
        procedures: groupBy(rows, 'procedure').map((group) => ({
          code: group.id,
          name: group.name,
          figures: figuresOf(group.rows, period, ward.code, { procedureCode: group.id }),
        })),
        officers: groupBy(rows, 'officer').map((group) => ({
          id: group.id,
          name: group.name,
          figures: figuresOf(group.rows, period, ward.code, { officerId: group.id }),
        })),
      };
    },
  );

  app.get(
    `${PATH}/ratings`,
    {
      config: { policy: { permission: 'indicators.read' } },
      schema: {
        tags: ['indicators'],
        summary:
          'Các phiếu đánh giá được tính vào một chỉ số hài lòng (với tỷ lệ: các phiếu ở tử số), của phường, một thủ tục hoặc một cán bộ',
        querystring: filters.extend({
          figure: z.enum(FIGURE_KEYS),
          procedure: z
            .string()
            .regex(/^\d\.\d{6}$/, 'Mã thủ tục có dạng 1.001193')
            .optional(),
          officer: z.uuid('Mã cán bộ không hợp lệ').optional(),
        }),
      },
    },
    async (request) => {
      const { ward, period, rows } = await load(currentStaff(request), request.query);
      const { figure: key, procedure, officer } = request.query;
      const scope: Scope = { procedureCode: procedure, officerId: officer };
      const scoped = rows.filter((row) => inScope(row, scope));
      return {
        figure: { key, label: FIGURE_LABELS[key] },
        period,
        ward,
        items: ratingsOf(scoped, key, subjectOf(scope)).map((row) => ({
          dossierCode: row.dossierCode,
          procedureCode: row.procedureCode,
          procedureName: row.procedureName,
          level: row.level,
          levelLabel: LEVEL_LABELS[row.level],
          officerLevel: row.officerLevel,
          officerLevelLabel: row.officerLevel && LEVEL_LABELS[row.officerLevel],
          officerId: row.officerId,
          officerName: row.officerName,
          comment: row.comment,
          channel: row.channel,
          counterId: row.counterId,
          createdAt: row.createdAt.toISOString(),
        })),
      };
    },
  );
};
