/**
 * Late dossiers: one written apology with one new date at most ("never late twice"), and the sweep the job runs
 * to find dossiers past their due date.
 */
import { formatVn } from '../../platform/calendar/holidays';
import { addDays, toLocalDate, type IsoDate, type WorkingCalendar } from '../../platform/calendar/rules';
import { BASIS, oneStopBasisOn } from './basis';
import { formFor, type FormVersion } from './forms';
import { addWorkingDays } from './deadlines';
import type { RuleIssue } from './supplements';
import { statusOf, type StatusKey } from './workflow';

/** Decree 61/2018 (unconfirmed, vn-rules §1.3): the apology goes out at least 1 working day before the due date. */
export const DEFAULT_APOLOGY_WORKING_DAYS_BEFORE = 1;

export type ApologyIssueCode =
  'LATE_TWICE' | 'TOO_LATE' | 'NEW_DATE_NOT_AFTER_DUE' | 'NEW_DATE_NOT_WORKING_DAY';

export interface ApologyCheck {
  ok: boolean;
  errors: RuleIssue<ApologyIssueCode>[];
  /** A second new date was asked for: refuse and report to the ward chairman. */
  escalate: boolean;
  /** Last day the apology may be issued. */
  latestIssueDay: IsoDate;
  /** Mẫu 04 of the regime the dossier was received under. */
  form: FormVersion;
  basis: string[];
}

export function checkApology(input: {
  dueDate: IsoDate;
  today: IsoDate;
  newDate: IsoDate;
  previousApologies: number;
  receivedOn: IsoDate;
  calendar: WorkingCalendar;
  minWorkingDaysBefore?: number;
}): ApologyCheck {
  const { dueDate, today, newDate, calendar } = input;
  for (const d of [today, newDate]) addDays(d, 0);
  if (!Number.isInteger(input.previousApologies) || input.previousApologies < 0)
    throw new RangeError(`Số lần đã xin lỗi không hợp lệ: ${input.previousApologies}`);
  const before = input.minWorkingDaysBefore ?? DEFAULT_APOLOGY_WORKING_DAYS_BEFORE;
  if (!Number.isInteger(before) || before < 0)
    throw new RangeError(`Số ngày làm việc trước hạn không hợp lệ: ${before}`);
  const form = formFor('apology', input.receivedOn);
  if (!form)
    throw new RangeError(`Không có mẫu văn bản xin lỗi cho hồ sơ nhận ngày ${formatVn(input.receivedOn)}`);
  const latestIssueDay = addWorkingDays(dueDate, -before, calendar);
  const errors: RuleIssue<ApologyIssueCode>[] = [];
  const escalate = input.previousApologies > 0;
  if (escalate) {
    errors.push({
      code: 'LATE_TWICE',
      message:
        'Hồ sơ đã được xin lỗi và hẹn lại một lần; không được hẹn lại lần thứ hai. Báo cáo Chủ tịch UBND phường để chỉ đạo giải quyết.',
    });
  }
  if (today > latestIssueDay) {
    errors.push({
      code: 'TOO_LATE',
      message: `Văn bản xin lỗi phải gửi chậm nhất ngày ${formatVn(latestIssueDay)} (${before} ngày làm việc trước hạn ${formatVn(dueDate)})`,
    });
  }
  if (newDate <= dueDate) {
    errors.push({
      code: 'NEW_DATE_NOT_AFTER_DUE',
      message: `Ngày hẹn mới phải sau ngày hết hạn ${formatVn(dueDate)}`,
    });
  } else if (!calendar.isWorkingDay(newDate)) {
    errors.push({
      code: 'NEW_DATE_NOT_WORKING_DAY',
      message: `Ngày hẹn mới ${formatVn(newDate)} không phải ngày làm việc`,
    });
  }
  const basis = [oneStopBasisOn(input.receivedOn), form.basis, BASIS.apologyTiming, BASIS.reappointOnce];
  return { ok: errors.length === 0, errors, escalate, latestIssueDay, form, basis };
}

export interface SweepDossier {
  id: string;
  status: StatusKey;
  /** The current appointment: the new date once an apology was issued. */
  dueDate: IsoDate | null;
  apologyIssued: boolean;
}

export interface SweepHit {
  id: string;
  dueDate: IsoDate;
}

export interface SweepResult {
  /** Late for the first time: too late for an apology now, to be reported. */
  overdue: SweepHit[];
  /** Past the new date given with an apology: late twice, escalate to the chairman. */
  lateTwice: SweepHit[];
}

/** Dossiers whose clock runs (not paused for a supplement, not finished) and whose due date is before today. */
export function sweepOverdue(dossiers: readonly SweepDossier[], now: Date): SweepResult {
  const today = toLocalDate(now);
  const late = dossiers
    .filter((d): d is SweepDossier & { dueDate: IsoDate } => d.dueDate !== null && d.dueDate < today)
    .filter((d) => statusOf(d.status).clock === 'running')
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
  const hit = (d: SweepDossier & { dueDate: IsoDate }): SweepHit => ({ id: d.id, dueDate: d.dueDate });
  return {
    overdue: late.filter((d) => !d.apologyIssued).map(hit),
    lateTwice: late.filter((d) => d.apologyIssued).map(hit),
  };
}
