import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect';
import { ReadCache } from '../../platform/db/read-cache';
import { sameDaySchedules } from './schema';

export type SameDayScheduleRow = typeof sameDaySchedules.$inferSelect;

/** Each ward's decisions (every intake asks); another process's change is seen within 30 s. */
const schedulesByWard = new ReadCache<SameDayScheduleRow[]>(30_000);

/** A ward's "không hẹn, không chờ" decisions, oldest first (shared: read them, never change them). */
export async function listSameDaySchedules(db: Db, wardCode: string): Promise<SameDayScheduleRow[]> {
  const read = () =>
    db
      .select()
      .from(sameDaySchedules)
      .where(eq(sameDaySchedules.wardCode, wardCode))
      .orderBy(asc(sameDaySchedules.effectiveFrom));
  return (await schedulesByWard.get(db, wardCode, read)) ?? [];
}

/** Records a decision; one taking effect on the same day as an earlier one replaces it (returned as `replaced`). */
export async function saveSameDaySchedule(db: Db, values: Omit<typeof sameDaySchedules.$inferInsert, 'id'>) {
  const where = and(
    eq(sameDaySchedules.wardCode, values.wardCode),
    eq(sameDaySchedules.effectiveFrom, values.effectiveFrom),
  );
  const [replaced] = await db.select().from(sameDaySchedules).where(where).for('update');
  if (replaced) await db.delete(sameDaySchedules).where(where);
  const [saved] = await db.insert(sameDaySchedules).values(values).returning();
  if (!saved) throw new Error('same-day schedule not saved');
  schedulesByWard.changing(values.wardCode, (rows) => rows?.some((row) => row.id === saved.id) ?? false);
  return { saved, replaced: replaced ?? null };
}
