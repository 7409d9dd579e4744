/**
 * Paying a dossier's fee: what is owed and how to pay it (VietQR, gateway), the gateway's callbacks applied once
 * each, and the ward's bank statement reconciled with VietQR transfers. Every change is audited in its transaction.
 */
import { randomBytes } from 'node:crypto';
import { recordAudit, type AuditContext } from '../../platform/audit/store';
import type { Db } from '../../platform/db/connect';
import { AppError } from '../../platform/http/errors';
import {
  findDossierForPayment,
  ownsDossier,
  type DossierForPayment,
  type DossierOwner,
} from '../dossiers/api';
import { findWard } from '../../platform/wards/store';
import { formatVnd } from '../procedures/api';
import { issueReceiptNumber } from './cash';
import type { PaymentGateway } from './gateway';
import { buildPaymentReceipt } from './receipt';
import {
  dossierCodeIn,
  FEE_BASIS,
  GATEWAY_PAYMENT_MINUTES,
  orderInfo,
  RECEIPT_BASIS,
  transferNote,
  vietQrPayload,
  type GatewayParams,
} from './rules';
import * as store from './store';

export interface PaymentContext {
  db: Db;
  audit: AuditContext;
  now: Date;
}

const NOT_FOUND = 'Không tìm thấy hồ sơ có mã này.';
const GATEWAY_ACTOR = { id: 'payment_gateway', name: 'Cổng thanh toán', role: 'payment_gateway' };
export const METHOD_LABELS: Record<string, string> = {
  vietqr: 'Chuyển khoản VietQR',
  gateway: 'Cổng thanh toán trực tuyến',
  cash: 'Tiền mặt tại quầy',
};

/**
 * A dossier with a fee to pay, of the staff member's ward or, for a citizen, one of their own (`owner`); 404 or
 * 422 otherwise.
 */
export async function dossierOfWard(db: Db, wardCode: string | null, code: string, owner?: DossierOwner) {
  const dossier = await findDossierForPayment(db, code);
  const allowed = owner ? await ownsDossier(db, code, owner) : dossier?.wardCode === wardCode;
  if (!dossier || !allowed) throw new AppError('NOT_FOUND', NOT_FOUND);
  if (dossier.feeAmount <= 0)
    throw new AppError('RULE_VIOLATION', 'Theo biểu phí của thủ tục, hồ sơ không phải nộp phí, lệ phí.');
  return dossier;
}

/** What is owed and how to pay it, with the receipt once paid. */
export async function paymentView(db: Db, dossier: DossierForPayment) {
  const [account, rows] = await Promise.all([
    store.findAccount(db, dossier.wardCode),
    store.listPayments(db, dossier.code),
  ]);
  const paid = rows.find((p) => p.status === 'paid');
  const note = transferNote(dossier.code);
  const { feeAmount: amount } = dossier;
  return {
    code: dossier.code,
    procedureName: dossier.procedureName,
    amount,
    amountText: formatVnd(amount),
    status: paid ? ('paid' as const) : ('unpaid' as const),
    /** Null while the ward has no collecting account on record. */
    vietqr: account ? vietQrPayload({ ...account, amount, purpose: note }) : null,
    transferNote: note,
    account: account && {
      bankBin: account.bankBin,
      bankName: account.bankName,
      accountNumber: account.accountNumber,
      accountName: account.accountName,
      demo: account.demo,
    },
    receipt: paid
      ? {
          number: paid.receiptNumber,
          paidAt: paid.paidAt?.toISOString() ?? null,
          method: paid.method,
          methodLabel: METHOD_LABELS[paid.method] ?? paid.method,
          collectedByName: paid.collectedByName,
          basis: RECEIPT_BASIS,
        }
      : null,
    basis: FEE_BASIS,
    attempts: rows.map((p) => ({
      method: p.method,
      status: p.status,
      amount: p.amount,
      txnRef: p.txnRef,
      transactionNo: p.transactionNo,
      createdAt: p.createdAt.toISOString(),
    })),
  };
}

/** The receipt of a paid dossier, as a document to render; 404 while nothing is paid. */
export async function receiptDocument(db: Db, dossier: DossierForPayment) {
  const paid = (await store.listPayments(db, dossier.code)).find((p) => p.status === 'paid');
  if (!paid?.receiptNumber || !paid.paidAt)
    throw new AppError('NOT_FOUND', 'Hồ sơ chưa nộp phí, lệ phí nên chưa có biên lai.');
  const ward = await findWard(db, dossier.wardCode);
  return buildPaymentReceipt({
    wardName: ward?.name ?? dossier.wardCode,
    dossier,
    payment: {
      receiptNumber: paid.receiptNumber,
      amount: paid.amount,
      paidAt: paid.paidAt,
      methodLabel: METHOD_LABELS[paid.method] ?? paid.method,
      transactionNo: paid.transactionNo,
      collectedByName: paid.collectedByName,
    },
  });
}

/** A pending gateway payment for the dossier's fee and the signed address that starts it. */
export async function startGatewayPayment(
  ctx: PaymentContext,
  gateway: PaymentGateway,
  dossier: DossierForPayment,
  client: { returnUrl: string; ipAddress: string },
) {
  if (!dossier.acceptsPayment) {
    const message = `Hồ sơ ở trạng thái "${dossier.statusLabel}" không thu phí, lệ phí.`;
    throw new AppError('INVALID_TRANSITION', message);
  }
  const rows = await store.listPayments(ctx.db, dossier.code);
  const paid = rows.find((p) => p.status === 'paid');
  if (paid) throw new AppError('CONFLICT', `Hồ sơ đã nộp phí, lệ phí (biên lai số ${paid.receiptNumber}).`);
  const txnRef = `${dossier.code.replace(/-/g, '')}${randomBytes(4).toString('hex').toUpperCase()}`;
  const expiresAt = new Date(ctx.now.getTime() + GATEWAY_PAYMENT_MINUTES * 60_000);
  const amount = dossier.feeAmount;
  await store.insertPayment(ctx.db, {
    wardCode: dossier.wardCode,
    dossierCode: dossier.code,
    amount,
    method: 'gateway',
    status: 'pending',
    txnRef,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  await recordAudit(ctx.db, ctx.audit, {
    action: 'payment.started',
    targetType: 'dossier_payment',
    targetId: dossier.code,
    wardCode: dossier.wardCode,
    summary: { method: 'gateway', txnRef, amount },
  });
  const redirectUrl = gateway.paymentUrl({
    amount,
    txnRef,
    orderInfo: orderInfo(dossier.code),
    returnUrl: client.returnUrl,
    ipAddress: client.ipAddress,
    createdAt: ctx.now,
    expiresAt,
  });
  return { txnRef, amount, redirectUrl, expiresAt };
}

export type CallbackOutcome =
  | { kind: 'forged' | 'unknown_txn' }
  | { kind: 'wrong_amount'; expected: number; received: number | null }
  /** The callback changed the payment (to paid or failed). */
  | { kind: 'applied'; payment: store.PaymentRow }
  /** The same signed callback again: nothing changes. */
  | { kind: 'replayed'; payment: store.PaymentRow }
  /** Another callback for a payment already settled: nothing changes. */
  | { kind: 'already_settled'; payment: store.PaymentRow };

/**
 * A gateway callback, from the citizen's browser (return) or the gateway's server (IPN), believed on its
 * signature alone and applied at most once. Call it inside a transaction: the payment stays locked until the end.
 */
export async function applyCallback(
  ctx: PaymentContext,
  gateway: PaymentGateway,
  query: GatewayParams,
  source: 'return' | 'ipn',
): Promise<CallbackOutcome> {
  const payment = query.vnp_TxnRef ? await store.lockByTxnRef(ctx.db, query.vnp_TxnRef) : undefined;
  const verdict = gateway.check(query, payment);
  if (verdict.kind === 'forged' || verdict.kind === 'unknown_txn') return { kind: verdict.kind };
  if (verdict.kind === 'wrong_amount') return verdict;
  if (!payment) return { kind: 'unknown_txn' };
  const secureHash = (query.vnp_SecureHash ?? '').toLowerCase();
  if (await store.callbackSeen(ctx.db, secureHash)) return { kind: 'replayed', payment };
  if (payment.status !== 'pending') return { kind: 'already_settled', payment };

  const paid = verdict.kind === 'paid';
  const paidAt = paid ? (verdict.paidAt ?? ctx.now) : null;
  await store.insertCallback(ctx.db, {
    wardCode: payment.wardCode,
    paymentId: payment.id,
    secureHash,
    source,
    responseCode: verdict.responseCode,
    outcome: verdict.kind,
    params: query,
    receivedAt: ctx.now,
  });
  const updated = await store.updatePayment(
    ctx.db,
    payment.id,
    {
      status: verdict.kind,
      // A failed transaction has no number of its own (the gateway sends '0').
      transactionNo: paid ? verdict.transactionNo : null,
      paidAt,
      receiptNumber: paidAt ? await issueReceiptNumber(ctx.db, payment.wardCode, paidAt) : null,
    },
    ctx.now,
  );
  await recordAudit(
    ctx.db,
    { ...ctx.audit, actor: GATEWAY_ACTOR },
    {
      action: `payment.${verdict.kind}`,
      targetType: 'dossier_payment',
      targetId: payment.dossierCode,
      wardCode: payment.wardCode,
      summary: {
        method: 'gateway',
        source,
        txnRef: payment.txnRef,
        transactionNo: verdict.transactionNo,
        responseCode: verdict.responseCode,
        amount: payment.amount,
        receiptNumber: updated.receiptNumber,
      },
    },
  );
  return { kind: 'applied', payment: updated };
}

export interface StatementLine {
  /** The bank's reference of the credit. */
  reference: string;
  amount: number;
  /** The transfer note as the statement shows it. */
  note: string;
  bookedAt: Date;
}

export type LineOutcome = 'recorded' | 'duplicate' | 'no_dossier' | 'wrong_amount' | 'already_paid';

/**
 * Credits of the ward's collecting account matched with dossiers by the code in their note: a credit of the
 * exact fee of an unpaid dossier of the ward is recorded as its VietQR payment, with a receipt. A line already
 * recorded (same bank reference) is skipped, so the same statement can be sent twice.
 */
export async function reconcileStatement(ctx: PaymentContext, wardCode: string, lines: StatementLine[]) {
  const results: {
    reference: string;
    dossierCode: string | null;
    outcome: LineOutcome;
    receiptNumber?: string;
  }[] = [];
  for (const line of lines) {
    const code = dossierCodeIn(line.note);
    const dossier = code ? await findDossierForPayment(ctx.db, code) : undefined;
    const outcome = await reconcileLine(ctx, wardCode, line, dossier);
    results.push({ reference: line.reference, dossierCode: dossier?.code ?? null, ...outcome });
  }
  return results;
}

async function reconcileLine(
  ctx: PaymentContext,
  wardCode: string,
  line: StatementLine,
  dossier: DossierForPayment | undefined,
): Promise<{ outcome: LineOutcome; receiptNumber?: string }> {
  if (!dossier || dossier.wardCode !== wardCode) return { outcome: 'no_dossier' };
  if (await store.findByTransactionNo(ctx.db, wardCode, 'vietqr', line.reference))
    return { outcome: 'duplicate' };
  if (line.amount !== dossier.feeAmount) return { outcome: 'wrong_amount' };
  const rows = await store.listPayments(ctx.db, dossier.code);
  if (rows.some((p) => p.status === 'paid')) return { outcome: 'already_paid' };
  const number = await issueReceiptNumber(ctx.db, wardCode, line.bookedAt);
  await store.insertPayment(ctx.db, {
    wardCode,
    dossierCode: dossier.code,
    amount: line.amount,
    method: 'vietqr',
    status: 'paid',
    transactionNo: line.reference,
    paidAt: line.bookedAt,
    receiptNumber: number,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  await recordAudit(ctx.db, ctx.audit, {
    action: 'payment.paid',
    targetType: 'dossier_payment',
    targetId: dossier.code,
    wardCode,
    summary: { method: 'vietqr', bankReference: line.reference, amount: line.amount, receiptNumber: number },
  });
  return { outcome: 'recorded', receiptNumber: number };
}
