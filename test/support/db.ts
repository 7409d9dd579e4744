import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/platform/db/connect';

/** Which database the storage suite runs on: PostgreSQL when DATABASE_URL is set, else in-memory PGlite. */
export const TEST_DATABASE_KIND = process.env.DATABASE_URL ? 'postgresql' : 'pglite';

export interface TestDatabase extends Database {
  /** On PostgreSQL, the URL of this test's own database (for a child process to open); absent on PGlite. */
  url?: string;
}

/**
 * A fresh, migrated, empty database for one test file: a new PostgreSQL database on the server named by
 * DATABASE_URL (dropped on close), or a new in-memory PGlite.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) return openDatabase({});
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const database = await openDatabase({ url: testUrl.toString() });
  return {
    ...database,
    url: testUrl.toString(),
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
