import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAtRiskReminders, runLatenessSweep } from '../../src/modules/dossiers/jobs';
import { addWorkingDays, formNameOn } from '../../src/modules/dossiers/rules';
import { verifyChain } from '../../src/platform/audit/store';
import { CalendarService } from '../../src/platform/calendar/service';
import type { WorkingCalendar } from '../../src/platform/calendar/rules';
import { manualClock } from '../../src/platform/clock';
import { signIn, startTestPlatform, type Agent, type TestPlatform } from '../support/app';

/**
 * The lateness sweep and the at-risk reminders, on dossiers taken through the intake API at a set time and
 * swept at chosen instants (Vietnam time, UTC+7).
 */
const RECEIVED_AT = '2026-03-10T09:00:00+07:00'; // a Tuesday with no holiday near it
const vn = (local: string) => new Date(`${local}+07:00`);

interface EventRow {
  action: string;
  data: Record<string, unknown>;
  at: Date;
  actor_name: string;
  from_status: string | null;
  to_status: string;
}
interface DossierState {
  status: string;
  due_date: string;
  apologies: number;
  late_at: Date | null;
  late_twice_at: Date | null;
}

describe('lateness sweep and at-risk reminders', () => {
  const clock = manualClock(new Date(RECEIVED_AT));
  let platform: TestPlatform;
  let counter: Agent;
  let calendar: WorkingCalendar;
  let intakes = 0;
  /** Same-day procedure received at 09:00: due 10/03/2026. */
  let sameDay: { code: string; dueDate: string };
  /** Its apology was issued with a new date two working days later: due 12/03/2026. */
  let apologised: { code: string; dueDate: string };
  /** Paused for a supplement: the clock does not run, never late. */
  let paused: { code: string; dueDate: string };
  /** Waiting for the fee: the clock runs. */
  let unpaid: { code: string; dueDate: string };
  /** Seven working days: due 19/03/2026. */
  let longer: { code: string; dueDate: string };

  const sql = <T>(text: string, params?: unknown[]) => platform.database.sql.query<T>(text, params);
  const sweep = () => runLatenessSweep(platform.database.db, clock, calendar);
  const remind = () => runAtRiskReminders(platform.database.db, clock, calendar);

  async function intake(procedureCode: string, documentsReceived: string[], fee?: object) {
    const response = await counter.request(
      'POST',
      '/api/v1/dossiers',
      {
        procedureCode,
        applicant: {
          fullName: 'Trần Văn Bình',
          idNumber: '031095001234',
          phone: '0912345678',
          address: 'Số 5, Tổ dân phố số 1, phường Thành Đông',
        },
        documentsReceived,
        channel: 'counter',
        ...(fee ? { fee } : {}),
      },
      { 'idempotency-key': `lateness-sweep-${++intakes}` },
    );
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ code: string; dueDate: string }>();
  }
  const birth = () => intake('1.001193', ['to-khai-dang-ky-khai-sinh', 'giay-chung-sinh']);

  async function dossier(code: string): Promise<DossierState> {
    const [row] = await sql<DossierState>(
      'SELECT status, due_date::text AS due_date, apologies, late_at, late_twice_at FROM dossiers WHERE code = $1',
      [code],
    );
    if (!row) throw new Error(`no dossier ${code}`);
    return row;
  }
  const events = (code: string) =>
    sql<EventRow>(
      `SELECT e.action, e.data, e.at, e.actor_name, e.from_status, e.to_status
         FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id
        WHERE d.code = $1 ORDER BY e.id`,
      [code],
    );
  const actions = async (code: string) => (await events(code)).map((e) => e.action);
  async function counts() {
    const [row] = await sql<{ events: number; audit: number; late: number; twice: number }>(
      `SELECT (SELECT count(*)::int FROM dossier_events) AS events,
              (SELECT count(*)::int FROM audit_log) AS audit,
              (SELECT count(*)::int FROM dossiers WHERE late_at IS NOT NULL) AS late,
              (SELECT count(*)::int FROM dossiers WHERE late_twice_at IS NOT NULL) AS twice`,
    );
    return row;
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ clock });
    calendar = await new CalendarService(platform.database.db).current();
    counter = await signIn(platform.app, 'motcua');
    sameDay = await birth();
    apologised = await birth();
    paused = await birth();
    unpaid = await birth();
    longer = await intake('1.004222', ['to-khai-ct01', 'giay-to-cho-o-hop-phap'], {
      item: 'dang-ky-thuong-tru',
    });
    // The apology and the payment request are other issues' work: put those dossiers in that state directly.
    await sql(`UPDATE dossiers SET apologies = 1, due_date = '2026-03-12' WHERE code = $1`, [
      apologised.code,
    ]);
    await sql(`UPDATE dossiers SET status = 'supplement_requested', status_code = 5 WHERE code = $1`, [
      paused.code,
    ]);
    await sql(`UPDATE dossiers SET status = 'awaiting_payment', status_code = 6 WHERE code = $1`, [
      unpaid.code,
    ]);
    apologised = { ...apologised, dueDate: '2026-03-12' };
  });
  afterAll(() => platform?.close());

  it('runs no job by itself: the test platform does not start pg-boss', async () => {
    const [row] = await sql<{ installed: boolean }>(
      `SELECT to_regclass('pgboss.job') IS NOT NULL AS installed`,
    );
    expect(row?.installed).toBe(false);
  });

  it('takes the dossiers with the due dates the test relies on', () => {
    expect([sameDay.dueDate, paused.dueDate, unpaid.dueDate]).toEqual([
      '2026-03-10',
      '2026-03-10',
      '2026-03-10',
    ]);
    expect(longer.dueDate).toBe('2026-03-19');
  });

  it('marks nothing while the due date lasts: until 23:59:59.999 of that day, Vietnam time', async () => {
    const before = await counts();
    for (const at of ['2026-03-10T17:00:00', '2026-03-10T23:59:59', '2026-03-10T23:59:59.999']) {
      clock.set(vn(at));
      expect(await sweep()).toEqual({ markedLate: [], apologiesDrafted: [], escalated: [] });
    }
    expect(await counts()).toEqual(before);
    expect((await dossier(sameDay.code)).late_at).toBeNull();
  });

  it('at 00:00:00 the next day marks it late, drafts the apology and writes the audit record', async () => {
    const lateFrom = vn('2026-03-11T00:00:00');
    clock.set(lateFrom);
    const result = await sweep();
    expect(result.markedLate.sort()).toEqual([sameDay.code, unpaid.code].sort());
    expect(result.apologiesDrafted.sort()).toEqual([sameDay.code, unpaid.code].sort());
    expect(result.escalated).toEqual([]);

    const state = await dossier(sameDay.code);
    expect(state.late_at?.toISOString()).toBe(lateFrom.toISOString());
    expect(state.late_twice_at).toBeNull();
    expect(state.status).toBe('received'); // being late is not a status: the dossier keeps its place

    const timeline = await events(sameDay.code);
    expect(timeline.map((e) => e.action)).toEqual(['receive', 'marked_late', 'apology_drafted']);
    const [, marked, draft] = timeline;
    expect(marked).toMatchObject({ actor_name: 'Hệ thống', from_status: 'received', to_status: 'received' });
    expect(marked?.at.toISOString()).toBe(lateFrom.toISOString());
    expect(marked?.data).toMatchObject({ dueDate: '2026-03-10' });
    expect(draft?.data).toEqual({
      reason: '',
      suggestedNewDate: '2026-03-12', // the next working day after 11/03
      form: formNameOn(4, '2026-03-10'),
    });
    expect(draft?.data.form).toBe('Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết');

    const audit = await sql<{ actor_name: string; actor_role: string; ward_code: string; summary: object }>(
      `SELECT actor_name, actor_role, ward_code, summary FROM audit_log
        WHERE action = 'dossier.marked_late' AND target_id = $1`,
      [sameDay.code],
    );
    expect(audit).toEqual([
      {
        actor_name: 'Hệ thống',
        actor_role: 'system',
        ward_code: '10507',
        summary: { dueDate: '2026-03-10', status: 'received', apologyDrafted: true },
      },
    ]);
    expect((await verifyChain(platform.database.db)).firstBreak).toBeNull();
  });

  it('does not run the clock of a dossier paused for a supplement, nor before a new date', async () => {
    expect((await dossier(paused.code)).late_at).toBeNull();
    expect(await actions(paused.code)).toEqual(['receive']);
    expect((await dossier(apologised.code)).late_at).toBeNull();
    expect((await dossier(unpaid.code)).late_at).not.toBeNull();
  });

  it('changes nothing when it runs again, then or later', async () => {
    const before = await counts();
    const lateAt = (await dossier(sameDay.code)).late_at?.toISOString();
    for (const at of ['2026-03-11T00:00:00', '2026-03-11T00:01:00', '2026-03-11T10:00:00']) {
      clock.set(vn(at));
      expect(await sweep()).toEqual({ markedLate: [], apologiesDrafted: [], escalated: [] });
    }
    expect(await counts()).toEqual(before);
    expect((await dossier(sameDay.code)).late_at?.toISOString()).toBe(lateAt);
  });

  it('past the new date given with the apology: late twice, escalated to the chairman, no second draft', async () => {
    clock.set(vn('2026-03-12T23:59:59.999'));
    expect((await sweep()).markedLate).toEqual([]);

    const at = vn('2026-03-13T00:00:00');
    clock.set(at);
    const result = await sweep();
    expect(result).toEqual({
      markedLate: [apologised.code],
      apologiesDrafted: [],
      escalated: [apologised.code],
    });
    const state = await dossier(apologised.code);
    expect(state.late_twice_at?.toISOString()).toBe(at.toISOString());
    expect(state.late_at?.toISOString()).toBe(at.toISOString());
    const timeline = await events(apologised.code);
    expect(timeline.map((e) => e.action)).toEqual(['receive', 'marked_late', 'escalated']);
    expect(timeline[2]).toMatchObject({
      actor_name: 'Hệ thống',
      data: { dueDate: '2026-03-12', apologies: 1, reportTo: 'ward_leader' },
    });
    const audit = await sql<{ action: string }>(
      `SELECT action FROM audit_log WHERE target_id = $1 AND actor_name = 'Hệ thống' ORDER BY id`,
      [apologised.code],
    );
    expect(audit.map((a) => a.action)).toEqual(['dossier.marked_late', 'dossier.escalated']);

    const before = await counts();
    expect(await sweep()).toEqual({ markedLate: [], apologiesDrafted: [], escalated: [] });
    expect(await counts()).toEqual(before);
  });

  it('a dossier already late that then gets its apology is escalated, not marked again, past the new date', async () => {
    // The unit head issued the apology for the dossier marked late on 11/03, with 16/03 as the new date.
    await sql(`UPDATE dossiers SET apologies = 1, due_date = '2026-03-16' WHERE code = $1`, [sameDay.code]);
    clock.set(vn('2026-03-17T00:00:00'));
    expect(await sweep()).toEqual({ markedLate: [], apologiesDrafted: [], escalated: [sameDay.code] });
    expect(await actions(sameDay.code)).toEqual(['receive', 'marked_late', 'apology_drafted', 'escalated']);
    expect((await dossier(sameDay.code)).late_at?.toISOString()).toBe(
      vn('2026-03-11T00:00:00').toISOString(),
    );
  });

  it('reminds of a dossier due within one working day, once a day', async () => {
    const reminders = async () =>
      (await events(longer.code)).filter((e) => e.action === 'reminder_sent').map((e) => e.data);
    const dayBefore = addWorkingDays(longer.dueDate, -1, calendar); // 18/03
    const twoBefore = addWorkingDays(longer.dueDate, -2, calendar);

    clock.set(vn(`${twoBefore}T08:00:00`));
    expect(await remind()).toEqual({ reminded: [] });

    clock.set(vn(`${dayBefore}T08:00:00`));
    expect(await remind()).toEqual({ reminded: [longer.code] });
    clock.set(vn(`${dayBefore}T16:00:00`));
    expect(await remind()).toEqual({ reminded: [] });
    expect(await reminders()).toEqual([{ day: dayBefore, dueDate: longer.dueDate, urgency: 'at_risk' }]);

    clock.set(vn(`${longer.dueDate}T08:00:00`));
    expect(await remind()).toEqual({ reminded: [longer.code] });
    expect(await remind()).toEqual({ reminded: [] });
    expect(await reminders()).toEqual([
      { day: dayBefore, dueDate: longer.dueDate, urgency: 'at_risk' },
      { day: longer.dueDate, dueDate: longer.dueDate, urgency: 'due_today' },
    ]);

    // Late the next day: the sweep takes over, no more reminders.
    clock.set(vn(`${addWorkingDays(longer.dueDate, 1, calendar)}T08:00:00`));
    expect(await remind()).toEqual({ reminded: [] });
    expect((await sweep()).markedLate).toEqual([longer.code]);
  });
});
