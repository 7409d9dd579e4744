/**
 * Intake benchmark: `DATABASE_URL=postgres://… npm run bench:intake`.
 *
 * On a fresh database on that PostgreSQL server (dropped at the end), builds the platform in this process and
 * measures with autocannon (-c 50, 5 s after a 1 s warm-up, loopback) counter intakes through
 * `POST /api/v1/dossiers` as `motcua`, each request with its own Idempotency-Key, so that each one takes a
 * dossier in (code, receipt, event, audit record). Anchor: a bare loop of single-row INSERTs on the same server,
 * 50 concurrent callers on a pool of 10 connections (the platform's pool size). Target: ≥ 500 dossiers/s.
 * dossiers/s counts the 201 answers within the run, checked against the new rows in the database.
 * A third row, for diagnosis only, runs the intake transaction's own statements and locks in plain SQL (same
 * callers, same pool): the ceiling that no tuning of the HTTP layer can pass.
 * Exits 1 when the target is missed, 2 without DATABASE_URL.
 */
import pg from 'pg';
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
  CREATE TABLE bench_dossier (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), code text UNIQUE NOT NULL, data jsonb NOT NULL);
  CREATE TABLE bench_event (id bigserial PRIMARY KEY, dossier_id uuid NOT NULL REFERENCES bench_dossier (id), data jsonb NOT NULL);
  CREATE TABLE bench_audit (id bigserial PRIMARY KEY, prev_hash text NOT NULL, hash text NOT NULL, summary jsonb NOT NULL);
`;

/** One autocommitted single-row INSERT: the anchor. */
const bareInsert = (pool: pg.Pool, n: number) =>
  pool.query('INSERT INTO bench_bare_insert (code) VALUES ($1)', [`bare-${n}`]);

/**
 * The intake transaction's statements and locks with nothing else (no HTTP, no Drizzle, no validation): the day
 * counter's row lock, the dossier and event inserts, the audit chain's advisory lock, the read of the last hash
 * and the audit insert, then COMMIT. Both locks are held until the commit is flushed: the ceiling of intake.
 */
async function intakeTransactionAlone(pool: pg.Pool, n: number): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const counter = await client.query<{ last: number }>(
      `INSERT INTO bench_counter VALUES ('10507', current_date, 1)
       ON CONFLICT (ward, day) DO UPDATE SET last = bench_counter.last + 1 RETURNING last`,
    );
    const code = `10507-${counter.rows[0]?.last ?? 0}-${n}`;
    const dossier = await client.query<{ id: string }>(
      'INSERT INTO bench_dossier (code, data) VALUES ($1, $2) RETURNING id',
      [code, INTAKE],
    );
    await client.query('INSERT INTO bench_event (dossier_id, data) VALUES ($1, $2)', [
      dossier.rows[0]?.id,
      '{"action":"receive"}',
    ]);
    await client.query('SELECT pg_advisory_xact_lock(4242)');
    const last = await client.query<{ hash: string }>(
      'SELECT hash FROM bench_audit ORDER BY id DESC LIMIT 1',
    );
    await client.query('INSERT INTO bench_audit (prev_hash, hash, summary) VALUES ($1, md5($2), $3)', [
      last.rows[0]?.hash ?? '0',
      code,
      '{"status":"received"}',
    ]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
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

  await sql.query(SCRATCH_TABLES);
  await callerLoop(database.url, 1, CONNECTIONS, bareInsert);
  const bare = await callerLoop(database.url, DURATION_SECONDS, CONNECTIONS, bareInsert);
  await callerLoop(database.url, 1, CONNECTIONS, intakeTransactionAlone);
  const alone = await callerLoop(database.url, DURATION_SECONDS, CONNECTIONS, intakeTransactionAlone);

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
      "intake's transaction alone (SQL, same locks)",
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
  if (problem) console.log(`note: intake run had ${problem}`);
  console.log(ok ? '\nPASS: every target met.' : '\nFAIL: a target was missed.');
  return ok ? 0 : 1;
});
