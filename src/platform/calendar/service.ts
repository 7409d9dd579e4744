import type { Db } from '../db/connect';
import { buildCalendar, type WorkingCalendar } from './rules';
import { listAdjustments } from './store';

// Another process (a second server on the same PostgreSQL) may change the table: re-read at least this often.
const MAX_AGE_MS = 30_000;

/** The working calendar every deadline in the platform is computed with, rebuilt when adjustments change. */
export class CalendarService {
  private cached: { calendar: WorkingCalendar; at: number } | null = null;

  constructor(private readonly db: Db) {}

  async current(): Promise<WorkingCalendar> {
    if (!this.cached || Date.now() - this.cached.at > MAX_AGE_MS) {
      this.cached = { calendar: buildCalendar(await listAdjustments(this.db)), at: Date.now() };
    }
    return this.cached.calendar;
  }

  invalidate(): void {
    this.cached = null;
  }
}
