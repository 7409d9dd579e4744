import { createHash, randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { batched } from '../db/batch';
import type { Db } from '../db/connect';
import { staffAccounts, staffSessions } from './schema';
import { isRole, ROLES_REQUIRING_TOTP, type Role } from './roles';
import { SESSION_HOURS } from './rules';

export type StaffAccount = typeof staffAccounts.$inferSelect;

export interface Principal {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  wardCode: string | null;
  provinceCode: string | null;
  orgUnitId: string | null;
  mustEnrolTotp: boolean;
}

export interface Session {
  tokenHash: string;
  csrfToken: string;
  stage: 'password' | 'full';
  staff: Principal;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function toPrincipal(account: StaffAccount): Principal {
  if (!isRole(account.role)) throw new Error(`Unknown role ${account.role}`);
  return {
    id: account.id,
    username: account.username,
    fullName: account.fullName,
    role: account.role,
    wardCode: account.wardCode,
    provinceCode: account.provinceCode,
    orgUnitId: account.orgUnitId,
    mustEnrolTotp: ROLES_REQUIRING_TOTP.includes(account.role) && account.totpEnrolledAt === null,
  };
}

export async function findAccountByUsername(db: Db, username: string): Promise<StaffAccount | undefined> {
  const [row] = await db.select().from(staffAccounts).where(eq(staffAccounts.username, username));
  return row;
}

export async function findAccount(db: Db, id: string): Promise<StaffAccount | undefined> {
  const [row] = await db.select().from(staffAccounts).where(eq(staffAccounts.id, id));
  return row;
}

export async function updateAccount(db: Db, id: string, values: Partial<typeof staffAccounts.$inferInsert>) {
  await db.update(staffAccounts).set(values).where(eq(staffAccounts.id, id));
}

export async function createSession(
  db: Db,
  staffId: string,
  stage: Session['stage'],
  now: Date,
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.insert(staffSessions).values({
    tokenHash: hashToken(token),
    staffId,
    csrfToken,
    stage,
    expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000),
  });
  return { token, csrfToken };
}

/** Sessions with their accounts by token hash: the lookups of concurrent requests in one prepared statement. */
function sessionLookup(db: Db) {
  const query = db
    .select({ session: staffSessions, account: staffAccounts })
    .from(staffSessions)
    .innerJoin(staffAccounts, eq(staffAccounts.id, staffSessions.staffId))
    .where(sql`${staffSessions.tokenHash} = any(${sql.placeholder('tokenHashes')})`)
    .prepare('staff_sessions_by_token');
  return batched(async (tokenHashes: string[]) => {
    const rows = await query.execute({ tokenHashes });
    return tokenHashes.map((hash) => rows.find((row) => row.session.tokenHash === hash));
  });
}

const sessionLookups = new WeakMap<Db, ReturnType<typeof sessionLookup>>();

/** Every authenticated request's lookup: the session, unexpired, of an active account. */
export async function loadSession(db: Db, token: string, now: Date): Promise<Session | null> {
  let lookup = sessionLookups.get(db);
  if (!lookup) sessionLookups.set(db, (lookup = sessionLookup(db)));
  const row = await lookup(hashToken(token));
  if (!row || row.session.expiresAt <= now || !row.account.active) return null;
  return {
    tokenHash: row.session.tokenHash,
    csrfToken: row.session.csrfToken,
    stage: row.session.stage === 'full' ? 'full' : 'password',
    staff: toPrincipal(row.account),
  };
}

export async function promoteSession(db: Db, tokenHash: string): Promise<void> {
  await db.update(staffSessions).set({ stage: 'full' }).where(eq(staffSessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.tokenHash, tokenHash));
}

/** After a password change every other session of the account ends. */
export async function deleteOtherSessions(db: Db, staffId: string, keepTokenHash: string): Promise<void> {
  const sessions = await db.select().from(staffSessions).where(eq(staffSessions.staffId, staffId));
  for (const s of sessions) if (s.tokenHash !== keepTokenHash) await deleteSession(db, s.tokenHash);
}
