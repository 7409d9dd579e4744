/**
 * What other modules may ask of the feedback register (they never read its tables): recording an item taken
 * down elsewhere (a citizen-reception visit, a listening session) in the caller's transaction, the deadline
 * rules with the administrator's corrections, and where the items they hold the codes of stand.
 */
import type { IsoDate, WorkingCalendar } from '../../platform/calendar/rules';
import type { Db } from '../../platform/db/connect';
import { trackingPath } from './inputs';
import { staffSummary } from './presenters';
import * as store from './store';

export { currentRules, fileItem, type NewFeedback } from './items';
export { trackingPath };

/** The items with these codes, as the staff lists show them (status, due date, timeliness, no contact). */
export async function summariesOf(
  db: Db,
  wardCode: string,
  codes: readonly string[],
  today: IsoDate,
  calendar: WorkingCalendar,
) {
  const rows = await store.listByCodes(db, wardCode, codes);
  return rows.map((row) => ({ ...staffSummary(row, today, calendar), trackingUrl: trackingPath(row.code) }));
}
