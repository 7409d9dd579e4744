import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect';
import type { Status } from './rules';
import { homeVisits } from './schema';

export type HomeVisitRow = typeof homeVisits.$inferSelect;
export type NewHomeVisit = Omit<typeof homeVisits.$inferInsert, 'id'>;
export type HomeVisitChanges = Partial<
  Pick<
    HomeVisitRow,
    | 'status'
    | 'visitDay'
    | 'visitFrom'
    | 'visitTo'
    | 'officerId'
    | 'officerName'
    | 'dossierCode'
    | 'cancelReason'
  >
>;

export async function insertVisit(db: Db, values: NewHomeVisit): Promise<HomeVisitRow> {
  const [row] = await db.insert(homeVisits).values(values).returning();
  if (!row) throw new Error('home visit not inserted');
  return row;
}

/** One request of a ward, locked until the transaction ends when `lock` is set. */
export async function findVisit(db: Db, wardCode: string, id: string, lock = false) {
  const query = db
    .select()
    .from(homeVisits)
    .where(and(eq(homeVisits.wardCode, wardCode), eq(homeVisits.id, id)));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}

export async function updateVisit(db: Db, id: string, changes: HomeVisitChanges, now: Date) {
  const [row] = await db
    .update(homeVisits)
    .set({ ...changes, updatedAt: now })
    .where(eq(homeVisits.id, id))
    .returning();
  if (!row) throw new Error('home visit not updated');
  return row;
}

/** The ward's requests in the statuses asked: waiting first, then by appointment (soonest first), then newest. */
export function listVisits(db: Db, wardCode: string, statuses: readonly Status[]) {
  return db
    .select()
    .from(homeVisits)
    .where(and(eq(homeVisits.wardCode, wardCode), inArray(homeVisits.status, [...statuses])))
    .orderBy(
      sql`${homeVisits.visitDay} IS NOT NULL`,
      asc(homeVisits.visitDay),
      asc(homeVisits.visitFrom),
      desc(homeVisits.createdAt),
    );
}

/** The requests one requester made, newest first. */
export function listRequestedBy(db: Db, by: { citizenId: string } | { staffId: string }) {
  return db
    .select()
    .from(homeVisits)
    .where(
      'citizenId' in by
        ? eq(homeVisits.citizenId, by.citizenId)
        : eq(homeVisits.requestedByStaffId, by.staffId),
    )
    .orderBy(desc(homeVisits.createdAt));
}

/** How many of a portal account's requests are still waiting or scheduled. */
export async function countOpenOf(db: Db, citizenId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(homeVisits)
    .where(and(eq(homeVisits.citizenId, citizenId), inArray(homeVisits.status, ['requested', 'scheduled'])));
  return row?.n ?? 0;
}
