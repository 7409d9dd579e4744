import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/platform/clock';
import { signIn, startTestPlatform, type Agent, type TestPlatform } from '../support/app';

/**
 * "Ngày làm việc không hẹn, không chờ" (seed III.6) end to end: the ward administrator sets the day and its
 * procedures, the intake makes those dossiers due the same day and puts them in the same-day lane; then the
 * leader's figures (same-day share, online payment share) each list exactly the dossiers they count.
 */

const WARD = '10507';
const SAME_DAY_URL = `/api/v1/wards/${WARD}/same-day`;
const RECOGNITION = {
  procedureCode: '1.001022', // 3 working days
  documentsReceived: ['to-khai-nhan-cha-me-con', 'chung-cu-quan-he-cha-me-con'],
};
const GUARDIANSHIP = {
  procedureCode: '1.004837', // 3 working days, not on the ward's list
  documentsReceived: ['to-khai-dang-ky-giam-ho'],
};
const BIRTH = '1.001193';
const COPY = { procedureCode: '2.000815', documentsReceived: ['ban-sao-can-chung-thuc'], fee: { pages: 2 } };
const applicant = {
  fullName: 'Phạm Thị Mai',
  idNumber: '031185004321',
  phone: '0903111222',
  address: 'Số 9, ngõ 2, Tổ dân phố số 3, phường Thành Đông',
};

interface Intake {
  code: string;
  dueDate: string;
  dueDateBasis: string;
  fee: { amount: number };
}
interface Figure {
  key: string;
  value: number | null;
  numerator?: number;
  denominator?: number;
  href: string;
}

describe('the "không hẹn, không chờ" day and the online-service figures', () => {
  const clock = manualClock(new Date('2026-03-02T08:00:00+07:00')); // Monday
  let platform: TestPlatform;
  let quantri: Agent;
  let keys = 0;
  const key = () => ({ 'idempotency-key': `online-figures-${++keys}` });
  const made = new Map<string, Intake>();
  const codeOf = (letter: string) => made.get(letter)?.code ?? '';
  const sql = (text: string, params: unknown[] = []) => platform.database.sql.query(text, params);

  async function intake(letter: string, at: string, body: Record<string, unknown>) {
    clock.set(new Date(at));
    const motcua = await signIn(platform.app, 'motcua');
    const response = await motcua.request(
      'POST',
      '/api/v1/dossiers',
      { applicant, channel: 'counter', ...body },
      key(),
    );
    expect(response.statusCode, response.body).toBe(201);
    made.set(letter, response.json<Intake>());
    return motcua;
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ clock });
    quantri = await signIn(platform.app, 'quantri');
  });
  afterAll(() => platform.close());

  it('the ward administrator sets the weekday and its procedures, from today on; anyone can read them', async () => {
    const decide = (agent: Agent, body: Record<string, unknown>) =>
      agent.request(
        'POST',
        SAME_DAY_URL,
        { weekday: 4, procedureCodes: [RECOGNITION.procedureCode], ...body },
        key(),
      );
    const past = await decide(quantri, { effectiveFrom: '2026-03-01' });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.fields).toHaveProperty('effectiveFrom');
    const unknown = await decide(quantri, { effectiveFrom: '2026-03-05', procedureCodes: ['9.999999'] });
    expect(unknown.json().error.fields).toEqual({ procedureCodes: 'Phường không có thủ tục: 9.999999.' });
    const counter = await signIn(platform.app, 'motcua');
    expect((await decide(counter, { effectiveFrom: '2026-03-05' })).statusCode).toBe(403);

    const first = await decide(quantri, {
      effectiveFrom: '2026-03-05',
      procedureCodes: [RECOGNITION.procedureCode, BIRTH],
      decision: 'Quyết định số 15/QĐ-UBND ngày 02/03/2026',
    });
    expect(first.statusCode, first.body).toBe(200);
    // The same effective day again: the new decision replaces the first, which the audit keeps.
    const replaced = await decide(quantri, { effectiveFrom: '2026-03-05' });
    expect(replaced.statusCode, replaced.body).toBe(200);
    const [audit] = await sql(
      "SELECT summary FROM audit_log WHERE action = 'dossier.same_day_schedule_set' ORDER BY id DESC LIMIT 1",
    );
    expect((audit?.summary as { replaced: unknown }).replaced).toEqual({
      weekday: 4,
      procedureCodes: [RECOGNITION.procedureCode, BIRTH],
    });

    const published = await platform.app.inject({ method: 'GET', url: SAME_DAY_URL });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({
      today: '2026-03-02',
      current: null,
      upcoming: [
        {
          weekday: 4,
          weekdayName: 'Thứ Năm',
          effectiveFrom: '2026-03-05',
          procedures: [{ code: RECOGNITION.procedureCode, name: 'Thủ tục đăng ký nhận cha, mẹ, con' }],
        },
      ],
    });
  });

  it('on that day a listed procedure is due the same day, in the same-day lane; nothing else is', async () => {
    await intake('W', '2026-03-04T10:00:00+07:00', RECOGNITION); // a Wednesday
    await intake('A', '2026-03-05T10:00:00+07:00', RECOGNITION); // Thursday, listed
    await intake('B', '2026-03-05T10:05:00+07:00', GUARDIANSHIP); // Thursday, not listed
    await intake('C', '2026-03-05T17:10:00+07:00', RECOGNITION); // Thursday, after closing time
    const motcua = await intake('D', '2026-03-05T16:30:00+07:00', RECOGNITION); // after 15:00, before 17:00

    expect(made.get('W')?.dueDate).toBe('2026-03-09');
    expect(made.get('A')?.dueDate).toBe('2026-03-05');
    expect(made.get('A')?.dueDateBasis).toMatch(/^Mô hình “Ngày làm việc không hẹn, không chờ”/);
    expect(made.get('A')?.dueDateBasis).toContain('Thời hạn theo quy định: Thời hạn 3 ngày làm việc');
    expect(made.get('B')?.dueDate).toBe('2026-03-10');
    expect(made.get('C')?.dueDate).toBe('2026-03-11'); // received on Friday 6 March
    expect(made.get('D')?.dueDate).toBe('2026-03-05');

    const queue = (await motcua.request('GET', '/api/v1/dossiers')).json<{
      items: { code: string; sameDay: boolean }[];
    }>();
    const lane = queue.items.filter((item) => item.sameDay).map((item) => item.code);
    expect(lane.sort()).toEqual([codeOf('A'), codeOf('D')].sort());

    // Thursday 30 April is a public holiday: the same-day day does not apply.
    await intake('H', '2026-04-30T10:00:00+07:00', RECOGNITION);
    expect(made.get('H')?.dueDate).not.toBe('2026-04-30');
    const [holiday] = await sql('SELECT same_day FROM dossiers WHERE code = $1', [codeOf('H')]);
    expect(holiday?.same_day).toBe(false);
  });

  it('gives the same-day share and the online payment share, each listing exactly its dossiers', async () => {
    // E: same-day on Thursday 12 March, its result ready a day late. A: ready the same day. D: not yet.
    await intake('E', '2026-03-12T09:00:00+07:00', RECOGNITION);
    const resolve = (letter: string, at: string) =>
      sql("UPDATE dossiers SET status = 'returned', status_code = 10, finished_at = $2 WHERE code = $1", [
        codeOf(letter),
        at,
      ]);
    await resolve('A', '2026-03-05T16:00:00+07:00');
    await resolve('E', '2026-03-13T09:00:00+07:00');

    // F paid by VietQR (found on the ward's statement), G paid in cash at the counter.
    await intake('F', '2026-03-03T09:00:00+07:00', COPY);
    const motcua = await intake('G', '2026-03-03T09:10:00+07:00', COPY);
    const amount = made.get('F')?.fee.amount ?? 0;
    expect(amount).toBeGreaterThan(0);
    const statement = await motcua.request(
      'POST',
      '/api/v1/payments/reconciliation',
      {
        lines: [
          {
            reference: 'FT-0001',
            amount,
            note: `Nop phi ${codeOf('F')}`,
            bookedAt: '2026-03-04T10:00:00+07:00',
          },
        ],
      },
      key(),
    );
    expect(statement.json().results[0].outcome).toBe('recorded');
    await sql(
      `INSERT INTO dossier_payments (ward_code, dossier_id, amount, lines, basis, receipt_number, method, paid_at, received_by_name)
       SELECT ward_code, id, fee_amount, '[]'::jsonb, 'Biểu phí', 'BL-2026-900001', 'cash', $2, 'Trần Thị Hằng'
       FROM dossiers WHERE code = $1`,
      [codeOf('G'), '2026-03-03T09:15:00+07:00'],
    );

    clock.set(new Date('2026-04-01T09:00:00+07:00'));
    const leader = await signIn(platform.app, 'chutich');
    const response = await leader.request('GET', '/api/v1/indicators/one-stop?from=2026-03-01&to=2026-03-31');
    const figures = Object.fromEntries(response.json<{ figures: Figure[] }>().figures.map((f) => [f.key, f]));
    expect(figures.sameDayResolved?.value).toBe(2);
    expect(figures.sameDayShare).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    expect(figures.feePaid?.value).toBe(2);
    expect(figures.onlinePaymentShare).toMatchObject({ value: 50, numerator: 1, denominator: 2 });

    const expected: Record<string, string[]> = {
      sameDayResolved: ['A', 'E'],
      sameDayShare: ['A'],
      feePaid: ['F', 'G'],
      onlinePaymentShare: ['F'],
      homeIntakes: [],
    };
    for (const [key, letters] of Object.entries(expected)) {
      const listed = await leader.request('GET', figures[key]?.href ?? '');
      expect(listed.statusCode, listed.body).toBe(200);
      const codes = listed.json<{ items: { code: string }[] }>().items.map((item) => item.code);
      expect(codes.sort(), key).toEqual(letters.map(codeOf).sort());
    }
  });
});
