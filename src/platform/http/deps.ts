import type { Clock } from '../clock';
import type { Config } from '../config';
import type { Database } from '../db/connect';
import type { CalendarService } from '../calendar/service';

/** What route plugins receive: the shared parts, nothing module-specific. */
export interface Deps {
  database: Database;
  config: Config;
  calendar: CalendarService;
  clock: Clock;
}

export interface RouteOptions {
  deps: Deps;
}
