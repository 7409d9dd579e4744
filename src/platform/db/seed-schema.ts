import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Seeds that must run once only (an administrator may later edit or delete what they wrote). */
export const seedRuns = pgTable('seed_runs', {
  name: text('name').primaryKey(),
  appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
});
