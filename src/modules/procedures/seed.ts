import type { Db } from '../../platform/db/connect';
import { parseCatalogue } from './catalogue';
import seedCatalogue from './seed-procedures.json' with { type: 'json' };
import { saveProcedureVersion } from './store';

/** The 16 common ward procedures (vn-rules §9), as version 1 of a ward's catalogue. */
export async function seedProcedures(db: Db, wardCode: string): Promise<void> {
  const catalogue = parseCatalogue(seedCatalogue);
  for (const procedure of catalogue.procedures) {
    await saveProcedureVersion(db, wardCode, procedure, 'Danh mục ban đầu (vn-rules §9)', null);
  }
}
