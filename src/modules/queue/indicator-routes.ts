import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toLocalDate } from '../../platform/calendar/rules';
import { currentStaff } from '../../platform/http/context';
import type { RouteOptions } from '../../platform/http/deps';
import { checkPeriod, readableWard } from '../../platform/http/indicator-query';
import { WARD_CODE } from '../../platform/http/schemas';
import {
  BASIS,
  computeFigures,
  countersOf,
  FIGURE_KEYS,
  FIGURE_LABELS,
  GROUP_KEYS,
  groupsOf,
  inScope,
  ticketsOf,
  type FigureKey,
  type Scope,
} from './rules';
import { ticketJson } from './routes';
import { listTickets, type Ticket } from './store';

const ISO_DAY = z.iso.date('Ngày có dạng YYYY-MM-DD, ví dụ 2026-03-31');

const filters = z.object({
  from: ISO_DAY.optional().describe('Ngày đầu kỳ (ngày cấp số); mặc định: ngày đầu tháng của ngày cuối kỳ'),
  to: ISO_DAY.optional().describe('Ngày cuối kỳ; mặc định: hôm nay'),
  ward: WARD_CODE.optional(),
});
type Filters = z.infer<typeof filters>;

const PATH = '/indicators/queue';

interface Period {
  from: string;
  to: string;
}

function periodOf(query: Filters, today: string): Period {
  const to = query.to ?? today;
  const from = query.from ?? `${to.slice(0, 8)}01`;
  checkPeriod(from, to);
  return { from, to };
}

/** The link to the tickets behind one figure, with the same period, ward and counter or group. */
function hrefOf(key: FigureKey, period: Period, wardCode: string, scope: Scope): string {
  const params = new URLSearchParams({ figure: key, from: period.from, to: period.to, ward: wardCode });
  if (scope.counterId) params.set('counter', scope.counterId);
  if (scope.groupKey) params.set('group', scope.groupKey);
  return `/api/v1${PATH}/tickets?${params.toString()}`;
}

export const queueIndicatorRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;

  /** Staff see their own ward; the city reviewer names a ward of its province. */
  async function load(staff: ReturnType<typeof currentStaff>, query: Filters) {
    const ward = await readableWard(db, staff, query.ward);
    const wardCode = ward.code;
    const period = periodOf(query, toLocalDate(deps.clock.now()));
    return {
      ward: { code: wardCode, name: ward.name },
      period,
      tickets: await listTickets(db, wardCode, period.from, period.to),
    };
  }

  const figuresOf = (tickets: Ticket[], period: Period, wardCode: string, scope: Scope) =>
    computeFigures(tickets.filter((t) => inScope(t, scope))).map((figure) => ({
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
          'Số thứ tự tại Trung tâm Phục vụ hành chính công trong kỳ (theo ngày cấp số): số phiếu đã cấp, đã phục vụ, vắng mặt, thời gian chờ trung bình và phân vị 90, thời gian phục vụ trung bình; của phường, từng quầy (các số quầy đã gọi) và từng lĩnh vực',
        querystring: filters,
      },
    },
    async (request) => {
      const { ward, period, tickets } = await load(currentStaff(request), request.query);
      return {
        period,
        ward,
        basis: [BASIS.queue, BASIS.numbering, BASIS.noShow],
        figures: figuresOf(tickets, period, ward.code, {}),
        counters: countersOf(tickets).map((counter) => ({
          ...counter,
          figures: figuresOf(tickets, period, ward.code, { counterId: counter.id }),
        })),
        groups: groupsOf(tickets).map((group) => ({
          key: group.key,
          letter: group.letter,
          name: group.name,
          figures: figuresOf(tickets, period, ward.code, { groupKey: group.key }),
        })),
      };
    },
  );

  app.get(
    `${PATH}/tickets`,
    {
      config: { policy: { permission: 'indicators.read' } },
      schema: {
        tags: ['indicators'],
        summary:
          'Các số thứ tự được tính vào một chỉ số (thời gian: các số được đo; tỷ lệ: các số ở tử số), của phường, một quầy hoặc một lĩnh vực',
        querystring: filters.extend({
          figure: z.enum(FIGURE_KEYS),
          counter: z
            .string()
            .regex(/^\d{5}-[1-9]\d?$/, 'Mã quầy có dạng 10507-2')
            .optional(),
          group: z.enum(GROUP_KEYS).optional(),
        }),
      },
    },
    async (request) => {
      const { ward, period, tickets } = await load(currentStaff(request), request.query);
      const { figure: key, counter, group } = request.query;
      const scoped = tickets.filter((t) => inScope(t, { counterId: counter, groupKey: group }));
      return {
        figure: { key, label: FIGURE_LABELS[key] },
        period,
        ward,
        items: ticketsOf(scoped, key).map(ticketJson),
      };
    },
  );
};
