import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { wards } from '../../platform/wards/schema';
import type { Procedure } from './catalogue';

/** A ward's procedure as it stands now; every edit adds a version and moves `currentVersion`. */
export const procedures = pgTable(
  'procedures',
  {
    wardCode: text('ward_code')
      .notNull()
      .references(() => wards.code),
    code: text('code').notNull(),
    name: text('name').notNull(),
    field: text('field').notNull(),
    currentVersion: integer('current_version').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.wardCode, t.code] }),
    index('procedures_name_trgm_idx').using('gin', sql`f_unaccent(lower(${t.name})) gin_trgm_ops`),
  ],
);

/** Every version of a procedure's definition; a dossier keeps the version in force on its receipt date. */
export const procedureVersions = pgTable(
  'procedure_versions',
  {
    wardCode: text('ward_code').notNull(),
    code: text('code').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<Procedure>().notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    changeNote: text('change_note').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.wardCode, t.code, t.version] })],
);
