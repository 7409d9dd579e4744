/**
 * The dossier module's background jobs: the lateness sweep (every minute) and the at-risk reminders (every hour
 * of office hours). Both read the time from the injectable clock, so demos (APP_NOW) and tests move them, and
 * both are idempotent: a second run in the same situation changes nothing, so a job that runs twice (two
 * servers, a retry) is harmless.
 */
import { and, eq, gt, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { recordAudit, SYSTEM_CONTEXT } from '../../platform/audit/store';
import { formatVn, localMinutes, parseClock } from '../../platform/calendar/holidays';
import {
  DEFAULT_OFFICE_HOURS,
  toLocalDate,
  type OfficeHours,
  type WorkingCalendar,
} from '../../platform/calendar/rules';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/connect';
import type { Deps } from '../../platform/http/deps';
import type { ScheduledJob } from '../../platform/jobs/runner';
import {
  addWorkingDays,
  BASIS,
  formNameOn,
  STATUSES,
  sweepOverdue,
  urgency,
  type StatusKey,
  type Urgency,
} from './rules';
import { dossierEvents, dossiers } from './schema';
import { insertEvent } from './store';

export const LATENESS_SWEEP_QUEUE = 'dossiers-lateness-sweep';
export const AT_RISK_REMINDERS_QUEUE = 'dossiers-at-risk-reminders';

/** Statuses whose clock runs: received, processing, awaiting_payment (not paused for a supplement, not over). */
const RUNNING: StatusKey[] = STATUSES.filter((s) => s.clock === 'running').map((s) => s.key);

const SYSTEM_NAME = SYSTEM_CONTEXT.actor?.name ?? 'Hệ thống';

/**
 * When a due date has passed. A time limit counted in days ends at the end of its last day, at 24:00 (Bộ luật
 * Dân sự 2015, điều 148 khoản 1 and khoản 6), not when the office closes: a result handed over or posted that
 * evening is still on time. So a dossier due on D is on time until D 23:59:59.999 Vietnam time (UTC+7, no
 * daylight saving) and late from D+1 00:00:00. `sweepOverdue` encodes exactly this (late when the Vietnam
 * date of `now` is after D); the due date itself is already a working day (điều 148 khoản 5 is applied when it
 * is computed).
 */
export const DEADLINE_END_BASIS =
  'Bộ luật Dân sự 2015, điều 148 khoản 1 và khoản 6: thời hạn kết thúc vào lúc 24 giờ ngày cuối cùng';

export interface LatenessSweepResult {
  /** Codes of the dossiers this run marked late. */
  markedLate: string[];
  /** Codes given an apology draft (late for the first time, no apology issued yet). */
  apologiesDrafted: string[];
  /** Codes late again after their one apology and new date: reported to the chairman. */
  escalated: string[];
}

/**
 * Marks every dossier whose clock runs and whose due date has passed:
 * - the first time: `late_at`, an event `marked_late` and an audit record (actor Hệ thống); and, when no
 *   apology was issued, an apology draft (event `apology_drafted`, Mẫu 04 of the dossier's regime, a suggested
 *   new date) for the unit head to complete, sign and send;
 * - when the one apology was already issued (the due date is then the new date it gave): "late twice", which
 *   the law does not allow: `late_twice_at`, an event `escalated` and an audit record, for the ward chairman.
 * Each dossier is handled in its own short transaction, and every change is a conditional UPDATE (… IS NULL),
 * so runs that overlap or repeat write each fact once.
 */
export async function runLatenessSweep(
  db: Db,
  clock: Clock,
  calendar: WorkingCalendar,
): Promise<LatenessSweepResult> {
  const now = clock.now();
  const today = toLocalDate(now);
  const result: LatenessSweepResult = { markedLate: [], apologiesDrafted: [], escalated: [] };
  // Only the dossiers with something left to record; the index on (ward, status, due date) serves it.
  const candidates = await db
    .select({
      id: dossiers.id,
      status: dossiers.status,
      dueDate: dossiers.dueDate,
      apologies: dossiers.apologies,
    })
    .from(dossiers)
    .where(
      and(
        inArray(dossiers.status, RUNNING),
        lt(dossiers.dueDate, today),
        or(isNull(dossiers.lateAt), and(gt(dossiers.apologies, 0), isNull(dossiers.lateTwiceAt))),
      ),
    );
  const { overdue, lateTwice } = sweepOverdue(
    candidates.map((d) => ({
      id: d.id,
      status: d.status as StatusKey,
      dueDate: d.dueDate,
      apologyIssued: d.apologies > 0,
    })),
    now,
  );
  const suggestedNewDate = addWorkingDays(today, 1, calendar);
  for (const hit of [...overdue, ...lateTwice]) {
    await db.transaction(async (tx) => {
      // Still open, still due that day (nobody finished it or moved its date since the read above).
      const unchanged = and(
        eq(dossiers.id, hit.id),
        inArray(dossiers.status, RUNNING),
        eq(dossiers.dueDate, hit.dueDate),
      );
      const [marked] = await tx
        .update(dossiers)
        .set({ lateAt: now, updatedAt: now })
        .where(and(unchanged, isNull(dossiers.lateAt)))
        .returning();
      if (marked) {
        const drafted = marked.apologies === 0;
        await insertEvent(tx, {
          wardCode: marked.wardCode,
          dossierId: marked.id,
          action: 'marked_late',
          fromStatus: marked.status,
          toStatus: marked.status,
          at: now,
          actorName: SYSTEM_NAME,
          timing: 'qua_han',
          note: `Quá hạn giải quyết: hạn trả kết quả ${formatVn(hit.dueDate)} đã kết thúc lúc 24 giờ.`,
          data: { dueDate: hit.dueDate, basis: DEADLINE_END_BASIS },
        });
        if (drafted) {
          await insertEvent(tx, {
            wardCode: marked.wardCode,
            dossierId: marked.id,
            action: 'apology_drafted',
            fromStatus: marked.status,
            toStatus: marked.status,
            at: now,
            actorName: SYSTEM_NAME,
            note: 'Dự thảo văn bản xin lỗi và hẹn lại: Trưởng phòng ghi lý do, ngày hẹn mới và ký.',
            data: { reason: '', suggestedNewDate, form: formNameOn(4, marked.receiptDay) },
          });
        }
        await recordAudit(tx, SYSTEM_CONTEXT, {
          action: 'dossier.marked_late',
          targetType: 'dossier',
          targetId: marked.code,
          wardCode: marked.wardCode,
          summary: { dueDate: hit.dueDate, status: marked.status, apologyDrafted: drafted },
        });
        result.markedLate.push(marked.code);
        if (drafted) result.apologiesDrafted.push(marked.code);
      }
      const [twice] = await tx
        .update(dossiers)
        .set({ lateTwiceAt: now, updatedAt: now })
        .where(and(unchanged, gt(dossiers.apologies, 0), isNull(dossiers.lateTwiceAt)))
        .returning();
      if (twice) {
        await insertEvent(tx, {
          wardCode: twice.wardCode,
          dossierId: twice.id,
          action: 'escalated',
          fromStatus: twice.status,
          toStatus: twice.status,
          at: now,
          actorName: SYSTEM_NAME,
          timing: 'qua_han',
          note:
            `Hồ sơ đã xin lỗi và hẹn lại nhưng vẫn quá hạn mới ${formatVn(hit.dueDate)}: ` +
            'báo cáo Chủ tịch UBND phường để chỉ đạo giải quyết.',
          data: {
            dueDate: hit.dueDate,
            apologies: twice.apologies,
            reportTo: 'ward_leader',
            basis: BASIS.reappointOnce,
          },
        });
        await recordAudit(tx, SYSTEM_CONTEXT, {
          action: 'dossier.escalated',
          targetType: 'dossier',
          targetId: twice.code,
          wardCode: twice.wardCode,
          summary: { dueDate: hit.dueDate, status: twice.status, apologies: twice.apologies },
        });
        result.escalated.push(twice.code);
      }
    });
  }
  return result;
}

export interface RemindersResult {
  /** Codes reminded by this run. */
  reminded: string[];
}

/**
 * One `reminder_sent` event a day for each dossier whose clock runs and which is due today or on the next
 * working day (urgency due_today / at_risk: a Friday before a long holiday reminds of a date days away). The
 * channels outbox (SMS, Zalo, e-mail) will deliver it; for now the event is the reminder. The dossier row is
 * locked while its events are checked, so two runs at once still write one reminder.
 */
export async function runAtRiskReminders(
  db: Db,
  clock: Clock,
  calendar: WorkingCalendar,
): Promise<RemindersResult> {
  const now = clock.now();
  const today = toLocalDate(now);
  const horizon = addWorkingDays(today, 1, calendar);
  const result: RemindersResult = { reminded: [] };
  const candidates = await db
    .select({ id: dossiers.id, dueDate: dossiers.dueDate })
    .from(dossiers)
    .where(
      and(inArray(dossiers.status, RUNNING), gte(dossiers.dueDate, today), lte(dossiers.dueDate, horizon)),
    );
  for (const candidate of candidates) {
    if (!candidate.dueDate || !isReminded(urgency(candidate.dueDate, today, calendar))) continue;
    await db.transaction(async (tx) => {
      const [row] = await tx.select().from(dossiers).where(eq(dossiers.id, candidate.id)).for('update');
      if (!row?.dueDate || !RUNNING.includes(row.status as StatusKey)) return;
      const level = urgency(row.dueDate, today, calendar);
      if (!isReminded(level)) return;
      const [sent] = await tx
        .select({ id: dossierEvents.id })
        .from(dossierEvents)
        .where(
          and(
            eq(dossierEvents.dossierId, row.id),
            eq(dossierEvents.action, 'reminder_sent'),
            sql`${dossierEvents.data}->>'day' = ${today}`,
          ),
        )
        .limit(1);
      if (sent) return;
      await insertEvent(tx, {
        wardCode: row.wardCode,
        dossierId: row.id,
        action: 'reminder_sent',
        fromStatus: row.status,
        toStatus: row.status,
        at: now,
        actorName: SYSTEM_NAME,
        note:
          level === 'due_today'
            ? `Nhắc việc: hồ sơ đến hạn trả kết quả hôm nay (${formatVn(row.dueDate)}).`
            : `Nhắc việc: hồ sơ sắp đến hạn trả kết quả (${formatVn(row.dueDate)}).`,
        data: { day: today, dueDate: row.dueDate, urgency: level },
      });
      result.reminded.push(row.code);
    });
  }
  return result;
}

function isReminded(level: Urgency): boolean {
  return level === 'due_today' || level === 'at_risk';
}

/** A working day of the calendar, between opening and closing time (Vietnam time). */
export function inOfficeHours(
  now: Date,
  calendar: WorkingCalendar,
  hours: OfficeHours = DEFAULT_OFFICE_HOURS,
): boolean {
  const minutes = localMinutes(now);
  return (
    calendar.isWorkingDay(toLocalDate(now)) &&
    minutes >= parseClock(hours.opensAt) &&
    minutes < parseClock(hours.closesAt)
  );
}

/**
 * The jobs `src/main.ts` starts. Cron runs on pg-boss's clock (real time, Vietnam zone); what the jobs decide
 * reads `deps.clock`. The reminder job fires every hour and does its work only in office hours of a working
 * day by that clock (the calendar knows holidays and working Saturdays, which a cron expression cannot).
 */
export function dossierJobs(deps: Pick<Deps, 'database' | 'clock' | 'calendar'>): ScheduledJob[] {
  const { db } = deps.database;
  return [
    {
      name: LATENESS_SWEEP_QUEUE,
      cron: '* * * * *',
      run: async () => runLatenessSweep(db, deps.clock, await deps.calendar.current()),
    },
    {
      name: AT_RISK_REMINDERS_QUEUE,
      cron: '0 * * * *',
      run: async () => {
        const calendar = await deps.calendar.current();
        if (!inOfficeHours(deps.clock.now(), calendar)) return { skipped: 'ngoài giờ hành chính' };
        return runAtRiskReminders(db, deps.clock, calendar);
      },
    },
  ];
}
