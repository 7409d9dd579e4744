import { and, asc, desc, eq, gte, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect';
import type { IsoDate } from '../../platform/calendar/rules';
import {
  listeningSessionItems,
  listeningSessions,
  receptionExtraDays,
  receptionLog,
  receptionSchedules,
} from './schema';

export type ScheduleRow = typeof receptionSchedules.$inferSelect;
export type LogRow = typeof receptionLog.$inferSelect;
export type NewLogEntry = Omit<typeof receptionLog.$inferInsert, 'number'>;
export type SessionRow = typeof listeningSessions.$inferSelect;
export type NewSession = typeof listeningSessions.$inferInsert;
export type SessionItemRow = typeof listeningSessionItems.$inferSelect;

// --- schedule -----------------------------------------------------------------------------------------------------

export async function findSchedule(db: Db, wardCode: string): Promise<ScheduleRow | undefined> {
  const [row] = await db.select().from(receptionSchedules).where(eq(receptionSchedules.wardCode, wardCode));
  return row;
}

export async function upsertSchedule(db: Db, row: ScheduleRow): Promise<ScheduleRow> {
  const { wardCode: _, ...changes } = row;
  const [saved] = await db
    .insert(receptionSchedules)
    .values(row)
    .onConflictDoUpdate({ target: receptionSchedules.wardCode, set: changes })
    .returning();
  if (!saved) throw new Error('upsertSchedule: no row');
  return saved;
}

export function listExtraDays(db: Db, wardCode: string, from: IsoDate) {
  return db
    .select()
    .from(receptionExtraDays)
    .where(and(eq(receptionExtraDays.wardCode, wardCode), gte(receptionExtraDays.day, from)))
    .orderBy(asc(receptionExtraDays.day));
}

/** False when the day was already added. */
export async function insertExtraDay(db: Db, row: typeof receptionExtraDays.$inferInsert): Promise<boolean> {
  const added = await db.insert(receptionExtraDays).values(row).onConflictDoNothing().returning();
  return added.length > 0;
}

// --- reception log ------------------------------------------------------------------------------------------------

/**
 * Inserts the entry with the next number of its ward and year. Two officers logging at once may draw the same
 * number: the unique index refuses the second, which draws again.
 */
export async function insertLogEntry(db: Db, entry: NewLogEntry): Promise<LogRow> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const [row] = await db
      .insert(receptionLog)
      .values({
        ...entry,
        number: sql`(SELECT coalesce(max(${receptionLog.number}), 0) + 1 FROM ${receptionLog} WHERE ${receptionLog.wardCode} = ${entry.wardCode} AND ${receptionLog.year} = ${entry.year})`,
      })
      .onConflictDoNothing()
      .returning();
    if (row) return row;
  }
  throw new Error('insertLogEntry: no free number after 5 attempts');
}

export async function findLogEntry(db: Db, wardCode: string, id: string): Promise<LogRow | undefined> {
  const [row] = await db
    .select()
    .from(receptionLog)
    .where(and(eq(receptionLog.wardCode, wardCode), eq(receptionLog.id, id)));
  return row;
}

/** Entries received in [from, to] (local days), in the order received. */
export function listLog(db: Db, wardCode: string, from: IsoDate, to: IsoDate) {
  return db
    .select()
    .from(receptionLog)
    .where(
      and(
        eq(receptionLog.wardCode, wardCode),
        gte(receptionLog.receiptDay, from),
        lte(receptionLog.receiptDay, to),
      ),
    )
    .orderBy(asc(receptionLog.receivedAt));
}

/** Entries still waiting for the answer to the visitor, the earliest due first. */
export function listUnanswered(db: Db, wardCode: string) {
  return db
    .select()
    .from(receptionLog)
    .where(and(eq(receptionLog.wardCode, wardCode), isNull(receptionLog.answeredAt)))
    .orderBy(asc(receptionLog.dueDate), asc(receptionLog.receivedAt))
    .limit(5000);
}

/** Records the answer unless one was recorded first (undefined then). */
export async function answerLogEntry(
  db: Db,
  id: string,
  answer: Pick<LogRow, 'resultKind' | 'result' | 'answeredAt' | 'answeredByName'>,
): Promise<LogRow | undefined> {
  const [row] = await db
    .update(receptionLog)
    .set(answer)
    .where(and(eq(receptionLog.id, id), isNull(receptionLog.answeredAt)))
    .returning();
  return row;
}

/** Answers given, and given on or before the due date (Vietnam local day). */
export async function logAnswerRate(db: Db, wardCode: string) {
  const answeredOn = sql`((${receptionLog.answeredAt} AT TIME ZONE 'UTC') + interval '7 hours')::date`;
  const [row] = await db
    .select({
      answered: sql<number>`count(*)::int`,
      onTime: sql<number>`(count(*) FILTER (WHERE ${answeredOn} <= ${receptionLog.dueDate}))::int`,
    })
    .from(receptionLog)
    .where(and(eq(receptionLog.wardCode, wardCode), isNotNull(receptionLog.answeredAt)));
  return row ?? { answered: 0, onTime: 0 };
}

// --- listening sessions -------------------------------------------------------------------------------------------

/** Sessions from a day on (or the latest ones before it when `before`), by date. */
export function listSessions(db: Db, wardCode: string, from: IsoDate, before = false) {
  return db
    .select()
    .from(listeningSessions)
    .where(
      and(
        eq(listeningSessions.wardCode, wardCode),
        before ? sql`${listeningSessions.heldOn} < ${from}` : gte(listeningSessions.heldOn, from),
      ),
    )
    .orderBy(before ? desc(listeningSessions.heldOn) : asc(listeningSessions.heldOn))
    .limit(52);
}

export async function findSession(db: Db, wardCode: string, id: string): Promise<SessionRow | undefined> {
  const [row] = await db
    .select()
    .from(listeningSessions)
    .where(and(eq(listeningSessions.wardCode, wardCode), eq(listeningSessions.id, id)));
  return row;
}

/** Undefined when the ward already has a session that day. */
export async function insertSession(db: Db, session: NewSession): Promise<SessionRow | undefined> {
  const [row] = await db.insert(listeningSessions).values(session).onConflictDoNothing().returning();
  return row;
}

export async function updateSession(db: Db, id: string, changes: Partial<NewSession>): Promise<SessionRow> {
  const [row] = await db
    .update(listeningSessions)
    .set(changes)
    .where(eq(listeningSessions.id, id))
    .returning();
  if (!row) throw new Error('updateSession: no row');
  return row;
}

export async function insertSessionItem(db: Db, item: SessionItemRow): Promise<void> {
  await db.insert(listeningSessionItems).values(item);
}

export function listSessionItems(db: Db, sessionId: string) {
  return db
    .select()
    .from(listeningSessionItems)
    .where(eq(listeningSessionItems.sessionId, sessionId))
    .orderBy(asc(listeningSessionItems.recordedAt));
}
