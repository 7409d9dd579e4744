/**
 * Start-up benchmark: `npx tsx bench/startup.ts` (or `npm run bench:startup`).
 *
 * Starts the real server as `npm start` does (the `start` script of package.json) on a fresh temporary data
 * folder and a free port, and measures: the first start on the empty folder (migrations and seeds included) and
 * three later starts on the same folder, each until GET /api/v1/health answers; then, as the server runs by
 * default with its background jobs, how long until the health check reports them running (they start a few
 * seconds after the server listens), and the resident memory of the server process once they run and after
 * 400 requests. Every start ends with a clean SIGTERM stop (exit code 0). `JOBS=0` in the environment measures
 * the server without jobs. With DATABASE_URL set, the server runs on a fresh database created on that
 * PostgreSQL server (dropped at the end) instead of embedded PGlite.
 *
 * Memory: `npm start` runs node with `--max-semi-space-size=4` (a small young generation) and
 * `--v8-pool-size=1` (one V8 helper thread instead of four, enough for a 2-core ward server: 40–60 MB less
 * resident memory, the helper threads' malloc arenas keeping what PGlite's WebAssembly compilation used).
 * Exits non-zero when a target is missed; the temporary folder, database and processes are always removed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import packageJson from '../package.json' with { type: 'json' };
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** The node arguments of `npm start`, so the bench measures exactly what a user runs. */
const START_ARGS = packageJson.scripts.start.split(' ').slice(1);

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_FIRST_MS = 10_000;
const TARGET_LATER_MS = 3_000;
const TARGET_RSS_MB = 300;
const LATER_STARTS = 3;
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 15_000;

interface Server {
  child: ChildProcess;
  exited: Promise<number | null>;
  output: string[];
}

const children = new Set<ChildProcess>();
let dataDir = '';
let database: { adminUrl: string; name: string } | null = null;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

async function withAdminClient<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database on the PostgreSQL server named by DATABASE_URL: the "empty data folder" there. */
async function createDatabase(adminUrl: string): Promise<string> {
  const name = `bench_${randomBytes(6).toString('hex')}`;
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  database = { adminUrl, name };
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function startServer(env: NodeJS.ProcessEnv): Server {
  const child = spawn(process.execPath, START_ARGS, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      children.delete(child);
      resolve(code);
    }),
  );
  return { child, exited, output };
}

async function health(port: number): Promise<{ status: number; jobs?: string }> {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
  const body = (await response.json().catch(() => ({}))) as { jobs?: string };
  return { status: response.status, jobs: body.jobs };
}

/** Milliseconds from `since` until the health check reports the background jobs running (or off: `JOBS=0`). */
async function waitJobs(port: number, since: number): Promise<{ ms: number; jobs: string }> {
  while (performance.now() - since < START_TIMEOUT_MS) {
    const { jobs = 'unknown' } = await health(port);
    if (jobs === 'running' || jobs === 'off') return { ms: performance.now() - since, jobs };
    if (jobs !== 'waiting' && jobs !== 'starting') throw new Error(`background jobs: ${jobs}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`background jobs not running within ${START_TIMEOUT_MS / 1000} s`);
}

/** Milliseconds from `since` until GET /api/v1/health answers 200. */
async function waitHealthy(server: Server, port: number, since: number): Promise<number> {
  let exitCode: number | null | undefined;
  void server.exited.then((code) => (exitCode = code ?? -1));
  while (performance.now() - since < START_TIMEOUT_MS) {
    if (exitCode !== undefined) throw new Error(`the server exited (${exitCode}) before answering`);
    try {
      if ((await health(port)).status === 200) return performance.now() - since;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no healthy answer within ${START_TIMEOUT_MS / 1000} s`);
}

async function stopServer(server: Server): Promise<void> {
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  const code = await server.exited;
  clearTimeout(timer);
  if (code !== 0) throw new Error(`the server did not stop cleanly on SIGTERM (exit code ${code})`);
}

/** The process that listens: the pid in the data folder's lock when there is one, else the child itself. */
function serverPid(server: Server): number {
  const lock = path.join(dataDir, 'platform.lock');
  const locked = fs.existsSync(lock) ? Number(fs.readFileSync(lock, 'utf8')) : NaN;
  const pid = Number.isInteger(locked) && locked > 0 ? locked : server.child.pid;
  if (!pid) throw new Error('no server process id');
  return pid;
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
  if (!Number.isFinite(kb)) throw new Error(`no VmRSS for process ${pid}`);
  return kb / 1024;
}

async function load(port: number): Promise<void> {
  const base = `http://127.0.0.1:${port}/api/v1`;
  const urls = [
    ...Array.from({ length: 200 }, () => `${base}/health`),
    ...Array.from({ length: 200 }, (_, i) => {
      const day = String((i % 28) + 1).padStart(2, '0');
      const query = `receivedAt=2026-02-${day}T${String(7 + (i % 10)).padStart(2, '0')}:15:00%2B07:00`;
      return `${base}/calendar/due-date?${query}&${i % 2 ? 'calendarDays' : 'workingDays'}=${(i % 30) + 1}`;
    }),
  ];
  for (const url of urls) {
    const response = await fetch(url);
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${url} → ${response.status} ${body.slice(0, 200)}`);
  }
}

async function cleanUp(): Promise<void> {
  for (const child of children) child.kill('SIGKILL');
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  if (database) {
    const { adminUrl, name } = database;
    database = null;
    await withAdminClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
}

type Row = [measure: string, value: string, target: string, result: string];

function printTable(title: string, rows: Row[]): void {
  const header: Row = ['measure', 'value', 'target', 'result'];
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i]?.length ?? 0)));
  const line = (row: Row) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('   ');
  console.log(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('   ')}`);
  for (const row of rows) console.log(line(row));
}

async function main(): Promise<number> {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqtt-bench-'));
  const port = await freePort();
  const adminUrl = process.env.DATABASE_URL;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DATABASE_URL: adminUrl ? await createDatabase(adminUrl) : '',
  };
  const where = adminUrl
    ? `PostgreSQL (DATABASE_URL is set: a fresh database ${database?.name} on ${new URL(adminUrl).host})`
    : `embedded PGlite in ${dataDir}`;

  const rows: Row[] = [];
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  let failed = false;

  let jobsState = '';
  /** One start, until healthy (the measure) and then until the jobs run; leaves the server running. */
  async function measureStart(label: string, targetMs?: number): Promise<{ ms: number; server: Server }> {
    const since = performance.now();
    const server = startServer(env);
    const ms = await waitHealthy(server, port, since);
    const jobs = await waitJobs(port, since);
    jobsState = jobs.jobs;
    const [target, result] = targetMs ? [`< ${targetMs / 1000} s`, verdict(ms < targetMs)] : ['', ''];
    rows.push([label, seconds(ms), target, result]);
    if (jobs.jobs === 'running') rows.push(['  background jobs running', seconds(jobs.ms), '', '']);
    return { ms, server };
  }

  const firstStart = await measureStart('first start (empty data)', TARGET_FIRST_MS);
  await stopServer(firstStart.server);
  failed ||= firstStart.ms >= TARGET_FIRST_MS;

  const later: number[] = [];
  let rss: [number, number] = [0, 0];
  for (let run = 1; run <= LATER_STARTS; run++) {
    const { ms, server } = await measureStart(`later start #${run}`);
    later.push(ms);
    if (run === LATER_STARTS) {
      const pid = serverPid(server);
      const afterStart = rssMb(pid);
      await load(port);
      rss = [afterStart, rssMb(pid)];
    }
    await stopServer(server);
  }
  const median = [...later].sort((a, b) => a - b)[Math.floor(LATER_STARTS / 2)] ?? Infinity;
  failed ||= median >= TARGET_LATER_MS;
  rows.push([
    'later start (median of 3)',
    seconds(median),
    `< ${TARGET_LATER_MS / 1000} s`,
    verdict(median < TARGET_LATER_MS),
  ]);
  const [afterStart, afterLoad] = rss;
  for (const [label, mb] of [
    [jobsState === 'running' ? 'RSS once the jobs run' : 'RSS right after start', afterStart],
    ['RSS after 400 requests', afterLoad],
  ] as const) {
    failed ||= mb >= TARGET_RSS_MB;
    rows.push([label, `${mb.toFixed(0)} MB`, `< ${TARGET_RSS_MB} MB`, verdict(mb < TARGET_RSS_MB)]);
  }

  const jobs = jobsState === 'off' ? 'background jobs off (JOBS=0)' : 'background jobs on';
  printTable(
    `Start-up benchmark — ${where}, ${jobs}; Node ${process.version}, ${os.cpus().length} CPU`,
    rows,
  );
  console.log(
    '(400 requests: 200 × /api/v1/health, then 200 × /api/v1/calendar/due-date, one after another)',
  );
  console.log(failed ? '\nFAIL: a target was missed.' : '\nPASS: every target met.');
  return failed ? 1 : 0;
}

let exitCode = 1;
const interrupted = () => {
  console.error('Interrupted: stopping the server and removing the temporary data.');
  void cleanUp().finally(() => process.exit(130));
};
process.once('SIGINT', interrupted);
process.once('SIGTERM', interrupted);
try {
  exitCode = await main();
} catch (error) {
  console.error(`Start-up benchmark failed: ${(error as Error).message}`);
} finally {
  await cleanUp();
}
process.exit(exitCode);
