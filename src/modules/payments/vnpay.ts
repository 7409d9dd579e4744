/**
 * The VNPay payment-gateway protocol (version 2.1.0), written to sign exactly as the `vnpay` package does
 * (checked against it in rules.test.ts): the request the citizen's browser carries to the gateway, and the
 * callbacks the gateway sends back (the browser's return and the server-to-server IPN), each signed with
 * HMAC-SHA512 and the merchant's secret over its sorted, form-URL-encoded parameters.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { asciiText } from './vietqr';

export const VNPAY_VERSION = '2.1.0';
export type GatewayParams = Record<string, string>;

const HASH = 'vnp_SecureHash';
const HASH_TYPE = 'vnp_SecureHashType';
const VN_OFFSET_MS = 7 * 3_600_000;

/** The text that is signed: parameters sorted by name, empty ones left out, encoded as URLSearchParams does. */
export function signingText(params: GatewayParams): string {
  const search = new URLSearchParams();
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    if (value !== undefined && value !== '') search.append(name, value);
  }
  return search.toString();
}

export function sign(params: GatewayParams, secret: string): string {
  return createHmac('sha512', secret)
    .update(Buffer.from(signingText(params), 'utf-8'))
    .digest('hex');
}

/** `base?<signed parameters>&vnp_SecureHash=<signature>`. */
export function signedUrl(base: string, params: GatewayParams, secret: string): string {
  return `${base}?${signingText(params)}&${HASH}=${sign(params, secret)}`;
}

/** Whether the parameters carry the signature of `secret` (the hash fields themselves are not signed). */
export function hasValidSignature(query: GatewayParams, secret: string): boolean {
  const { [HASH]: given = '', [HASH_TYPE]: _type, ...signed } = query;
  const expected = Buffer.from(sign(signed, secret));
  const received = Buffer.from(given.toLowerCase());
  return received.length === expected.length && timingSafeEqual(received, expected);
}

/** yyyyMMddHHmmss in Vietnam time, the gateway's date format. */
export function gatewayTime(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 19).replace(/\D/g, '');
}

/** The instant of a gateway date (yyyyMMddHHmmss, Vietnam time); undefined when it is not one. */
export function parseGatewayTime(text: string | undefined): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text ?? '');
  if (!m) return undefined;
  const at = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+07:00`);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

export interface PaymentRequest {
  merchantCode: string;
  /** Whole đồng; the gateway's vnp_Amount is in hundredths. */
  amount: number;
  txnRef: string;
  /** What the citizen pays for; made ASCII, as the gateway requires. */
  orderInfo: string;
  returnUrl: string;
  ipAddress: string;
  createdAt: Date;
  expiresAt: Date;
}

export function paymentRequestParams(request: PaymentRequest): GatewayParams {
  return {
    vnp_Version: VNPAY_VERSION,
    vnp_Command: 'pay',
    vnp_TmnCode: request.merchantCode,
    vnp_Amount: String(request.amount * 100),
    vnp_CurrCode: 'VND',
    vnp_TxnRef: request.txnRef,
    vnp_OrderInfo: asciiText(request.orderInfo),
    vnp_OrderType: 'other',
    vnp_Locale: 'vn',
    vnp_ReturnUrl: request.returnUrl,
    vnp_IpAddr: request.ipAddress,
    vnp_CreateDate: gatewayTime(request.createdAt),
    vnp_ExpireDate: gatewayTime(request.expiresAt),
  };
}

/** What a callback says about the payment its vnp_TxnRef names. */
export type CallbackVerdict =
  | { kind: 'forged' }
  | { kind: 'unknown_txn' }
  | { kind: 'wrong_amount'; expected: number; received: number | null }
  | {
      kind: 'paid' | 'failed';
      responseCode: string;
      transactionNo: string | null;
      /** The gateway's payment time, when it gave a valid one. */
      paidAt: Date | undefined;
    };

/**
 * A callback is believed only when it carries the secret's signature, names a payment we started and states its
 * amount to the đồng; it reports success only with response code and transaction status both '00'.
 */
export function checkCallback(
  query: GatewayParams,
  secret: string,
  expected: { amount: number } | undefined,
): CallbackVerdict {
  if (!hasValidSignature(query, secret)) return { kind: 'forged' };
  if (!expected) return { kind: 'unknown_txn' };
  const hundredths = /^\d{1,15}$/.test(query.vnp_Amount ?? '') ? Number(query.vnp_Amount) : null;
  if (hundredths !== expected.amount * 100) {
    const received = hundredths === null ? null : hundredths / 100;
    return { kind: 'wrong_amount', expected: expected.amount, received };
  }
  const responseCode = query.vnp_ResponseCode ?? '';
  const success = responseCode === '00' && query.vnp_TransactionStatus === '00';
  return {
    kind: success ? 'paid' : 'failed',
    responseCode,
    transactionNo: query.vnp_TransactionNo || null,
    paidAt: parseGatewayTime(query.vnp_PayDate),
  };
}

/** The IPN answers the gateway expects (HTTP 200 with one of these bodies). */
export const IPN_ANSWERS = {
  confirmed: { RspCode: '00', Message: 'Confirm Success' },
  unknown_txn: { RspCode: '01', Message: 'Order not found' },
  already_confirmed: { RspCode: '02', Message: 'Order already confirmed' },
  wrong_amount: { RspCode: '04', Message: 'Invalid amount' },
  forged: { RspCode: '97', Message: 'Fail checksum' },
} as const;
