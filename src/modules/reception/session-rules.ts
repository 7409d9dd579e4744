/**
 * "Ngày thứ sáu nghe dân nói" (the ward's plan, III.6): each week on Friday the ward's leaders listen to
 * residents; each matter raised there is recorded as a feedback item with its answer deadline. A Friday the
 * legal calendar gives off has no session; the ward may hold that week's on another working day.
 */
import { formatVn, weekday } from '../../platform/calendar/holidays';
import { addDays, type IsoDate, type WorkingCalendar } from '../../platform/calendar/rules';

export const SESSION_BASIS =
  'Mô hình “Ngày thứ sáu nghe dân nói” (Kế hoạch xây dựng “Chính quyền thân thiện” của phường, mục III.6)';
export const FRIDAY = 5;

/** The Fridays from `from` (inclusive) for `weeks` weeks, each with whether it is a working day. */
export function upcomingFridays(from: IsoDate, weeks: number, calendar: WorkingCalendar) {
  const first = addDays(from, (FRIDAY - weekday(from) + 7) % 7);
  return Array.from({ length: weeks }, (_, i) => {
    const date = addDays(first, 7 * i);
    return { date, working: calendar.isWorkingDay(date) };
  });
}

/** Null when a session can be held that day, else why not. */
export function sessionDayProblem(day: IsoDate, calendar: WorkingCalendar): string | null {
  return calendar.isWorkingDay(day)
    ? null
    : `Ngày ${formatVn(day)} là ngày nghỉ; xin chọn một ngày làm việc.`;
}

export const SESSION_STATUSES = { scheduled: 'Đã lên lịch', held: 'Đã tổ chức' } as const;
export type SessionStatus = keyof typeof SESSION_STATUSES;
