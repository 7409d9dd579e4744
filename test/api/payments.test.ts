import { QRPay } from 'vietnam-qr-pay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedUrl, type GatewayParams } from '../../src/modules/payments/rules';
import { manualClock } from '../../src/platform/clock';
import { readConfig } from '../../src/platform/config';
import { signIn, startTestPlatform, type Agent, type TestPlatform } from '../support/app';
import { pdfText } from '../support/pdf';

// Fees paid online: the VietQR code, the gateway simulator end to end, forged and replayed callbacks, the
// bank statement. March 2026, a working Monday.
const clock = manualClock(new Date('2026-03-09T09:00:00+07:00'));
const SECRET = readConfig({}).paymentGateway?.secret ?? '';
const APPLICANT = {
  fullName: 'Lê Thị Thu',
  idNumber: '031095001234',
  phone: '0912345678',
  address: 'Số 8, Tổ dân phố số 2, phường Thành Đông',
};
const COPY_CERTIFICATION = '2.000815'; // 2.000 đ a page for pages 1–2, 1.000 đ from page 3
const BIRTH_REGISTRATION = '1.001193'; // free
const IPN = '/api/v1/payments/gateway/ipn';

describe('payments', () => {
  let platform: TestPlatform;
  let counter: Agent; // motcua, Thành Đông
  let otherWard: Agent; // hd.motcua, another ward
  let keys = 0;
  let transactions = 55_500_000;

  const rows = <T>(sql: string, params: unknown[] = []) => platform.database.sql.query<T>(sql, params);
  const anonymous = (method: 'GET' | 'POST', url: string, payload?: string) =>
    platform.app.inject({
      method,
      url,
      payload,
      headers: payload ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
    });

  async function intake(procedureCode: string, fee?: Record<string, number>): Promise<string> {
    const body = {
      procedureCode,
      applicant: APPLICANT,
      documentsReceived:
        procedureCode === BIRTH_REGISTRATION ? ['to-khai-dang-ky-khai-sinh'] : ['ban-sao-can-chung-thuc'],
      channel: 'counter',
      ...(fee ? { fee } : {}),
    };
    const response = await counter.request('POST', '/api/v1/dossiers', body, {
      'idempotency-key': `payments-intake-${++keys}`,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().code;
  }

  async function startGateway(code: string): Promise<{ txnRef: string; redirectUrl: string }> {
    const response = await counter.request('POST', `/api/v1/dossiers/${code}/payment/gateway`);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  /** The citizen on the simulator: opens the page, presses a button; returns where the browser is sent. */
  async function simulate(redirectUrl: string, choice: 'thanh-toan' | 'huy'): Promise<string> {
    const page = await anonymous('GET', redirectUrl);
    expect(page.statusCode, page.body).toBe(200);
    const signed = new URL(redirectUrl, 'http://localhost').search.slice(1);
    const form = new URLSearchParams({ 'yeu-cau': signed, 'ket-qua': choice }).toString();
    const answer = await anonymous('POST', '/thanh-toan-thu/vpcpay.html', form);
    expect(answer.statusCode, answer.body).toBe(303);
    const location = new URL(String(answer.headers.location));
    expect(location.pathname).toBe('/thanh-toan/ket-qua');
    return `${location.pathname}${location.search}`;
  }

  const paymentOf = async (code: string) => {
    const response = await counter.request('GET', `/api/v1/dossiers/${code}/payment`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  /** Everything a callback could change, to compare before and after. */
  const snapshot = async (code: string) => ({
    payments: await rows('SELECT * FROM payments WHERE dossier_code = $1 ORDER BY created_at, id', [code]),
    callbacks: await rows(
      'SELECT c.* FROM payment_callbacks c JOIN payments p ON p.id = c.payment_id WHERE p.dossier_code = $1 ORDER BY c.id',
      [code],
    ),
    audit: await rows('SELECT id FROM audit_log WHERE target_id = $1 ORDER BY id', [code]),
  });

  /** A callback for a payment as the gateway would send it, signed with `secret`. */
  function callback(txnRef: string, amount: number, secret = SECRET, extra: GatewayParams = {}): string {
    const params: GatewayParams = {
      vnp_Amount: String(amount * 100),
      vnp_BankCode: 'MOPHONG',
      vnp_PayDate: '20260309091500',
      vnp_ResponseCode: '00',
      vnp_TmnCode: 'CQTTDEMO',
      vnp_TransactionNo: String(++transactions),
      vnp_TransactionStatus: '00',
      vnp_TxnRef: txnRef,
      ...extra,
    };
    return signedUrl(IPN, params, secret);
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ clock });
    [counter, otherWard] = await Promise.all([
      signIn(platform.app, 'motcua'),
      signIn(platform.app, 'hd.motcua'),
    ]);
  });
  afterAll(() => platform.close());

  it('answers the contract: the intake fee, a VietQR payload that decodes with a valid CRC, unpaid', async () => {
    const code = await intake(COPY_CERTIFICATION, { pages: 5 });
    const payment = await paymentOf(code);
    expect(payment).toMatchObject({
      code,
      amount: 7000, // 2 × 2.000 đ + 3 × 1.000 đ
      amountText: '7.000 đ',
      status: 'unpaid',
      receipt: null,
      transferNote: `NOP PHI ${code}`,
      account: { bankBin: '970415', accountNumber: '999910507000', demo: true },
    });
    const decoded = new QRPay(payment.vietqr);
    expect(decoded.isValid).toBe(true);
    expect(decoded.amount).toBe('7000');
    expect(decoded.consumer.bankBin).toBe('970415');
    expect(decoded.consumer.bankNumber).toBe('999910507000');
    expect(decoded.additionalData.purpose).toBe(`NOP PHI ${code}`);
  });

  it('is seen by the dossier ward only, and only for a dossier that has a fee', async () => {
    const code = await intake(COPY_CERTIFICATION, { pages: 1 });
    expect((await paymentOf(code)).amount).toBe(2000);
    const foreign = await otherWard.request('GET', `/api/v1/dossiers/${code}/payment`);
    expect(foreign.statusCode).toBe(404);
    expect((await otherWard.request('POST', `/api/v1/dossiers/${code}/payment/gateway`)).statusCode).toBe(
      404,
    );
    const free = await intake(BIRTH_REGISTRATION);
    const answer = await counter.request('GET', `/api/v1/dossiers/${free}/payment`);
    expect(answer.statusCode).toBe(422);
    expect(answer.json().error.code).toBe('RULE_VIOLATION');
  });

  it('runs the whole simulator flow: the gateway notifies, the dossier is paid with a receipt, audited', async () => {
    const code = await intake(COPY_CERTIFICATION, { pages: 3 });
    const { txnRef, redirectUrl } = await startGateway(code);
    expect(redirectUrl).toMatch(
      /^\/thanh-toan-thu\/vpcpay\.html\?.*vnp_Amount=500000.*&vnp_SecureHash=[0-9a-f]{128}$/,
    );

    const page = await anonymous('GET', redirectUrl);
    expect(page.body).toContain(code);
    expect(page.body).toContain('5.000 đ');
    expect(page.body).toMatch(/<button[^>]*value="thanh-toan"[^>]*>Thanh toán/);
    expect(page.body).toMatch(/<button[^>]*value="huy"[^>]*>Huỷ</);

    const returnTo = await simulate(redirectUrl, 'thanh-toan');
    // The IPN came first, server to server.
    const [stored] = await rows<Record<string, unknown>>('SELECT * FROM payments WHERE txn_ref = $1', [
      txnRef,
    ]);
    expect(stored).toMatchObject({
      status: 'paid',
      method: 'gateway',
      amount: 5000,
      receipt_number: 'BL-2026-000001',
    });
    const callbacks = await rows<{ source: string }>('SELECT source FROM payment_callbacks');
    expect(callbacks.map((c) => c.source)).toEqual(['ipn']);

    const result = await anonymous('GET', returnTo);
    expect(result.statusCode).toBe(200);
    expect(result.body).toContain('Thanh toán thành công');
    expect(result.body).toContain('BL-2026-000001');
    expect(result.body).toContain('đã được ghi nhận trước đó');

    const payment = await paymentOf(code);
    expect(payment.status).toBe('paid');
    expect(payment.receipt).toMatchObject({ number: 'BL-2026-000001', method: 'gateway' });
    const audit = await rows<{ action: string; actor_id: string | null }>(
      'SELECT action, actor_id FROM audit_log WHERE target_id = $1 AND action LIKE $2 ORDER BY id',
      [code, 'payment.%'],
    );
    expect(audit.map((a) => a.action)).toEqual(['payment.started', 'payment.paid']);
    expect(audit[1]?.actor_id).toBe('payment_gateway');

    const receipt = await counter.request('GET', `/api/v1/dossiers/${code}/payment/receipt`);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(receipt.rawPayload);
    for (const expected of [
      'BIÊN LAI THU PHÍ, LỆ PHÍ',
      'BL-2026-000001',
      code,
      APPLICANT.fullName,
      '5.000 đ',
      'Năm nghìn đồng',
    ])
      expect(text).toContain(expected);

    const again = await counter.request('POST', `/api/v1/dossiers/${code}/payment/gateway`);
    expect(again.statusCode).toBe(409);
  });

  it('answers a replayed callback clearly and changes nothing', async () => {
    const code = await intake(COPY_CERTIFICATION, { pages: 2 });
    const { txnRef } = await startGateway(code);
    const url = callback(txnRef, 4000);
    expect((await anonymous('GET', url)).json()).toEqual({ RspCode: '00', Message: 'Confirm Success' });
    const before = await snapshot(code);
    const replay = await anonymous('GET', url);
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toEqual({ RspCode: '02', Message: 'Order already confirmed' });
    // A different, validly signed result for the settled payment changes nothing either.
    const late = callback(txnRef, 4000, SECRET, { vnp_ResponseCode: '24', vnp_TransactionStatus: '02' });
    expect((await anonymous('GET', late)).json().RspCode).toBe('02');
    expect(await snapshot(code)).toEqual(before);
  });

  it('rejects a forged callback and changes nothing, on the IPN and on the return page', async () => {
    const code = await intake(COPY_CERTIFICATION, { pages: 4 });
    const { txnRef } = await startGateway(code);
    const before = await snapshot(code);
    const forged = callback(txnRef, 6000, 'a guessed secret');
    expect((await anonymous('GET', forged)).json()).toEqual({ RspCode: '97', Message: 'Fail checksum' });
    const returned = await anonymous('GET', forged.replace(IPN, '/thanh-toan/ket-qua'));
    expect(returned.statusCode).toBe(400);
    expect(returned.body).toContain('Không xác thực được kết quả thanh toán');
    // A genuine signature over other values is as good as none.
    const tampered = callback(txnRef, 6000).replace('vnp_ResponseCode=00', 'vnp_ResponseCode=0');
    expect((await anonymous('GET', tampered)).json().RspCode).toBe('97');
    expect(await snapshot(code)).toEqual(before);
    expect((await paymentOf(code)).status).toBe('unpaid');
  });

  it('rejects a signed callback for a wrong amount or an unknown transaction', async () => {
    const code = await intake(COPY_CERTIFICATION, { pages: 4 });
    const { txnRef } = await startGateway(code);
    const before = await snapshot(code);
    expect((await anonymous('GET', callback(txnRef, 1000))).json()).toEqual({
      RspCode: '04',
      Message: 'Invalid amount',
    });
    expect((await anonymous('GET', callback('KHONGCOGIAODICH', 6000))).json().RspCode).toBe('01');
    expect(await snapshot(code)).toEqual(before);
  });

  it('records a cancelled payment as failed and lets the citizen try again', async () => {
    const code = await intake(COPY_CERTIFICATION, { pages: 1 });
    const first = await startGateway(code);
    const result = await anonymous('GET', await simulate(first.redirectUrl, 'huy'));
    expect(result.body).toContain('Thanh toán chưa thành công');
    const [stored] = await rows<{ status: string; receipt_number: string | null }>(
      'SELECT status, receipt_number FROM payments WHERE txn_ref = $1',
      [first.txnRef],
    );
    expect(stored).toEqual({ status: 'failed', receipt_number: null });
    expect((await paymentOf(code)).status).toBe('unpaid');
    const second = await startGateway(code);
    await simulate(second.redirectUrl, 'thanh-toan');
    expect((await paymentOf(code)).status).toBe('paid');
  });

  it('refuses a tampered request on the simulator', async () => {
    const code = await intake(COPY_CERTIFICATION, { pages: 1 });
    const { redirectUrl } = await startGateway(code);
    const cheaper = redirectUrl.replace('vnp_Amount=200000', 'vnp_Amount=100');
    const page = await anonymous('GET', cheaper);
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Chữ ký của yêu cầu không đúng');
    const form = new URLSearchParams({ 'yeu-cau': cheaper.split('?')[1] ?? '', 'ket-qua': 'thanh-toan' });
    expect((await anonymous('POST', '/thanh-toan-thu/vpcpay.html', form.toString())).statusCode).toBe(400);
    expect((await paymentOf(code)).status).toBe('unpaid');
  });

  it('reconciles the bank statement: exact fee recorded once, the rest reported', async () => {
    const code = await intake(COPY_CERTIFICATION, { pages: 6 }); // 8.000 đ
    const paidAlready = await intake(COPY_CERTIFICATION, { pages: 1 });
    const { txnRef } = await startGateway(paidAlready);
    await anonymous('GET', callback(txnRef, 2000));
    const bookedAt = '2026-03-09T10:00:00+07:00';
    const lines = [
      { reference: 'FT26068001', amount: 8000, note: `NOP PHI ${code.replace(/-/g, '')}`, bookedAt },
      { reference: 'FT26068002', amount: 7000, note: `NOP PHI ${code}`, bookedAt },
      { reference: 'FT26068003', amount: 2000, note: `NOP PHI ${paidAlready}`, bookedAt },
      { reference: 'FT26068004', amount: 8000, note: 'chuyen tien', bookedAt },
    ];
    const send = () =>
      counter.request('POST', '/api/v1/payments/reconciliation', { lines: lines.slice(0, 1) });
    const first = await counter.request('POST', '/api/v1/payments/reconciliation', { lines });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'recorded',
      'wrong_amount',
      'already_paid',
      'no_dossier',
    ]);
    expect((await send()).json().results[0].outcome).toBe('duplicate');
    const payment = await paymentOf(code);
    expect(payment).toMatchObject({ status: 'paid', receipt: { method: 'vietqr' } });
    const audit = await rows('SELECT id FROM audit_log WHERE target_id = $1 AND action = $2', [
      code,
      'payment.paid',
    ]);
    expect(audit).toHaveLength(1);
    // Another ward's statement cannot pay this ward's dossiers.
    const foreign = await otherWard.request('POST', '/api/v1/payments/reconciliation', { lines });
    expect(foreign.json().results.map((r: { outcome: string }) => r.outcome)).toEqual(
      Array(4).fill('no_dossier'),
    );
  });
});
