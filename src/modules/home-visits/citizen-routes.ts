import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { currentCitizenSession } from '../../platform/citizens/session';
import { auditContext } from '../../platform/http/context';
import type { RouteOptions } from '../../platform/http/deps';
import { REQUIRED_IDEMPOTENCY_HEADERS } from '../../platform/http/schemas';
import { citizenRequestBody } from './request-body';
import { fileRequest } from './service';
import { listRequestedBy } from './store';
import { requesterView } from './views';

/**
 * A citizen asks, on the portal, for an officer to come to the home of a person who cannot travel (for
 * themselves or a relative). Signed in, so that the request comes from a verified account the centre can
 * call back; a few requests an hour from one address, and three waiting at once per account (rules.ts).
 */
export const homeVisitCitizenRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;

  app.post(
    '/citizen/home-visits',
    {
      config: { policy: 'citizen', rateLimit: { max: 5, timeWindow: '1 hour' } },
      schema: {
        tags: ['citizen'],
        summary: 'Người dân: đề nghị cán bộ đến nhà tiếp nhận hồ sơ cho người già yếu, khuyết tật, ốm đau',
        headers: REQUIRED_IDEMPOTENCY_HEADERS,
        body: citizenRequestBody,
      },
    },
    async (request, reply) => {
      const { citizen } = currentCitizenSession(request);
      const row = await fileRequest(
        { db, audit: auditContext(request), now: deps.clock.now(), wardCode: deps.config.portalWard },
        request.body,
        { citizenId: citizen.id },
      );
      return reply.status(201).send(requesterView(row));
    },
  );

  app.get(
    '/citizen/home-visits',
    {
      config: { policy: 'citizen' },
      schema: { tags: ['citizen'], summary: 'Người dân: các yêu cầu tiếp nhận tại nhà của tôi và lịch hẹn' },
    },
    async (request) => {
      const { citizen } = currentCitizenSession(request);
      return { items: (await listRequestedBy(db, { citizenId: citizen.id })).map(requesterView) };
    },
  );
};
