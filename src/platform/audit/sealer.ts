/**
 * Sealing the audit chain. A business transaction only inserts its record (no lock, no read of the last hash),
 * so intakes and other changes never queue behind one another for the chain. After they commit, the sealer
 * gives the committed records that have no place yet their place (`chain_position` 1, 2, 3…), the previous
 * record's hash and their own, in id order, a batch at a time under one advisory lock: two sealers (two
 * processes on one PostgreSQL) take turns, and each reads the end of the chain only once it holds the lock.
 *
 * In the server it runs right after a request that wrote a record has been answered (so after its commit),
 * runs coalesced to one at a time, every few seconds for records written elsewhere (jobs, another process),
 * and before every verification. Until it runs a record is written but not yet chained: the verifier reports
 * one left unsealed for minutes.
 */
import { asc, desc, isNotNull, isNull, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connect';
import { chainHash, GENESIS_HASH } from './chain';
import { auditLog } from './schema';

// Any constant works; it only has to be the same for every sealer of the chain.
const CHAIN_LOCK = 7_301_2026;
const BATCH_SIZE = 500;
/** Records committed within this delay of one another are sealed by one run (a run is six round trips). */
const COALESCE_MS = 100;
/** Records written outside this process's requests are sealed within this period. */
const PERIOD_MS = 2_000;

let writes = 0;

/** Called by every record write: the server's sealer looks for records after the request that wrote one. */
export function noteAuditWrite(): void {
  writes++;
}

/** Seals one batch (at most `batchSize` records) inside `tx`, which holds the chain's lock until it ends. */
export async function sealBatch(tx: Db, batchSize = BATCH_SIZE): Promise<number> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`);
  // Read after the lock, in statements of their own: they see what the previous holder committed.
  const [last] = await tx
    .select({ position: auditLog.chainPosition, hash: auditLog.hash })
    .from(auditLog)
    .where(isNotNull(auditLog.chainPosition))
    .orderBy(desc(auditLog.chainPosition))
    .limit(1);
  const rows = await tx
    .select()
    .from(auditLog)
    .where(isNull(auditLog.chainPosition))
    .orderBy(asc(auditLog.id))
    .limit(batchSize);
  if (rows.length === 0) return 0;
  let position = last?.position ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const sealed = rows.map((row) => {
    const hash = chainHash(prevHash, row);
    const values = sql`(${row.id}::bigint, ${++position}::bigint, ${prevHash}, ${hash})`;
    prevHash = hash;
    return values;
  });
  await tx.execute(sql`
    UPDATE ${auditLog} SET chain_position = v.position, prev_hash = v.prev_hash, hash = v.hash
    FROM (VALUES ${sql.join(sealed, sql`, `)}) AS v (id, position, prev_hash, hash)
    WHERE ${auditLog.id} = v.id AND ${auditLog.chainPosition} IS NULL`);
  return rows.length;
}

/** Seals every committed unsealed record; returns how many it sealed. */
export async function sealAudit(db: Db, batchSize = BATCH_SIZE): Promise<number> {
  let total = 0;
  for (;;) {
    const sealed = await db.transaction((tx) => sealBatch(tx, batchSize));
    total += sealed;
    if (sealed < batchSize) return total;
  }
}

/** One process's sealer: one run at a time, requests that come during a run get one more run after it. */
export class AuditSealer {
  private running: Promise<void> | null = null;
  private again = false;
  private soon: NodeJS.Timeout | null = null;
  private readonly period: NodeJS.Timeout;
  private seenWrites = writes;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly onError: (error: unknown) => void,
  ) {
    this.period = setInterval(() => this.wake(), PERIOD_MS).unref();
  }

  /** Seals soon if a record was written in this process since the last look. */
  afterWrites(): void {
    if (writes === this.seenWrites) return;
    this.seenWrites = writes;
    this.wake();
  }

  wake(): void {
    if (this.soon || this.stopped) return;
    this.soon = setTimeout(() => {
      this.soon = null;
      void this.run();
    }, COALESCE_MS);
  }

  private run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = sealAudit(this.db)
      .then(() => undefined, this.onError)
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
    return this.running;
  }

  /** Stops the timers and seals what is left, before the database closes. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.period);
    if (this.soon) clearTimeout(this.soon);
    await this.running;
    await sealAudit(this.db).catch(this.onError);
  }
}

/** The server's sealer: after every answer to a request that wrote a record, and on a timer. */
export function installAuditSealer(app: FastifyInstance, db: Db): void {
  const sealer = new AuditSealer(db, (error) => app.log.error({ err: error }, 'audit sealing failed'));
  app.addHook('onResponse', (_request, _reply, done) => {
    sealer.afterWrites();
    done();
  });
  app.addHook('onClose', () => sealer.stop());
}
