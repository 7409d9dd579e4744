/**
 * Intake benchmark: `DATABASE_URL=postgres://… npm run bench:intake`.
 *
 * On a fresh database on that PostgreSQL server (dropped at the end), builds the platform in this process and
 * measures with autocannon (-c 50, 5 s after a 1 s warm-up, loopback) counter intakes through
 * `POST /api/v1/dossiers` as `motcua`, each request with its own Idempotency-Key, so that each one takes a
 * dossier in (code, receipt, event, audit record). Anchor: a bare loop of single-row INSERTs on the same server,
 * 50 concurrent callers on a pool of 10 connections (the platform's pool size). Target: ≥ 500 dossiers/s.
 * dossiers/s counts the 201 answers within the run, checked against the database afterwards: as many new
 * dossiers, their codes of each day 1…n with no gap, and every audit record sealed into a chain that verifies.
 * A third row, for diagnosis only, runs one intake per statement in plain SQL (same callers, same pool): the day
 * counter's row lock held from each statement to its commit, the rate if every intake waited for its own commit.
 * The endpoint writes the intakes of a ward's day that arrive together with one statement (src/platform/db/
 * batch.ts), so it is not bound by that row; its audit records are sealed after the commit, off that lock.
 * Exits 1 when the target is missed, 2 without DATABASE_URL.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { sealAudit } from '../src/platform/audit/sealer';
import { verifyChain } from '../src/platform/audit/store';
import type { Database } from '../src/platform/db/connect';
import {
  createBenchDatabase,
  machine,
  ms,
  pct,
  perSecond,
  printTable,
  problemsOf,
  requireDatabaseUrl,
  runBench,
  runLoad,
  signIn,
  startPlatform,
  verdict,
  CONNECTIONS,
  DURATION_SECONDS,
  type Row,
} from './support';

const TARGET_PER_SECOND = 500;
/** The platform's own pool size (src/platform/db/connect.ts). */
const POOL_SIZE = 10;

const adminUrl = requireDatabaseUrl('bench:intake');

const INTAKE = JSON.stringify({
  procedureCode: '1.001022',
  applicant: {
    fullName: 'Nguyễn Thị Hằng',
    idNumber: '031095001234',
    phone: '0912345678',
    address: 'Số 5, Tổ dân phố số 1, phường Thành Đông',
  },
  documentsReceived: ['to-khai-nhan-cha-me-con', 'chung-cu-quan-he-cha-me-con'],
  channel: 'counter',
});

interface CallerLoop {
  perSecond: number;
  p50: number;
  count: number;
}

/** `concurrency` callers each running `step` one after another for `seconds`, on a pool like the platform's. */
async function callerLoop(
  url: string,
  seconds: number,
  concurrency: number,
  step: (pool: pg.Pool, n: number) => Promise<unknown>,
): Promise<CallerLoop> {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  try {
    const latencies: number[] = [];
    let n = 0;
    const start = performance.now();
    const end = start + seconds * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < end) {
          const t = performance.now();
          await step(pool, ++n);
          latencies.push(performance.now() - t);
        }
      }),
    );
    const elapsed = (performance.now() - start) / 1000;
    latencies.sort((a, b) => a - b);
    const p50 = Math.round(latencies[Math.floor(latencies.length / 2)] ?? 0);
    return { perSecond: latencies.length / elapsed, p50, count: latencies.length };
  } finally {
    await pool.end();
  }
}

const SCRATCH_TABLES = `
  CREATE TABLE bench_bare_insert (id bigserial PRIMARY KEY, code text NOT NULL, at timestamptz NOT NULL DEFAULT now());
  CREATE TABLE bench_counter (ward text, day date, last integer NOT NULL, PRIMARY KEY (ward, day));
  CREATE TABLE bench_dossier (id uuid PRIMARY KEY, code text UNIQUE NOT NULL, data jsonb NOT NULL);
  CREATE TABLE bench_event (id bigserial PRIMARY KEY, dossier_id uuid NOT NULL REFERENCES bench_dossier (id), data jsonb NOT NULL);
  CREATE TABLE bench_audit (id bigserial PRIMARY KEY, target text NOT NULL, summary jsonb NOT NULL);
`;

/** One autocommitted single-row INSERT: the anchor. */
const bareInsert = (pool: pg.Pool, n: number) =>
  pool.query('INSERT INTO bench_bare_insert (code) VALUES ($1)', [`bare-${n}`]);

/**
 * One intake's statement with nothing else (no HTTP, no Drizzle, no validation), alone in its transaction: the
 * day counter's row lock, the dossier, event and unsealed audit inserts, and the commit, which the lock waits for.
 */
const intakeStatementAlone = (pool: pg.Pool) =>
  pool.query(
    `WITH sequence AS (
       INSERT INTO bench_counter VALUES ('10507', current_date, 1)
       ON CONFLICT (ward, day) DO UPDATE SET last = bench_counter.last + 1 RETURNING last
     ), dossier AS (
       INSERT INTO bench_dossier (id, code, data)
       SELECT $1, '10507-' || to_char(current_date, 'YYMMDD') || '-' || last, $2 FROM sequence
       RETURNING code
     ), event AS (
       INSERT INTO bench_event (dossier_id, data) VALUES ($1, '{"action":"receive"}')
     ), audit AS (
       INSERT INTO bench_audit (target, summary) VALUES ((SELECT code FROM dossier), '{"status":"received"}')
     )
     SELECT code FROM dossier`,
    [randomUUID(), INTAKE],
  );

/** What the run left in the database: the dossiers, their codes of each day, the audit chain once sealed. */
async function checkDatabase(database: Database) {
  const { sql } = database;
  const [codes] = await sql.query<{ days_with_gaps: number }>(
    `SELECT count(*)::int AS days_with_gaps FROM (
       SELECT receipt_day FROM dossiers GROUP BY receipt_day
       HAVING count(*) <> max(right(code, 4)::int) OR count(DISTINCT code) <> count(*)
     ) AS days`,
  );
  if (codes?.days_with_gaps) throw new Error('dossier codes of a day are not 1…n without gap');
  const [unsealed] = await sql.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM audit_log WHERE chain_position IS NULL',
  );
  await sealAudit(database.db);
  const chain = await verifyChain(database.db);
  if (chain.firstBreak) throw new Error(`audit chain broken: ${JSON.stringify(chain.firstBreak)}`);
  return { unsealedAtEnd: unsealed?.n ?? 0, chained: chain.checked };
}

await runBench(async (cleanUps) => {
  const database = await createBenchDatabase(adminUrl);
  cleanUps.push(database.drop);
  const platform = await startPlatform(database.url);
  cleanUps.push(() => platform.database.close());
  cleanUps.push(() => platform.app.close());
  const { sql } = platform.database;

  const staff = await signIn(platform.base, 'motcua');
  const load = {
    url: `${platform.base}/api/v1/dossiers`,
    method: 'POST' as const,
    headers: {
      'content-type': 'application/json',
      cookie: staff.cookie,
      'x-csrf-token': staff.csrfToken,
    },
    body: INTAKE,
  };
  const dossierCount = async () =>
    Number((await sql.query<{ n: string }>('SELECT count(*) AS n FROM dossiers'))[0]?.n ?? 0);

  // Warm-up (its dossiers are not counted), then the measured run.
  await runLoad({ ...load, seconds: 1, idempotencyKeyPrefix: 'bench-warm' });
  const before = await dossierCount();
  const intake = await runLoad({ ...load, idempotencyKeyPrefix: 'bench-run' });
  // Answered 201 within the run; the database count also holds the requests still in flight when it ended.
  const dossiersPerSecond = intake.ok / intake.seconds;
  const taken = (await dossierCount()) - before;
  if (taken < intake.ok)
    throw new Error(`${intake.ok} answers 201 but only ${taken} new dossiers in the database`);
  const audit = await checkDatabase(platform.database);

  await sql.query(SCRATCH_TABLES);
  await callerLoop(database.url, 1, CONNECTIONS, bareInsert);
  const bare = await callerLoop(database.url, DURATION_SECONDS, CONNECTIONS, bareInsert);
  await callerLoop(database.url, 1, CONNECTIONS, intakeStatementAlone);
  const alone = await callerLoop(database.url, DURATION_SECONDS, CONNECTIONS, intakeStatementAlone);

  const problem = problemsOf(intake);
  const ok = dossiersPerSecond >= TARGET_PER_SECOND && !problem;
  const rows: Row[] = [
    [
      `bare single-row INSERT (${CONNECTIONS} callers, pool ${POOL_SIZE})`,
      perSecond(bare.perSecond),
      ms(bare.p50),
      '100 %',
      '',
      '',
    ],
    [
      'one intake per statement (SQL, same lock)',
      perSecond(alone.perSecond),
      ms(alone.p50),
      pct(alone.perSecond / bare.perSecond),
      'info',
      '',
    ],
    [
      'POST /api/v1/dossiers (intake)',
      perSecond(dossiersPerSecond),
      ms(intake.p50),
      pct(dossiersPerSecond / bare.perSecond),
      `≥ ${TARGET_PER_SECOND}/s`,
      verdict(ok),
    ],
  ];
  printTable(
    `Intake benchmark — PostgreSQL (fresh database ${database.name} on ${database.host}); autocannon -c ${CONNECTIONS}, ${DURATION_SECONDS} s after a 1 s warm-up, loopback, a distinct Idempotency-Key per request; ${machine()}`,
    ['measure', 'rows/s', 'p50', 'vs bare', 'target', 'result'],
    rows,
  );
  console.log(
    `(intake: ${intake.ok} answers 201 of ${intake.total} in ${intake.seconds} s, ${taken} new dossiers in the database with the requests in flight at the end; p99 ${intake.p99} ms; bare: ${bare.count} rows)`,
  );
  console.log(
    `(audit: ${audit.chained} records in a chain that verifies; ${audit.unsealedAtEnd} were still unsealed when the run ended; dossier codes 1…n without gap)`,
  );
  if (problem) console.log(`note: intake run had ${problem}`);
  console.log(ok ? '\nPASS: every target met.' : '\nFAIL: a target was missed.');
  return ok ? 0 : 1;
});
