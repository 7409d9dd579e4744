/**
 * Pure rules of fee payments: the VietQR code, the payment gateway's signed request and callbacks, the transfer
 * note and the receipt number, and how a bank statement line names its dossier.
 */
import { asciiText } from './vietqr';

export { asciiText, crc16, MAX_PURPOSE_LENGTH, vietQrPayload, VietQrError } from './vietqr';
export type { VietQrInput } from './vietqr';
export {
  checkCallback,
  gatewayTime,
  hasValidSignature,
  IPN_ANSWERS,
  parseGatewayTime,
  paymentRequestParams,
  sign,
  signedUrl,
  signingText,
  VNPAY_VERSION,
} from './vnpay';
export type { CallbackVerdict, GatewayParams, PaymentRequest } from './vnpay';

/**
 * Fees are collected at the amount the procedure's schedule sets, nothing more: the intake computed it from the
 * schedule (procedures/fees.ts) and a payment must equal it to the đồng.
 */
export const FEE_BASIS =
  'Luật Phí và lệ phí năm 2015 (97/2015/QH13); mức thu theo biểu phí, lệ phí của thủ tục';

/**
 * The receipt (biên lai thu phí, lệ phí). Unconfirmed: electronic receipts of fees are governed by Nghị định
 * 123/2020/NĐ-CP on invoices and vouchers (amended by Nghị định 70/2025/NĐ-CP) and Thông tư 32/2025/TT-BTC;
 * their mandatory fields are still to be checked against those texts.
 */
export const RECEIPT_BASIS =
  'Biên lai thu phí, lệ phí: Nghị định 123/2020/NĐ-CP (sửa đổi bởi Nghị định 70/2025/NĐ-CP), Thông tư 32/2025/TT-BTC (chưa đối chiếu)';

/** Paid without coming to the counter: a VietQR transfer or the payment gateway (not 'counter'). */
export const ONLINE_METHODS: readonly string[] = ['vietqr', 'gateway'];

/** How long a gateway payment may be completed after it starts. */
export const GATEWAY_PAYMENT_MINUTES = 15;

/** The VietQR transfer note: the dossier code, so the ward's statement names the dossier it pays for. */
export function transferNote(dossierCode: string): string {
  return asciiText(`Nộp phí ${dossierCode}`);
}

/** What the gateway shows the citizen, without diacritics or punctuation as it requires. */
export function orderInfo(dossierCode: string): string {
  return asciiText(`Thanh toán phí lệ phí hồ sơ ${dossierCode}`);
}

/** 'BL-2026-000042': the ward's receipts are numbered from 1 each calendar year. */
export function receiptNumber(year: number, sequence: number): string {
  return `BL-${year}-${String(sequence).padStart(6, '0')}`;
}

/**
 * The dossier code a bank statement line carries in its note, whatever surrounds it; with or without the
 * dashes, which some banks drop.
 */
export function dossierCodeIn(note: string): string | undefined {
  const found = /(?<!\d)(\d{5})-?(\d{6})-?(\d{4})(?!\d)/.exec(note);
  return found ? `${found[1]}-${found[2]}-${found[3]}` : undefined;
}
