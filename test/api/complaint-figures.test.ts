import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, toLocalDate } from '../../src/platform/calendar/rules';
import { manualClock } from '../../src/platform/clock';
import { signIn, startTestPlatform, type Agent, type TestPlatform } from '../support/app';
import { COMPLAINANT, complaintBody, DENOUNCER, denunciationBody, staffIdOf } from '../support/complaints';
import { ok } from '../support/feedback';

// The dashboard's figures of complaints and denunciations as the clock moves: open, due soon and late at the
// current stage, the share resolved on or before the resolution due day; counts only, nothing audited.
// October 2026 has no public holiday.
const clock = manualClock(new Date('2026-10-05T09:00:00+07:00'));

describe('complaint and denunciation figures', () => {
  let platform: TestPlatform;
  let counter: Agent; // motcua
  let chairman: Agent; // chutich
  let officerId = '';
  const rows = <T>(sql: string) => platform.database.sql.query<T & Record<string, unknown>>(sql);

  /** Moves the clock to 09:00 of `day`. */
  const at = (day: string) => clock.set(new Date(`${day}T09:00:00+07:00`));

  beforeAll(async () => {
    platform = await startTestPlatform({ clock });
    // Signed in at the end of the timeline: a session lasts 10 hours of the clock, so it holds at every earlier
    // instant (the chairman's second sign-in would need a TOTP step).
    at('2026-12-31');
    [counter, chairman] = await Promise.all(['motcua', 'chutich'].map((u) => signIn(platform.app, u)));
    officerId = await staffIdOf(platform, 'chuyenvien');
  });
  afterAll(() => platform.close());

  const auditRows = async () => (await rows<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))[0]?.n;

  /** The chairman's figures: exactly these, no personal data in them, and no audit record for reading them. */
  async function expectFigures(
    kind: 'complaints' | 'denunciations',
    [open, dueSoon, late]: [number, number, number],
    [resolved, onTime, onTimePercent]: [number, number, number | null],
  ) {
    const audited = await auditRows();
    const response = await chairman.request('GET', `/api/v1/${kind}/figures`);
    expect(ok(response, 200)).toEqual({
      today: toLocalDate(clock.now()),
      counts: { open, dueSoon, late },
      resolutionRate: { resolved, onTime, onTimePercent },
    });
    for (const secret of [...Object.values(COMPLAINANT), ...Object.values(DENOUNCER)])
      expect(response.body).not.toContain(secret);
    expect(await auditRows()).toBe(audited);
  }

  it('complaints: due soon on the acceptance due day, late the day after; decided late or on time', async () => {
    at('2026-10-05');
    const complaint = () =>
      counter.request('POST', '/api/v1/complaints', complaintBody({ knownOn: '2026-10-01' }));
    const step = async (code: string, name: string, body: unknown) =>
      ok(await chairman.request('POST', `/api/v1/complaints/${code}/${name}`, body), 200);
    const decision = { number: '12/QĐ-UBND', summary: 'Giữ nguyên quyết định bị khiếu nại.' };
    const a = ok(await complaint(), 201);
    await expectFigures('complaints', [1, 0, 0], [0, 0, null]);

    at(a.acceptanceDue);
    await expectFigures('complaints', [1, 1, 0], [0, 0, null]);
    at(addDays(a.acceptanceDue, 1));
    await expectFigures('complaints', [1, 0, 1], [0, 0, null]);

    // Accepted late, the resolution has its own 30 days; decided at once, then sent: closed and on time.
    await step(a.code, 'accept', { handlerId: officerId });
    await expectFigures('complaints', [1, 0, 0], [0, 0, null]);
    await step(a.code, 'decision', { ...decision, verificationDiffers: false });
    await step(a.code, 'sent', {});
    await expectFigures('complaints', [0, 0, 0], [1, 1, 100]);

    const b = ok(await complaint(), 201);
    const accepted = await step(b.code, 'accept', { handlerId: officerId });
    at(addDays(accepted.resolutionDue, 1));
    await expectFigures('complaints', [1, 0, 1], [1, 1, 100]);
    await step(b.code, 'decision', { ...decision, verificationDiffers: false });
    await expectFigures('complaints', [1, 0, 0], [2, 1, 50]);
  });

  it('denunciations: initial processing due soon then late; resolution on time only by its extended due day', async () => {
    at('2026-10-05');
    const denunciation = () => counter.request('POST', '/api/v1/denunciations', denunciationBody());
    const step = async (code: string, name: string, body: unknown) =>
      ok(await chairman.request('POST', `/api/v1/denunciations/${code}/${name}`, body), 200);
    const conclusion = { conclusion: 'Nội dung tố cáo đúng một phần; kiến nghị xử lý kỷ luật.' };
    const d = ok(await denunciation(), 201);
    await expectFigures('denunciations', [1, 0, 0], [0, 0, null]);

    at(d.initialDue);
    await expectFigures('denunciations', [1, 1, 0], [0, 0, null]);
    at(addDays(d.initialDue, 1));
    await expectFigures('denunciations', [1, 0, 1], [0, 0, null]);

    const accepted = await step(d.code, 'accept', { complexity: 'complex' });
    await expectFigures('denunciations', [1, 0, 0], [0, 0, null]);
    at(addDays(accepted.resolutionDue, 1));
    await expectFigures('denunciations', [1, 0, 1], [0, 0, null]);
    await step(d.code, 'conclude', conclusion);
    await expectFigures('denunciations', [0, 0, 0], [1, 0, 0]);

    // Extended by 30 days: past the first due day it is neither late nor, concluded then, resolved late.
    const e = ok(await denunciation(), 201);
    const first = await step(e.code, 'accept', { complexity: 'complex' });
    const extended = await step(e.code, 'extend', {
      days: 30,
      reason: 'Vụ việc phức tạp, cần xác minh thêm.',
    });
    expect(extended.resolutionDue > first.resolutionDue).toBe(true);
    at(addDays(first.resolutionDue, 1));
    await expectFigures('denunciations', [1, 0, 0], [1, 0, 0]);
    await step(e.code, 'conclude', conclusion);
    await expectFigures('denunciations', [0, 0, 0], [2, 1, 50]);
  });
});
