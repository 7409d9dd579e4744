import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect';
import type { RuleCorrection, Status } from './rules';
import { feedbackItems, feedbackPhotos, feedbackRuleCorrections } from './schema';

export type ItemRow = typeof feedbackItems.$inferSelect;
export type NewItem = typeof feedbackItems.$inferInsert;
export type PhotoRow = typeof feedbackPhotos.$inferSelect;
export type NewPhoto = Omit<PhotoRow, 'itemId'>;

/** Inserts the item unless its code is taken (then undefined: the caller draws another code). */
export async function insertItem(
  db: Db,
  item: NewItem,
  photos: readonly NewPhoto[],
): Promise<ItemRow | undefined> {
  const [row] = await db
    .insert(feedbackItems)
    .values(item)
    .onConflictDoNothing({ target: feedbackItems.code })
    .returning();
  if (row && photos.length > 0)
    await db.insert(feedbackPhotos).values(photos.map((p) => ({ ...p, itemId: row.id })));
  return row;
}

export async function findByCode(db: Db, code: string): Promise<ItemRow | undefined> {
  const [row] = await db.select().from(feedbackItems).where(eq(feedbackItems.code, code));
  return row;
}

export async function findById(db: Db, id: string): Promise<ItemRow | undefined> {
  const [row] = await db.select().from(feedbackItems).where(eq(feedbackItems.id, id));
  return row;
}

/**
 * Applies a step to the item if it is still in one of `from` (a concurrent step that got there first wins:
 * undefined then).
 */
export async function updateItem(
  db: Db,
  id: string,
  from: readonly Status[],
  changes: Partial<NewItem>,
): Promise<ItemRow | undefined> {
  const [row] = await db
    .update(feedbackItems)
    .set(changes)
    .where(and(eq(feedbackItems.id, id), inArray(feedbackItems.status, [...from])))
    .returning();
  return row;
}

/** The citizen's rating of the answer, unless the item was rated already (undefined then). */
export async function rateItem(
  db: Db,
  id: string,
  rating: Pick<NewItem, 'rating' | 'ratingComment' | 'ratedAt'>,
): Promise<ItemRow | undefined> {
  const [row] = await db
    .update(feedbackItems)
    .set(rating)
    .where(and(eq(feedbackItems.id, id), eq(feedbackItems.status, 'answered'), isNull(feedbackItems.rating)))
    .returning();
  return row;
}

/** The ward's items in the given statuses (at most `limit`): the earliest due first, or the latest answered. */
export function listItems(
  db: Db,
  wardCode: string,
  filter: { statuses: readonly Status[]; unitId?: string; limit: number },
) {
  return db
    .select()
    .from(feedbackItems)
    .where(
      and(
        eq(feedbackItems.wardCode, wardCode),
        inArray(feedbackItems.status, [...filter.statuses]),
        filter.unitId ? eq(feedbackItems.responsibleUnitId, filter.unitId) : undefined,
      ),
    )
    .orderBy(
      ...(filter.statuses.includes('answered')
        ? [desc(feedbackItems.answeredAt)]
        : [asc(feedbackItems.dueDate), asc(feedbackItems.receivedAt)]),
    )
    .limit(filter.limit);
}

/** Codes of the items merged into this one. */
export async function listMergedCodes(db: Db, id: string): Promise<string[]> {
  const rows = await db
    .select({ code: feedbackItems.code })
    .from(feedbackItems)
    .where(eq(feedbackItems.mergedIntoId, id))
    .orderBy(asc(feedbackItems.receivedAt));
  return rows.map((r) => r.code);
}

/**
 * Items of the ward whose text is like this one, ignoring case and diacritics (pg_trgm on f_unaccent, the
 * index of migrations), most similar first; merged items are left out.
 */
export function listSimilar(db: Db, item: Pick<ItemRow, 'id' | 'wardCode' | 'text'>, limit = 5) {
  const mine = sql`f_unaccent(lower(${item.text}))`;
  const theirs = sql`f_unaccent(lower(${feedbackItems.text}))`;
  const score = sql<number>`similarity(${theirs}, ${mine})`;
  return db
    .select({
      id: feedbackItems.id,
      code: feedbackItems.code,
      text: feedbackItems.text,
      category: feedbackItems.category,
      status: feedbackItems.status,
      receivedAt: feedbackItems.receivedAt,
      score,
    })
    .from(feedbackItems)
    .where(
      and(
        eq(feedbackItems.wardCode, item.wardCode),
        ne(feedbackItems.id, item.id),
        ne(feedbackItems.status, 'merged'),
        // `%` is pg_trgm's similarity ≥ pg_trgm.similarity_threshold (0.3 by default), served by the text index.
        sql`${theirs} % ${mine}`,
      ),
    )
    .orderBy(desc(score), asc(feedbackItems.receivedAt))
    .limit(limit);
}

/** Answers published on the portal, newest first; optionally only items received in [receivedFrom, receivedTo]. */
export function listPublished(
  db: Db,
  wardCode: string,
  page: { limit: number; offset?: number; receivedFrom?: Date; receivedTo?: Date },
) {
  return db
    .select()
    .from(feedbackItems)
    .where(
      and(
        eq(feedbackItems.wardCode, wardCode),
        isNotNull(feedbackItems.publishedAt),
        page.receivedFrom ? gte(feedbackItems.receivedAt, page.receivedFrom) : undefined,
        page.receivedTo ? lte(feedbackItems.receivedAt, page.receivedTo) : undefined,
      ),
    )
    .orderBy(desc(feedbackItems.publishedAt), desc(feedbackItems.code))
    .limit(page.limit)
    .offset(page.offset ?? 0);
}

/** Photos of an item without their bytes. */
export function listPhotos(db: Db, itemId: string) {
  return db
    .select({
      position: feedbackPhotos.position,
      mediaType: feedbackPhotos.mediaType,
      size: feedbackPhotos.size,
    })
    .from(feedbackPhotos)
    .where(eq(feedbackPhotos.itemId, itemId))
    .orderBy(asc(feedbackPhotos.position));
}

export async function findPhoto(db: Db, itemId: string, position: number): Promise<PhotoRow | undefined> {
  const [row] = await db
    .select()
    .from(feedbackPhotos)
    .where(and(eq(feedbackPhotos.itemId, itemId), eq(feedbackPhotos.position, position)));
  return row;
}

export async function listCorrections(
  db: Db,
): Promise<(RuleCorrection & { correctedByName: string; correctedAt: Date })[]> {
  const rows = await db.select().from(feedbackRuleCorrections);
  return rows.map((r) => ({
    ...r,
    key: r.key as RuleCorrection['key'],
    dayKind: r.dayKind as RuleCorrection['dayKind'],
  }));
}

export async function upsertCorrection(
  db: Db,
  correction: RuleCorrection & { correctedBy: string; correctedByName: string; correctedAt: Date },
): Promise<void> {
  const { key: _key, effectiveFrom: _from, ...changes } = correction;
  await db
    .insert(feedbackRuleCorrections)
    .values(correction)
    .onConflictDoUpdate({
      target: [feedbackRuleCorrections.key, feedbackRuleCorrections.effectiveFrom],
      set: changes,
    });
}

/** Items answered, and answered on or before their due date (Vietnam local day), per kind. */
export function answerRates(db: Db, wardCode: string) {
  const answeredOn = sql`((${feedbackItems.answeredAt} AT TIME ZONE 'UTC') + interval '7 hours')::date`;
  return db
    .select({
      kind: feedbackItems.kind,
      answered: sql<number>`count(*)::int`,
      onTime: sql<number>`(count(*) FILTER (WHERE ${answeredOn} <= ${feedbackItems.dueDate}))::int`,
    })
    .from(feedbackItems)
    .where(and(eq(feedbackItems.wardCode, wardCode), isNotNull(feedbackItems.answeredAt)))
    .groupBy(feedbackItems.kind)
    .orderBy(asc(feedbackItems.kind));
}

/** The ward's items with these codes (the records another module holds the codes of). */
export function listByCodes(db: Db, wardCode: string, codes: readonly string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(feedbackItems)
    .where(and(eq(feedbackItems.wardCode, wardCode), inArray(feedbackItems.code, [...codes])))
    .orderBy(asc(feedbackItems.receivedAt));
}
