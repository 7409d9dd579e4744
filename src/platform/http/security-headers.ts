import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Helmet's security headers for pages, computed once at start-up: with no per-request nonce they depend on
 * the configuration only, and rebuilding them for every request (as @fastify/helmet does) cost about 40 % of a
 * small public page's throughput. Two headers for software long gone are left out: X-Download-Options (Internet
 * Explorer 8) and X-Permitted-Cross-Domain-Policies (Flash).
 */
export function pageSecurityHeaders(production: boolean): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  // Outside production the platform is reached over plain HTTP (a phone on the office network): no HSTS
  // and no upgrade of sub-requests to HTTPS there.
  const middleware = helmet({
    contentSecurityPolicy: {
      directives: {
        'img-src': ["'self'", 'data:'],
        'style-src': ["'self'", "'unsafe-inline'"],
        'upgrade-insecure-requests': production ? [] : null,
      },
    },
    strictTransportSecurity: production,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
  });
  middleware({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

/**
 * The API answers data and files, never a page to render: what OWASP's REST security guidance asks of such
 * answers (nothing may load from them, frame them, sniff them or read them from another site), and HSTS.
 */
export function apiSecurityHeaders(production: boolean): Record<string, string> {
  const hsts = pageSecurityHeaders(production)['strict-transport-security'];
  return {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'cross-origin-resource-policy': 'same-origin',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    ...(hsts ? { 'strict-transport-security': hsts } : {}),
  };
}

export const API_PREFIX = '/api/v1/';

/** Every answer carries its security headers and its request id (set first, so error answers have them too). */
export function installResponseHeaders(app: FastifyInstance, production: boolean): void {
  const page = pageSecurityHeaders(production);
  const api = apiSecurityHeaders(production);
  app.addHook('onRequest', (request, reply, done) => {
    const isApi = request.routeOptions.url?.startsWith(API_PREFIX) === true;
    reply.headers(isApi ? api : page).header('x-request-id', request.id);
    done();
  });
}
