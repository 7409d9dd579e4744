import type { Database } from './db/connect';
import { seedOnce } from './db/seed-once';
import { OFFICIAL_ADJUSTMENTS_2025_2026 } from './calendar/official-adjustments';
import { upsertAdjustment } from './calendar/store';
import { seedDemoWards } from './wards/demo-seed';
import { upsertReferenceData } from './wards/reference-data';

/** Reference data at every start; the official calendar once; the demo wards once, outside production only. */
export async function runSeeds(database: Database, options: { demo: boolean }): Promise<void> {
  const { db } = database;
  await upsertReferenceData(db);
  await seedOnce(db, 'official-calendar-2025-2026', async (tx) => {
    for (const adjustment of OFFICIAL_ADJUSTMENTS_2025_2026) await upsertAdjustment(tx, adjustment, null);
  });
  if (options.demo) await seedOnce(db, 'demo-wards', seedDemoWards);
}
