import { date, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Official changes to the working calendar: extra days off and working Saturdays (làm bù). */
export const calendarAdjustments = pgTable('calendar_adjustments', {
  date: date('date', { mode: 'string' }).primaryKey(),
  kind: text('kind').notNull(),
  reason: text('reason').notNull(),
  legalBasis: text('legal_basis').notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
