import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { QueryResult } from 'pg';
import * as schema from './schema';
import { lockDataDir } from './lock';
import { PGLITE_OPTIONS } from './pglite-options.mjs';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'pglite' | 'postgresql';

/** Raw SQL for the few places Drizzle does not reach (pg-boss, tests, the audit verifier). */
export interface SqlClient {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Several statements in one call (no parameters): the rows of every statement, in order. */
  exec<T = Record<string, unknown>>(text: string): Promise<T[]>;
}

export interface Database {
  kind: DatabaseKind;
  db: Db;
  sql: SqlClient;
  /** The connection string, on PostgreSQL (pg-boss opens its own small pool with it). */
  url?: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… for a real server; absent for embedded PGlite. */
  url?: string;
  /** PGlite data folder; absent with no url means in memory (tests). */
  dataDir?: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const migrationsFolder = path.resolve(here, '../../../migrations');

/** A new data folder is made by a child process, so the server does not keep initdb's memory. */
async function createDataDirIfNew(dataDir: string): Promise<void> {
  if (fs.existsSync(path.join(dataDir, 'PG_VERSION'))) return;
  await promisify(execFile)(process.execPath, [path.join(here, 'create-pglite.mjs'), dataDir]);
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  const release = dataDir ? lockDataDir(dataDir) : () => {};
  try {
    if (dataDir) await createDataDirIfNew(dataDir);
    const client = await PGlite.create(dataDir ?? 'memory://', PGLITE_OPTIONS);
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    await migratePglite(db as never, { migrationsFolder });
    return {
      kind: 'pglite',
      db,
      sql: {
        query: async (text, params) => (await client.query(text, params)).rows as never,
        exec: async (text) => (await client.exec(text)).flatMap((result) => result.rows) as never,
      },
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

async function openPostgres(url: string): Promise<Database> {
  // Loaded here: on PGlite, pg and its Drizzle driver would only add about 100 ms to the start.
  const [{ default: pg }, { drizzle: drizzlePg }, { migrate: migratePg }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
    import('drizzle-orm/node-postgres/migrator'),
  ]);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server drops (restart, administrator) must not take the process down: the pool
  // discards it and opens a new one on the next query.
  pool.on('error', (error) => console.error(`PostgreSQL: kết nối nhàn rỗi bị đóng (${error.message})`));
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  await migratePg(db as never, { migrationsFolder });
  return {
    kind: 'postgresql',
    db,
    url,
    sql: {
      query: async (text, params) => (await pool.query(text, params)).rows,
      exec: async (text) => {
        // With several statements, pg answers one result per statement.
        const results: QueryResult | QueryResult[] = await pool.query(text);
        return (Array.isArray(results) ? results : [results]).flatMap((result) => result.rows);
      },
    },
    close: () => pool.end(),
  };
}

export function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.url ? openPostgres(options.url) : openPglite(options.dataDir);
}
