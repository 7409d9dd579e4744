import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The outbox: every message to a citizen, written in the transaction of the change it reports, delivered after
 * the commit by the delivery worker. `recipient` is personal data (a phone number or an e-mail address): it is
 * never logged and is masked for staff whose role does not need it.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    wardCode: text('ward_code').notNull(),
    /** 'sms' | 'zalo' | 'email' */
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
    templateKey: text('template_key').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    /** What the message is about, e.g. ('dossier', '10507-260213-0001'). */
    referenceType: text('reference_type'),
    referenceId: text('reference_id'),
    /** 'pending' | 'sending' | 'sent' | 'failed' */
    status: text('status').notNull(),
    /** Sends started, counted when a worker claims the message. */
    attempts: integer('attempts').notNull().default(0),
    /** Pending: when it is due. Sending: when the worker's lease ends. Null once sent or failed. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    providerMessageId: text('provider_message_id'),
  },
  (t) => [
    index('outbox_messages_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} IN ('pending', 'sending')`),
    index('outbox_messages_reference_idx').on(t.wardCode, t.referenceId, t.createdAt),
  ],
);

/**
 * What the local SMS and Zalo adapters "sent": the inspectable outbox of a machine without a provider. One row
 * per message at most (the unique message id), so a message delivered again after a crash is not duplicated.
 */
export const localDeliveries = pgTable('local_deliveries', {
  id: uuid('id').primaryKey().defaultRandom(),
  messageId: uuid('message_id')
    .notNull()
    .unique('local_deliveries_message_idx')
    .references(() => outboxMessages.id),
  channel: text('channel').notNull(),
  recipient: text('recipient').notNull(),
  body: text('body').notNull(),
  deliveredAt: timestamp('delivered_at', { withTimezone: true }).notNull().defaultNow(),
});
