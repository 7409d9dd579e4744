/**
 * The chairman's citizen-reception schedule (lịch tiếp công dân): the ward's chairman receives citizens at the
 * ward office at least one day a week (Luật Tiếp công dân 2013, điều 15 khoản 1 and 3). The schedule names the
 * weekday(s); a day the legal calendar gives off (holiday, compensatory day) is skipped, and the ward may add a
 * reception day of its own (a substitute, or an ad-hoc reception). A week left without any is warned about.
 */
import { formatVn, parseClock, weekday, weekdayNameVn } from '../../platform/calendar/holidays';
import { addDays, type IsoDate, type WorkingCalendar } from '../../platform/calendar/rules';
import { LAW } from '../feedback/rules';

export const MIN_RECEPTION_DAYS_PER_WEEK = 1;
export const RECEPTION_WEEK_BASIS = `${LAW.reception}, điều 15 (Chủ tịch Ủy ban nhân dân cấp xã tiếp công dân tại trụ sở ít nhất 01 ngày trong 01 tuần)`;
/** The schedule may name thứ Hai (1) … thứ Sáu (5), the working week (`weekday` numbering). */
export const RECEPTION_WEEKDAYS = [1, 2, 3, 4, 5] as const;
/** How far ahead the schedule and its warnings look, in weeks. */
export const LOOKAHEAD_WEEKS = 8;

export interface ReceptionSchedule {
  weekdays: readonly number[];
  startsAt: string;
  endsAt: string;
  place: string;
  rulesText: string;
}

/** A day the ward added: a substitute for a skipped one, or an ad-hoc reception (tiếp đột xuất). */
export interface ExtraDay {
  date: IsoDate;
  note: string;
}

export interface ReceptionDay {
  date: IsoDate;
  weekdayName: string;
  /** 'schedule': a weekday of the schedule; 'extra': a day the ward added. */
  origin: 'schedule' | 'extra';
  note: string | null;
}

export interface SkippedDay {
  date: IsoDate;
  weekdayName: string;
  reason: string;
}

export interface WeekWithout {
  /** Monday of the week. */
  weekStart: IsoDate;
  weekEnd: IsoDate;
  message: string;
}

export interface ScheduleOutlook {
  days: ReceptionDay[];
  skipped: SkippedDay[];
  warnings: WeekWithout[];
}

/** Null when the schedule can be kept, else the problem and its field. */
export function scheduleProblem(s: ReceptionSchedule): { field: string; message: string } | null {
  if (s.weekdays.length < MIN_RECEPTION_DAYS_PER_WEEK)
    return { field: 'weekdays', message: 'Xin chọn ít nhất một ngày tiếp công dân trong tuần (điều 15).' };
  if (s.weekdays.some((d) => !(RECEPTION_WEEKDAYS as readonly number[]).includes(d)))
    return { field: 'weekdays', message: 'Ngày tiếp công dân là một ngày từ thứ Hai đến thứ Sáu.' };
  if (parseClock(s.startsAt) >= parseClock(s.endsAt))
    return { field: 'endsAt', message: 'Giờ kết thúc phải sau giờ bắt đầu.' };
  return null;
}

/** Monday of the week of a day. */
export function mondayOf(day: IsoDate): IsoDate {
  return addDays(day, -((weekday(day) + 6) % 7));
}

function dayOffReason(day: IsoDate, calendar: WorkingCalendar): string {
  const found = calendar.daysOfYear(Number(day.slice(0, 4))).find((d) => d.date === day);
  return found ? `Nghỉ: ${found.reason}` : 'Ngày nghỉ theo lịch làm việc';
}

/**
 * The reception days from `from` for `weeks` whole weeks (Monday to Sunday, the first one the week of `from`;
 * days before `from` are not listed but still count for that week), the scheduled days skipped as days off, and
 * each week without a reception day.
 */
export function receptionOutlook(
  schedule: ReceptionSchedule | null,
  extras: readonly ExtraDay[],
  from: IsoDate,
  weeks: number,
  calendar: WorkingCalendar,
): ScheduleOutlook {
  const days: ReceptionDay[] = [];
  const skipped: SkippedDay[] = [];
  const warnings: WeekWithout[] = [];
  const firstMonday = mondayOf(from);
  for (let w = 0; w < weeks; w++) {
    const weekStart = addDays(firstMonday, 7 * w);
    let count = 0;
    for (let i = 0; i < 7; i++) {
      const date = addDays(weekStart, i);
      const extra = extras.find((e) => e.date === date);
      const scheduled = schedule?.weekdays.includes(weekday(date)) ?? false;
      const working = calendar.isWorkingDay(date);
      const listed = date >= from;
      if (working && (scheduled || extra)) {
        count++;
        if (listed)
          days.push({
            date,
            weekdayName: weekdayNameVn(date),
            origin: scheduled ? 'schedule' : 'extra',
            note: extra?.note ?? null,
          });
      } else if (scheduled && listed) {
        skipped.push({ date, weekdayName: weekdayNameVn(date), reason: dayOffReason(date, calendar) });
      }
    }
    if (count < MIN_RECEPTION_DAYS_PER_WEEK) {
      const weekEnd = addDays(weekStart, 6);
      warnings.push({
        weekStart,
        weekEnd,
        message: `Tuần từ ${formatVn(weekStart)} đến ${formatVn(weekEnd)} chưa có ngày Chủ tịch tiếp công dân. ${RECEPTION_WEEK_BASIS}: xin bổ sung một ngày làm việc trong tuần.`,
      });
    }
  }
  return { days, skipped, warnings };
}

/** Null when the day can be added as a reception day, else why not. */
export function extraDayProblem(date: IsoDate, today: IsoDate, calendar: WorkingCalendar): string | null {
  if (date < today) return 'Không thêm ngày tiếp công dân đã qua.';
  if (!calendar.isWorkingDay(date)) return `Ngày ${formatVn(date)} là ngày nghỉ; xin chọn một ngày làm việc.`;
  return null;
}
