import { and, asc, eq, gt, gte, lt } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect';
import type { Level, RatingRow } from './rules';
import { counterRatingSessions, ratings } from './schema';

export type NewRating = typeof ratings.$inferInsert;
export type RatingSession = typeof counterRatingSessions.$inferSelect;

/** Inserts the ballot unless its dossier already has one (the unique index decides, race-free). */
export async function insertRating(db: Db, values: NewRating): Promise<boolean> {
  const inserted = await db
    .insert(ratings)
    .values(values)
    .onConflictDoNothing({ target: ratings.dossierCode })
    .returning({ id: ratings.id });
  return inserted.length > 0;
}

export async function hasRating(db: Db, dossierCode: string): Promise<boolean> {
  const [row] = await db.select({ id: ratings.id }).from(ratings).where(eq(ratings.dossierCode, dossierCode));
  return row !== undefined;
}

/** The ward's ballots cast in [start, end), oldest first. */
export async function listRatings(db: Db, wardCode: string, start: Date, end: Date): Promise<RatingRow[]> {
  const rows = await db
    .select({
      dossierCode: ratings.dossierCode,
      procedureCode: ratings.procedureCode,
      procedureName: ratings.procedureName,
      level: ratings.level,
      officerLevel: ratings.officerLevel,
      officerId: ratings.officerId,
      officerName: ratings.officerName,
      comment: ratings.comment,
      channel: ratings.channel,
      counterId: ratings.counterId,
      createdAt: ratings.createdAt,
    })
    .from(ratings)
    .where(and(eq(ratings.wardCode, wardCode), gte(ratings.createdAt, start), lt(ratings.createdAt, end)))
    .orderBy(asc(ratings.createdAt), asc(ratings.dossierCode));
  // The table's checks hold the levels to LEVELS.
  return rows.map((r) => ({ ...r, level: r.level as Level, officerLevel: r.officerLevel as Level | null }));
}

/** Offers a dossier on a counter's tablet, replacing whatever that counter offered before. */
export async function startSession(db: Db, session: RatingSession): Promise<void> {
  const { counterId: _, ...changes } = session;
  await db
    .insert(counterRatingSessions)
    .values(session)
    .onConflictDoUpdate({ target: counterRatingSessions.counterId, set: changes });
}

/** What a counter's tablet offers now; undefined when nothing, or when the offer has expired. */
export async function findSession(db: Db, counterId: string, now: Date): Promise<RatingSession | undefined> {
  const [row] = await db
    .select()
    .from(counterRatingSessions)
    .where(and(eq(counterRatingSessions.counterId, counterId), gt(counterRatingSessions.expiresAt, now)));
  return row;
}

/** The ballot used the counter's offer up. */
export async function endSession(db: Db, counterId: string, dossierCode: string): Promise<void> {
  await db
    .delete(counterRatingSessions)
    .where(
      and(eq(counterRatingSessions.counterId, counterId), eq(counterRatingSessions.dossierCode, dossierCode)),
    );
}
