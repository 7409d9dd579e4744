import type { Database } from './platform/db/connect';
import { seedOnce } from './platform/db/seed-once';
import { OFFICIAL_ADJUSTMENTS_2025_2026 } from './platform/calendar/official-adjustments';
import { upsertAdjustment } from './platform/calendar/store';
import { seedDemoWards } from './platform/wards/demo-seed';
import { upsertReferenceData } from './platform/wards/reference-data';
import { listWardCodes } from './platform/wards/store';
import { seedDemoPaymentAccounts } from './modules/payments/seed';
import { seedDemoCounters } from './modules/queue/seed';
import { seedDemoReceptionSchedule } from './modules/reception/seed';
import { seedProcedures } from './modules/procedures/seed';

/**
 * Reference data at every start; the official calendar once; the demo wards, collecting account, queue counters
 * and reception schedule once, outside production only; each ward's starting procedure catalogue once.
 */
export async function runSeeds(database: Database, options: { demo: boolean }): Promise<void> {
  const { db } = database;
  await upsertReferenceData(db);
  await seedOnce(db, 'official-calendar-2025-2026', async (tx) => {
    for (const adjustment of OFFICIAL_ADJUSTMENTS_2025_2026) await upsertAdjustment(tx, adjustment, null);
  });
  if (options.demo) {
    await seedOnce(db, 'demo-wards', seedDemoWards);
    await seedOnce(db, 'demo-payment-accounts', seedDemoPaymentAccounts);
    await seedOnce(db, 'demo-queue-counters', seedDemoCounters);
    await seedOnce(db, 'demo-reception-schedule', seedDemoReceptionSchedule);
  }
  for (const wardCode of await listWardCodes(db)) {
    await seedOnce(db, `procedures-${wardCode}`, (tx) => seedProcedures(tx, wardCode));
  }
}
