import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/platform/clock';
import { signIn, startTestPlatform, type Agent, type TestPlatform } from '../support/app';
import { TEST_DATABASE_KIND } from '../support/db';

// Dossier writes under contention, on PGlite and on PostgreSQL (DATABASE_URL): no lost write, no double step.
const clock = manualClock(new Date('2026-03-10T09:00:00+07:00'));
const INTAKES = 200;

describe(`dossiers under concurrent writes (${TEST_DATABASE_KIND})`, () => {
  let platform: TestPlatform;
  let counter: Agent;

  function intake(key: string) {
    return counter.request(
      'POST',
      '/api/v1/dossiers',
      {
        procedureCode: '1.001193',
        applicant: {
          fullName: 'Lê Thị Mai',
          idNumber: '031095001234',
          phone: '0912345678',
          address: 'Số 8, Tổ dân phố số 2, phường Thành Đông',
        },
        documentsReceived: ['to-khai-dang-ky-khai-sinh', 'giay-chung-sinh'],
        channel: 'counter',
      },
      { 'idempotency-key': key },
    );
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ clock });
    counter = await signIn(platform.app, 'motcua');
  });
  afterAll(() => platform.close());

  it(`${INTAKES} intakes at once get ${INTAKES} distinct consecutive codes of the day`, async () => {
    const responses = await Promise.all(
      Array.from({ length: INTAKES }, (_, i) => intake(`dong-thoi-${String(i).padStart(4, '0')}`)),
    );
    expect(responses.filter((r) => r.statusCode !== 201).map((r) => r.body)).toEqual([]);
    const codes = responses.map((r) => r.json().code as string).sort();
    const expected = Array.from(
      { length: INTAKES },
      (_, i) => `10507-260310-${String(i + 1).padStart(4, '0')}`,
    );
    expect(codes).toEqual(expected);

    const [stored] = await platform.database.sql.query<{ n: number; distinct_codes: number }>(
      "SELECT count(*)::int AS n, count(DISTINCT code)::int AS distinct_codes FROM dossiers WHERE receipt_day = '2026-03-10'",
    );
    expect(stored).toEqual({ n: INTAKES, distinct_codes: INTAKES });
    const [counterRow] = await platform.database.sql.query<{ last_sequence: number }>(
      "SELECT last_sequence FROM dossier_day_counters WHERE ward_code = '10507' AND day = '2026-03-10'",
    );
    expect(counterRow?.last_sequence).toBe(INTAKES);
    const [events] = await platform.database.sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM dossier_events WHERE action = 'receive'",
    );
    expect(events?.n).toBe(INTAKES);
  });

  it('an intake right after a new version of its procedure is saved is received under that version', async () => {
    const admin = await signIn(platform.app, 'quantri');
    const current = (await admin.request('GET', '/api/v1/procedures/1.001193')).json();
    const { code: _code, version, wardCode: _ward, ...definition } = current;
    // The current version is read (and kept in memory) by an intake before the edit.
    expect((await intake('truoc-khi-sua-thu-tuc')).statusCode).toBe(201);
    const saved = await admin.request('PUT', '/api/v1/wards/10507/procedures/1.001193', {
      definition,
      changeNote: 'Kiểm thử: phiên bản mới dùng ngay',
    });
    expect(saved.json()).toEqual({ code: '1.001193', version: version + 1 });
    const after = await intake('sau-khi-sua-thu-tuc');
    const [row] = await platform.database.sql.query<{ procedure_version: number }>(
      'SELECT procedure_version FROM dossiers WHERE code = $1',
      [after.json().code],
    );
    expect(row?.procedure_version).toBe(version + 1);
  });

  it('concurrent steps on one dossier are applied one at a time: one withdrawal wins, the others get 409', async () => {
    const created = await intake('dong-thoi-rut-ho-so');
    const code = created.json().code as string;
    const url = `/api/v1/dossiers/${code}/actions/withdraw`;
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        counter.request(
          'POST',
          url,
          { reason: `Công dân xin rút hồ sơ (${i})` },
          { 'idempotency-key': `rut-ho-so-${i}` },
        ),
      ),
    );
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, ...Array<number>(19).fill(409)]);
    const [events] = await platform.database.sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id WHERE d.code = $1 AND e.action = 'withdraw'",
      [code],
    );
    expect(events?.n).toBe(1);
  });
});
