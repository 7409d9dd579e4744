import type { Db } from '../db/connect';
import { buildCalendar, type Adjustment, type WorkingCalendar } from './rules';
import { listAdjustments } from './store';

// Another process (a second server on the same PostgreSQL) may change the table: re-read at least this often.
const MAX_AGE_MS = 30_000;

interface Loaded {
  calendar: WorkingCalendar;
  /** The adjustments it was built from, as JSON: a re-read that finds the same keeps the built calendar. */
  source: string;
  at: number;
}

/**
 * The working calendar every deadline in the platform is computed with, rebuilt when adjustments change. A built
 * calendar keeps the years it has computed (public holidays from the lunar calendar cost tens of milliseconds
 * a year), so the periodic re-read rebuilds it only when the adjustments did change; concurrent callers share
 * one re-read.
 */
export class CalendarService {
  private loaded: Loaded | null = null;
  private reading: Promise<Loaded> | null = null;
  /** Counts invalidate(): a read under way when the adjustments changed is answered but not kept. */
  private invalidations = 0;

  constructor(private readonly db: Db) {}

  async current(): Promise<WorkingCalendar> {
    const loaded = this.loaded;
    if (loaded && Date.now() - loaded.at <= MAX_AGE_MS) return loaded.calendar;
    let reading = this.reading;
    if (!reading) {
      const started = (reading = this.reading = this.read(loaded));
      const done = () => {
        if (this.reading === started) this.reading = null;
      };
      started.then(done, done);
    }
    return (await reading).calendar;
  }

  /** Called after a change to the adjustments commits. */
  invalidate(): void {
    this.invalidations++;
    this.loaded = null;
    this.reading = null;
  }

  private async read(previous: Loaded | null): Promise<Loaded> {
    const invalidations = this.invalidations;
    const adjustments: Adjustment[] = await listAdjustments(this.db);
    const source = JSON.stringify(adjustments);
    const calendar = previous && previous.source === source ? previous.calendar : buildCalendar(adjustments);
    const loaded = { calendar, source, at: Date.now() };
    if (invalidations === this.invalidations) this.loaded = loaded;
    return loaded;
  }
}
