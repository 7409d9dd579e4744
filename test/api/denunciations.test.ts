import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/platform/clock';
import { signIn, startTestPlatform, type Agent, type TestPlatform } from '../support/app';
import { DENOUNCER, denunciationBody, staffIdOf } from '../support/complaints';
import { ok } from '../support/feedback';

// Denunciations through the API: deadlines of the initial processing, forwarding, acceptance and extensions,
// anonymous ones filed as feedback (điều 25), and the identity sealed in the database and opened only by the
// chairman and the assigned handler.
const clock = manualClock(new Date('2026-04-24T09:00:00+07:00'));

describe('denunciations', () => {
  let platform: TestPlatform;
  let counter: Agent; // motcua
  let officer: Agent; // chuyenvien
  let head: Agent; // truongphong
  let chairman: Agent; // chutich
  let supervisor: Agent; // giamsat
  const rows = <T>(sql: string) => platform.database.sql.query<T & Record<string, unknown>>(sql);

  beforeAll(async () => {
    platform = await startTestPlatform({ clock });
    [counter, officer, head, chairman, supervisor] = await Promise.all(
      ['motcua', 'chuyenvien', 'truongphong', 'chutich', 'giamsat'].map((u) => signIn(platform.app, u)),
    );
  });
  afterAll(() => platform.close());

  const record = async (overrides: Record<string, unknown> = {}) =>
    ok(await counter.request('POST', '/api/v1/denunciations', denunciationBody(overrides)), 201);
  const post = (agent: Agent, code: string, step: string, body: unknown = {}) =>
    agent.request('POST', `/api/v1/denunciations/${code}/${step}`, body);

  it('received Friday 24/04/2026: initial processing by 08/05 (07 wd), forwarding by 06/05; identity sealed', async () => {
    const body = await record();
    expect(body.code).toMatch(/^TC-2026-\d{4}$/);
    expect(body).toMatchObject({
      status: 'received',
      initialDue: '2026-05-08',
      forwardDue: '2026-05-06',
      identity: { sealed: true, mayOpen: false },
      deadline: { label: 'Xử lý ban đầu', dueDate: '2026-05-08' },
    });
    expect(JSON.stringify(body)).not.toContain(DENOUNCER.fullName);
    const [stored] = await rows<{ row: string }>(
      `SELECT d::text AS row FROM denunciations d WHERE code = '${body.code}'`,
    );
    for (const secret of Object.values(DENOUNCER)) expect(stored?.row).not.toContain(secret);
  });

  it('an anonymous denunciation becomes a feedback item (điều 25), not a denunciation', async () => {
    const count = async () =>
      (await rows<{ n: number }>('SELECT count(*)::int AS n FROM denunciations'))[0]?.n;
    const before = await count();
    const response = await counter.request(
      'POST',
      '/api/v1/denunciations',
      denunciationBody({ denouncer: undefined, anonymous: true, source: 'hotline' }),
    );
    const body = ok(response, 201);
    expect(body.basis).toContain('điều 25');
    const item = ok(await counter.request('GET', `/api/v1/feedback/${body.feedback.code}`), 200);
    expect(item).toMatchObject({ source: 'hotline', dueDate: body.feedback.dueDate });
    expect(JSON.stringify(item)).toContain('Ông Trần Văn Bị');
    expect(await count()).toBe(before);
    const missing = await counter.request(
      'POST',
      '/api/v1/denunciations',
      denunciationBody({ denouncer: undefined }),
    );
    expect(missing.statusCode).toBe(400);
  });

  it('opens the identity for the chairman and the assigned handler only, each reading audited', async () => {
    const { code } = await record();
    const chairmanRead = ok(await chairman.request('GET', `/api/v1/denunciations/${code}/identity`), 200);
    expect(chairmanRead).toEqual(DENOUNCER);
    expect((await officer.request('GET', `/api/v1/denunciations/${code}/identity`)).statusCode).toBe(403);
    expect((await supervisor.request('GET', `/api/v1/denunciations/${code}/identity`)).statusCode).toBe(403);
    ok(await post(chairman, code, 'assign', { handlerId: await staffIdOf(platform, 'chuyenvien') }), 200);
    const seen = ok(await officer.request('GET', `/api/v1/denunciations/${code}`), 200);
    expect(seen.identity).toEqual({ sealed: true, mayOpen: true });
    expect(ok(await officer.request('GET', `/api/v1/denunciations/${code}/identity`), 200)).toEqual(
      DENOUNCER,
    );
    expect((await head.request('GET', `/api/v1/denunciations/${code}/identity`)).statusCode).toBe(403);
    const reads = await rows<{ actor: string; summary: string }>(
      `SELECT actor_name AS actor, summary::text AS summary FROM audit_log WHERE action = 'denunciation.identity.read' AND target_id = '${code}' ORDER BY id`,
    );
    expect(reads.map((r) => r.actor)).toEqual(['Nguyễn Văn Hưng', 'Lê Văn Dũng']);
    for (const r of reads) expect(r.summary).not.toContain(DENOUNCER.fullName);
  });

  it('extends the initial processing to 10 working days, once', async () => {
    const { code } = await record();
    const extended = ok(
      await post(chairman, code, 'extend-initial', { reason: 'Cần xác minh thêm tại tổ dân phố.' }),
      200,
    );
    expect(extended).toMatchObject({ initialDue: '2026-05-13', initialExtended: true });
    expect((await post(chairman, code, 'extend-initial', { reason: 'Lần nữa.' })).statusCode).toBe(409);
  });

  it('a complex case: 30 days from acceptance, one extension of at most 30 days with a reason', async () => {
    const { code } = await record();
    const accepted = ok(await post(chairman, code, 'accept', { complexity: 'complex' }), 200);
    // accepted Friday 24/04/2026: 30 days end Sunday 24/05 → Monday 25/05; notice within 05 wd: 06/05
    expect(accepted).toMatchObject({
      status: 'accepted',
      resolutionDue: '2026-05-25',
      notifyDue: '2026-05-06',
    });
    const tooLong = await post(chairman, code, 'extend', { days: 31, reason: 'Vụ việc phức tạp.' });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().error.message).toContain('từ 1 đến 30 ngày');
    expect((await post(chairman, code, 'extend', { days: 30, reason: '' })).statusCode).toBe(400);
    const once = ok(await post(chairman, code, 'extend', { days: 30, reason: 'Cần giám định chữ ký.' }), 200);
    expect(once.resolutionDue).toBe('2026-06-23'); // 60 days from 24/04: Tuesday 23/06
    expect(once.extensions).toHaveLength(1);
    const twice = await post(chairman, code, 'extend', { days: 10, reason: 'Thêm thời gian.' });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().error.message).toContain('tối đa 1 lần');
    const concluded = ok(
      await post(chairman, code, 'conclude', { conclusion: 'Tố cáo đúng một phần; xử lý kỷ luật.' }),
      200,
    );
    expect(concluded).toMatchObject({ status: 'concluded', deadline: null });
  });

  it('a very complex case takes two extensions; the handler acts, another officer may not', async () => {
    const { code } = await record();
    ok(await post(chairman, code, 'assign', { handlerId: await staffIdOf(platform, 'truongphong') }), 200);
    ok(await post(head, code, 'accept', { complexity: 'very_complex' }), 200);
    expect(
      (await post(officer, code, 'extend', { days: 30, reason: 'Không phải người giải quyết.' })).statusCode,
    ).toBe(403);
    ok(await post(head, code, 'extend', { days: 30, reason: 'Xác minh tại nhiều cơ quan.' }), 200);
    const second = ok(await post(head, code, 'extend', { days: 30, reason: 'Chờ kết quả giám định.' }), 200);
    expect(second.resolutionDue).toBe('2026-07-23'); // 90 days from 24/04/2026
  });

  it('forwards a denunciation outside competence, or does not accept it, with the reason', async () => {
    const forwarded = ok(
      await post(chairman, (await record()).code, 'forward', { to: 'Công an thành phố Hải Phòng' }),
      200,
    );
    expect(forwarded).toMatchObject({
      status: 'forwarded',
      forwarded: { to: 'Công an thành phố Hải Phòng' },
    });
    const refused = ok(
      await post(chairman, (await record()).code, 'not-accept', { reason: 'no_basis' }),
      200,
    );
    expect(refused.notAccepted.reason).toContain('không có cơ sở');
  });

  it('is never found by the denouncer’s name, found by what was denounced', async () => {
    const { code } = await record({ accused: 'Bà Phạm Thị Riêng, kế toán' });
    const byName = ok(
      await chairman.request(
        'GET',
        `/api/v1/denunciations?view=all&q=${encodeURIComponent(DENOUNCER.fullName)}`,
      ),
      200,
    );
    expect(byName.items).toEqual([]);
    const byAccused = ok(
      await supervisor.request(
        'GET',
        `/api/v1/denunciations?view=all&q=${encodeURIComponent('pham thi rieng')}`,
      ),
      200,
    );
    expect(byAccused.items.map((i: { code: string }) => i.code)).toEqual([code]);
  });
});
