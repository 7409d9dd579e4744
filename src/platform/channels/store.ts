import { and, asc, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/connect';
import { MAX_ATTEMPTS, normaliseRecipient, SEND_LEASE_MS, type AfterFailure, type Channel } from './rules';
import { outboxMessages } from './schema';

export type OutboxMessage = typeof outboxMessages.$inferSelect;

export interface NewMessage {
  wardCode: string;
  channel: Channel;
  /** A phone number for SMS and Zalo, an e-mail address for e-mail. */
  recipient: string;
  templateKey: string;
  subject: string | null;
  body: string;
  reference?: { type: string; id: string };
}

/** The outbox row of a message due now; for a caller that writes it as part of a larger statement. */
export function outboxValues(message: NewMessage, now: Date) {
  const recipient = normaliseRecipient(message.channel, message.recipient);
  // A caller's bug, not the citizen's: recipients are checked where they are entered.
  if (!recipient) throw new Error(`enqueueMessage: not a recipient for ${message.channel}`);
  return {
    wardCode: message.wardCode,
    channel: message.channel,
    recipient,
    templateKey: message.templateKey,
    subject: message.subject,
    body: message.body,
    referenceType: message.reference?.type ?? null,
    referenceId: message.reference?.id ?? null,
    status: 'pending',
    nextAttemptAt: now,
    createdAt: now,
  };
}

/**
 * Puts a message in the outbox. Call it inside the transaction of the change the message reports: nothing is
 * sent before that transaction commits, and nothing at all if it rolls back. After the commit, `pokeDelivery`
 * (jobs.ts) delivers it at once; otherwise the next run of the delivery job does, within a minute.
 */
export async function enqueueMessage(tx: Db, message: NewMessage, now: Date): Promise<string> {
  const [row] = await tx
    .insert(outboxMessages)
    .values(outboxValues(message, now))
    .returning({ id: outboxMessages.id });
  if (!row) throw new Error('enqueueMessage: no row');
  return row.id;
}

/**
 * Ends the messages whose worker died during their last attempt: 'failed', like a send that failed, for staff
 * to see and send again.
 */
export function failAbandoned(db: Db, now: Date) {
  return db
    .update(outboxMessages)
    .set({
      status: 'failed',
      nextAttemptAt: null,
      lastError:
        'Lần gửi cuối bị gián đoạn (máy chủ dừng giữa chừng); chưa rõ tin nhắn đã đến người nhận hay chưa.',
    })
    .where(
      and(
        eq(outboxMessages.status, 'sending'),
        lte(outboxMessages.nextAttemptAt, now),
        gte(outboxMessages.attempts, MAX_ATTEMPTS),
      ),
    )
    .returning({ id: outboxMessages.id });
}

/**
 * Claims up to `limit` due messages for one worker: pending ones whose time has come, and 'sending' ones whose
 * worker's lease ended. Each claim counts an attempt and leases the message for SEND_LEASE_MS. On PostgreSQL,
 * SKIP LOCKED lets workers claim side by side without waiting for each other; on PGlite statements run one at
 * a time anyway.
 */
export function claimDue(db: Db, now: Date, limit: number): Promise<OutboxMessage[]> {
  const due = db
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(
      and(
        inArray(outboxMessages.status, ['pending', 'sending']),
        lte(outboxMessages.nextAttemptAt, now),
        lt(outboxMessages.attempts, MAX_ATTEMPTS),
      ),
    )
    .orderBy(asc(outboxMessages.nextAttemptAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(outboxMessages)
    .set({
      status: 'sending',
      attempts: sql`${outboxMessages.attempts} + 1`,
      nextAttemptAt: new Date(now.getTime() + SEND_LEASE_MS),
    })
    .where(inArray(outboxMessages.id, due))
    .returning();
}

/** Only the worker that holds the claim records its outcome: a lease taken over has a higher attempt count. */
function stillClaimed(message: Pick<OutboxMessage, 'id' | 'attempts'>) {
  return and(
    eq(outboxMessages.id, message.id),
    eq(outboxMessages.status, 'sending'),
    eq(outboxMessages.attempts, message.attempts),
  );
}

export async function recordSent(
  db: Db,
  message: OutboxMessage,
  providerMessageId: string,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(outboxMessages)
    .set({ status: 'sent', sentAt: now, providerMessageId, nextAttemptAt: null })
    .where(stillClaimed(message))
    .returning({ id: outboxMessages.id });
  return rows.length > 0;
}

export async function recordFailure(
  db: Db,
  message: OutboxMessage,
  outcome: AfterFailure,
  error: string,
): Promise<boolean> {
  const rows = await db
    .update(outboxMessages)
    .set({
      status: outcome.status,
      nextAttemptAt: outcome.status === 'pending' ? outcome.nextAttemptAt : null,
      lastError: error,
    })
    .where(stillClaimed(message))
    .returning({ id: outboxMessages.id });
  return rows.length > 0;
}

export function listByReference(db: Db, wardCode: string, referenceId: string) {
  return db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.wardCode, wardCode), eq(outboxMessages.referenceId, referenceId)))
    .orderBy(asc(outboxMessages.createdAt), asc(outboxMessages.id));
}

export async function findMessage(db: Db, wardCode: string, id: string): Promise<OutboxMessage | undefined> {
  const [row] = await db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.wardCode, wardCode), eq(outboxMessages.id, id)));
  return row;
}

/** A failed message back in the queue with a fresh set of attempts; undefined when it was not failed. */
export async function requeueFailed(
  tx: Db,
  wardCode: string,
  id: string,
  now: Date,
): Promise<OutboxMessage | undefined> {
  const [row] = await tx
    .update(outboxMessages)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: now })
    .where(
      and(
        eq(outboxMessages.wardCode, wardCode),
        eq(outboxMessages.id, id),
        eq(outboxMessages.status, 'failed'),
      ),
    )
    .returning();
  return row;
}
