/**
 * A value made on first use and kept, for libraries too heavy to load at server start (bench/startup.ts):
 * `const excel = lazy(() => import('exceljs'))` loads exceljs the first time `await excel()` runs, and every
 * later call shares that load. A failed attempt is not kept: the next call tries again.
 */
export function lazy<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () =>
    (made ??= make().catch((error: unknown) => {
      made = undefined;
      throw error;
    }));
}
