import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgUnits, provinces, residentialGroups, wards } from '../wards/schema';

export const staffAccounts = pgTable(
  'staff_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Null only for roles above a ward: the city reviewer (scoped by province) and the system administrator. */
    wardCode: text('ward_code').references(() => wards.code),
    provinceCode: text('province_code').references(() => provinces.code),
    username: text('username').notNull().unique(),
    fullName: text('full_name').notNull(),
    title: text('title'),
    phone: text('phone'),
    role: text('role').notNull(),
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    residentialGroupId: uuid('residential_group_id').references(() => residentialGroups.id),
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    totpSecret: text('totp_secret'),
    totpEnrolledAt: timestamp('totp_enrolled_at', { withTimezone: true }),
    /** The last TOTP time step accepted: a code is good once. */
    totpLastStep: integer('totp_last_step'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('staff_accounts_ward_idx').on(t.wardCode),
    index('staff_accounts_name_trgm_idx').using('gin', sql`f_unaccent(lower(${t.fullName})) gin_trgm_ops`),
  ],
);

export const staffSessions = pgTable(
  'staff_sessions',
  {
    /** SHA-256 of the cookie value: a leaked table does not leak sessions. */
    tokenHash: text('token_hash').primaryKey(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staffAccounts.id),
    csrfToken: text('csrf_token').notNull(),
    /** 'password' until the TOTP step is passed, then 'full'. */
    stage: text('stage').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('staff_sessions_staff_idx').on(t.staffId)],
);
