import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteOptions } from './deps';

export const healthRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  app.get(
    '/health',
    { config: { policy: 'public' }, schema: { tags: ['platform'], summary: 'Tình trạng hệ thống' } },
    async () => {
      await deps.database.sql.query('SELECT 1');
      return { status: 'ok', database: deps.database.kind, jobs: deps.jobs?.state ?? 'off' };
    },
  );
};
