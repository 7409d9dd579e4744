import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/connect';
import { canonicalJson } from '../audit/chain';
import { AppError } from './errors';
import { idempotencyKeys } from './schema';

const HEADER = 'idempotency-key';
const KEY_SHAPE = /^[A-Za-z0-9_.:-]{8,100}$/;
/** Status of a reserved key whose first request is still running. */
const PENDING = 0;
const IN_PROGRESS = 'Yêu cầu với khóa Idempotency-Key này đang được xử lý. Xin vui lòng thử lại sau ít giây.';
/** Requests that reserved their key: only these store an answer (not a refused retry of the same key). */
const owners = new WeakSet<FastifyRequest>();

function scopeOf(request: FastifyRequest): string {
  return request.session ? `staff:${request.session.staff.id}` : `ip:${request.ip}`;
}

/** Null when the body nests too deeply to hash (canonicalJson recurses and would overflow the stack). */
function requestHash(request: FastifyRequest): string | null {
  try {
    return createHash('sha256')
      .update(
        `${request.method} ${request.routeOptions.url ?? request.url}\n${canonicalJson(request.params)}\n`,
      )
      .update(canonicalJson(request.body ?? null))
      .digest('hex');
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
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
    const hash = requestHash(request);
    if (hash === null) throw new AppError('BAD_REQUEST');
    // Reserve the key before the handler runs, so two concurrent retries cannot both apply the change.
    const reserved = await db
      .insert(idempotencyKeys)
      .values({ scope: scopeOf(request), key, requestHash: hash, statusCode: PENDING, body: null })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (reserved.length > 0) {
      owners.add(request);
      return;
    }
    const [stored] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, scopeOf(request)), eq(idempotencyKeys.key, key)));
    if (stored && stored.requestHash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    if (!stored || stored.statusCode === PENDING) throw new AppError('CONFLICT', IN_PROGRESS);
    reply.header('idempotent-replay', 'true');
    return reply.status(stored.statusCode).send(stored.body ?? undefined);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const key = request.headers[HEADER];
    if (typeof key !== 'string' || !owners.delete(request)) return payload;
    const reservation = and(
      eq(idempotencyKeys.scope, scopeOf(request)),
      eq(idempotencyKeys.key, key),
      eq(idempotencyKeys.statusCode, PENDING),
    );
    // A server error applied nothing: free the key so that a retry runs again.
    if (reply.statusCode >= 500) {
      await db.delete(idempotencyKeys).where(reservation);
      return payload;
    }
    const isJson = String(reply.getHeader('content-type') ?? '').includes('json');
    const body = isJson && typeof payload === 'string' && payload.length > 0 ? JSON.parse(payload) : null;
    await db.update(idempotencyKeys).set({ statusCode: reply.statusCode, body }).where(reservation);
    return payload;
  });
}
