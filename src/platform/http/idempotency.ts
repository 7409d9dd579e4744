import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/connect';
import { canonicalJson } from '../audit/chain';
import { AppError } from './errors';
import { idempotencyKeys } from './schema';

const HEADER = 'idempotency-key';
const KEY_SHAPE = /^[A-Za-z0-9_.:-]{8,100}$/;

function scopeOf(request: FastifyRequest): string {
  return request.session ? `staff:${request.session.staff.id}` : `ip:${request.ip}`;
}

function requestHash(request: FastifyRequest): string {
  return createHash('sha256')
    .update(
      `${request.method} ${request.routeOptions.url ?? request.url}\n${canonicalJson(request.params)}\n`,
    )
    .update(canonicalJson(request.body ?? null))
    .digest('hex');
}

/**
 * A mutation sent with an `Idempotency-Key` header is applied once: a retry with the same key and the same
 * request gets the stored answer back; the same key on a different request is refused.
 */
export function installIdempotency(app: FastifyInstance, db: Db): void {
  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers[HEADER];
    if (typeof key !== 'string' || request.method === 'GET' || request.method === 'HEAD') return;
    if (!KEY_SHAPE.test(key)) {
      throw new AppError('BAD_REQUEST', 'Idempotency-Key cần 8–100 ký tự chữ, số hoặc . _ : -', {
        'header idempotency-key': 'Idempotency-Key cần 8–100 ký tự chữ, số hoặc . _ : -',
      });
    }
    const [stored] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, scopeOf(request)), eq(idempotencyKeys.key, key)));
    if (!stored) return;
    if (stored.requestHash !== requestHash(request)) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    reply.header('idempotent-replay', 'true');
    return reply.status(stored.statusCode).send(stored.body ?? undefined);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const key = request.headers[HEADER];
    if (typeof key !== 'string' || !KEY_SHAPE.test(key) || reply.getHeader('idempotent-replay'))
      return payload;
    if (request.method === 'GET' || reply.statusCode >= 500) return payload;
    const isJson = String(reply.getHeader('content-type') ?? '').includes('json');
    const body = isJson && typeof payload === 'string' && payload.length > 0 ? JSON.parse(payload) : null;
    await db
      .insert(idempotencyKeys)
      .values({
        scope: scopeOf(request),
        key,
        requestHash: requestHash(request),
        statusCode: reply.statusCode,
        body,
      })
      .onConflictDoNothing();
    return payload;
  });
}
