/**
 * Legal calendar of the ward (Asia/Ho_Chi_Minh, UTC+7, no DST): working days and deadlines.
 * Pure functions, no I/O; the DB/HTTP layers pass the official adjustments in.
 *
 * - Working week Mon–Fri (Quyết định 188/1999/QĐ-TTg).
 * - Holidays: Bộ luật Lao động 2019, điều 112; nghỉ bù: điều 111 khoản 3 (see ./holidays.ts).
 * - Annual notices (Thủ tướng / Bộ Nội vụ) arrive as adjustments and always win over computed days.
 * - Deadlines: Bộ luật Dân sự 2015, điều 144–148; receipt rules of the one-stop mechanism (Nghị định 118/2025/NĐ-CP).
 */
import {
  addDays,
  computedDaysOff,
  formatVn,
  isWeekend,
  localMinutes,
  parseClock,
  toLocalDate,
  weekday,
  weekdayNameVn,
} from './holidays';

export { addDays, toLocalDate };

export type IsoDate = string; // 'YYYY-MM-DD' local (Vietnam) date
export type AdjustmentKind = 'day_off' | 'working_day';
export interface Adjustment {
  date: IsoDate;
  kind: AdjustmentKind;
  reason: string;
  legalBasis: string;
}
export interface OfficeHours {
  opensAt: string; // '07:30'
  closesAt: string; // '17:00'
  saturdayMorningReceiving: boolean;
  saturdayClosesAt: string; // '11:30'
  sameDayCutoff: string; // '15:00'
}
export type DaySource = 'statutory' | 'compensatory' | 'adjustment';
export interface CalendarDay {
  date: IsoDate;
  kind: AdjustmentKind;
  reason: string;
  legalBasis: string;
  source: DaySource;
  provisional: boolean;
}
export interface WorkingCalendar {
  isWorkingDay(d: IsoDate): boolean;
  /** Only the exceptions: weekday days off and working Saturdays/Sundays, sorted by date. */
  daysOfYear(year: number): CalendarDay[];
  /**
   * Optional: true for a holiday/compensatory/adjustment day off, weekends included (a plain weekend → false).
   * Used so that a Saturday-morning receipt on a holiday Saturday, or a Saturday inside a holiday break, is not
   * counted as received that day (the office is closed).
   */
  isHoliday?(d: IsoDate): boolean;
}
export interface DueDate {
  receivedAt: string; // ISO (toISOString of the given instant)
  receiptDay: IsoDate; // the day the dossier counts as received
  dueDate: IsoDate;
  basis: string; // Vietnamese sentence naming the legal basis and how it was computed
}

/** Giờ hành chính (Quyết định 188/1999/QĐ-TTg); the 15:00 same-day cutoff follows Nghị định 23/2015/NĐ-CP, điều 7. */
export const DEFAULT_OFFICE_HOURS: OfficeHours = {
  opensAt: '07:30',
  closesAt: '17:00',
  saturdayMorningReceiving: false, // per-ward setting (local decisions, vn-rules §7.4)
  saturdayClosesAt: '11:30',
  sameDayCutoff: '15:00',
};

export const LEGAL_BASIS = {
  workingWeek: 'Quyết định 188/1999/QĐ-TTg (tuần làm việc 40 giờ, từ thứ Hai đến thứ Sáu)',
  deadline: 'Bộ luật Dân sự 2015, điều 144–148',
  calendarDays: 'Bộ luật Dân sự 2015, điều 147 khoản 2 và điều 148',
  endOnDayOff: 'Bộ luật Dân sự 2015, điều 148 khoản 5',
  oneStop: 'Nghị định 118/2025/NĐ-CP về cơ chế một cửa, một cửa liên thông',
  sameDay: 'Nghị định 23/2015/NĐ-CP, điều 7', // tiếp nhận sau 15 giờ → trả kết quả trong ngày làm việc tiếp theo
} as const;

/** Upper bound on N (about 27 years of calendar days): guards against runaway loops. */
const MAX_DAYS = 10_000;

// ---------------------------------------------------------------------------------------------------------------
// Calendar

function isException(d: CalendarDay): boolean {
  return isWeekend(d.date) ? d.kind === 'working_day' : d.kind === 'day_off';
}

function computeYear(year: number, adjustments: Adjustment[]): Map<IsoDate, CalendarDay> {
  const days = new Map<IsoDate, CalendarDay>();
  for (const c of computedDaysOff(year, adjustments)) {
    const { date, reason, legalBasis, source, provisional } = c;
    if (!days.has(date)) days.set(date, { date, kind: 'day_off', reason, legalBasis, source, provisional });
  }
  for (const a of adjustments) {
    if (!a.date.startsWith(`${year}-`)) continue;
    const { date, kind, reason, legalBasis } = a;
    days.set(date, { date, kind, reason, legalBasis, source: 'adjustment', provisional: false });
  }
  return days;
}

/** Builds an immutable calendar; each year is computed lazily and cached. Later duplicates of a date win. */
export function buildCalendar(adjustments: Adjustment[]): WorkingCalendar {
  const list = adjustments.map((a) => {
    addDays(a.date, 0); // validates the date (RangeError)
    if (a.kind !== 'day_off' && a.kind !== 'working_day')
      throw new RangeError(`Loại điều chỉnh sai: ${a.kind}`);
    return { ...a };
  });
  const years = new Map<number, Map<IsoDate, CalendarDay>>();
  const yearMap = (year: number): Map<IsoDate, CalendarDay> => {
    if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`Năm không hợp lệ: ${year}`);
    let m = years.get(year);
    if (!m) years.set(year, (m = computeYear(year, list)));
    return m;
  };
  const entry = (d: IsoDate): CalendarDay | undefined => yearMap(Number(addDays(d, 0).slice(0, 4))).get(d);
  return {
    isWorkingDay: (d) => {
      const e = entry(d);
      return e ? e.kind === 'working_day' : !isWeekend(d);
    },
    isHoliday: (d) => entry(d)?.kind === 'day_off',
    daysOfYear: (year) =>
      [...yearMap(year).values()]
        .filter(isException)
        .map((d) => ({ ...d }))
        .sort((a, b) => a.date.localeCompare(b.date)),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Deadlines

function assertCount(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > MAX_DAYS) {
    throw new RangeError(`Số ngày phải là số nguyên từ 0 đến ${MAX_DAYS}: ${n}`);
  }
}

/** The nearest working day after `d` (before it when `step` is -1). */
function adjacentWorkingDay(d: IsoDate, cal: WorkingCalendar, step: 1 | -1 = 1): IsoDate {
  for (let i = 1; i <= 3660; i++) {
    const day = addDays(d, i * step);
    if (cal.isWorkingDay(day)) return day;
  }
  throw new Error(`Không có ngày làm việc nào trong 10 năm ${step > 0 ? 'sau' : 'trước'} ${d}`);
}

const nextWorkingDay = (d: IsoDate, cal: WorkingCalendar): IsoDate => adjacentWorkingDay(d, cal);

function nthWorkingDayAfter(d: IsoDate, n: number, cal: WorkingCalendar): IsoDate {
  let day = d;
  for (let i = 0; i < n; i++) day = nextWorkingDay(day, cal);
  return day;
}

/** The |n|-th working day after `from` (before it when n < 0); `from` itself when n = 0. */
export function addWorkingDays(from: IsoDate, n: number, cal: WorkingCalendar): IsoDate {
  assertCount(Math.abs(n));
  let day = addDays(from, 0);
  for (let left = Math.abs(n); left > 0; left--) day = adjacentWorkingDay(day, cal, n > 0 ? 1 : -1);
  return day;
}

/** Working days d with from < d ≤ to (0 when to ≤ from): the days a record has used since `from`. */
export function workingDaysBetween(from: IsoDate, to: IsoDate, cal: WorkingCalendar): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (cal.isWorkingDay(day)) count++;
  return count;
}

const clock = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

interface Receipt {
  local: IsoDate; // actual local date of receipt
  minutes: number; // actual local time of day
  receiptDay: IsoDate; // the day the dossier counts as received
  moved: boolean;
  note: string; // Vietnamese clause explaining receiptDay
}

/** A Saturday inside a holiday break (kỳ nghỉ lễ, Tết): the Friday before or the Sunday/Monday after is a day off. */
function inHolidayBreak(saturday: IsoDate, cal: WorkingCalendar): boolean {
  return [-1, 1, 2].some((i) => cal.isHoliday?.(addDays(saturday, i)) ?? false);
}

/**
 * The day a dossier counts as received (Nghị định 118/2025/NĐ-CP; giờ hành chính): on a working day before
 * closesAt → that day (also before opensAt); after closesAt or on a non-working day → the next working day;
 * with Saturday-morning receiving, a Saturday before saturdayClosesAt → that Saturday, unless it is a holiday
 * or inside a holiday break (the office is closed then).
 */
function receipt(at: Date, hours: OfficeHours, cal: WorkingCalendar): Receipt {
  const local = toLocalDate(at);
  const minutes = localMinutes(at);
  const base = { local, minutes };
  const moveWith = (why: string): Receipt => {
    const next = nextWorkingDay(local, cal);
    return { ...base, receiptDay: next, moved: true, note: `${why} nên tính là nhận ngày ${formatVn(next)}` };
  };
  if (cal.isWorkingDay(local)) {
    if (minutes >= parseClock(hours.closesAt)) return moveWith(`sau giờ làm việc (${hours.closesAt})`);
    const early = minutes < parseClock(hours.opensAt);
    const note = early
      ? `trước giờ mở cửa (${hours.opensAt}), tính là nhận trong ngày`
      : 'trong giờ làm việc';
    return { ...base, receiptDay: local, moved: false, note };
  }
  const holiday = cal.isHoliday?.(local) ?? false;
  if (hours.saturdayMorningReceiving && weekday(local) === 6 && !holiday && !inHolidayBreak(local, cal)) {
    if (minutes < parseClock(hours.saturdayClosesAt)) {
      const note = `trong buổi sáng thứ Bảy có tiếp nhận hồ sơ (đến ${hours.saturdayClosesAt}), tính là nhận ngày thứ Bảy`;
      return { ...base, receiptDay: local, moved: false, note };
    }
    return moveWith(`sau giờ tiếp nhận sáng thứ Bảy (${hours.saturdayClosesAt})`);
  }
  return moveWith(
    `vào ngày nghỉ (${weekdayNameVn(local)}${holiday ? ', ngày nghỉ lễ, Tết hoặc nghỉ bù' : ''})`,
  );
}

const dayVn = (d: IsoDate): string => `${weekdayNameVn(d)}, ${formatVn(d)}`;

/**
 * Deadline of N working days (N ≥ 1): the Nth working day after receiptDay — the day of receipt is not counted
 * (Bộ luật Dân sự 2015, điều 147 khoản 2). N = 0 ("trong ngày"): receiptDay if received on a working day before
 * sameDayCutoff, otherwise the next working day after the actual receipt (Nghị định 23/2015/NĐ-CP, điều 7).
 */
export function dueDateInWorkingDays(
  receivedAt: Date,
  workingDays: number,
  hours: OfficeHours,
  cal: WorkingCalendar,
): DueDate {
  assertCount(workingDays);
  const r = receipt(receivedAt, hours, cal);
  const received = `hồ sơ nhận lúc ${clock(r.minutes)} ngày ${formatVn(r.local)}, ${r.note}`;
  if (workingDays === 0) {
    const onWorkingDay = !r.moved && cal.isWorkingDay(r.local);
    const sameDay = onWorkingDay && r.minutes < parseClock(hours.sameDayCutoff);
    const dueDate = sameDay || r.moved ? r.receiptDay : nextWorkingDay(r.local, cal);
    const why = sameDay
      ? `trước ${hours.sameDayCutoff} nên trả kết quả trong ngày`
      : onWorkingDay
        ? `sau ${hours.sameDayCutoff} nên trả kết quả vào ngày làm việc tiếp theo`
        : 'nên trả kết quả vào ngày làm việc đầu tiên';
    const basis = `Giải quyết trong ngày (${LEGAL_BASIS.sameDay}; ${LEGAL_BASIS.oneStop}): ${received}; ${why}: ${dayVn(dueDate)}.`;
    return { receivedAt: receivedAt.toISOString(), receiptDay: r.receiptDay, dueDate, basis };
  }
  const dueDate = nthWorkingDayAfter(r.receiptDay, workingDays, cal);
  const basis =
    `Thời hạn ${workingDays} ngày làm việc (${LEGAL_BASIS.deadline}; ${LEGAL_BASIS.oneStop}): ${received}; ` +
    'không tính ngày nhận hồ sơ, không tính thứ Bảy, Chủ nhật, ngày nghỉ lễ, Tết, nghỉ bù và ngày nghỉ hoán đổi, ' +
    `có tính ngày làm bù; hạn giải quyết là ngày làm việc thứ ${workingDays} sau ngày ${formatVn(r.receiptDay)}: ` +
    `${dayVn(dueDate)}.`;
  return { receivedAt: receivedAt.toISOString(), receiptDay: r.receiptDay, dueDate, basis };
}

/**
 * Deadline of N calendar days (Bộ luật Dân sự 2015, điều 147–148): the day of the event is not counted, the last
 * day is date + N; if that is not a working day the period ends on the next working day (điều 148 khoản 5).
 */
export function dueDateInCalendarDays(receivedAt: Date, calendarDays: number, cal: WorkingCalendar): DueDate {
  assertCount(calendarDays);
  const local = toLocalDate(receivedAt);
  const last = addDays(local, calendarDays);
  const lastWorks = cal.isWorkingDay(last);
  const dueDate = lastWorks ? last : nextWorkingDay(last, cal);
  const basis =
    `Thời hạn ${calendarDays} ngày (${LEGAL_BASIS.calendarDays}): ` +
    `không tính ngày xảy ra sự kiện ${formatVn(local)}; ngày cuối cùng của thời hạn là ${dayVn(last)}` +
    (lastWorks
      ? '.'
      : `, là ngày nghỉ nên thời hạn kết thúc vào ngày làm việc tiếp theo: ${dayVn(dueDate)} (${LEGAL_BASIS.endOnDayOff}).`);
  return { receivedAt: receivedAt.toISOString(), receiptDay: local, dueDate, basis };
}
