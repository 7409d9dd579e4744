/**
 * Deadline arithmetic of a dossier on the legal calendar (src/platform/calendar): clock pause while the citizen
 * supplements, timing of the whole dossier and of each hand-over step, urgency.
 */
import { formatVn } from '../../platform/calendar/holidays';
import {
  addDays,
  addWorkingDays,
  dueDateInWorkingDays,
  toLocalDate,
  type IsoDate,
  type OfficeHours,
  type WorkingCalendar,
  workingDaysBetween,
} from '../../platform/calendar/rules';
import { BASIS } from './basis';

export { addWorkingDays, workingDaysBetween };

/** Ten years of days: no calendar has that many days off in a row. */
const MAX_SCAN = 3660;

function assertWholeDays(n: number, what: string): void {
  if (!Number.isInteger(n) || Math.abs(n) > MAX_SCAN) throw new RangeError(`${what} phải là số nguyên: ${n}`);
}

export interface ResumedDeadline {
  dueDate: IsoDate;
  usedWorkingDays: number;
  remainingWorkingDays: number;
  basis: string;
}

/**
 * New due date once the complete supplement arrives. The clock starts at the receipt of a valid dossier and
 * stops while the citizen supplements (vn-rules §1.1):
 * - requested at intake (`validReceivedAt` null, no Mẫu 01 yet): the full limit runs from the complete file;
 * - requested after receipt: the working days already used count, and the remaining ones run again from the
 *   receipt of the supplement. The day the Mẫu 02 is issued counts as used; the day the supplement arrives is the
 *   new receipt day and, as for any receipt, is not counted (same office-hours rules, via dueDateInWorkingDays).
 * A dossier already overdue when the Mẫu 02 was issued keeps its passed due date: a supplement cannot cure it.
 */
export function dueDateAfterSupplement(input: {
  /** Statutory limit in working days (0 = same day). */
  workingDays: number;
  /** Receipt of the valid dossier (Mẫu 01), or null when the Mẫu 02 was issued at intake. */
  validReceivedAt: Date | null;
  /** Day the Mẫu 02 was issued. */
  pausedOn: IsoDate;
  /** Receipt of the complete supplement. */
  completedAt: Date;
  hours: OfficeHours;
  calendar: WorkingCalendar;
}): ResumedDeadline {
  const { workingDays: limit, hours, calendar } = input;
  assertWholeDays(limit, 'Thời hạn giải quyết');
  addDays(input.pausedOn, 0);
  if (toLocalDate(input.completedAt) < input.pausedOn)
    throw new RangeError('Ngày nhận hồ sơ bổ sung trước ngày yêu cầu bổ sung');
  if (input.validReceivedAt === null) {
    const full = dueDateInWorkingDays(input.completedAt, limit, hours, calendar);
    const basis = `Yêu cầu bổ sung khi tiếp nhận: thời hạn tính từ khi nhận đủ hồ sơ hợp lệ (${BASIS.clock}). ${full.basis}`;
    return { dueDate: full.dueDate, usedWorkingDays: 0, remainingWorkingDays: limit, basis };
  }
  const original = dueDateInWorkingDays(input.validReceivedAt, limit, hours, calendar);
  if (input.pausedOn < toLocalDate(input.validReceivedAt))
    throw new RangeError('Ngày yêu cầu bổ sung trước ngày tiếp nhận');
  if (input.pausedOn > original.dueDate) {
    const basis = `Hồ sơ đã quá hạn (${formatVn(original.dueDate)}) trước khi yêu cầu bổ sung; việc bổ sung không làm thay đổi hạn giải quyết (${BASIS.clock}).`;
    return { dueDate: original.dueDate, usedWorkingDays: limit, remainingWorkingDays: 0, basis };
  }
  const used = workingDaysBetween(original.receiptDay, input.pausedOn, calendar);
  const remaining = limit - used;
  const resumed = dueDateInWorkingDays(input.completedAt, remaining, hours, calendar);
  const basis =
    `Thời hạn ${limit} ngày làm việc, đã dùng ${used} ngày đến khi yêu cầu bổ sung, còn ${remaining} ngày tính lại ` +
    `từ khi nhận đủ hồ sơ bổ sung (${BASIS.clock}). ${resumed.basis}`;
  return { dueDate: resumed.dueDate, usedWorkingDays: used, remainingWorkingDays: remaining, basis };
}

export type Timing = 'truoc_han' | 'dung_han' | 'qua_han';
export const TIMING_LABELS: Record<Timing, string> = {
  truoc_han: 'Trước hạn',
  dung_han: 'Đúng hạn',
  qua_han: 'Quá hạn',
};

/** Column "Kết quả giải quyết hồ sơ" of the control sheet: finished before, on or after the due date. */
export function classifyTiming(dueDate: IsoDate, finishedOn: IsoDate): Timing {
  addDays(dueDate, 0);
  addDays(finishedOn, 0);
  return finishedOn < dueDate ? 'truoc_han' : finishedOn === dueDate ? 'dung_han' : 'qua_han';
}

export interface StepTiming {
  timing: Timing;
  stepDueDate: IsoDate;
  spentWorkingDays: number;
}

/** One hand-over step: its allotted working days (0 = same day) against the days it took. */
export function classifyStep(input: {
  startedOn: IsoDate;
  finishedOn: IsoDate;
  allottedWorkingDays: number;
  calendar: WorkingCalendar;
}): StepTiming {
  const stepDueDate = addWorkingDays(input.startedOn, input.allottedWorkingDays, input.calendar);
  return {
    timing: classifyTiming(stepDueDate, input.finishedOn),
    stepDueDate,
    spentWorkingDays: workingDaysBetween(input.startedOn, input.finishedOn, input.calendar),
  };
}

export type Urgency = 'overdue' | 'due_today' | 'at_risk' | 'on_track';
export const URGENCY_LABELS: Record<Urgency, string> = {
  overdue: 'Quá hạn',
  due_today: 'Đến hạn hôm nay',
  at_risk: 'Sắp đến hạn',
  on_track: 'Trong hạn',
};

/** at_risk: due on the next working day (so a Friday before a long holiday flags a due date ten days later). */
export function urgency(dueDate: IsoDate, today: IsoDate, calendar: WorkingCalendar): Urgency {
  addDays(dueDate, 0);
  if (today > dueDate) return 'overdue';
  if (today === dueDate) return 'due_today';
  return dueDate <= addWorkingDays(today, 1, calendar) ? 'at_risk' : 'on_track';
}
