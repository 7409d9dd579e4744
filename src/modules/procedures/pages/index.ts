/**
 * Server-rendered procedure guides of the portal's ward: the list with search, one guide, its printable
 * version, its QR code (SVG, PNG) and the A4 sheet of every QR code. Plain HTML, no script; stable URLs that
 * the printed QR codes point to.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteOptions } from '../../../platform/http/deps';
import { queryText, sendHtml, siteOrigin, wardInfoCache } from '../../../platform/http/html';
import { findProcedure, searchProcedures } from '../store';
import { guidePage, printGuidePage, procedureNotFoundPage, type GuideView } from './detail';
import { procedureListPage } from './list';
import { qrPng, qrSvg } from '../../../platform/documents/qr';
import { qrSheetPage } from './sheet';

const CODE = /^\d\.\d{6}$/;
/** Guides change when the ward edits a procedure: browsers and proxies may keep them for five minutes. */
const CACHE = 'public, max-age=300';
const PAGE = { config: { policy: 'public' as const }, schema: { hide: true } };

export const procedurePages: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;
  const wardCode = deps.config.portalWard;
  const wardInfo = wardInfoCache(db);
  const guideUrl = (request: FastifyRequest, code: string) =>
    `${siteOrigin(request, deps.config.publicUrl)}/thu-tuc/${code}`;

  /** The procedure named in the path, or undefined after answering with the 404 page. */
  async function load(request: FastifyRequest, reply: FastifyReply): Promise<GuideView | undefined> {
    const { code } = request.params as { code: string };
    const found = CODE.test(code) ? await findProcedure(db, wardCode, code) : undefined;
    const ward = await wardInfo(wardCode);
    if (!found) {
      await sendHtml(reply, procedureNotFoundPage(ward), { status: 404 });
      return undefined;
    }
    return {
      code: found.code,
      version: found.version,
      procedure: found.definition,
      ward,
      pageUrl: guideUrl(request, found.code),
    };
  }

  app.get('/thu-tuc', PAGE, async (request, reply) => {
    const query = queryText(request.query, 'q');
    const [rows, ward] = await Promise.all([
      searchProcedures(db, wardCode, query || undefined),
      wardInfo(wardCode),
    ]);
    return sendHtml(reply, procedureListPage(rows, query, ward), { cache: CACHE });
  });

  app.get('/thu-tuc/', PAGE, (_request, reply) => reply.redirect('/thu-tuc', 301));

  app.get('/thu-tuc/ma-qr', PAGE, async (request, reply) => {
    const [rows, ward] = await Promise.all([searchProcedures(db, wardCode), wardInfo(wardCode)]);
    const entries = rows.map((r) => ({
      code: r.code,
      name: r.name,
      field: r.field,
      url: guideUrl(request, r.code),
    }));
    return sendHtml(reply, qrSheetPage(entries, ward), { cache: CACHE });
  });

  app.get('/thu-tuc/:code', PAGE, async (request, reply) => {
    const view = await load(request, reply);
    return view ? sendHtml(reply, guidePage(view), { cache: CACHE }) : reply;
  });

  app.get('/thu-tuc/:code/in', PAGE, async (request, reply) => {
    const view = await load(request, reply);
    return view ? sendHtml(reply, printGuidePage(view), { cache: CACHE }) : reply;
  });

  app.get('/thu-tuc/:code/qr.svg', PAGE, async (request, reply) => {
    const view = await load(request, reply);
    if (!view) return reply;
    const svg = qrSvg(view.pageUrl, { standalone: true, label: `Mã QR: ${view.procedure.name}` });
    return reply.header('cache-control', CACHE).type('image/svg+xml; charset=utf-8').send(svg);
  });

  app.get('/thu-tuc/:code/qr.png', PAGE, async (request, reply) => {
    const view = await load(request, reply);
    if (!view) return reply;
    const png = await qrPng(view.pageUrl);
    return reply.header('cache-control', CACHE).type('image/png').send(png);
  });
};
