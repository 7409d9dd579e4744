import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type {
  FastifyInstance,
  FastifyRequest,
  onSendAsyncHookHandler,
  preHandlerAsyncHookHandler,
} from 'fastify';
import { batched } from '../db/batch';
import type { Db } from '../db/connect';
import { canonicalJson } from '../audit/chain';
import { AppError } from './errors';
import { MUTATING } from './guard';
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
function requestHashOf(request: FastifyRequest): string | null {
  try {
    return (
      createHash('sha256')
        .update(
          `${request.method} ${request.routeOptions.url ?? request.url}\n${canonicalJson(request.params)}\n`,
        )
        // A file sent as its bytes is hashed as they are (canonicalJson would walk them one by one).
        .update(Buffer.isBuffer(request.body) ? request.body : canonicalJson(request.body ?? null))
        .digest('hex')
    );
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

interface Reservation {
  scope: string;
  key: string;
  requestHash: string;
}

interface Answer {
  scope: string;
  key: string;
  statusCode: number;
  /** JSON text as sent, or null for an answer without a JSON body. */
  body: string | null;
}

const idOf = (r: { scope: string; key: string }) => `${r.scope}\n${r.key}`;

/** The writes of concurrent keyed mutations, each kind together in one statement (db/batch.ts). */
function keyWrites(db: Db) {
  return {
    /** True for each reservation made; a key already held, or asked for twice at once, is reserved once. */
    reserve: batched(async (asked: Reservation[]) => {
      const firsts = asked.filter((r, i) => asked.findIndex((other) => idOf(other) === idOf(r)) === i);
      const made = await db
        .insert(idempotencyKeys)
        .values(firsts.map((r) => ({ ...r, statusCode: PENDING, body: null })))
        .onConflictDoNothing()
        .returning({ scope: idempotencyKeys.scope, key: idempotencyKeys.key });
      const madeIds = new Set(made.map(idOf));
      return asked.map((r) => firsts.includes(r) && madeIds.has(idOf(r)));
    }),
    answer: batched(async (answers: Answer[]) => {
      const rows = answers.map((a) => sql`(${a.scope}, ${a.key}, ${a.statusCode}::int, ${a.body}::jsonb)`);
      await db.execute(sql`
        UPDATE ${idempotencyKeys} SET status_code = answer.status_code, body = answer.body
        FROM (VALUES ${sql.join(rows, sql`, `)}) AS answer (scope, key, status_code, body)
        WHERE ${idempotencyKeys.scope} = answer.scope AND ${idempotencyKeys.key} = answer.key
          AND ${idempotencyKeys.statusCode} = ${PENDING}`);
      return answers.map(() => undefined);
    }),
  };
}

const writesOf = new WeakMap<Db, ReturnType<typeof keyWrites>>();

/**
 * A mutation sent with an `Idempotency-Key` header is applied once: a retry with the same key and the same
 * request gets the stored answer back; the same key on a different request is refused.
 */
export function installIdempotency(app: FastifyInstance, db: Db): void {
  let writes = writesOf.get(db);
  if (!writes) writesOf.set(db, (writes = keyWrites(db)));
  const { reserve, answer } = writes;

  const reserveKey: preHandlerAsyncHookHandler = async (request, reply) => {
    const key = request.headers[HEADER];
    if (typeof key !== 'string') return;
    if (!KEY_SHAPE.test(key)) {
      throw new AppError('BAD_REQUEST', 'Idempotency-Key cần 8–100 ký tự chữ, số hoặc . _ : -', {
        'header idempotency-key': 'Idempotency-Key cần 8–100 ký tự chữ, số hoặc . _ : -',
      });
    }
    const requestHash = requestHashOf(request);
    if (requestHash === null) throw new AppError('BAD_REQUEST');
    const scope = scopeOf(request);
    // Reserve the key before the handler runs, so two concurrent retries cannot both apply the change.
    if (await reserve({ scope, key, requestHash })) {
      owners.add(request);
      return;
    }
    const [stored] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    if (stored && stored.requestHash !== requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    if (!stored || stored.statusCode === PENDING) throw new AppError('CONFLICT', IN_PROGRESS);
    reply.header('idempotent-replay', 'true');
    return reply.status(stored.statusCode).send(stored.body ?? undefined);
  };

  const storeAnswer: onSendAsyncHookHandler = async (request, reply, payload) => {
    const key = request.headers[HEADER];
    if (typeof key !== 'string' || !owners.delete(request)) return payload;
    const scope = scopeOf(request);
    // A server error applied nothing: free the key so that a retry runs again.
    if (reply.statusCode >= 500) {
      await db
        .delete(idempotencyKeys)
        .where(
          and(
            eq(idempotencyKeys.scope, scope),
            eq(idempotencyKeys.key, key),
            eq(idempotencyKeys.statusCode, PENDING),
          ),
        );
      return payload;
    }
    const isJson = String(reply.getHeader('content-type') ?? '').includes('json');
    // Stored as sent (the jsonb column parses it); SQL NULL for an answer without a JSON body.
    const body = isJson && typeof payload === 'string' && payload.length > 0 ? payload : null;
    await answer({ scope, key, statusCode: reply.statusCode, body });
    return payload;
  };

  // Only on mutations: reads pay nothing for it. Route hooks run after the guard's own preHandler.
  app.addHook('onRoute', (route) => {
    if (![route.method].flat().some((method) => MUTATING.has(method))) return;
    route.preHandler = [...[route.preHandler ?? []].flat(), reserveKey];
    route.onSend = [...[route.onSend ?? []].flat(), storeAnswer];
  });
}
