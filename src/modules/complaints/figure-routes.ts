/**
 * The leader's dashboard figures of complaints and denunciations: open, due soon and late at the current stage,
 * and the share resolved on time. Counts only: no complainant's data and nothing of the sealed identity is read.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteOptions } from '../../platform/http/deps';
import { complaintDeadline, deadlineCounts, denunciationDeadline, resolutionRate } from './presenters';
import { stepRunner } from './route-context';
import * as store from './store';

export const complaintFigureRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;
  const { view } = stepRunner(deps);

  app.get(
    '/complaints/figures',
    {
      config: { policy: { permission: 'complaints.read' } },
      schema: {
        tags: ['complaints'],
        summary:
          'Số khiếu nại đang giải quyết, sắp đến hạn, quá hạn (theo bước hiện tại) và tỷ lệ giải quyết đúng hạn; không có thông tin người khiếu nại',
      },
    },
    async (request) => {
      const { staff, today, calendar } = await view(request);
      const open = await store.openComplaintDeadlines(db, staff.wardCode);
      return {
        today,
        counts: deadlineCounts(open.map((row) => complaintDeadline(row, today, calendar))),
        resolutionRate: resolutionRate(await store.complaintResolutions(db, staff.wardCode)),
      };
    },
  );

  app.get(
    '/denunciations/figures',
    {
      config: { policy: { permission: 'denunciations.read' } },
      schema: {
        tags: ['denunciations'],
        summary:
          'Số tố cáo đang xử lý, sắp đến hạn, quá hạn (theo bước hiện tại) và tỷ lệ giải quyết đúng hạn (tính cả gia hạn); không chạm đến thông tin người tố cáo',
      },
    },
    async (request) => {
      const { staff, today, calendar } = await view(request);
      const open = await store.openDenunciationDeadlines(db, staff.wardCode);
      return {
        today,
        counts: deadlineCounts(open.map((row) => denunciationDeadline(row, today, calendar))),
        resolutionRate: resolutionRate(await store.denunciationResolutions(db, staff.wardCode)),
      };
    },
  );
};
