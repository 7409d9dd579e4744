import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect';
import { paymentAccounts, paymentCallbacks, paymentReceiptCounters, payments } from './schema';

export type PaymentRow = typeof payments.$inferSelect;
export type NewPayment = typeof payments.$inferInsert;
export type PaymentChanges = Partial<
  Pick<PaymentRow, 'status' | 'transactionNo' | 'paidAt' | 'receiptNumber'>
>;

export async function findAccount(db: Db, wardCode: string) {
  const [row] = await db.select().from(paymentAccounts).where(eq(paymentAccounts.wardCode, wardCode));
  return row;
}

export async function insertAccount(db: Db, values: typeof paymentAccounts.$inferInsert): Promise<void> {
  await db.insert(paymentAccounts).values(values);
}

/** A dossier's payments, oldest first. */
export function listPayments(db: Db, dossierCode: string) {
  return db
    .select()
    .from(payments)
    .where(eq(payments.dossierCode, dossierCode))
    .orderBy(asc(payments.createdAt), asc(payments.id));
}

/** A ward's payments completed in [start, end). */
export function listPaidBetween(db: Db, wardCode: string, start: Date, end: Date) {
  return db
    .select({ dossierCode: payments.dossierCode, method: payments.method, paidAt: payments.paidAt })
    .from(payments)
    .where(
      and(
        eq(payments.wardCode, wardCode),
        eq(payments.status, 'paid'),
        gte(payments.paidAt, start),
        lt(payments.paidAt, end),
      ),
    );
}

export async function insertPayment(db: Db, values: NewPayment): Promise<PaymentRow> {
  const [row] = await db.insert(payments).values(values).returning();
  if (!row) throw new Error('payment not inserted');
  return row;
}

/** The payment a gateway transaction reference names, locked until the transaction ends. */
export async function lockByTxnRef(db: Db, txnRef: string): Promise<PaymentRow | undefined> {
  const [row] = await db.select().from(payments).where(eq(payments.txnRef, txnRef)).for('update');
  return row;
}

export async function findByTransactionNo(db: Db, wardCode: string, method: string, transactionNo: string) {
  const [row] = await db
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.wardCode, wardCode),
        eq(payments.method, method),
        eq(payments.transactionNo, transactionNo),
      ),
    );
  return row;
}

export async function updatePayment(db: Db, id: string, changes: PaymentChanges, now: Date) {
  const [row] = await db
    .update(payments)
    .set({ ...changes, updatedAt: now })
    .where(eq(payments.id, id))
    .returning();
  if (!row) throw new Error('payment not updated');
  return row;
}

export async function callbackSeen(db: Db, secureHash: string): Promise<boolean> {
  const [row] = await db
    .select({ id: paymentCallbacks.id })
    .from(paymentCallbacks)
    .where(eq(paymentCallbacks.secureHash, secureHash));
  return row !== undefined;
}

export async function insertCallback(db: Db, values: typeof paymentCallbacks.$inferInsert): Promise<void> {
  await db.insert(paymentCallbacks).values(values);
}

/** The ward's next receipt number of the year; the counter row stays locked until the transaction ends. */
export async function nextReceiptSequence(db: Db, wardCode: string, year: number): Promise<number> {
  const [row] = await db
    .insert(paymentReceiptCounters)
    .values({ wardCode, year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [paymentReceiptCounters.wardCode, paymentReceiptCounters.year],
      set: { lastNumber: sql`${paymentReceiptCounters.lastNumber} + 1` },
    })
    .returning({ sequence: paymentReceiptCounters.lastNumber });
  if (!row) throw new Error('receipt sequence not returned');
  return row.sequence;
}
