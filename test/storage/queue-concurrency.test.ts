import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/platform/clock';
import { signIn, startTestPlatform, type Agent, type TestPlatform } from '../support/app';
import { TEST_DATABASE_KIND } from '../support/db';
import { postTake, takeTicketId } from '../support/queue';

// Queue tickets under contention, on PGlite and on PostgreSQL (DATABASE_URL): numbers taken at once are
// distinct and consecutive, counters calling at once never call the same ticket, numbering restarts each day.
const clock = manualClock(new Date('2026-03-10T08:00:00+07:00'));
const TAKES = 100;
const A = 'tu-phap-ho-tich';
const B = 'dat-dai-xay-dung';
/** Counters 11–18 of Thành Đông, all calling group B. */
const COUNTERS = Array.from({ length: 8 }, (_, i) => `10507-${11 + i}`);

describe(`queue tickets under concurrent use (${TEST_DATABASE_KIND})`, () => {
  let platform: TestPlatform;
  let motcua: Agent;

  const rows = <T>(text: string, params: unknown[] = []) => platform.database.sql.query<T>(text, params);
  const callNext = (counter: string) => motcua.request('POST', `/api/v1/queue/counters/${counter}/call-next`);

  beforeAll(async () => {
    platform = await startTestPlatform({ clock });
    motcua = await signIn(platform.app, 'motcua');
    const quantri = await signIn(platform.app, 'quantri');
    for (const [i, id] of COUNTERS.entries()) {
      const response = await quantri.request('PUT', `/api/v1/queue/counters/${id}`, {
        name: `Đất đai ${i + 1}`,
        groups: [B],
      });
      expect(response.statusCode, response.body).toBe(201);
    }
  });
  afterAll(() => platform.close());

  it(`${TAKES} numbers taken at once are ${TAKES} distinct consecutive numbers of the group`, async () => {
    const responses = await Promise.all(Array.from({ length: TAKES }, () => postTake(platform.app, A)));
    expect(responses.filter((r) => r.statusCode !== 303).map((r) => r.body)).toEqual([]);
    const codes = await rows<{ code: string }>(
      "SELECT code FROM queue_tickets WHERE group_key = $1 AND day = '2026-03-10' ORDER BY code",
      [A],
    );
    const expected = Array.from({ length: TAKES }, (_, i) => `A${String(i + 1).padStart(3, '0')}`);
    expect(codes.map((r) => r.code)).toEqual(expected);
    const [counter] = await rows<{ last_number: number }>(
      "SELECT last_number FROM queue_day_counters WHERE ward_code = '10507' AND day = '2026-03-10' AND group_key = $1",
      [A],
    );
    expect(counter?.last_number).toBe(TAKES);
    const [audited] = await rows<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'queue.take'",
    );
    expect(audited?.n).toBe(TAKES);
  });

  it('counters calling at once never call the same ticket; each is called once, in order of arrival', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await takeTicketId(platform.app, B));
    const calledBy = new Map<string, string>();
    // Rounds: every counter calls at once, then finishes its ticket, until no one waits.
    for (;;) {
      const calls = await Promise.all(COUNTERS.map((counter) => callNext(counter)));
      expect(calls.filter((r) => r.statusCode !== 200).map((r) => r.body)).toEqual([]);
      const called = calls.map((r) => r.json().ticket).filter((t) => t !== null) as {
        id: string;
        counterId: string;
      }[];
      if (called.length === 0) break;
      for (const ticket of called) {
        expect(calledBy.has(ticket.id), `${ticket.id} called twice`).toBe(false);
        calledBy.set(ticket.id, ticket.counterId);
      }
      const served = await Promise.all(
        called.map((t) => motcua.request('POST', `/api/v1/queue/tickets/${t.id}/served`)),
      );
      expect(served.map((r) => r.statusCode)).toEqual(called.map(() => 200));
      clock.advance(60_000);
    }
    expect([...calledBy.keys()].sort()).toEqual([...ids].sort());
    const [audit] = await rows<{ n: number; tickets: number }>(
      "SELECT count(*)::int AS n, count(DISTINCT target_id)::int AS tickets FROM audit_log WHERE action = 'queue.call'",
    );
    expect(audit).toEqual({ n: 20, tickets: 20 });
    // The first round called B001–B008, one to each counter.
    const firstRound = await rows<{ code: string }>(
      'SELECT code FROM queue_tickets WHERE group_key = $1 ORDER BY called_at, code LIMIT 8',
      [B],
    );
    expect(firstRound.map((r) => r.code)).toEqual([
      'B001',
      'B002',
      'B003',
      'B004',
      'B005',
      'B006',
      'B007',
      'B008',
    ]);
  });

  it('numbering restarts at midnight, Vietnam time; yesterday’s waiting tickets are not called today', async () => {
    clock.set(new Date('2026-03-10T23:59:59+07:00'));
    const lateId = await takeTicketId(platform.app, A);
    const [late] = await rows<{ code: string; day: string }>(
      'SELECT code, day::text AS day FROM queue_tickets WHERE id = $1',
      [lateId],
    );
    expect(late).toEqual({ code: 'A101', day: '2026-03-10' });

    clock.set(new Date('2026-03-11T00:00:00+07:00'));
    const nextId = await takeTicketId(platform.app, A);
    const [next] = await rows<{ code: string; day: string }>(
      'SELECT code, day::text AS day FROM queue_tickets WHERE id = $1',
      [nextId],
    );
    expect(next).toEqual({ code: 'A001', day: '2026-03-11' });

    clock.set(new Date('2026-03-11T07:45:00+07:00'));
    motcua = await signIn(platform.app, 'motcua'); // yesterday's session has expired
    const call = await callNext('10507-1');
    expect(call.json().ticket).toMatchObject({ id: nextId, code: 'A001', waitSeconds: 27_900 });
    expect((await callNext('10507-2')).json().ticket).toBeNull();
    const yesterday = await platform.app.inject({ method: 'GET', url: `/so-thu-tu/${lateId}` });
    expect(yesterday.body).toContain('được cấp cho một ngày đã qua nên không còn giá trị');
    expect(yesterday.headers.refresh).toBeUndefined();
  });
});
