import { defineConfig } from 'vitest/config';

// unit: pure rules beside the code; storage: everything that touches a database (runs on PostgreSQL when
// DATABASE_URL is set, else on in-memory PGlite); browser: Debian's Chromium against a running server.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'storage',
          include: ['test/storage/**/*.test.ts', 'test/api/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
