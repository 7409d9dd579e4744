import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The 34 provinces and centrally-run cities (Decision 19/2025/QĐ-TTg). */
export const provinces = pgTable('provinces', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
});

/** Every commune-level unit we know (xã, phường, đặc khu), keyed by its official 5-digit code. */
export const adminUnits = pgTable(
  'admin_units',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    provinceCode: text('province_code')
      .notNull()
      .references(() => provinces.code),
  },
  (t) => [
    index('admin_units_province_idx').on(t.provinceCode),
    index('admin_units_name_trgm_idx').using('gin', sql`f_unaccent(lower(${t.name})) gin_trgm_ops`),
  ],
);

export interface OfficeHoursSetting {
  opensAt: string;
  closesAt: string;
  saturdayMorningReceiving: boolean;
  saturdayClosesAt: string;
  sameDayCutoff: string;
}

/** A ward that runs on the platform: the tenant. Its code is the official administrative code. */
export const wards = pgTable('wards', {
  code: text('code')
    .primaryKey()
    .references(() => adminUnits.code),
  address: text('address').notNull(),
  phone: text('phone').notNull(),
  email: text('email').notNull(),
  slogans: jsonb('slogans').$type<string[]>().notNull(),
  officeHours: jsonb('office_hours').$type<OfficeHoursSetting>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const orgUnits = pgTable(
  'org_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    wardCode: text('ward_code')
      .notNull()
      .references(() => wards.code),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
  },
  (t) => [index('org_units_ward_idx').on(t.wardCode)],
);

export const residentialGroups = pgTable(
  'residential_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    wardCode: text('ward_code')
      .notNull()
      .references(() => wards.code),
    name: text('name').notNull(),
    households: integer('households').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [index('residential_groups_ward_idx').on(t.wardCode)],
);
