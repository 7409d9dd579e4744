import { and, asc, desc, eq, gte, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/connect';
import {
  OPEN_COMPLAINT_STATUSES,
  OPEN_DENUNCIATION_STATUSES,
  type ComplaintStatus,
  type DenunciationStatus,
} from './rules';
import { complaints, denunciations } from './schema';

export type ComplaintRow = typeof complaints.$inferSelect;
export type NewComplaint = typeof complaints.$inferInsert;
export type DenunciationRow = typeof denunciations.$inferSelect;
export type NewDenunciation = typeof denunciations.$inferInsert;

type Table = typeof complaints | typeof denunciations;

/** The next number of the ward's register for the year: `KN-2026-0007` (a clash retries with the next). */
async function nextCode(db: Db, table: Table, wardCode: string, prefix: string): Promise<string> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(table)
    .where(and(eq(table.wardCode, wardCode), sql`${table.code} LIKE ${`${prefix}-%`}`));
  return `${prefix}-${String((row?.n ?? 0) + 1).padStart(4, '0')}`;
}

async function insertNumbered<R>(
  db: Db,
  table: Table,
  wardCode: string,
  prefix: string,
  insert: (code: string) => Promise<R | undefined>,
): Promise<R> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const row = await insert(await nextCode(db, table, wardCode, prefix));
    if (row) return row;
  }
  throw new Error(`${prefix}: no free number after 5 attempts`);
}

export function insertComplaint(db: Db, values: Omit<NewComplaint, 'code'>, prefix: string) {
  return insertNumbered(db, complaints, values.wardCode, prefix, async (code) => {
    const [row] = await db
      .insert(complaints)
      .values({ ...values, code })
      .onConflictDoNothing()
      .returning();
    return row;
  });
}

export function insertDenunciation(db: Db, values: Omit<NewDenunciation, 'code'>, prefix: string) {
  return insertNumbered(db, denunciations, values.wardCode, prefix, async (code) => {
    const [row] = await db
      .insert(denunciations)
      .values({ ...values, code })
      .onConflictDoNothing()
      .returning();
    return row;
  });
}

export async function findComplaint(db: Db, wardCode: string, code: string) {
  const [row] = await db
    .select()
    .from(complaints)
    .where(and(eq(complaints.wardCode, wardCode), eq(complaints.code, code)));
  return row;
}

export async function findDenunciation(db: Db, wardCode: string, code: string) {
  const [row] = await db
    .select()
    .from(denunciations)
    .where(and(eq(denunciations.wardCode, wardCode), eq(denunciations.code, code)));
  return row;
}

/** Applies a step if the record is still in one of `from` (undefined: another step got there first). */
export async function updateComplaint(
  db: Db,
  id: string,
  from: readonly ComplaintStatus[],
  changes: Partial<NewComplaint>,
) {
  const [row] = await db
    .update(complaints)
    .set(changes)
    .where(and(eq(complaints.id, id), inArray(complaints.status, [...from])))
    .returning();
  return row;
}

export async function updateDenunciation(
  db: Db,
  id: string,
  from: readonly DenunciationStatus[],
  changes: Partial<NewDenunciation>,
) {
  const [row] = await db
    .update(denunciations)
    .set(changes)
    .where(and(eq(denunciations.id, id), inArray(denunciations.status, [...from])))
    .returning();
  return row;
}

export function listComplaints(db: Db, wardCode: string, statuses: readonly ComplaintStatus[]) {
  return db
    .select()
    .from(complaints)
    .where(and(eq(complaints.wardCode, wardCode), inArray(complaints.status, [...statuses])))
    .orderBy(desc(complaints.receivedAt))
    .limit(1000);
}

/** Contains-match ignoring case and diacritics (f_unaccent, as the feedback register's search). */
const matches = (column: AnyPgColumn, q: string) =>
  sql`f_unaccent(lower(${column})) LIKE f_unaccent(lower(${`%${q.replace(/[\\%_]/g, '\\$&')}%`}))`;

/**
 * The ward's denunciations in these statuses, optionally matching `q` in the code, the content or the person
 * denounced: the denouncer's identity is sealed, so no search can find a record by it.
 */
export function listDenunciations(
  db: Db,
  wardCode: string,
  filter: { statuses: readonly DenunciationStatus[]; q?: string; from?: string; to?: string },
) {
  const q = filter.q?.trim();
  return db
    .select()
    .from(denunciations)
    .where(
      and(
        eq(denunciations.wardCode, wardCode),
        inArray(denunciations.status, [...filter.statuses]),
        q
          ? or(
              matches(denunciations.code, q),
              matches(denunciations.content, q),
              matches(denunciations.accused, q),
            )
          : undefined,
        filter.from ? gte(denunciations.receiptDay, filter.from) : undefined,
        filter.to ? lte(denunciations.receiptDay, filter.to) : undefined,
      ),
    )
    .orderBy(filter.from ? asc(denunciations.receivedAt) : desc(denunciations.receivedAt))
    .limit(3000);
}

// The dashboard's figures: only the status and the deadline columns, never a complainant's or denouncer's data.

export function openComplaintDeadlines(db: Db, wardCode: string) {
  return db
    .select({
      status: complaints.status,
      acceptanceDue: complaints.acceptanceDue,
      resolutionDue: complaints.resolutionDue,
      sendDue: complaints.sendDue,
    })
    .from(complaints)
    .where(and(eq(complaints.wardCode, wardCode), inArray(complaints.status, [...OPEN_COMPLAINT_STATUSES])));
}

export function openDenunciationDeadlines(db: Db, wardCode: string) {
  return db
    .select({
      status: denunciations.status,
      initialDue: denunciations.initialDue,
      resolutionDue: denunciations.resolutionDue,
    })
    .from(denunciations)
    .where(
      and(
        eq(denunciations.wardCode, wardCode),
        inArray(denunciations.status, [...OPEN_DENUNCIATION_STATUSES]),
      ),
    );
}

/** Records resolved, and resolved on or before their resolution due day (Vietnam local day). */
async function resolvedOnTime(db: Db, table: Table, resolvedAt: AnyPgColumn, wardCode: string) {
  const resolvedOn = sql`((${resolvedAt} AT TIME ZONE 'UTC') + interval '7 hours')::date`;
  const [row] = await db
    .select({
      resolved: sql<number>`count(*)::int`,
      onTime: sql<number>`(count(*) FILTER (WHERE ${resolvedOn} <= ${table.resolutionDue}))::int`,
    })
    .from(table)
    .where(and(eq(table.wardCode, wardCode), isNotNull(resolvedAt)));
  return row ?? { resolved: 0, onTime: 0 };
}

/** A complaint is resolved when its decision is issued. */
export const complaintResolutions = (db: Db, wardCode: string) =>
  resolvedOnTime(db, complaints, complaints.decidedAt, wardCode);

/** A denunciation is resolved when concluded; extensions have already moved its resolution due day. */
export const denunciationResolutions = (db: Db, wardCode: string) =>
  resolvedOnTime(db, denunciations, denunciations.concludedAt, wardCode);
