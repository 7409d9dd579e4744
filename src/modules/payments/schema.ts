import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { wards } from '../../platform/wards/schema';

/** The account each ward collects fees into (tài khoản thu phí, lệ phí): what its VietQR codes pay. */
export const paymentAccounts = pgTable('payment_accounts', {
  wardCode: text('ward_code')
    .primaryKey()
    .references(() => wards.code),
  /** The bank's six-digit NAPAS BIN. */
  bankBin: text('bank_bin').notNull(),
  bankName: text('bank_name').notNull(),
  accountNumber: text('account_number').notNull(),
  accountName: text('account_name').notNull(),
  /** Seeded for demonstrations: no real money must be sent to it. */
  demo: boolean('demo').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One attempt to pay a dossier's fee: a gateway transaction, a VietQR transfer found on the statement… */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    wardCode: text('ward_code')
      .notNull()
      .references(() => wards.code),
    dossierCode: text('dossier_code').notNull(),
    /** Whole đồng. */
    amount: integer('amount').notNull(),
    /** 'vietqr' | 'gateway' | 'cash' (at the counter, at intake) */
    method: text('method').notNull(),
    /** 'pending' | 'paid' | 'failed' */
    status: text('status').notNull(),
    /** Our reference of a gateway transaction (vnp_TxnRef). */
    txnRef: text('txn_ref'),
    /** The gateway's transaction number (vnp_TransactionNo), or the bank's reference of a VietQR transfer. */
    transactionNo: text('transaction_no'),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    receiptNumber: text('receipt_number'),
    /** The officer who took cash at the counter; null for a payment made without one. */
    collectedBy: uuid('collected_by'),
    collectedByName: text('collected_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('payments_txn_ref_idx').on(t.txnRef),
    uniqueIndex('payments_transaction_no_idx').on(t.wardCode, t.method, t.transactionNo),
    uniqueIndex('payments_receipt_number_idx').on(t.wardCode, t.receiptNumber),
    index('payments_dossier_idx').on(t.dossierCode, t.createdAt),
  ],
);

/** Every gateway callback that changed a payment, by its signature: the same callback again is a replay. */
export const paymentCallbacks = pgTable(
  'payment_callbacks',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    wardCode: text('ward_code').notNull(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id),
    secureHash: text('secure_hash').notNull(),
    /** 'return' (the citizen's browser) | 'ipn' (the gateway's server). */
    source: text('source').notNull(),
    responseCode: text('response_code').notNull(),
    outcome: text('outcome').notNull(),
    /** The signed parameters as received (no personal data: amounts, references, bank code, times). */
    params: jsonb('params').$type<Record<string, string>>().notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('payment_callbacks_hash_idx').on(t.secureHash)],
);

/** The last receipt number a ward used in a year. */
export const paymentReceiptCounters = pgTable(
  'payment_receipt_counters',
  {
    wardCode: text('ward_code').notNull(),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.wardCode, t.year] })],
);
