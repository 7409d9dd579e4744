import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/platform/clock';
import { signIn, startTestPlatform, type Agent, type TestPlatform } from '../support/app';

/**
 * One-stop indicators over dossiers taken in through the API (as `motcua`, with Idempotency-Key) on a manual
 * clock; the later states (resolved, late, apologies…) are set in SQL until the action API exists.
 */

interface Figure {
  key: string;
  label: string;
  value: number | null;
  unit: 'count' | 'percent';
  display: string;
  numerator?: number;
  denominator?: number;
  href: string;
}
interface Indicators {
  period: { from: string; to: string; today: string };
  ward: { code: string; name: string };
  figures: Figure[];
}
interface Listed {
  items: {
    code: string;
    procedureName: string;
    status: string;
    receivedAt: string;
    dueDate: string | null;
    finishedAt: string | null;
  }[];
}

const THANH_DONG = '10507';
const HAI_DUONG = '10525';
const MARCH = 'from=2026-03-01&to=2026-03-31';
const URL = '/api/v1/indicators/one-stop';
const FORBIDDEN = {
  error: { code: 'FORBIDDEN', message: 'Xin lỗi, tài khoản của bạn không có quyền thực hiện thao tác này.' },
};

const applicant = {
  fullName: 'Nguyễn Thị Hằng',
  idNumber: '031095001234',
  phone: '0912345678',
  address: 'Số 5, Tổ dân phố số 1, phường Thành Đông',
};
/** Nhận cha, mẹ, con: 3 working days. */
const RECOGNITION = {
  procedureCode: '1.001022',
  documentsReceived: ['to-khai-nhan-cha-me-con', 'chung-cu-quan-he-cha-me-con'],
};
/** Khai sinh: same day (cutoff 15:00). */
const BIRTH = { procedureCode: '1.001193', documentsReceived: ['to-khai-dang-ky-khai-sinh'] };

describe('one-stop indicators', () => {
  const clock = manualClock(new Date('2026-02-24T09:00:00+07:00'));
  let platform: TestPlatform;
  let keys = 0;
  /** Letter → dossier code and its due date, as the intake answered. */
  const made = new Map<string, { code: string; dueDate: string | null }>();
  let readers: Record<'motcua' | 'giamsat' | 'thanhpho' | 'hdMotcua' | 'totruong', Agent>;
  let cultureUnit = '';

  const sql = (text: string, params: unknown[] = []) => platform.database.sql.query(text, params);

  async function intake(letter: string, at: string, body: Record<string, unknown>, username = 'motcua') {
    clock.set(new Date(at));
    const agent = await signIn(platform.app, username); // sessions follow the clock: sign in on the day
    const response = await agent.request(
      'POST',
      '/api/v1/dossiers',
      { applicant, channel: 'counter', ...body },
      { 'idempotency-key': `indicators-${++keys}` },
    );
    expect(response.statusCode, response.body).toBe(201);
    made.set(letter, response.json());
  }
  const codeOf = (letter: string) => made.get(letter)?.code ?? '';
  const dueOf = (letter: string) => made.get(letter)?.dueDate ?? '';
  /** 10:00 in Vietnam on the due date moved by `days` calendar days. */
  const aroundDue = (letter: string, days: number) => {
    const due = new Date(`${dueOf(letter)}T10:00:00+07:00`);
    return new Date(due.getTime() + days * 86_400_000).toISOString();
  };
  const set = (letter: string, assignments: string, params: unknown[] = []) =>
    sql(`UPDATE dossiers SET ${assignments} WHERE code = $1`, [codeOf(letter), ...params]);

  async function read(agent: Agent, query: string): Promise<Record<string, Figure>> {
    const response = await agent.request('GET', `${URL}?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<Indicators>();
    return Object.fromEntries(body.figures.map((f) => [f.key, f]));
  }
  const values = (figures: Record<string, Figure>) =>
    Object.fromEntries(Object.values(figures).map((f) => [f.key, f.value]));

  beforeAll(async () => {
    platform = await startTestPlatform({ clock });
    // H: February, returned in March after its due date.
    await intake('H', '2026-02-24T09:00:00+07:00', RECOGNITION);
    // A, B: received Monday 2 March; C online on the 3rd; D on the 4th.
    await intake('A', '2026-03-02T09:00:00+07:00', RECOGNITION);
    await intake('B', '2026-03-02T10:00:00+07:00', RECOGNITION);
    await intake('C', '2026-03-03T09:00:00+07:00', { ...RECOGNITION, channel: 'online' });
    await intake('D', '2026-03-04T09:00:00+07:00', RECOGNITION);
    // Hải Dương takes one in too: never counted in Thành Đông.
    await intake('I', '2026-03-04T09:30:00+07:00', RECOGNITION, 'hd.motcua');
    // E: Mẫu 02 at intake (not received); F: refused (Mẫu 03).
    await intake('E', '2026-03-05T09:00:00+07:00', {
      ...BIRTH,
      documentsReceived: [],
      outcome: 'request_supplement',
      missingDocuments: ['to-khai-dang-ky-khai-sinh'],
      reasons: ['Thiếu tờ khai đăng ký khai sinh'],
    });
    await intake('F', '2026-03-05T09:30:00+07:00', {
      ...BIRTH,
      outcome: 'refuse',
      reasons: ['Việc sinh không thuộc thẩm quyền đăng ký của phường'],
    });
    // G: same day on the 6th; J: same day on the 31st; K: 1 April (outside the period).
    await intake('G', '2026-03-06T09:00:00+07:00', BIRTH);
    await intake('J', '2026-03-31T14:00:00+07:00', BIRTH);
    await intake('K', '2026-04-01T09:00:00+07:00', BIRTH);

    // Later states, in SQL until the action API exists.
    await set('H', "status = 'returned', status_code = 10, finished_at = $2", [aroundDue('H', 4)]);
    expect(aroundDue('H', 4) >= '2026-03-01').toBe(true);
    await set('A', "status = 'returned', status_code = 10, finished_at = $2", [aroundDue('A', -1)]);
    // B: result ready on its due date, known only from the event (finished_at left empty).
    await set('B', "status = 'result_ready', status_code = 9");
    await sql(
      `INSERT INTO dossier_events (ward_code, dossier_id, action, from_status, to_status, at, actor_name, data)
       SELECT ward_code, id, 'mark_result_ready', 'processing', 'result_ready', $2, 'Lê Văn Dũng', '{}'::jsonb
       FROM dossiers WHERE code = $1`,
      [codeOf('B'), aroundDue('B', 0)],
    );
    // C: the apology moved its due date 3 days on; returned 2 days after the date the law gave — late still.
    await set(
      'C',
      "status = 'returned', status_code = 10, finished_at = $2, apologies = 1, digitised = true, due_date = $3",
      [aroundDue('C', 2), aroundDue('C', 3).slice(0, 10)],
    );
    await sql(
      `INSERT INTO dossier_events (ward_code, dossier_id, action, from_status, to_status, at, actor_name, data)
       SELECT ward_code, id, 'apology', 'processing', 'processing', $2, 'Lê Văn Dũng', $3::jsonb
       FROM dossiers WHERE code = $1`,
      [
        codeOf('C'),
        aroundDue('C', -1),
        JSON.stringify({ oldDueDate: dueOf('C'), newDueDate: aroundDue('C', 3).slice(0, 10) }),
      ],
    );
    const [unit] = await sql("SELECT id FROM org_units WHERE ward_code = '10507' ORDER BY name LIMIT 1");
    cultureUnit = String(unit?.id);
    await set(
      'D',
      "status = 'processing', status_code = 4, apologies = 1, late_twice_at = $2, assigned_unit_id = $3",
      ['2026-03-20T08:00:00+07:00', cultureUnit],
    );
    await set(
      'G',
      "status = 'supplement_requested', status_code = 5, supplement_requests = 2, supplement_breaches = 1, digitised = true",
    );

    clock.set(new Date('2026-04-02T09:00:00+07:00'));
    readers = {
      motcua: await signIn(platform.app, 'motcua'),
      giamsat: await signIn(platform.app, 'giamsat'),
      thanhpho: await signIn(platform.app, 'thanhpho'),
      hdMotcua: await signIn(platform.app, 'hd.motcua'),
      totruong: await signIn(platform.app, 'totruong'),
    };
  });
  afterAll(() => platform.close());

  it('gives the figures of the period', async () => {
    const response = await readers.motcua.request('GET', `${URL}?${MARCH}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<Indicators>();
    expect(body.period).toEqual({ from: '2026-03-01', to: '2026-03-31', today: '2026-04-02' });
    expect(body.ward.code).toBe(THANH_DONG);
    const figures = Object.fromEntries(body.figures.map((f) => [f.key, f]));
    expect(values(figures)).toEqual({
      received: 6, // A B C D G J
      resolved: 4, // A B C H
      resolvedEarly: 1, // A
      resolvedOnTime: 1, // B, from its event
      resolvedLate: 2, // C H
      onTimePercent: 50,
      lateStock: 3, // D J K (G is paused for its supplement)
      apologies: 2, // C D
      lateTwice: 1, // D
      supplements: 2, // E G
      secondSupplements: 1, // G
      onlineShare: 16.7, // C
      digitisedShare: 33.3, // C G
      homeIntakes: 0,
      sameDayResolved: 0,
      sameDayShare: null,
      feePaid: 0,
      onlinePaymentShare: null,
    });
    expect(figures.onTimePercent).toMatchObject({
      unit: 'percent',
      numerator: 2,
      denominator: 4,
      display: '50 %',
    });
    expect(figures.received).toMatchObject({ label: 'Hồ sơ tiếp nhận', unit: 'count', display: '6' });
    expect(figures.resolvedEarly?.label).toBe('Giải quyết trước hạn');
    expect(figures.resolvedOnTime?.label).toBe('Giải quyết đúng hạn');
    expect(figures.resolvedLate?.label).toBe('Giải quyết quá hạn');
  });

  it('links every figure to exactly the dossiers it counts', async () => {
    const figures = await read(readers.motcua, MARCH);
    const expected: Record<string, string[]> = {
      received: ['A', 'B', 'C', 'D', 'G', 'J'],
      resolved: ['H', 'A', 'B', 'C'],
      resolvedEarly: ['A'],
      resolvedOnTime: ['B'],
      resolvedLate: ['H', 'C'],
      onTimePercent: ['A', 'B'],
      lateStock: ['D', 'J', 'K'],
      apologies: ['C', 'D'],
      lateTwice: ['D'],
      supplements: ['E', 'G'],
      secondSupplements: ['G'],
      onlineShare: ['C'],
      digitisedShare: ['C', 'G'],
      homeIntakes: [],
      sameDayResolved: [],
      sameDayShare: [],
      feePaid: [],
      onlinePaymentShare: [],
    };
    expect(Object.keys(figures).sort()).toEqual(Object.keys(expected).sort());
    for (const figure of Object.values(figures)) {
      expect(figure.href).toMatch(
        new RegExp(`^${URL}/dossiers\\?figure=${figure.key}&from=2026-03-01&to=2026-03-31&ward=10507$`),
      );
      const response = await readers.motcua.request('GET', figure.href);
      expect(response.statusCode, response.body).toBe(200);
      const { items } = response.json<Listed>();
      expect(items.length, figure.key).toBe(figure.unit === 'count' ? figure.value : figure.numerator);
      expect(items.map((i) => i.code).sort(), figure.key).toEqual(
        (expected[figure.key] ?? []).map(codeOf).sort(),
      );
    }
    const resolved = (await readers.motcua.request('GET', figures.resolvedOnTime?.href ?? '')).json<Listed>();
    expect(resolved.items[0]).toEqual({
      code: codeOf('B'),
      procedureName: 'Thủ tục đăng ký nhận cha, mẹ, con',
      status: 'result_ready',
      statusLabel: 'Đã xử lý xong',
      receivedAt: '2026-03-02T03:00:00.000Z',
      dueDate: dueOf('B'),
      finishedAt: aroundDue('B', 0),
    });
  });

  it('filters by procedure and by unit, and gives no percentage without dossiers', async () => {
    const birth = await read(readers.motcua, `${MARCH}&procedure=1.001193`);
    expect(birth.received?.value).toBe(2); // G J
    expect(birth.resolved?.value).toBe(0);
    expect(birth.onTimePercent).toMatchObject({
      value: null,
      display: 'chưa có hồ sơ',
      numerator: 0,
      denominator: 0,
    });
    expect(birth.digitisedShare?.value).toBe(50);
    expect(birth.received?.href).toContain('&procedure=1.001193');

    const unit = await read(readers.motcua, `${MARCH}&unit=${cultureUnit}`);
    expect(unit.received?.value).toBe(1);
    expect(unit.lateStock?.value).toBe(1);
    const listed = (await readers.motcua.request('GET', unit.lateStock?.href ?? '')).json<Listed>();
    expect(listed.items.map((i) => i.code)).toEqual([codeOf('D')]);

    const empty = await read(readers.motcua, 'from=2025-07-01&to=2025-07-31');
    for (const key of ['onTimePercent', 'onlineShare', 'digitisedShare'])
      expect(empty[key]).toMatchObject({ value: null, display: 'chưa có hồ sơ' });
    expect(empty.received?.value).toBe(0);
    expect(empty.lateStock?.value).toBe(3); // a snapshot of today, whatever the period
  });

  it('defaults to the month so far', async () => {
    const response = await readers.motcua.request('GET', URL);
    expect(response.json<Indicators>().period).toEqual({
      from: '2026-04-01',
      to: '2026-04-02',
      today: '2026-04-02',
    });
  });

  it('keeps staff to their ward and lets the city reviewer choose one of the city', async () => {
    const own = values(await read(readers.motcua, MARCH));
    expect(values(await read(readers.giamsat, MARCH))).toEqual(own);
    expect(values(await read(readers.thanhpho, `${MARCH}&ward=${THANH_DONG}`))).toEqual(own);
    expect(values(await read(readers.motcua, `${MARCH}&ward=${THANH_DONG}`))).toEqual(own);

    const haiDuong = await read(readers.hdMotcua, MARCH);
    expect(haiDuong.received?.value).toBe(1);
    expect(haiDuong.received?.href).toContain(`ward=${HAI_DUONG}`);
    expect((await read(readers.thanhpho, `${MARCH}&ward=${HAI_DUONG}`)).received?.value).toBe(1);

    for (const url of [
      `${URL}?${MARCH}&ward=${HAI_DUONG}`,
      `${URL}/dossiers?figure=received&${MARCH}&ward=${HAI_DUONG}`,
    ]) {
      const response = await readers.motcua.request('GET', url);
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual(FORBIDDEN);
    }
    const groupHead = await readers.totruong.request('GET', `${URL}?${MARCH}`);
    expect(groupHead.statusCode).toBe(403);

    const noWard = await readers.thanhpho.request('GET', `${URL}?${MARCH}`);
    expect(noWard.statusCode).toBe(400);
    expect(noWard.json().error.fields).toHaveProperty('querystring/ward');
    const unknown = await readers.thanhpho.request('GET', `${URL}?${MARCH}&ward=99999`);
    expect(unknown.statusCode).toBe(404);
  });

  it('refuses a period that is backwards, too long or not a date', async () => {
    for (const query of [
      'from=2026-03-31&to=2026-03-01',
      'from=2025-01-01&to=2026-03-31',
      'from=2026-02-30&to=2026-03-31',
      'from=2026-3-1',
      'from=9999-12-31&to=9999-12-31',
      'figure=late',
    ]) {
      const url = query.startsWith('figure') ? `${URL}/dossiers?${query}` : `${URL}?${query}`;
      const response = await readers.motcua.request('GET', url);
      expect(response.statusCode, `${query}: ${response.body}`).toBe(400);
    }
  });
});
