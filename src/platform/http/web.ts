import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors';

export const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/web');

function isFile(relative: string): boolean {
  const full = path.join(WEB_DIR, relative);
  if (!full.startsWith(WEB_DIR + path.sep)) return false;
  try {
    return fs.statSync(full, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    return false; // ENAMETOOLONG and the like: a URL no file can match
  }
}

/**
 * Serves the two built front-end bundles: the staff workspace under `/staff/` and the citizen portal for
 * every other path that is not the API. Unknown pages fall back to the bundle's index (client routing).
 */
export async function installWeb(app: FastifyInstance): Promise<void> {
  if (!fs.existsSync(path.join(WEB_DIR, 'index.html'))) {
    app.log.warn('dist/web is missing: run `npm run build:web` to serve the web pages');
  }
  await app.register(fastifyStatic, { root: WEB_DIR, serve: false });
  app.get('/*', { config: { policy: 'public' }, schema: { hide: true } }, (request, reply) => {
    const pathname = decodeURIComponent(request.url.split('?')[0] ?? '/');
    if (pathname.startsWith('/api/')) throw new AppError('NOT_FOUND');
    const relative = pathname.replace(/^\/+/, '');
    if (relative && isFile(relative)) {
      const immutable = relative.startsWith('assets/');
      return reply.sendFile(relative, { maxAge: immutable ? '365d' : 0, immutable });
    }
    const index = pathname === '/staff' || pathname.startsWith('/staff/') ? 'staff/index.html' : 'index.html';
    if (!isFile(index)) throw new AppError('NOT_FOUND', 'Giao diện web chưa được dựng (npm run build:web).');
    return reply.type('text/html; charset=utf-8').sendFile(index, { maxAge: 0 });
  });
}
