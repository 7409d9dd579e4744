/** What other modules may ask of payments (they never read its tables). */
import type { Db } from '../../platform/db/connect';
import { ONLINE_METHODS } from './rules';
import { listPaidBetween } from './store';

export { recordCashPayment } from './cash';

export interface PaidFee {
  paidAt: Date;
  online: boolean;
}

/** The fees a ward's citizens paid through this module in [start, end), by dossier code. */
export async function paidFeesBetween(
  db: Db,
  wardCode: string,
  { start, end }: { start: Date; end: Date },
): Promise<Map<string, PaidFee[]>> {
  const byDossier = new Map<string, PaidFee[]>();
  for (const row of await listPaidBetween(db, wardCode, start, end)) {
    if (!row.paidAt) continue;
    const paid = byDossier.get(row.dossierCode) ?? [];
    paid.push({ paidAt: row.paidAt, online: ONLINE_METHODS.includes(row.method) });
    byDossier.set(row.dossierCode, paid);
  }
  return byDossier;
}
