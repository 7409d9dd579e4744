/**
 * What the throughput benchmarks share (bench/tracking.ts, bench/intake.ts): a fresh PostgreSQL database on the
 * server named by DATABASE_URL (dropped at the end), the real platform built in this process and listening on
 * 127.0.0.1, a bare Fastify server beside it as the anchor, and autocannon run in a child process so the load
 * generator does not share the servers' event loop (it shares the machine's cores, as in STACK.md's anchors).
 * Every load is bounded in time and sent to loopback only.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { CalendarService } from '../src/platform/calendar/service';
import { systemClock } from '../src/platform/clock';
import { readConfig } from '../src/platform/config';
import { openDatabase, type Database } from '../src/platform/db/connect';
import { buildApp, type RoutePlugins } from '../src/platform/http/app';
import { DEMO_PASSWORD } from '../src/platform/wards/demo-data';
import { ROUTES } from '../src/routes';
import { runSeeds } from '../src/seed';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const HOST = '127.0.0.1';
export const CONNECTIONS = 50;
export const DURATION_SECONDS = 5;
const WARM_UP_SECONDS = 1;
/** Every rate limit × this: the benchmarks send far more than a person would (test/support/app.ts does the same). */
const RATE_LIMIT_FACTOR = 100_000;

/** The admin URL, or a message and exit code 2: the benchmarks measure PostgreSQL, not embedded PGlite. */
export function requireDatabaseUrl(script: string): string {
  const url = process.env.DATABASE_URL;
  if (url) return url;
  console.error(
    `${script} needs DATABASE_URL, the PostgreSQL server to measure on: it creates a fresh database there and ` +
      `drops it at the end (embedded PGlite is not what production runs).\n` +
      `  DATABASE_URL=postgres://postgres@127.0.0.1/postgres npm run ${script}`,
  );
  process.exit(2);
}

async function withAdmin<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export interface BenchDatabase {
  url: string;
  name: string;
  host: string;
  drop(): Promise<void>;
}

export async function createBenchDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `bench_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    name,
    host: url.host,
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

export interface Listening {
  app: FastifyInstance;
  base: string;
}

export interface Platform extends Listening {
  database: Database;
}

/**
 * The real platform, as `npm start` builds it (demo wards seeded), logger off and rate limits raised; `extraPages`
 * adds a benchmark's own probe routes beside the platform's pages, under the same plugins and hooks.
 */
export async function startPlatform(url: string, extraPages: RoutePlugins['pages'] = []): Promise<Platform> {
  const database = await openDatabase({ url });
  await runSeeds(database, { demo: true });
  const config = { ...readConfig({}), production: false, logLevel: 'warn' };
  const app = await buildApp(
    { database, config, calendar: new CalendarService(database.db), clock: systemClock },
    { ...ROUTES, pages: [...ROUTES.pages, ...extraPages] },
    { logger: false, rateLimitFactor: RATE_LIMIT_FACTOR },
  );
  const base = await app.listen({ host: HOST, port: 0 });
  return { app, database, base };
}

/** The anchor: Fastify 5 with one trivial route and nothing else, in this same process. */
export async function startBare(): Promise<Listening> {
  const app = Fastify({ logger: false });
  app.get('/bare', async () => ({ hello: 'world' }));
  const base = await app.listen({ host: HOST, port: 0 });
  return { app, base };
}

/** A signed-in staff session, as the browser holds it: the cookie and the CSRF token. */
export async function signIn(base: string, username: string): Promise<{ cookie: string; csrfToken: string }> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const body = (await response.json()) as { csrfToken?: string };
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('cqtt_session='));
  if (response.status !== 200 || !cookie || !body.csrfToken)
    throw new Error(`sign-in as ${username}: ${response.status} ${JSON.stringify(body)}`);
  return { cookie: cookie.split(';')[0] ?? '', csrfToken: body.csrfToken };
}

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  connections?: number;
  seconds?: number;
  /** Sets a distinct `Idempotency-Key: <prefix>-<n>` on every request. */
  idempotencyKeyPrefix?: string;
  /** Paths on the url's server taken in turn, one per request (many dossiers rather than one). */
  paths?: string[];
}

export interface LoadResult {
  requestsPerSecond: number;
  /** Responses with a 2xx status, per second of the run. */
  okPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  seconds: number;
}

/**
 * autocannon in a child process (its own event loop), printing its result as JSON. Written as plain CommonJS
 * so the child needs no TypeScript loader; the per-request hooks give each request its own Idempotency-Key and
 * its turn of the paths.
 */
const LOAD_CHILD = String.raw`
const autocannon = require('autocannon');
const options = JSON.parse(process.argv[1]);
const prefix = options.idempotencyKeyPrefix;
delete options.idempotencyKeyPrefix;
let n = 0;
if (prefix) {
  options.requests = [{
    setupRequest: (request) => ({
      ...request,
      headers: { ...request.headers, 'idempotency-key': prefix + '-' + (++n) },
    }),
  }];
}
const paths = options.paths;
delete options.paths;
let turn = 0;
if (paths) {
  const setup = options.requests ? options.requests[0].setupRequest : (request) => request;
  options.requests = [{ setupRequest: (request) => ({ ...setup(request), path: paths[turn++ % paths.length] }) }];
}
autocannon(options, (error, result) => {
  if (error) { console.error(String(error)); process.exit(1); }
  process.stdout.write(JSON.stringify({
    average: result.requests.average, total: result.requests.total,
    p50: result.latency.p50, p99: result.latency.p99,
    ok: result['2xx'], non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts,
    duration: result.duration,
  }));
});
`;

export function runLoad(options: LoadOptions): Promise<LoadResult> {
  const host = new URL(options.url).hostname;
  if (host !== HOST && host !== 'localhost') throw new Error(`load only on loopback, not ${host}`);
  const seconds = options.seconds ?? DURATION_SECONDS;
  const args = {
    url: options.url,
    method: options.method ?? 'GET',
    headers: options.headers ?? {},
    body: options.body,
    connections: options.connections ?? CONNECTIONS,
    duration: seconds,
    idempotencyKeyPrefix: options.idempotencyKeyPrefix,
    paths: options.paths,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', LOAD_CHILD, JSON.stringify(args)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    // Bounded: the run's own duration plus a margin, then the child is ended.
    const timer = setTimeout(() => child.kill('SIGKILL'), (seconds + 30) * 1000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`autocannon exited ${code}: ${err.slice(0, 500)}`));
      const r = JSON.parse(out) as {
        average: number;
        total: number;
        p50: number;
        p99: number;
        ok: number;
        non2xx: number;
        errors: number;
        timeouts: number;
        duration: number;
      };
      resolve({
        requestsPerSecond: r.average,
        okPerSecond: r.ok / r.duration,
        p50: r.p50,
        p99: r.p99,
        total: r.total,
        ok: r.ok,
        non2xx: r.non2xx,
        errors: r.errors,
        timeouts: r.timeouts,
        seconds: r.duration,
      });
    });
  });
}

/** A short run first, so the measured one sees a warmed-up JIT, pool and caches. */
export async function warmUpAndRun(options: LoadOptions): Promise<LoadResult> {
  await runLoad({ ...options, seconds: WARM_UP_SECONDS });
  return runLoad(options);
}

/** A run that got errors or non-2xx answers measured something else than the route: say so. */
export function problemsOf(result: LoadResult): string | null {
  const parts = [
    result.non2xx ? `${result.non2xx} non-2xx` : '',
    result.errors ? `${result.errors} errors` : '',
    result.timeouts ? `${result.timeouts} timeouts` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : null;
}

export type Row = readonly string[];

export function printTable(title: string, header: Row, rows: Row[]): void {
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i]?.length ?? 0)));
  const line = (row: Row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('   ')
      .trimEnd();
  console.log(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('   ')}`);
  for (const row of rows) console.log(line(row));
}

export const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
export const perSecond = (n: number) => `${Math.round(n).toLocaleString('en-US')}/s`;
export const ms = (n: number) => `${n} ms`;
export const pct = (n: number) => `${(n * 100).toFixed(0)} %`;

/** The machine, and its load when the run began (other work on the cores skews every figure). */
export const machine = () =>
  `Node ${process.version}, ${os.cpus().length} CPU, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;

/**
 * Runs a benchmark's main with clean-up on every path (servers closed, database dropped, also on Ctrl-C) and
 * exits with its code: 0 when every target is met, 1 on a missed target or an error, 2 without DATABASE_URL.
 */
export async function runBench(
  main: (cleanUps: (() => Promise<unknown>)[]) => Promise<number>,
): Promise<never> {
  const cleanUps: (() => Promise<unknown>)[] = [];
  const cleanUp = async () => {
    for (const step of cleanUps.splice(0).reverse()) await step().catch((e: unknown) => console.error(e));
  };
  const interrupted = () => {
    console.error('Interrupted: stopping the servers and dropping the benchmark database.');
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  let code = 1;
  try {
    code = await main(cleanUps);
  } catch (error) {
    console.error(`Benchmark failed: ${(error as Error).stack ?? String(error)}`);
  } finally {
    await cleanUp();
  }
  process.exit(code);
}
