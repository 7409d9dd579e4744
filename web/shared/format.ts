const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const vietnamClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

type ClockPart = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';

function vietnamParts(date: Date): Record<ClockPart, string> {
  const parts: Record<string, string> = {};
  for (const part of vietnamClock.formatToParts(date)) parts[part.type] = part.value;
  return parts as Record<ClockPart, string>;
}

function toDate(value: Date | string): Date | null {
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? null : date;
}

/** dd/mm/yyyy in Vietnam time. Accepts a Date, an ISO instant or a plain `YYYY-MM-DD` day. */
export function formatDate(value: Date | string): string {
  const day = typeof value === 'string' ? DAY_PATTERN.exec(value) : null;
  if (day) return `${day[3]}/${day[2]}/${day[1]}`;
  const date = toDate(value);
  if (!date) return String(value);
  const p = vietnamParts(date);
  return `${p.day}/${p.month}/${p.year}`;
}

/** dd/mm/yyyy HH:mm (24-hour clock) in Vietnam time, optionally with seconds. */
export function formatDateTime(value: Date | string, options: { seconds?: boolean } = {}): string {
  const date = toDate(value);
  if (!date) return String(value);
  const p = vietnamParts(date);
  const time = options.seconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
  return `${p.day}/${p.month}/${p.year} ${time}`;
}

/** A plain day shows as a date, an instant as date and time. */
export function formatDayOrDateTime(value: string): string {
  return DAY_PATTERN.test(value) ? formatDate(value) : formatDateTime(value);
}

/** Weekday name of a `YYYY-MM-DD` day, e.g. "Thứ Hai" or "Monday". */
export function formatWeekday(day: string, language: string): string {
  const date = toDate(`${day}T00:00:00Z`);
  if (!date) return '';
  const locale = language === 'en' ? 'en-GB' : 'vi-VN';
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(date);
}

/** Whole number with Vietnamese dot grouping: 12345 → "12.345". */
export function formatNumber(value: number): string {
  return Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** Vietnamese đồng: 10000 → "10.000 đ". */
export function formatMoney(amount: number): string {
  return `${formatNumber(amount)} đ`;
}

/** Today's `YYYY-MM-DD` in Vietnam, whatever the device's own time zone. */
export function todayInVietnam(): string {
  const p = vietnamParts(new Date());
  return `${p.year}-${p.month}-${p.day}`;
}

/** ISO instant with the Vietnam offset, from a `YYYY-MM-DD` day and an `HH:mm` time. */
export function vietnamInstant(day: string, time: string): string {
  return `${day}T${time}:00+07:00`;
}

/** Percentage with at most one decimal and a decimal comma: 85.25 → "85,3%". */
export function formatPercent(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return `${String(rounded).replace('.', ',')}%`;
}

/** First day (`YYYY-MM-01`) of the month of a `YYYY-MM-DD` day. */
export function firstDayOfMonth(day: string): string {
  return `${day.slice(0, 7)}-01`;
}
