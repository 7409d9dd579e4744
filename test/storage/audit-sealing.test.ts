import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/platform/audit/schema';
import { sealAudit, sealBatch } from '../../src/platform/audit/sealer';
import { recordAudit, SYSTEM_CONTEXT, verifyChain } from '../../src/platform/audit/store';
import { openDatabase, type Database } from '../../src/platform/db/connect';
import { runSeeds } from '../../src/seed';
import { openTestDatabase, TEST_DATABASE_KIND, type TestDatabase } from '../support/db';

// Records are written unsealed in their change's transaction; the sealer chains them after the commit, one
// sealer at a time (src/platform/audit/sealer.ts). The audit trail of requests: test/api/audit.test.ts.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** How the records sit in the chain: every one sealed once means positions 1…records, none left unsealed. */
async function chainShape(database: Database) {
  const [shape] = await database.sql.query(
    `SELECT count(*)::int AS records, count(DISTINCT chain_position)::int AS positions,
            min(chain_position)::int AS first, max(chain_position)::int AS last,
            count(*) FILTER (WHERE chain_position IS NULL)::int AS unsealed
     FROM audit_log`,
  );
  return shape;
}

describe(`sealing the chain (${TEST_DATABASE_KIND})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it('records written at once, sealed while they are written, are all chained exactly once', async () => {
    const writes = Array.from({ length: 80 }, (_, n) =>
      database.db.transaction((tx) =>
        recordAudit(tx, SYSTEM_CONTEXT, { action: 'test.concurrent', targetType: 'test', summary: { n } }),
      ),
    );
    const seals = Array.from({ length: 8 }, () => sealAudit(database.db, 7));
    await Promise.all([...writes, ...seals]);
    await sealAudit(database.db);
    expect(await chainShape(database)).toEqual({
      records: 80,
      positions: 80,
      first: 1,
      last: 80,
      unsealed: 0,
    });
    expect(await verifyChain(database.db)).toEqual({ checked: 80, firstBreak: null });
    // Sealing again changes nothing: a record is sealed once.
    const hashes = await database.sql.query('SELECT id, chain_position, hash FROM audit_log ORDER BY id');
    expect(await sealAudit(database.db)).toBe(0);
    expect(await database.sql.query('SELECT id, chain_position, hash FROM audit_log ORDER BY id')).toEqual(
      hashes,
    );
  });

  it('a record left unsealed for minutes is reported (sealing is not running)', async () => {
    const [stale] = await database.sql.query<{ id: number }>(
      `INSERT INTO audit_log (at, action, target_type, summary)
       VALUES (now() - interval '6 minutes', 'test.stale', 'test', '{}') RETURNING id::int`,
    );
    expect(await verifyChain(database.db)).toEqual({
      checked: 80,
      firstBreak: { id: stale?.id, reason: 'unsealed' },
    });
    await sealAudit(database.db);
    expect(await verifyChain(database.db)).toEqual({ checked: 81, firstBreak: null });
  });

  it('a sealed record cannot lose only part of its seal', async () => {
    await expect(
      database.sql.query('UPDATE audit_log SET hash = NULL WHERE chain_position = 1'),
    ).rejects.toThrow(/audit_log_sealed_whole/);
  });
});

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function runVerifyCli(env: Record<string, string>): Promise<CliResult> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['tsx', 'src/platform/audit/verify-cli.ts'],
      { cwd: ROOT, env: childEnv, timeout: 50_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('npm run audit:verify (the real command)', () => {
  // PGlite: a data folder the command opens once we closed it. PostgreSQL: this test's own database.
  let tempDir = '';
  let testDatabase: TestDatabase | undefined;
  afterAll(async () => {
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
    await testDatabase?.close();
  });

  async function open(): Promise<{ database: Database; env: Record<string, string> }> {
    if (TEST_DATABASE_KIND === 'postgresql') {
      testDatabase ??= await openTestDatabase();
      return { database: testDatabase, env: { DATABASE_URL: testDatabase.url ?? '' } };
    }
    tempDir ||= fs.mkdtempSync(path.join(os.tmpdir(), 'cqtt-audit-'));
    const dataDir = path.join(tempDir, 'data');
    return { database: await openDatabase({ dataDir }), env: { DATA_DIR: dataDir } };
  }

  /** PGlite's folder must be released for the command; the PostgreSQL database stays open until afterAll. */
  async function release(database: Database) {
    if (database.kind === 'pglite') await database.close();
  }

  it(`exits 0 on an intact chain and 2 naming the altered record (${TEST_DATABASE_KIND})`, async () => {
    const { database, env } = await open();
    await runSeeds(database, { demo: true });
    for (const action of ['system.started', 'calendar.adjustment_saved', 'system.stopped']) {
      await database.db.transaction((tx) =>
        recordAudit(tx, SYSTEM_CONTEXT, { action, targetType: 'system', summary: { note: 'Kiểm thử' } }),
      );
    }
    const rows = await database.db.select({ id: auditLog.id }).from(auditLog).orderBy(asc(auditLog.id));
    expect(rows).toHaveLength(3);
    const tampered = rows[1]?.id ?? 0;
    await release(database);

    const intact = await runVerifyCli(env);
    expect(intact.stderr).toBe('');
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain('Nhật ký hệ thống toàn vẹn: 3 bản ghi.');
    expect(intact.stdout).toContain('Audit chain intact: 3 records.');

    const again = (await open()).database;
    await again.sql.query('UPDATE audit_log SET summary = \'{"x":1}\' WHERE id = $1', [tampered]);
    await release(again);

    const broken = await runVerifyCli(env);
    expect(broken.code).toBe(2);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toContain(
      `Nhật ký hệ thống KHÔNG toàn vẹn: bản ghi #${tampered} (nội dung bị sửa)`,
    );
    expect(broken.stderr).toContain(
      `Audit chain BROKEN at record #${tampered} (hash_mismatch); 1 earlier records verified.`,
    );
  });

  it.runIf(TEST_DATABASE_KIND === 'postgresql')(
    'two processes sealing at once take turns: every record chained once, in one valid chain',
    async () => {
      const database = await openTestDatabase();
      try {
        // Ids come from a sequence and do not commit in order: 1200 records with ids 1001… commit first…
        await database.sql.query(
          `INSERT INTO audit_log (id, at, action, target_type, summary)
           SELECT 1000 + n, now(), 'test.bulk', 'test', jsonb_build_object('n', n) FROM generate_series(1, 1200) AS n`,
        );
        const waitingSealers = async () => {
          const [row] = await database.sql.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_locks
             WHERE locktype = 'advisory' AND NOT granted
               AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
          );
          return row?.n ?? 0;
        };
        // …then this process writes 50 with ids 1…50, seals a first batch (those and ids 1001…1050) and keeps the
        // chain's lock until both commands wait for it: what they chain must start from what it committed.
        const commands = await database.db.transaction(async (tx) => {
          for (let n = 0; n < 50; n++)
            await recordAudit(tx, SYSTEM_CONTEXT, {
              action: 'test.late',
              targetType: 'test',
              summary: { n },
            });
          expect(await sealBatch(tx, 100)).toBe(100);
          const started = [
            runVerifyCli({ DATABASE_URL: database.url ?? '' }),
            runVerifyCli({ DATABASE_URL: database.url ?? '' }),
          ];
          const deadline = Date.now() + 40_000;
          while ((await waitingSealers()) < 2) {
            if (Date.now() > deadline) throw new Error('the two commands never waited for the lock together');
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
          return started;
        });
        const results = await Promise.all(commands);
        expect(results.map((r) => [r.code, r.stderr])).toEqual([
          [0, ''],
          [0, ''],
        ]);
        expect(await chainShape(database)).toEqual({
          records: 1250,
          positions: 1250,
          first: 1,
          last: 1250,
          unsealed: 0,
        });
        expect(await verifyChain(database.db)).toEqual({ checked: 1250, firstBreak: null });
      } finally {
        await database.close();
      }
    },
  );
});
