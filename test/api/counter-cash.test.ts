import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/platform/clock';
import { signIn, startTestPlatform, type Agent, type TestPlatform } from '../support/app';

/**
 * A fee paid in cash at the counter at intake is a payment like any other (method cash, a receipt number of the
 * ward's series, the officer who took it, the scheduled amount), so the leader's online payment share counts it.
 */

const COPY = { procedureCode: '2.000815', documentsReceived: ['ban-sao-can-chung-thuc'], fee: { pages: 2 } };
const BIRTH = {
  procedureCode: '1.001193',
  documentsReceived: ['to-khai-dang-ky-khai-sinh', 'giay-chung-sinh'],
};
const applicant = {
  fullName: 'Vũ Thị Lan',
  idNumber: '031190004455',
  phone: '0904555666',
  address: 'Số 3, ngõ 7, Tổ dân phố số 2, phường Thành Đông',
};

interface Figure {
  key: string;
  value: number | null;
  numerator?: number;
  denominator?: number;
}

describe('cash paid at the counter at intake', () => {
  const clock = manualClock(new Date('2026-03-03T09:00:00+07:00'));
  let platform: TestPlatform;
  let motcua: Agent;
  let keys = 0;
  const sql = (text: string, params: unknown[] = []) => platform.database.sql.query(text, params);
  const intake = (body: Record<string, unknown>) =>
    motcua.request(
      'POST',
      '/api/v1/dossiers',
      { applicant, channel: 'counter', ...body },
      {
        'idempotency-key': `counter-cash-${++keys}`,
      },
    );

  let leader: Agent | undefined;
  /** The leader's figures for March, read on 1 April (one sign-in: the leader's second would ask for a TOTP code). */
  async function paymentFigures() {
    clock.set(new Date('2026-04-01T09:00:00+07:00'));
    leader ??= await signIn(platform.app, 'chutich');
    const response = await leader.request('GET', '/api/v1/indicators/one-stop?from=2026-03-01&to=2026-03-31');
    expect(response.statusCode, response.body).toBe(200);
    const figures = response.json<{ figures: Figure[] }>().figures;
    return Object.fromEntries(figures.map((f) => [f.key, f]));
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ clock });
    motcua = await signIn(platform.app, 'motcua');
  });
  afterAll(() => platform.close());

  it('records the scheduled fee with a receipt and the officer, and the citizen sees it paid', async () => {
    const response = await intake({ ...COPY, payment: { method: 'cash' } });
    expect(response.statusCode, response.body).toBe(201);
    const { code, fee, payment } = response.json();
    expect(fee.amount).toBe(4000);
    expect(payment).toEqual({
      method: 'cash',
      amount: 4000,
      receiptNumber: 'BL-2026-000001',
      paidAt: '2026-03-03T02:00:00.000Z',
      receiptUrl: `/api/v1/dossiers/${code}/payment/receipt`,
    });
    const view = (await motcua.request('GET', `/api/v1/dossiers/${code}/payment`)).json();
    expect(view).toMatchObject({
      amount: 4000,
      status: 'paid',
      receipt: { number: 'BL-2026-000001', method: 'cash', methodLabel: 'Tiền mặt tại quầy' },
    });
    expect(view.receipt.collectedByName).toBe('Trần Thị Hằng');
    const [audit] = await sql(
      "SELECT summary, actor_id FROM audit_log WHERE action = 'payment.paid' AND target_id = $1",
      [code],
    );
    expect(audit?.summary).toEqual({ method: 'cash', amount: 4000, receiptNumber: 'BL-2026-000001' });
    const receipt = await motcua.request('GET', payment.receiptUrl);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers['content-type']).toBe('application/pdf');
  });

  it('takes no amount from the officer, nothing for a free procedure, nothing without a receipt', async () => {
    const [before] = await sql('SELECT count(*)::int AS n FROM dossiers');
    const typed = await intake({ ...COPY, payment: { method: 'cash', amount: 1000 } });
    expect(typed.statusCode).toBe(400);
    const free = await intake({ ...BIRTH, payment: { method: 'cash' } });
    expect(free.statusCode).toBe(422);
    expect(free.json().error.fields).toEqual({
      payment: 'Theo biểu phí của thủ tục, hồ sơ không phải nộp phí, lệ phí.',
    });
    const supplement = await intake({
      ...COPY,
      documentsReceived: [],
      outcome: 'request_supplement',
      missingDocuments: ['ban-sao-can-chung-thuc'],
      payment: { method: 'cash' },
    });
    expect(supplement.statusCode).toBe(422);
    expect(supplement.json().error.fields).toHaveProperty('payment');
    const [after] = await sql('SELECT count(*)::int AS n FROM dossiers');
    expect(after?.n).toBe(before?.n);
    const payments = await sql("SELECT count(*)::int AS n FROM payments WHERE method = 'cash'");
    expect(payments[0]?.n).toBe(1);
  });

  it('counts in the leader’s online payment share: paid online over all paid', async () => {
    const online = await intake(COPY);
    const { code, fee } = online.json();
    const statement = await motcua.request(
      'POST',
      '/api/v1/payments/reconciliation',
      {
        lines: [
          {
            reference: 'FT-7001',
            amount: fee.amount,
            note: `Nop phi ${code}`,
            bookedAt: '2026-03-03T10:00:00+07:00',
          },
        ],
      },
      { 'idempotency-key': `counter-cash-${++keys}` },
    );
    expect(statement.json().results[0].outcome).toBe('recorded');
    const withCash = await paymentFigures();
    expect(withCash.feePaid?.value).toBe(2);
    expect(withCash.onlinePaymentShare).toMatchObject({ value: 50, numerator: 1, denominator: 2 });

    clock.set(new Date('2026-03-04T09:00:00+07:00'));
    motcua = await signIn(platform.app, 'motcua');
    expect((await intake({ ...COPY, fee: { pages: 3 }, payment: { method: 'cash' } })).statusCode).toBe(201);
    const more = await paymentFigures();
    expect(more.feePaid?.value).toBe(3);
    expect(more.onlinePaymentShare).toMatchObject({ numerator: 1, denominator: 3 });
  });
});
