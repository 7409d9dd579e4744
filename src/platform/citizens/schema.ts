import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * People who sign in to the portal: a principal of its own, never a staff account. An account is identified
 * either by VNeID (its subject; the căn cước number and name come from VNeID) or, without VNeID, by a phone
 * number proved with a one-time code. `id_number` and `phone` are personal data: never logged.
 */
export const citizens = pgTable(
  'citizens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The `sub` of the VNeID ID token; null for an account signed in by phone. */
    vneidSubject: text('vneid_subject').unique('citizens_vneid_subject_idx'),
    /** Căn cước number (CCCD) as VNeID asserts it; it is what the citizen's dossiers are found by. */
    idNumber: text('id_number'),
    fullName: text('full_name'),
    phone: text('phone'),
    email: text('email'),
    /** The channels the citizen chose to hear by ('sms', 'zalo', 'email'): prefilled in each online filing. */
    preferredChannels: jsonb('preferred_channels').$type<string[]>().notNull().default(['sms']),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // One phone-identified account per number; VNeID accounts may share a phone (a family's).
    uniqueIndex('citizens_phone_account_idx')
      .on(t.phone)
      .where(sql`${t.vneidSubject} IS NULL`),
  ],
);

export const citizenSessions = pgTable(
  'citizen_sessions',
  {
    /** SHA-256 of the cookie value, as for staff sessions. */
    tokenHash: text('token_hash').primaryKey(),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id),
    csrfToken: text('csrf_token').notNull(),
    /** 'vneid' | 'otp': how the citizen proved who they are. */
    method: text('method').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('citizen_sessions_citizen_idx').on(t.citizenId)],
);

/** One-time sign-in codes sent by SMS; only a hash of the code is kept. */
export const citizenOtpCodes = pgTable(
  'citizen_otp_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    phone: text('phone').notNull(),
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Codes tried against this one, the right one included. */
    attempts: integer('attempts').notNull().default(0),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
  },
  (t) => [index('citizen_otp_codes_phone_idx').on(t.phone, t.createdAt)],
);

/**
 * A VNeID sign-in under way: what the callback checks the provider's answer against. The browser holds only a
 * random token (a short-lived cookie) whose hash is the key; the row is used once.
 */
export const citizenOidcLogins = pgTable('citizen_oidc_logins', {
  tokenHash: text('token_hash').primaryKey(),
  state: text('state').notNull(),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  redirectUri: text('redirect_uri').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});
