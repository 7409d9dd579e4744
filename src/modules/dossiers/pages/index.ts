/**
 * `/tra-cuu` and `/tra-cuu/<code>`: dossier tracking for anyone holding the receipt. The dossier's page comes from
 * the public view cache (../public-view: one indexed query at most once a second per code, the HTML rendered
 * once, an ETag), the ward's contact from a short-lived memory cache; an unknown code is answered 404 and
 * `no-store`, and is not remembered.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteOptions } from '../../../platform/http/deps';
import { queryText, sendHtml, wardInfoCache } from '../../../platform/http/html';
import { publicViewCache, rendered, sendRendered } from '../public-view';
import { CODE_MESSAGE, dossierNotFoundPage, trackingFormPage, trackingPage } from './tracking';

const CODE = /^\d{5}-\d{6}-\d{4}$/;
const PAGE = { config: { policy: 'public' as const }, schema: { hide: true } };
const NO_STORE = { cache: 'no-store' };
const HTML = 'text/html; charset=utf-8';

/**
 * What the citizen typed → the canonical code, or null. Spaces and the dashes a phone keyboard may
 * substitute are forgiven; fifteen digits without dashes are accepted too.
 */
export function normaliseDossierCode(typed: string): string | null {
  const compact = typed.replace(/[\u2010-\u2015\u2212]/g, '-').replace(/\s+/g, '');
  if (CODE.test(compact)) return compact;
  const digits = /^\d{15}$/.test(compact) ? compact : null;
  return digits ? `${digits.slice(0, 5)}-${digits.slice(5, 11)}-${digits.slice(11)}` : null;
}

export const dossierPages: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;
  const portalWard = deps.config.portalWard;
  const wardInfo = wardInfoCache(db);
  const views = publicViewCache(db);

  app.get('/tra-cuu', PAGE, async (request, reply) => {
    const ward = await wardInfo(portalWard);
    const asked = Object.hasOwn((request.query ?? {}) as object, 'ma');
    if (!asked) return sendHtml(reply, trackingFormPage({}, ward));
    const typed = queryText(request.query, 'ma', 40);
    const code = normaliseDossierCode(typed);
    if (code) return reply.redirect(`/tra-cuu/${code}`, 303);
    return sendHtml(reply, trackingFormPage({ value: typed, error: CODE_MESSAGE }, ward), { status: 400 });
  });

  app.get('/tra-cuu/', PAGE, (_request, reply) => reply.redirect('/tra-cuu', 301));

  async function answerTracking(request: FastifyRequest, reply: FastifyReply, code: string) {
    const canonical = normaliseDossierCode(code);
    if (canonical && canonical !== code) return reply.redirect(`/tra-cuu/${canonical}`, 301);
    const entry = canonical ? await views.get(canonical) : undefined;
    if (!entry) {
      return sendHtml(reply, dossierNotFoundPage(code, await wardInfo(portalWard)), {
        status: 404,
        ...NO_STORE,
      });
    }
    entry.html ??= rendered(trackingPage(entry.view, await wardInfo(entry.wardCode), deps.clock.now()));
    return sendRendered(request, reply, entry.html, HTML);
  }

  // A page in memory is answered at once; the rest (redirects, reads, rendering) waits its turn.
  app.get('/tra-cuu/:code', PAGE, (request, reply) => {
    const { code } = request.params as { code: string };
    const html = views.peek(code)?.html;
    return html ? sendRendered(request, reply, html, HTML) : answerTracking(request, reply, code);
  });
};
