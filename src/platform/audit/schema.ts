import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * Append-only, hash-chained record of every state change and every read of personal data. A record is written
 * unsealed in the transaction of the change it describes; the sealer (sealer.ts) later gives it its place in
 * the chain and its hashes, all three at once.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    wardCode: text('ward_code'),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull(),
    /** 1, 2, 3… in the order the sealer chained the records (ids are taken before commit, out of order). */
    chainPosition: bigint('chain_position', { mode: 'number' }),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('audit_log_ward_idx').on(t.wardCode, t.id),
    uniqueIndex('audit_log_chain_position_idx').on(t.chainPosition),
    index('audit_log_unsealed_idx')
      .on(t.id)
      .where(sql`${t.chainPosition} IS NULL`),
    check(
      'audit_log_sealed_whole',
      sql`(${t.chainPosition} IS NULL) = (${t.prevHash} IS NULL) AND (${t.prevHash} IS NULL) = (${t.hash} IS NULL)`,
    ),
  ],
);
