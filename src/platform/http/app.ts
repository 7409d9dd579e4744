import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { installAuditSealer } from '../audit/sealer';
import { provinceOfUnit } from '../wards/store';
import type { Deps, RouteOptions } from './deps';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { installErrorHandler } from './error-handler';
import { envelope } from './errors';
import { installGuard } from './guard';
import { installIdempotency } from './idempotency';
import { installPageStylesheet } from './page-style';
import { installResponseHeaders } from './security-headers';
import { installWeb } from './web';

z.config(z.locales.vi());

export type ApiRoutes = readonly FastifyPluginAsyncZod<RouteOptions>[];

export interface AppOptions {
  logger?: boolean | { level: string };
  /** Where log lines go instead of standard output (tests that read the logs). */
  logStream?: { write(line: string): void };
  /** Multiplies every rate limit; tests that send thousands of requests raise it. */
  rateLimitFactor?: number;
}

const REDACT = [
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
];

export interface RoutePlugins {
  /** Mounted under `/api/v1`. */
  api: ApiRoutes;
  /** Server-rendered pages (procedure guides, tracking), mounted at the root before the front-end bundles. */
  pages: ApiRoutes;
}

/** The HTTP server: shared plugins, the guard, the API and page routes, then the front-end bundles. */
export async function buildApp(
  deps: Deps,
  routes: RoutePlugins,
  options: AppOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: deps.config.logLevel,
            redact: REDACT,
            // Query strings may one day carry personal data (a phone, an ID number): log the path only.
            serializers: { req: (req) => ({ method: req.method, path: req.url.split('?')[0] }) },
            ...(options.logStream ? { stream: options.logStream } : {}),
          },
    trustProxy: process.env.TRUST_PROXY === '1',
    bodyLimit: 1_048_576,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    // The router's own refusals (malformed percent-encoding, over-long path parameter) skip the error handler.
    frameworkErrors: (error, _request, reply) => {
      const status =
        error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
      void (reply as FastifyReply).status(status).send(envelope('BAD_REQUEST'));
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installResponseHeaders(app, deps.config.production);
  await app.register(fastifyCookie);
  const factor = options.rateLimitFactor ?? 1;
  // Runs before the rate-limit plugin's own onRoute hook reads the route's limit.
  app.addHook('onRoute', (route) => {
    const limit = route.config?.rateLimit;
    if (limit && typeof limit === 'object' && typeof limit.max === 'number') {
      route.config = { ...route.config, rateLimit: { ...limit, max: limit.max * factor } };
    }
  });
  // The limit headers go only with a refusal (429 and Retry-After): on every answer they cost each phone bytes.
  await app.register(fastifyRateLimit, {
    global: true,
    max: 600 * factor,
    timeWindow: '1 minute',
    addHeadersOnExceeding: {
      'x-ratelimit-limit': false,
      'x-ratelimit-remaining': false,
      'x-ratelimit-reset': false,
    },
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Chính quyền thân thiện — API', version: '1' },
      servers: [{ url: '/' }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  installGuard(app, {
    db: deps.database.db,
    clock: deps.clock,
    provinceOfWard: (code) => provinceOfUnit(deps.database.db, code),
  });
  installIdempotency(app, deps.database.db);
  installAuditSealer(app, deps.database.db);
  for (const plugin of routes.api) await app.register(plugin, { prefix: '/api/v1', deps });
  installPageStylesheet(app);
  for (const plugin of routes.pages) await app.register(plugin, { deps });
  await installWeb(app);
  return app;
}
