/** What other modules may ask of the queue (they never read its tables). */
import type { Db } from '../../platform/db/connect';
import { counterLabel } from './rules';
import { findCounter } from './store';

export interface WardCounter {
  id: string;
  wardCode: string;
  /** 'Quầy số 1 – Tư pháp – Hộ tịch' */
  label: string;
}

/** An active counter of the ward's one-stop centre; undefined when it does not exist or is closed. */
export async function findActiveCounter(db: Db, id: string): Promise<WardCounter | undefined> {
  const row = await findCounter(db, id);
  if (!row?.active) return undefined;
  return { id: row.id, wardCode: row.wardCode, label: counterLabel(row) };
}
