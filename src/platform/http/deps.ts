import type { Clock } from '../clock';
import type { Config } from '../config';
import type { Database } from '../db/connect';
import type { CalendarService } from '../calendar/service';
import type { BackgroundJobs } from '../jobs/background';

/** What route plugins receive: the shared parts, nothing module-specific. */
export interface Deps {
  database: Database;
  config: Config;
  calendar: CalendarService;
  clock: Clock;
  /** The server's background jobs, for the health check; absent where none run (the test platform). */
  jobs?: Pick<BackgroundJobs, 'state'>;
}

export interface RouteOptions {
  deps: Deps;
}
