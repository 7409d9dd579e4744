export type DayKind = 'day_off' | 'working_day';
export type DaySource = 'statutory' | 'compensatory' | 'adjustment';

/** `GET /api/v1/calendar/days?year=YYYY` */
export interface CalendarYear {
  year: number;
  days: CalendarDay[];
}

export interface CalendarDay {
  date: string;
  kind: DayKind;
  reason: string;
  legalBasis: string;
  source: DaySource;
  provisional: boolean;
}

/** `GET /api/v1/calendar/due-date` */
export interface DueDate {
  receivedAt: string;
  receiptDay: string;
  dueDate: string;
  basis: string;
}

export const DAY_KINDS: DayKind[] = ['day_off', 'working_day'];

export function calendarDaysPath(year: number): string {
  return `/api/v1/calendar/days?year=${year}`;
}

export function dueDatePath(receivedAt: string, workingDays: number): string {
  const query = new URLSearchParams({ receivedAt, workingDays: String(workingDays) });
  return `/api/v1/calendar/due-date?${query.toString()}`;
}

export const ADJUSTMENTS_PATH = '/api/v1/calendar/adjustments';

export function adjustmentPath(date: string): string {
  return `${ADJUSTMENTS_PATH}/${encodeURIComponent(date)}`;
}
