import type { FastifyInstance } from 'fastify';

/**
 * HTML forms (and GeoReport clients) post `application/x-www-form-urlencoded`: their fields become a plain
 * object, the last value of a repeated name winning. Only the plugin scope that calls this accepts them.
 */
export function acceptFormBodies(app: FastifyInstance, bodyLimit = 16_384): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
}
