/**
 * "Ngày làm việc không hẹn, không chờ" (the ward's plan, III.6): one weekday a week, the ward resolves a list of
 * procedures and returns their results the same day. It is the ward's own commitment, shorter than the time
 * limits of the law: the due date it gives says so and quotes the law's limit beside it.
 */
import { formatVn, localMinutes, parseClock, weekday, weekdayNameVn } from '../../platform/calendar/holidays';
import {
  toLocalDate,
  type DueDate,
  type IsoDate,
  type OfficeHours,
  type WorkingCalendar,
} from '../../platform/calendar/rules';

export const SAME_DAY_BASIS =
  'Mô hình “Ngày làm việc không hẹn, không chờ” (Kế hoạch xây dựng “Chính quyền thân thiện” của phường, mục III.6): cam kết riêng của phường, ngắn hơn thời hạn theo quy định của pháp luật';

/** The days the ward may choose: 1 = thứ Hai … 5 = thứ Sáu (the numbering of `weekday`). */
export const SAME_DAY_WEEKDAYS = [1, 2, 3, 4, 5] as const;

/** One decision of the ward: from `effectiveFrom` until the next one takes effect. */
export interface SameDaySchedule {
  weekday: number;
  /** Empty: the model is suspended from that day. */
  procedureCodes: readonly string[];
  effectiveFrom: IsoDate;
}

/** The decision in force on a day: the latest one that took effect on or before it; null before the first. */
export function scheduleOn<S extends SameDaySchedule>(schedules: readonly S[], day: IsoDate): S | null {
  let found: S | null = null;
  for (const s of schedules)
    if (s.effectiveFrom <= day && (!found || s.effectiveFrom > found.effectiveFrom)) found = s;
  return found;
}

export interface SameDayInput {
  schedules: readonly SameDaySchedule[];
  procedureCode: string;
  receivedAt: Date;
  hours: OfficeHours;
  calendar: WorkingCalendar;
  /** The due date the law's time limit gives: kept in the basis, so that the commitment reads as shorter. */
  statutory: DueDate;
}

/**
 * The same-day due date of a dossier of a listed procedure received on the ward's weekday, on a working day
 * (not a holiday falling on it) and before the office closes; null for any other dossier.
 */
export function sameDayDueDate(input: SameDayInput): DueDate | null {
  const day = toLocalDate(input.receivedAt);
  const schedule = scheduleOn(input.schedules, day);
  if (!schedule || weekday(day) !== schedule.weekday) return null;
  if (!schedule.procedureCodes.includes(input.procedureCode)) return null;
  if (!input.calendar.isWorkingDay(day)) return null;
  const minutes = localMinutes(input.receivedAt);
  if (minutes >= parseClock(input.hours.closesAt)) return null;
  const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const basis =
    `${SAME_DAY_BASIS}: hồ sơ nhận lúc ${time} ${weekdayNameVn(day)}, ngày ${formatVn(day)}, trước giờ đóng cửa ` +
    `(${input.hours.closesAt}), thủ tục thuộc danh mục giải quyết trong ngày; trả kết quả trong ngày ${formatVn(day)}. ` +
    `Thời hạn theo quy định: ${input.statutory.basis}`;
  return { receivedAt: input.receivedAt.toISOString(), receiptDay: day, dueDate: day, basis };
}
