import { QRPay } from 'vietnam-qr-pay';
import { VNPay, type ReturnQueryFromVNPay } from 'vnpay';
import { describe, expect, it } from 'vitest';
import {
  asciiText,
  checkCallback,
  crc16,
  dossierCodeIn,
  gatewayTime,
  hasValidSignature,
  orderInfo,
  parseGatewayTime,
  paymentRequestParams,
  receiptNumber,
  sign,
  signedUrl,
  transferNote,
  vietQrPayload,
  VietQrError,
  type GatewayParams,
} from './rules';

const CODE = '10507-260213-0001';
const ACCOUNT = { bankBin: '970415', accountNumber: '113366668888' };
const SECRET = 'BI-MAT-CUA-PHUONG-THU';
const MERCHANT = 'CQTTDEMO';

describe('VietQR payload', () => {
  it('CRC-16/CCITT-FALSE: the standard check value and an EMVCo vector', () => {
    expect(crc16('123456789')).toBe('29B1');
    // vietnam-qr-pay's README example, CRC "BBB8".
    const body =
      '00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA5303704540410005802VN62150811Chuyen tien6304';
    expect(crc16(body)).toBe('BBB8');
  });

  it('encodes the ward account, the amount and the note, byte for byte as vietnam-qr-pay does', () => {
    const payload = vietQrPayload({ ...ACCOUNT, amount: 7000, purpose: transferNote(CODE) });
    expect(payload).toBe(
      '00020101021238560010A0000007270126000697041501121133666688880208QRIBFTTA' +
        '530370454047000' +
        '5802VN' +
        '62290825NOP PHI 10507-260213-0001' +
        `6304${crc16(payload.slice(0, -4))}`,
    );
    const reference = QRPay.initVietQR({
      bankBin: ACCOUNT.bankBin,
      bankNumber: ACCOUNT.accountNumber,
      amount: '7000',
      purpose: 'NOP PHI 10507-260213-0001',
    }).build();
    expect(payload).toBe(reference);
  });

  it('decodes with vietnam-qr-pay: valid CRC, NAPAS account, exact amount, the dossier code in the note', () => {
    const payload = vietQrPayload({ ...ACCOUNT, amount: 2000, purpose: transferNote(CODE) });
    const decoded = new QRPay(payload);
    expect(decoded.isValid).toBe(true);
    expect(decoded.provider.guid).toBe('A000000727');
    expect(decoded.initMethod).toBe('12');
    expect(decoded.consumer.bankBin).toBe('970415');
    expect(decoded.consumer.bankNumber).toBe('113366668888');
    expect(decoded.amount).toBe('2000');
    expect(decoded.currency).toBe('704');
    expect(decoded.nation).toBe('VN');
    expect(decoded.additionalData.purpose).toBe('NOP PHI 10507-260213-0001');
    expect(decoded.crc).toBe(payload.slice(-4));
    // One changed digit breaks the CRC.
    expect(new QRPay(payload.replace('54042000', '54042001')).isValid).toBe(false);
  });

  it('makes notes ASCII without diacritics and keeps them within 25 characters', () => {
    expect(asciiText('Nộp phí Đăng ký khai sinh')).toBe('NOP PHI DANG KY KHAI SINH');
    expect(asciiText('Lệ phí – hộ tịch')).toBe('LE PHI HO TICH');
    expect(transferNote(CODE)).toHaveLength(25);
    expect(() => vietQrPayload({ ...ACCOUNT, amount: 1000, purpose: `Nộp phí hồ sơ ${CODE}` })).toThrow(
      VietQrError,
    );
  });

  it('refuses what no bank app could pay', () => {
    const note = transferNote(CODE);
    expect(() => vietQrPayload({ ...ACCOUNT, amount: 0, purpose: note })).toThrow(VietQrError);
    expect(() => vietQrPayload({ ...ACCOUNT, amount: 1.5, purpose: note })).toThrow(VietQrError);
    expect(() => vietQrPayload({ ...ACCOUNT, bankBin: '9704', amount: 1000, purpose: note })).toThrow(
      VietQrError,
    );
    expect(() =>
      vietQrPayload({ ...ACCOUNT, accountNumber: '1133-6666', amount: 1000, purpose: note }),
    ).toThrow(VietQrError);
  });
});

describe('gateway request (VNPay 2.1.0)', () => {
  const createdAt = new Date('2026-02-13T02:05:00Z'); // 09:05 in Vietnam
  const request = {
    merchantCode: MERCHANT,
    amount: 7000,
    txnRef: '105072602130001A1B2C3D4',
    orderInfo: orderInfo(CODE),
    returnUrl: 'http://localhost:3000/thanh-toan/ket-qua',
    ipAddress: '127.0.0.1',
    createdAt,
    expiresAt: new Date(createdAt.getTime() + 15 * 60_000),
  };

  it('writes dates in Vietnam time and reads them back', () => {
    expect(gatewayTime(createdAt)).toBe('20260213090500');
    expect(parseGatewayTime('20260213090500')).toEqual(createdAt);
    expect(parseGatewayTime('2026-02-13')).toBeUndefined();
    expect(parseGatewayTime(undefined)).toBeUndefined();
  });

  it('signs exactly as the vnpay package: same query, same vnp_SecureHash', () => {
    const params = paymentRequestParams(request);
    expect(params.vnp_Amount).toBe('700000');
    expect(params.vnp_OrderInfo).toBe('THANH TOAN PHI LE PHI HO SO 10507-260213-0001');
    const ours = new URL(signedUrl('https://gateway.example/pay', params, SECRET));
    const theirs = new URL(
      new VNPay({
        tmnCode: MERCHANT,
        secureSecret: SECRET,
        vnpayHost: 'https://gateway.example',
        paymentEndpoint: 'pay',
      }).buildPaymentUrl({
        vnp_Amount: 7000, // in đồng: the package multiplies by 100 itself
        vnp_TxnRef: request.txnRef,
        vnp_OrderInfo: params.vnp_OrderInfo,
        vnp_ReturnUrl: request.returnUrl,
        vnp_IpAddr: request.ipAddress,
        vnp_CreateDate: Number(params.vnp_CreateDate),
        vnp_ExpireDate: Number(params.vnp_ExpireDate),
      }),
    );
    expect(ours.searchParams.get('vnp_SecureHash')).toMatch(/^[0-9a-f]{128}$/);
    expect(ours.search).toBe(theirs.search);
    expect(ours.href).toBe(theirs.href);
  });
});

describe('gateway callbacks', () => {
  const vnpay = new VNPay({ tmnCode: MERCHANT, secureSecret: SECRET });
  // The package types the query with the fields it knows; a callback is a plain map of strings.
  const verified = (query: GatewayParams) => ({
    ipn: vnpay.verifyIpnCall(query as unknown as ReturnQueryFromVNPay).isVerified,
    return: vnpay.verifyReturnUrl(query as unknown as ReturnQueryFromVNPay).isVerified,
  });
  const callback = (overrides: GatewayParams = {}): GatewayParams => {
    const params: GatewayParams = {
      vnp_Amount: '700000',
      vnp_BankCode: 'MOPHONG',
      vnp_OrderInfo: orderInfo(CODE),
      vnp_PayDate: '20260213091000',
      vnp_ResponseCode: '00',
      vnp_TmnCode: MERCHANT,
      vnp_TransactionNo: '14321234',
      vnp_TransactionStatus: '00',
      vnp_TxnRef: '105072602130001A1B2C3D4',
      ...overrides,
    };
    return { ...params, vnp_SecureHash: sign(params, SECRET) };
  };

  it('verifies a signature exactly as the vnpay package does', () => {
    const signed = callback();
    expect(hasValidSignature(signed, SECRET)).toBe(true);
    expect(verified(signed)).toEqual({ ipn: true, return: true });
    expect(verified({ ...signed, vnp_SecureHashType: 'HmacSHA512' }).return).toBe(true);
    expect(hasValidSignature({ ...signed, vnp_SecureHashType: 'HmacSHA512' }, SECRET)).toBe(true);
    expect(
      hasValidSignature({ ...signed, vnp_SecureHash: signed.vnp_SecureHash?.toUpperCase() ?? '' }, SECRET),
    ).toBe(true);
    const tampered = { ...signed, vnp_Amount: '100' };
    expect(hasValidSignature(tampered, SECRET)).toBe(false);
    expect(verified(tampered)).toEqual({ ipn: false, return: false });
    expect(hasValidSignature(signed, 'another secret')).toBe(false);
    expect(hasValidSignature({ ...signed, vnp_SecureHash: 'abc' }, SECRET)).toBe(false);
  });

  it('believes a signed success for the right amount, with the gateway time', () => {
    expect(checkCallback(callback(), SECRET, { amount: 7000 })).toEqual({
      kind: 'paid',
      responseCode: '00',
      transactionNo: '14321234',
      paidAt: new Date('2026-02-13T02:10:00Z'),
    });
  });

  it('reports a cancelled or unsuccessful payment as failed', () => {
    const cancelled = callback({ vnp_ResponseCode: '24', vnp_TransactionStatus: '02' });
    expect(checkCallback(cancelled, SECRET, { amount: 7000 })).toMatchObject({
      kind: 'failed',
      responseCode: '24',
    });
    const pending = callback({ vnp_TransactionStatus: '01' });
    expect(checkCallback(pending, SECRET, { amount: 7000 }).kind).toBe('failed');
  });

  it('refuses a forged signature before anything else, then an unknown payment, then a wrong amount', () => {
    const forged = { ...callback(), vnp_SecureHash: sign(callback(), 'guessed') };
    expect(checkCallback(forged, SECRET, undefined)).toEqual({ kind: 'forged' });
    expect(checkCallback(callback(), SECRET, undefined)).toEqual({ kind: 'unknown_txn' });
    expect(checkCallback(callback(), SECRET, { amount: 7001 })).toEqual({
      kind: 'wrong_amount',
      expected: 7001,
      received: 7000,
    });
    expect(checkCallback(callback({ vnp_Amount: '7e5' }), SECRET, { amount: 7000 })).toEqual({
      kind: 'wrong_amount',
      expected: 7000,
      received: null,
    });
  });
});

describe('receipts and statements', () => {
  it('numbers receipts per year', () => {
    expect(receiptNumber(2026, 42)).toBe('BL-2026-000042');
  });

  it('finds the dossier code in a bank statement note, with or without dashes', () => {
    expect(dossierCodeIn('NOP PHI 10507-260213-0001')).toBe(CODE);
    expect(dossierCodeIn('MBVCB.123.NOP PHI 105072602130001.CT tu 0123')).toBe(CODE);
    expect(dossierCodeIn('chuyen tien 1050726021300012')).toBeUndefined();
    expect(dossierCodeIn('chuyen tien')).toBeUndefined();
  });
});
