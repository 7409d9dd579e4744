import { and, asc, desc, eq, gt, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/connect';
import { params, placeholders } from '../db/prepared';
import { chainHash, GENESIS_HASH } from './chain';
import { auditLog } from './schema';
import { noteAuditWrite } from './sealer';

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

/** What a record is written with, besides its target; its place in the chain and its hashes come when sealed. */
const WRITTEN = [
  'at',
  'wardCode',
  'actorId',
  'actorName',
  'actorRole',
  'action',
  'targetType',
  'ip',
  'userAgent',
  'summary',
] as const;

type Written = { [K in (typeof WRITTEN)[number]]: (typeof auditLog.$inferInsert)[K] };

function unsealed(ctx: AuditContext, entry: Omit<AuditEntry, 'targetId'>): Written {
  noteAuditWrite();
  return {
    at: new Date().toISOString(),
    wardCode: entry.wardCode ?? null,
    actorId: ctx.actor?.id ?? null,
    actorName: ctx.actor?.name ?? null,
    actorRole: ctx.actor?.role ?? null,
    action: entry.action,
    targetType: entry.targetType,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    summary: entry.summary ?? {},
  };
}

/**
 * Writes one record, unsealed: it commits or rolls back with the change, and is chained after the commit
 * (sealer.ts). Call it inside the transaction that makes the change it describes.
 */
export async function recordAudit(tx: Db, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({ ...unsealed(ctx, entry), targetId: entry.targetId ?? null });
}

/** An entry whose target is only known inside the statement that makes the change (a value of a WITH query). */
export interface ChainedEntry extends Omit<AuditEntry, 'targetId'> {
  targetId: SQL;
}

/** recordAudit's insert, not run: for a single statement that writes a change and its record together. */
export function auditInsert(db: Db, ctx: AuditContext, entry: ChainedEntry) {
  return db.insert(auditLog).values({ ...unsealed(ctx, entry), targetId: entry.targetId });
}

export interface AuditRecord {
  context: AuditContext;
  entry: Omit<AuditEntry, 'targetId'>;
}

/**
 * recordAudit's inserts inside a prepared statement that writes changes and their records together: record i
 * has the placeholders `${prefix}.${i}.*`, which auditParams fills, and `targets[i]`, an expression of the
 * statement (a value of a WITH query).
 */
export function auditInsertTemplate(db: Db, prefix: string, targets: readonly SQL[]) {
  return db
    .insert(auditLog)
    .values(targets.map((targetId, i) => ({ ...placeholders(`${prefix}.${i}`, WRITTEN), targetId })));
}

export function auditParams(prefix: string, records: readonly AuditRecord[]): Record<string, unknown> {
  return Object.assign(
    {},
    ...records.map((record, i) => params(`${prefix}.${i}`, auditLog, unsealed(record.context, record.entry))),
  );
}

export interface ChainBreak {
  id: number;
  /** unsealed: written minutes ago and still outside the chain. */
  reason: 'hash_mismatch' | 'broken_link' | 'unsealed';
}

/** A record the sealer has not chained after this long is reported: sealing is not running. */
export const UNSEALED_LIMIT_MINUTES = 5;

/**
 * Walks the whole chain in its order, reading only; returns the first record whose hash or link does not hold,
 * else the oldest record left unsealed for more than UNSEALED_LIMIT_MINUTES. Seal first (sealAudit) to verify
 * up to the last commit.
 */
export async function verifyChain(
  db: Db,
  batchSize = 1000,
): Promise<{ checked: number; firstBreak: ChainBreak | null }> {
  let prevHash = GENESIS_HASH;
  let afterPosition = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.chainPosition, afterPosition))
      .orderBy(asc(auditLog.chainPosition))
      .limit(batchSize);
    for (const row of rows) {
      if (row.prevHash !== prevHash) return { checked, firstBreak: { id: row.id, reason: 'broken_link' } };
      if (chainHash(prevHash, row) !== row.hash)
        return { checked, firstBreak: { id: row.id, reason: 'hash_mismatch' } };
      prevHash = row.hash;
      afterPosition = row.chainPosition ?? afterPosition;
      checked++;
    }
    if (rows.length < batchSize) break;
  }
  const [stale] = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        isNull(auditLog.chainPosition),
        lt(auditLog.at, sql`now() - make_interval(mins => ${UNSEALED_LIMIT_MINUTES})`),
      ),
    )
    .orderBy(asc(auditLog.id))
    .limit(1);
  return { checked, firstBreak: stale ? { id: stale.id, reason: 'unsealed' } : null };
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
