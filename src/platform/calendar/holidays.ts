/**
 * Pure helpers for the legal calendar: Vietnam-local date arithmetic and the statutory holidays of one year
 * (Bộ luật Lao động 2019, điều 111–112). No I/O; the only dependency is the bundled `date-holidays` data.
 */
import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import type { Adjustment, IsoDate } from './rules';

// ---------------------------------------------------------------------------------------------------------------
// Dates. Vietnam is UTC+7 all year (no DST): shift the timestamp by +7 h and read it with UTC getters, so the
// result never depends on the machine's TZ.

const DAY_MS = 86_400_000;
const VN_OFFSET_MS = 7 * 3_600_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isoFromUtcMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Midnight UTC of an IsoDate, validating it ('2026-02-30' is rejected). */
function utcMs(d: IsoDate): number {
  const m = ISO_DATE.exec(d);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (Number.isNaN(ms) || isoFromUtcMs(ms) !== d) throw new RangeError(`Ngày không hợp lệ: ${d}`);
  return ms;
}

function assertValidDate(d: Date): void {
  if (Number.isNaN(d.getTime())) throw new RangeError('Thời điểm không hợp lệ');
}

/** Vietnam local date (YYYY-MM-DD) of an instant. */
export function toLocalDate(d: Date): IsoDate {
  assertValidDate(d);
  return isoFromUtcMs(d.getTime() + VN_OFFSET_MS);
}

/** Vietnam local time of day, in whole minutes since 00:00 (seconds are truncated). */
export function localMinutes(d: Date): number {
  assertValidDate(d);
  const shifted = new Date(d.getTime() + VN_OFFSET_MS);
  return shifted.getUTCHours() * 60 + shifted.getUTCMinutes();
}

/** 'HH:MM' → minutes since 00:00. */
export function parseClock(hhmm: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new RangeError(`Giờ không hợp lệ: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export function addDays(d: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Số ngày phải là số nguyên: ${n}`);
  return isoFromUtcMs(utcMs(d) + n * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(d: IsoDate): number {
  return new Date(utcMs(d)).getUTCDay();
}

/**
 * Weekly rest days of civil servants: Saturday and Sunday
 * (Quyết định 188/1999/QĐ-TTg, tuần làm việc 40 giờ từ thứ Hai đến thứ Sáu).
 */
export function isWeekend(d: IsoDate): boolean {
  const w = weekday(d);
  return w === 0 || w === 6;
}

/** 'YYYY-MM-DD' → 'DD/MM/YYYY' for Vietnamese sentences. */
export function formatVn(d: IsoDate): string {
  const [y, m, day] = d.split('-');
  return `${day}/${m}/${y}`;
}

export function weekdayNameVn(d: IsoDate): string {
  return ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'][weekday(d)];
}

// ---------------------------------------------------------------------------------------------------------------
// Statutory holidays.

const LC = 'Bộ luật Lao động 2019';
export const HOLIDAY_BASIS = {
  newYear: `${LC}, điều 112 khoản 1 điểm a`,
  tet: `${LC}, điều 112 khoản 1 điểm b`,
  tetSchedule: `${LC}, điều 112 khoản 1 điểm b và khoản 3 (Thủ tướng quyết định cụ thể ngày nghỉ)`,
  victoryDay: `${LC}, điều 112 khoản 1 điểm c`,
  labourDay: `${LC}, điều 112 khoản 1 điểm d`,
  nationalDay: `${LC}, điều 112 khoản 1 điểm đ`,
  nationalDaySecond: `${LC}, điều 112 khoản 1 điểm đ và khoản 3 (Thủ tướng quyết định ngày liền kề)`,
  hungKings: `${LC}, điều 112 khoản 1 điểm e`,
  other: `${LC}, điều 112`,
  compensatory: `${LC}, điều 111 khoản 3`,
} as const;

/** A computed day off (before adjustments are applied). */
export interface ComputedDayOff {
  date: IsoDate;
  reason: string;
  legalBasis: string;
  source: 'statutory' | 'compensatory';
  provisional: boolean;
}

interface Block {
  days: ComputedDayOff[];
  /** false when an official notice fixed the block: the notice already places the compensatory days. */
  compensate: boolean;
}

// date-holidays takes 100–250 ms and 10 MB to load, and nothing needs it before the first deadline is computed:
// required then (its CommonJS build, the same holidays), rather than imported at server start (bench/startup.ts).
let vnHolidays: Holidays | undefined;
function publicHolidays(year: number): { date: IsoDate; rule: string; name: string }[] {
  vnHolidays ??= new (createRequire(import.meta.url)('date-holidays') as typeof Holidays)('VN');
  return vnHolidays
    .getHolidays(year)
    .filter((h) => h.type === 'public') // date-holidays also returns observances (8/3, 20/10, …)
    .map((h) => ({ date: h.date.slice(0, 10), rule: h.rule, name: h.name }));
}

const FIXED_SOLAR: Record<string, { reason: string; legalBasis: string }> = {
  '01-01': { reason: 'Tết Dương lịch (01/01)', legalBasis: HOLIDAY_BASIS.newYear },
  '04-30': { reason: 'Ngày Chiến thắng (30/4)', legalBasis: HOLIDAY_BASIS.victoryDay },
  '05-01': { reason: 'Ngày Quốc tế lao động (01/5)', legalBasis: HOLIDAY_BASIS.labourDay },
  '09-02': { reason: 'Quốc khánh (02/9)', legalBasis: HOLIDAY_BASIS.nationalDay },
};
const TET_DAY_1_RULE = 'vietnamese 1-0-1';
const HUNG_KINGS_RULE = 'vietnamese 3-0-10';
const TET_NAMES = ['ngày cuối năm âm lịch (giao thừa)', 'mùng 1', 'mùng 2', 'mùng 3', 'mùng 4'];

function daysOffIn(adjustments: Adjustment[], from: IsoDate, to: IsoDate): Adjustment[] {
  return adjustments.filter((a) => a.kind === 'day_off' && a.date >= from && a.date <= to);
}

/**
 * Tết Âm lịch, 5 days (điều 112 khoản 1 điểm b). date-holidays gives the eve and day 1. If the adjustments hold a
 * day_off within [eve − 7, eve + 10] the Prime Minister's schedule is known: the block is those two days plus the
 * adjustments (which the calendar reports itself). Otherwise the provisional default is the eve + the 4 next days.
 */
function tetBlock(eve: IsoDate, adjustments: Adjustment[], provisionalYear: boolean): Block {
  const official = daysOffIn(adjustments, addDays(eve, -7), addDays(eve, 10)).length > 0;
  const count = official ? 2 : 5;
  const days = Array.from({ length: count }, (_, i) => ({
    date: addDays(eve, i),
    reason: `Tết Âm lịch – ${TET_NAMES[i]}${official ? '' : ' (dự kiến)'}`,
    legalBasis: official ? HOLIDAY_BASIS.tet : HOLIDAY_BASIS.tetSchedule,
    source: 'statutory' as const,
    provisional: provisionalYear || !official,
  }));
  return { days, compensate: !official };
}

/**
 * Quốc khánh, 2 days (điều 112 khoản 1 điểm đ): 02/9 plus 01/9 or 03/9 if an adjustment says so (then the notice
 * is authoritative, compensatory days included), otherwise provisionally 01/9.
 */
function nationalDayBlock(day2: ComputedDayOff, adjustments: Adjustment[], provisionalYear: boolean): Block {
  const year = day2.date.slice(0, 4);
  const chosen = [`${year}-09-01`, `${year}-09-03`].find((d) => daysOffIn(adjustments, d, d).length > 0);
  const second: ComputedDayOff = {
    date: chosen ?? `${year}-09-01`,
    reason: `Quốc khánh – ngày liền kề${chosen ? '' : ' (dự kiến)'}`,
    legalBasis: HOLIDAY_BASIS.nationalDaySecond,
    source: 'statutory',
    provisional: provisionalYear || !chosen,
  };
  return { days: [day2, second], compensate: !chosen };
}

/**
 * Nghỉ bù (điều 111 khoản 3): a holiday on a Saturday or Sunday gives a day off on the next weekday that is not
 * already a statutory or compensatory day off. Adjustment days off are not skipped: official notices list the
 * compensatory day themselves, so a coincidence means "already placed there" (e.g. 30/4/2023 Sunday → 02/5).
 */
function compensatoryDays(blocks: Block[], provisionalYear: boolean): ComputedDayOff[] {
  const taken = new Set(blocks.flatMap((b) => b.days.map((d) => d.date)));
  const result: ComputedDayOff[] = [];
  const onWeekend = blocks
    .filter((b) => b.compensate)
    .flatMap((b) => b.days)
    .filter((d) => isWeekend(d.date))
    .sort((a, b) => a.date.localeCompare(b.date));
  for (const h of onWeekend) {
    let date = addDays(h.date, 1);
    while (isWeekend(date) || taken.has(date)) date = addDays(date, 1);
    taken.add(date);
    result.push({
      date,
      reason: `Nghỉ bù ${h.reason}, ngày ${formatVn(h.date)} trùng ${weekdayNameVn(h.date)}`,
      legalBasis: HOLIDAY_BASIS.compensatory,
      source: 'compensatory',
      provisional: provisionalYear || h.provisional,
    });
  }
  return result;
}

/**
 * All computed days off of `year` (statutory + compensatory, weekends included), before adjustments.
 * A year with no adjustment at all is provisional: every computed day is marked so.
 */
export function computedDaysOff(year: number, allAdjustments: Adjustment[]): ComputedDayOff[] {
  const adjustments = allAdjustments.filter((a) => a.date.startsWith(`${year}-`));
  const provisionalYear = adjustments.length === 0;
  const holidays = publicHolidays(year);
  const blocks: Block[] = [];
  const tetDay1 = holidays.find((h) => h.rule === TET_DAY_1_RULE)?.date;
  const tetEve = tetDay1 ? addDays(tetDay1, -1) : undefined;
  if (tetEve) blocks.push(tetBlock(tetEve, adjustments, provisionalYear));
  for (const h of holidays) {
    if (h.date === tetEve || h.date === tetDay1) continue;
    const known =
      h.rule === HUNG_KINGS_RULE
        ? { reason: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', legalBasis: HOLIDAY_BASIS.hungKings }
        : FIXED_SOLAR[h.date.slice(5)];
    const day: ComputedDayOff = {
      ...(known ?? { reason: h.name, legalBasis: HOLIDAY_BASIS.other }),
      date: h.date,
      source: 'statutory',
      provisional: provisionalYear,
    };
    const isNationalDay = h.date.endsWith('-09-02');
    blocks.push(
      isNationalDay ? nationalDayBlock(day, adjustments, provisionalYear) : { days: [day], compensate: true },
    );
  }
  const statutory = blocks.flatMap((b) => b.days);
  return [...statutory, ...compensatoryDays(blocks, provisionalYear)];
}
