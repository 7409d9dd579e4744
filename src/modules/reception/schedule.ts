/** The ward's reception schedule with the coming reception days, the days skipped and the weeks left without one. */
import { toLocalDate } from '../../platform/calendar/rules';
import type { Deps } from '../../platform/http/deps';
import { LOOKAHEAD_WEEKS, receptionOutlook, RECEPTION_WEEK_BASIS, type ReceptionSchedule } from './rules';
import * as store from './store';

export async function scheduleOutlook(deps: Deps, wardCode: string, weeks = LOOKAHEAD_WEEKS) {
  const { db } = deps.database;
  const today = toLocalDate(deps.clock.now());
  const row = await store.findSchedule(db, wardCode);
  const schedule: ReceptionSchedule | null = row
    ? {
        weekdays: row.weekdays,
        startsAt: row.startsAt,
        endsAt: row.endsAt,
        place: row.place,
        rulesText: row.rulesText,
      }
    : null;
  const extras = (await store.listExtraDays(db, wardCode, today)).map((e) => ({ date: e.day, note: e.note }));
  const outlook = receptionOutlook(schedule, extras, today, weeks, await deps.calendar.current());
  return {
    today,
    basis: RECEPTION_WEEK_BASIS,
    schedule,
    updatedByName: row?.updatedByName ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    ...outlook,
  };
}
export type Outlook = Awaited<ReturnType<typeof scheduleOutlook>>;
