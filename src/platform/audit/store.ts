import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/connect';
import { auditLog } from './schema';
import { chainHash, GENESIS_HASH, type ChainedFields } from './chain';

/** Who acted and from where; built once per request by the HTTP layer. */
export interface AuditContext {
  actor: { id: string; name: string; role: string } | null;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string | null;
  wardCode?: string | null;
  summary?: Record<string, unknown>;
}

export const SYSTEM_CONTEXT: AuditContext = {
  actor: { id: 'system', name: 'Hệ thống', role: 'system' },
  ip: null,
  userAgent: null,
};

// Any constant works; it only has to be the same for every writer of the chain.
const CHAIN_LOCK = 7_301_2026;

/** Appends one record to the chain. Call it inside the transaction that makes the change it describes. */
export async function recordAudit(tx: Db, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const fields: ChainedFields = {
    at: new Date().toISOString(),
    wardCode: entry.wardCode ?? null,
    actorId: ctx.actor?.id ?? null,
    actorName: ctx.actor?.name ?? null,
    actorRole: ctx.actor?.role ?? null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    summary: entry.summary ?? {},
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditLog).values({ ...fields, prevHash, hash: chainHash(prevHash, fields) });
}

export interface ChainBreak {
  id: number;
  reason: 'hash_mismatch' | 'broken_link';
}

/** Walks the whole chain in id order; returns the first record whose hash or link does not hold. */
export async function verifyChain(
  db: Db,
  batchSize = 1000,
): Promise<{ checked: number; firstBreak: ChainBreak | null }> {
  let prevHash = GENESIS_HASH;
  let afterId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.id} > ${afterId}`)
      .orderBy(auditLog.id)
      .limit(batchSize);
    for (const row of rows) {
      if (row.prevHash !== prevHash) return { checked, firstBreak: { id: row.id, reason: 'broken_link' } };
      if (chainHash(row.prevHash, row) !== row.hash)
        return { checked, firstBreak: { id: row.id, reason: 'hash_mismatch' } };
      prevHash = row.hash;
      afterId = row.id;
      checked++;
    }
    if (rows.length < batchSize) return { checked, firstBreak: null };
  }
}

export interface AuditListFilter {
  wardCode: string | null;
  beforeId?: number;
  limit: number;
}

export function listAudit(db: Db, filter: AuditListFilter) {
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        filter.wardCode ? eq(auditLog.wardCode, filter.wardCode) : undefined,
        filter.beforeId ? lt(auditLog.id, filter.beforeId) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(filter.limit);
}
