import type { Db } from './connect';

/**
 * Rows that many requests read and that rarely change (a procedure's current version, a ward with its office
 * hours), kept in memory per database for `maxAgeMs`: a change made by another process (a second server on the
 * same PostgreSQL) is seen within that time. A change made by this process calls `changing(key, isChanged)`
 * inside its transaction; from then on nothing is kept for the key until a read shows the change (committed), or
 * for `maxAgeMs` (rolled back): a read between the change and its commit still finds the old row. Not found is
 * not kept. A kept value is shared: read it, never change it.
 */
export class ReadCache<V> {
  private readonly kept = new WeakMap<Db, Map<string, { value: V; at: number }>>();
  private readonly changes = new Map<
    string,
    { isChanged: (value: V | undefined) => boolean; until: number }
  >();

  constructor(private readonly maxAgeMs: number) {}

  async get(db: Db, key: string, read: () => Promise<V | undefined>): Promise<V | undefined> {
    let kept = this.kept.get(db);
    if (!kept) this.kept.set(db, (kept = new Map()));
    const hit = kept.get(key);
    if (hit && Date.now() - hit.at <= this.maxAgeMs && this.settled(key, hit.value)) return hit.value;
    const at = Date.now();
    const value = await read();
    if (value !== undefined && this.settled(key, value)) kept.set(key, { value, at });
    else kept.delete(key);
    return value;
  }

  changing(key: string, isChanged: (value: V | undefined) => boolean): void {
    this.changes.set(key, { isChanged, until: Date.now() + this.maxAgeMs });
  }

  /** False while a change of the key by this process is pending and `value` does not show it. */
  private settled(key: string, value: V | undefined): boolean {
    const change = this.changes.get(key);
    if (!change) return true;
    if (!change.isChanged(value) && Date.now() <= change.until) return false;
    this.changes.delete(key);
    return true;
  }
}
