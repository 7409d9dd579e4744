import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentStaff } from '../http/context';
import type { RouteOptions } from '../http/deps';
import { listAudit } from './store';

export const auditRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  app.get(
    '/audit',
    {
      config: { policy: { permission: 'audit.read' } },
      schema: {
        tags: ['audit'],
        summary: 'Nhật ký hệ thống (của phường mình; quản trị hệ thống xem tất cả)',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          beforeId: z.coerce.number().int().positive().optional(),
        }),
      },
    },
    async (request) => {
      const staff = currentStaff(request);
      const wardCode = staff.role === 'system_admin' ? null : (staff.wardCode ?? 'none');
      const rows = await listAudit(deps.database.db, { wardCode, ...request.query });
      return {
        records: rows.map((r) => ({
          id: r.id,
          at: new Date(r.at).toISOString(),
          actorName: r.actorName,
          action: r.action,
          targetType: r.targetType,
          targetId: r.targetId,
          wardCode: r.wardCode,
          ip: r.ip,
          summary: r.summary,
        })),
      };
    },
  );
};
