import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect';
import { dossierDayCounters, dossierEvents, dossiers } from './schema';

export type DossierRow = typeof dossiers.$inferSelect;
export type NewDossier = typeof dossiers.$inferInsert;
export type NewDossierEvent = typeof dossierEvents.$inferInsert;

/**
 * The next sequence number of the day for a ward. The counter row is locked until the transaction ends, so
 * concurrent intakes get consecutive numbers and a rolled-back intake gives its number back.
 */
export async function nextSequence(db: Db, wardCode: string, day: string): Promise<number> {
  const [row] = await db
    .insert(dossierDayCounters)
    .values({ wardCode, day, lastSequence: 1 })
    .onConflictDoUpdate({
      target: [dossierDayCounters.wardCode, dossierDayCounters.day],
      set: { lastSequence: sql`${dossierDayCounters.lastSequence} + 1` },
    })
    .returning({ sequence: dossierDayCounters.lastSequence });
  if (!row) throw new Error('sequence not returned');
  return row.sequence;
}

export async function insertDossier(db: Db, values: NewDossier): Promise<DossierRow> {
  const [row] = await db.insert(dossiers).values(values).returning();
  if (!row) throw new Error('dossier not inserted');
  return row;
}

export async function insertEvent(db: Db, values: NewDossierEvent): Promise<void> {
  await db.insert(dossierEvents).values(values);
}

export async function findByCode(db: Db, code: string): Promise<DossierRow | undefined> {
  const [row] = await db.select().from(dossiers).where(eq(dossiers.code, code));
  return row;
}

export function listEvents(db: Db, dossierId: string) {
  return db
    .select()
    .from(dossierEvents)
    .where(eq(dossierEvents.dossierId, dossierId))
    .orderBy(asc(dossierEvents.id));
}

/** Open dossiers of a ward, soonest due first. */
export function listOpen(db: Db, wardCode: string, statuses: readonly string[]) {
  return db
    .select()
    .from(dossiers)
    .where(and(eq(dossiers.wardCode, wardCode), inArray(dossiers.status, [...statuses])))
    .orderBy(asc(dossiers.dueDate), asc(dossiers.code));
}

/**
 * The public tracking page's two reads, as prepared statements of one database (built once, planned once per
 * connection) that select only the columns the page shows: the applicant's number and phone are never read.
 */
function publicQueries(db: Db) {
  const dossier = db
    .select({
      id: dossiers.id,
      wardCode: dossiers.wardCode,
      code: dossiers.code,
      procedureName: dossiers.procedureName,
      applicantName: dossiers.applicantName,
      status: dossiers.status,
      receivedAt: dossiers.receivedAt,
      dueDate: dossiers.dueDate,
    })
    .from(dossiers)
    .where(eq(dossiers.code, sql.placeholder('code')))
    .prepare('dossiers_public_by_code');
  const events = db
    .select({
      action: dossierEvents.action,
      toStatus: dossierEvents.toStatus,
      at: dossierEvents.at,
      toUnit: dossierEvents.toUnit,
      timing: dossierEvents.timing,
    })
    .from(dossierEvents)
    .where(eq(dossierEvents.dossierId, sql.placeholder('dossierId')))
    .orderBy(asc(dossierEvents.id))
    .prepare('dossier_events_public');
  return { dossier, events };
}

const preparedPublic = new WeakMap<Db, ReturnType<typeof publicQueries>>();

function publicQueriesOf(db: Db): ReturnType<typeof publicQueries> {
  let queries = preparedPublic.get(db);
  if (!queries) preparedPublic.set(db, (queries = publicQueries(db)));
  return queries;
}

export async function findPublicByCode(db: Db, code: string) {
  const [row] = await publicQueriesOf(db).dossier.execute({ code });
  return row;
}

export function listPublicEvents(db: Db, dossierId: string) {
  return publicQueriesOf(db).events.execute({ dossierId });
}
