import type { Db } from './connect';
import { seedRuns } from './seed-schema';

/** Runs `seed` in one transaction unless a seed of that name already ran. */
export async function seedOnce(db: Db, name: string, seed: (tx: Db) => Promise<void>): Promise<boolean> {
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(seedRuns)
      .values({ name })
      .onConflictDoNothing()
      .returning({ name: seedRuns.name });
    if (inserted.length === 0) return false;
    await seed(tx);
    return true;
  });
}
