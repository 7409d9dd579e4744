import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../src/platform/db/connect';
import { ReadCache } from '../../src/platform/db/read-cache';

const MAX_AGE_MS = 30_000;

/** A table of one row per key, as the database has it: `committed` changes it; `reads` counts the reads. */
function table() {
  const rows = new Map<string, number>([['a', 1]]);
  let reads = 0;
  return {
    read: (key: string) => async () => (reads++, rows.get(key)),
    commit: (key: string, version: number) => rows.set(key, version),
    reads: () => reads,
  };
}

describe('kept reads (ReadCache)', () => {
  afterEach(() => vi.useRealTimers());
  const db = {} as Db;

  it('keeps a row for maxAgeMs, then reads it again (another process may have changed it)', async () => {
    vi.useFakeTimers();
    const rows = table();
    const cache = new ReadCache<number>(MAX_AGE_MS);
    expect(await cache.get(db, 'a', rows.read('a'))).toBe(1);
    rows.commit('a', 2); // by another process
    vi.advanceTimersByTime(MAX_AGE_MS);
    expect(await cache.get(db, 'a', rows.read('a'))).toBe(1);
    expect(rows.reads()).toBe(1);
    vi.advanceTimersByTime(1);
    expect(await cache.get(db, 'a', rows.read('a'))).toBe(2);
    expect(rows.reads()).toBe(2);
  });

  it('a change by this process: the old row is not kept while it commits, the new one is seen at once', async () => {
    const rows = table();
    const cache = new ReadCache<number>(MAX_AGE_MS);
    await cache.get(db, 'a', rows.read('a'));
    cache.changing('a', (version) => (version ?? 0) >= 2);
    // Read between the change and its commit: the old row, answered but not kept.
    expect(await cache.get(db, 'a', rows.read('a'))).toBe(1);
    rows.commit('a', 2);
    expect(await cache.get(db, 'a', rows.read('a'))).toBe(2);
    expect(await cache.get(db, 'a', rows.read('a'))).toBe(2);
    expect(rows.reads()).toBe(3);
  });

  it('a change that rolled back lapses after maxAgeMs; not found is never kept', async () => {
    vi.useFakeTimers();
    const rows = table();
    const cache = new ReadCache<number>(MAX_AGE_MS);
    cache.changing('a', (version) => (version ?? 0) >= 2);
    await cache.get(db, 'a', rows.read('a'));
    await cache.get(db, 'a', rows.read('a'));
    expect(rows.reads()).toBe(2);
    vi.advanceTimersByTime(MAX_AGE_MS + 1);
    await cache.get(db, 'a', rows.read('a'));
    await cache.get(db, 'a', rows.read('a'));
    expect(rows.reads()).toBe(3);
    expect(await cache.get(db, 'b', rows.read('b'))).toBeUndefined();
    expect(await cache.get(db, 'b', rows.read('b'))).toBeUndefined();
    expect(rows.reads()).toBe(5);
  });
});
