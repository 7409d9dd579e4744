import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, gt, gte, isNull, lt, sql } from 'drizzle-orm';
import { hashToken } from '../auth/store';
import type { Db } from '../db/connect';
import {
  CITIZEN_SESSION_HOURS,
  minutesAfter,
  OTP_MAX_TRIES,
  OTP_SEND_WINDOW_MINUTES,
  OTP_TTL_MINUTES,
  type VneidIdentity,
} from './rules';
import { citizenOidcLogins, citizenOtpCodes, citizens, citizenSessions } from './schema';

export type Citizen = typeof citizens.$inferSelect;
export type SignInMethod = 'vneid' | 'otp';
export type OidcLogin = typeof citizenOidcLogins.$inferSelect;

export interface CitizenSession {
  tokenHash: string;
  csrfToken: string;
  method: SignInMethod;
  citizen: Citizen;
}

/** Creates or refreshes the account of a VNeID subject from its claims. */
export async function upsertVneidCitizen(db: Db, identity: VneidIdentity, now: Date): Promise<Citizen> {
  const claims = {
    idNumber: identity.idNumber,
    fullName: identity.fullName,
    phone: identity.phone,
    ...(identity.email ? { email: identity.email } : {}),
  };
  const [row] = await db
    .insert(citizens)
    .values({ vneidSubject: identity.subject, ...claims, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: citizens.vneidSubject, set: { ...claims, updatedAt: now } })
    .returning();
  if (!row) throw new Error('citizen not upserted');
  return row;
}

/** The account a phone number signs in to, created at its first sign-in. */
export async function phoneCitizen(db: Db, phone: string, now: Date): Promise<Citizen> {
  const [inserted] = await db
    .insert(citizens)
    .values({ phone, createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: citizens.phone, where: sql`${citizens.vneidSubject} IS NULL` })
    .returning();
  if (inserted) return inserted;
  const [existing] = await db
    .select()
    .from(citizens)
    .where(and(eq(citizens.phone, phone), isNull(citizens.vneidSubject)));
  if (!existing) throw new Error('phone citizen neither inserted nor found');
  return existing;
}

/** The channels the citizen hears by, and the e-mail address when e-mail is one of them. */
export async function setNotifyChoice(
  db: Db,
  id: string,
  choice: { channels: string[]; email?: string },
  now: Date,
): Promise<Citizen> {
  const [row] = await db
    .update(citizens)
    .set({
      preferredChannels: choice.channels,
      ...(choice.email ? { email: choice.email } : {}),
      updatedAt: now,
    })
    .where(eq(citizens.id, id))
    .returning();
  if (!row) throw new Error('citizen not updated');
  return row;
}

export async function createCitizenSession(
  db: Db,
  citizenId: string,
  method: SignInMethod,
  now: Date,
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.insert(citizenSessions).values({
    tokenHash: hashToken(token),
    citizenId,
    csrfToken,
    method,
    createdAt: now,
    expiresAt: new Date(now.getTime() + CITIZEN_SESSION_HOURS * 3_600_000),
  });
  return { token, csrfToken };
}

export async function loadCitizenSession(db: Db, token: string, now: Date): Promise<CitizenSession | null> {
  const [row] = await db
    .select({ session: citizenSessions, citizen: citizens })
    .from(citizenSessions)
    .innerJoin(citizens, eq(citizens.id, citizenSessions.citizenId))
    .where(and(eq(citizenSessions.tokenHash, hashToken(token)), gt(citizenSessions.expiresAt, now)));
  if (!row) return null;
  return {
    tokenHash: row.session.tokenHash,
    csrfToken: row.session.csrfToken,
    method: row.session.method === 'vneid' ? 'vneid' : 'otp',
    citizen: row.citizen,
  };
}

export async function deleteCitizenSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(citizenSessions).where(eq(citizenSessions.tokenHash, tokenHash));
}

/** A code is hashed with its row id, so equal codes of different rows do not share a hash. */
function otpHash(id: string, code: string): string {
  return createHash('sha256').update(`${id}:${code}`).digest('hex');
}

/** Codes sent to the phone within the send window. */
export async function recentOtpCount(db: Db, phone: string, now: Date): Promise<number> {
  const since = minutesAfter(now, -OTP_SEND_WINDOW_MINUTES);
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(citizenOtpCodes)
    .where(and(eq(citizenOtpCodes.phone, phone), gte(citizenOtpCodes.createdAt, since)));
  return row?.count ?? 0;
}

/**
 * A new six-digit code for the phone; the codes sent before it no longer count (only the latest is checked).
 * Codes older than the send window are deleted: they matter neither for sign-in nor for the limit.
 */
export async function issueOtp(db: Db, phone: string, now: Date): Promise<{ id: string; code: string }> {
  await db
    .delete(citizenOtpCodes)
    .where(lt(citizenOtpCodes.createdAt, minutesAfter(now, -OTP_SEND_WINDOW_MINUTES)));
  const id = crypto.randomUUID();
  const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
  await db.insert(citizenOtpCodes).values({
    id,
    phone,
    codeHash: otpHash(id, code),
    createdAt: now,
    expiresAt: minutesAfter(now, OTP_TTL_MINUTES),
  });
  return { id, code };
}

export async function latestOtp(db: Db, phone: string) {
  const [row] = await db
    .select()
    .from(citizenOtpCodes)
    .where(eq(citizenOtpCodes.phone, phone))
    .orderBy(desc(citizenOtpCodes.createdAt))
    .limit(1);
  return row;
}

/**
 * Counts one try of `code` against the stored code and says whether it matched, consuming the code when it
 * did. The count goes up before the comparison, in one statement, so concurrent tries cannot exceed the limit
 * and a code is consumed once.
 */
export async function tryOtp(
  db: Db,
  id: string,
  code: string,
  now: Date,
): Promise<'right' | 'wrong' | 'refused'> {
  const [counted] = await db
    .update(citizenOtpCodes)
    .set({ attempts: sql`${citizenOtpCodes.attempts} + 1` })
    .where(
      and(
        eq(citizenOtpCodes.id, id),
        isNull(citizenOtpCodes.consumedAt),
        lt(citizenOtpCodes.attempts, OTP_MAX_TRIES),
        gt(citizenOtpCodes.expiresAt, now),
      ),
    )
    .returning({ codeHash: citizenOtpCodes.codeHash });
  if (!counted) return 'refused';
  const expected = Buffer.from(counted.codeHash, 'hex');
  const given = Buffer.from(otpHash(id, code), 'hex');
  if (!timingSafeEqual(expected, given)) return 'wrong';
  const [consumed] = await db
    .update(citizenOtpCodes)
    .set({ consumedAt: now })
    .where(and(eq(citizenOtpCodes.id, id), isNull(citizenOtpCodes.consumedAt)))
    .returning({ id: citizenOtpCodes.id });
  return consumed ? 'right' : 'refused';
}

/** Remembers a VNeID sign-in under way; returns the token the browser keeps in a cookie. */
export async function saveOidcLogin(db: Db, login: Omit<OidcLogin, 'tokenHash'>, now: Date): Promise<string> {
  await db.delete(citizenOidcLogins).where(lt(citizenOidcLogins.expiresAt, now));
  const token = randomBytes(32).toString('base64url');
  await db.insert(citizenOidcLogins).values({ ...login, tokenHash: hashToken(token) });
  return token;
}

/** The sign-in a cookie names, removed as it is read: a callback is answered once. */
export async function takeOidcLogin(db: Db, token: string, now: Date): Promise<OidcLogin | undefined> {
  const [row] = await db
    .delete(citizenOidcLogins)
    .where(eq(citizenOidcLogins.tokenHash, hashToken(token)))
    .returning();
  return row && row.expiresAt.getTime() > now.getTime() ? row : undefined;
}
