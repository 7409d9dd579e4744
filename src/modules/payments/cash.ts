/**
 * Receipt numbers, and fees paid in cash at the counter: the intake records them in its own transaction so that
 * the ward's figures count every fee paid, not only those paid online.
 */
import { recordAudit, type AuditContext } from '../../platform/audit/store';
import { toLocalDate } from '../../platform/calendar/rules';
import type { Db } from '../../platform/db/connect';
import { receiptNumber } from './rules';
import * as store from './store';

export async function issueReceiptNumber(db: Db, wardCode: string, paidAt: Date): Promise<string> {
  const year = Number(toLocalDate(paidAt).slice(0, 4));
  return receiptNumber(year, await store.nextReceiptSequence(db, wardCode, year));
}

export interface CashPayment {
  wardCode: string;
  dossierCode: string;
  /** The fee the intake computed from the procedure's schedule, in đồng: never typed in. */
  amount: number;
  officer: { id: string; fullName: string };
}

/** A fee paid in cash to the officer, with its receipt number; call it in the intake's transaction. */
export async function recordCashPayment(
  ctx: { db: Db; audit: AuditContext; now: Date },
  cash: CashPayment,
): Promise<{ receiptNumber: string; amount: number; paidAt: Date }> {
  const number = await issueReceiptNumber(ctx.db, cash.wardCode, ctx.now);
  await store.insertPayment(ctx.db, {
    wardCode: cash.wardCode,
    dossierCode: cash.dossierCode,
    amount: cash.amount,
    method: 'cash',
    status: 'paid',
    paidAt: ctx.now,
    receiptNumber: number,
    collectedBy: cash.officer.id,
    collectedByName: cash.officer.fullName,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  await recordAudit(ctx.db, ctx.audit, {
    action: 'payment.paid',
    targetType: 'dossier_payment',
    targetId: cash.dossierCode,
    wardCode: cash.wardCode,
    summary: { method: 'cash', amount: cash.amount, receiptNumber: number },
  });
  return { receiptNumber: number, amount: cash.amount, paidAt: ctx.now };
}
