import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { wards } from '../../platform/wards/schema';
import { LEVELS } from './rules';

const LEVEL_VALUES = sql.raw(LEVELS.map((level) => `'${level}'`).join(', '));

/** One citizen's ballot on a returned dossier: the service and, optionally, the officer who returned it. */
export const ratings = pgTable(
  'ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    wardCode: text('ward_code')
      .notNull()
      .references(() => wards.code),
    /** One ballot per dossier: the unique index refuses the second, however close behind the first. */
    dossierCode: text('dossier_code').notNull(),
    procedureCode: text('procedure_code').notNull(),
    procedureName: text('procedure_name').notNull(),
    level: text('level').notNull(),
    officerLevel: text('officer_level'),
    officerId: uuid('officer_id'),
    officerName: text('officer_name'),
    comment: text('comment'),
    channel: text('channel').notNull(),
    counterId: text('counter_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('ratings_dossier_code_idx').on(t.dossierCode),
    index('ratings_ward_created_idx').on(t.wardCode, t.createdAt),
    check('ratings_level_check', sql`${t.level} IN (${LEVEL_VALUES})`),
    check('ratings_officer_level_check', sql`${t.officerLevel} IN (${LEVEL_VALUES})`),
    check('ratings_channel_check', sql`${t.channel} IN ('link', 'kiosk')`),
  ],
);

/**
 * The dossier a counter's tablet offers for rating: set by the officer at that counter, for a few minutes,
 * used up by the ballot.
 */
export const counterRatingSessions = pgTable('counter_rating_sessions', {
  counterId: text('counter_id').primaryKey(),
  wardCode: text('ward_code')
    .notNull()
    .references(() => wards.code),
  dossierCode: text('dossier_code').notNull(),
  startedBy: uuid('started_by').notNull(),
  startedByName: text('started_by_name').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});
