import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/connect';
import type { Adjustment, AdjustmentKind } from './rules';
import { calendarAdjustments } from './schema';

export async function listAdjustments(db: Db): Promise<Adjustment[]> {
  const rows = await db.select().from(calendarAdjustments).orderBy(asc(calendarAdjustments.date));
  return rows.map((r) => ({
    date: r.date,
    kind: r.kind as AdjustmentKind,
    reason: r.reason,
    legalBasis: r.legalBasis,
  }));
}

export async function upsertAdjustment(
  db: Db,
  adjustment: Adjustment,
  createdBy: string | null,
): Promise<void> {
  await db
    .insert(calendarAdjustments)
    .values({ ...adjustment, createdBy })
    .onConflictDoUpdate({
      target: calendarAdjustments.date,
      set: { kind: adjustment.kind, reason: adjustment.reason, legalBasis: adjustment.legalBasis, createdBy },
    });
}

export async function deleteAdjustment(db: Db, date: string): Promise<Adjustment | undefined> {
  const [row] = await db.delete(calendarAdjustments).where(eq(calendarAdjustments.date, date)).returning();
  return (
    row && {
      date: row.date,
      kind: row.kind as AdjustmentKind,
      reason: row.reason,
      legalBasis: row.legalBasis,
    }
  );
}
