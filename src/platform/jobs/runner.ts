/**
 * Background jobs on pg-boss 10, on both databases the platform runs on.
 *
 * - PostgreSQL: pg-boss gets a small pool of its own, opened with the database's connection string, so job
 *   polling never waits behind HTTP requests for a connection.
 * - PGlite: one process, one connection. pg-boss talks to the same client through its `db` option
 *   (STACK.md gotcha 6): parameterised statements go to `query`, multi-statement scripts (its install and its
 *   locked maintenance commands) to `exec`. PGlite serialises the two with Drizzle's transactions, so never
 *   `send` a job from inside a `db.transaction` on PGlite: the transaction holds the only connection.
 *
 * Each queue is worked by a loop of this module (fetch, run, complete or fail, every step awaited) rather than by
 * `boss.work`, whose worker completes or fails a job without awaiting the statement: on a database that went
 * away, that rejection would be unhandled and end the process.
 *
 * pg-boss and pg are imported when the jobs start (after the server listens), not when the server module loads,
 * so they cost nothing to the first answer. Nothing here starts by itself: `src/main.ts` starts the jobs (see
 * `./background.ts`), and so do the tests that want them; the test platform never does.
 */
import type PgBoss from 'pg-boss';
import type { Pool, QueryResult } from 'pg';
import type { Database } from '../db/connect';

/** Cron expressions are read in the ward's time zone (UTC+7, no daylight saving). */
export const JOBS_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** pg-boss's tables live in their own schema, away from the platform's migrations. */
export const JOBS_SCHEMA = 'pgboss';

const QUEUE_NAME = /^[a-z][a-z0-9-]{0,62}$/;

/** A queue and the function that works its jobs (one job at a time). */
export interface JobWorker {
  /** Queue name: lower-case letters, digits and '-'. */
  name: string;
  run(data: unknown): Promise<unknown>;
  /** How often an idle queue is looked at; default 10 s (PGlite has one connection: poll sparingly). */
  pollingIntervalSeconds?: number;
  /** Retries of a failed job; default 0 (a scheduled job simply runs again at its next time). */
  retryLimit?: number;
}

/** A worker whose jobs are created by a cron schedule. */
export interface ScheduledJob extends JobWorker {
  /** Five-field cron expression in Vietnam time (JOBS_TIME_ZONE). */
  cron: string;
}

export interface JobsLog {
  debug(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface StartJobsOptions {
  schedules?: readonly ScheduledJob[];
  /** Queues fed by `boss.send` only. */
  workers?: readonly JobWorker[];
  log?: JobsLog;
  /** How long `stop()` lets a running job finish before marking it failed; default 10 s. */
  stopTimeoutMs?: number;
  /** pg-boss timing overrides (tests check the cron table every second instead of every 30 s). */
  timing?: Pick<
    PgBoss.ConstructorOptions,
    'cronMonitorIntervalSeconds' | 'cronWorkerIntervalSeconds' | 'maintenanceIntervalSeconds'
  >;
}

export interface Jobs {
  boss: PgBoss;
  /** Stops the queues and the schedules, lets running jobs and pg-boss's last statements finish. */
  stop(): Promise<void>;
}

/** pg-boss's loop that turns due cron schedules into jobs looks at its queue this often (its default: 5 s). */
const CRON_WORKER_INTERVAL_SECONDS = 10;
const POLLING_INTERVAL_SECONDS = 10;

const consoleLog: JobsLog = {
  debug: () => {},
  error: (details, message) => console.error(message, details),
};

/** Settles when every promise of the set has settled, including those added meanwhile (or after `ms`). */
async function settle(pending: Set<Promise<unknown>>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    // After the pending microtasks: a statement that pg-boss issues once another settles (it completes a cron
    // job right after inserting its jobs) joins the set before the set is found empty.
    await new Promise(setImmediate);
    if (pending.size === 0 || Date.now() >= deadline) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled(pending),
      new Promise((resolve) => (timer = setTimeout(resolve, Math.max(0, deadline - Date.now())))),
    ]);
    clearTimeout(timer);
  }
}

/** Adds a promise to a set until it settles; the set's copy never rejects. */
function track(pending: Set<Promise<unknown>>, promise: Promise<unknown>): void {
  const settled: Promise<unknown> = promise.then(
    () => pending.delete(settled),
    () => pending.delete(settled),
  );
  pending.add(settled);
}

interface SqlAdapter {
  db: PgBoss.Db;
  /** Waits for the statements under way, then refuses new ones and closes what the adapter opened. */
  close(timeoutMs: number): Promise<void>;
}

async function sqlAdapter(database: Database, log: JobsLog): Promise<SqlAdapter> {
  const inFlight = new Set<Promise<unknown>>();
  let closed = false;
  let pool: Pool | undefined;
  let run: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

  if (database.kind === 'pglite') {
    const { sql } = database;
    run = async (text, values) => ({
      rows: values?.length ? await sql.query(text, values) : await sql.exec(text),
    });
  } else {
    if (!database.url) throw new Error('startJobs: a PostgreSQL database without its connection string');
    const { default: pg } = await import('pg');
    const jobsPool = new pg.Pool({ connectionString: database.url, max: 4, application_name: 'pgboss' });
    // An idle connection dropped by the server must not take the process down.
    jobsPool.on('error', (error) => log.error({ err: error }, 'jobs: database connection lost'));
    pool = jobsPool;
    run = async (text, values) => {
      const results: QueryResult | QueryResult[] = await jobsPool.query(text, values);
      return Array.isArray(results) ? { rows: results.flatMap((r) => r.rows) } : results;
    };
  }

  return {
    db: {
      executeSql: (text, values) => {
        if (closed) return Promise.reject(new Error('jobs: stopped, no more statements'));
        const statement = run(text, values);
        track(inFlight, statement);
        return statement;
      },
    },
    close: async (timeoutMs) => {
      await settle(inFlight, timeoutMs);
      closed = true;
      await pool?.end();
    },
  };
}

interface QueueLoop {
  name: string;
  /** Settles when the loop has ended (never rejects). */
  done: Promise<void>;
  /** The id of the job being run, if any. */
  running(): string | undefined;
  /** Ends the loop after the job being run, or at once when it waits. */
  stop(): void;
}

/** Works one queue, one job at a time: looks again at once after a job, after the polling interval when idle. */
function workQueue(boss: PgBoss, job: JobWorker, log: JobsLog): QueueLoop {
  const intervalMs = (job.pollingIntervalSeconds ?? POLLING_INTERVAL_SECONDS) * 1000;
  let stopped = false;
  let running: string | undefined;
  let wake = () => {};

  /** Runs the next job of the queue and records its outcome; false when there was none. */
  async function workOne(): Promise<boolean> {
    const [next] = await boss.fetch(job.name);
    if (!next) return false;
    running = next.id;
    const started = performance.now();
    let outcome: { output: unknown } | { error: unknown };
    try {
      outcome = { output: await job.run(next.data) };
    } catch (error) {
      outcome = { error };
    } finally {
      running = undefined;
    }
    if ('error' in outcome) {
      log.error({ err: outcome.error, queue: job.name, id: next.id }, 'jobs: failed');
      await boss.fail(job.name, next.id, outcome.error as object);
    } else {
      const ms = Math.round(performance.now() - started);
      log.debug({ queue: job.name, id: next.id, ms, output: outcome.output }, 'jobs: done');
      // pg-boss stores null for no output and { value } for a value that is not an object.
      await boss.complete(job.name, next.id, outcome.output as object);
    }
    return true;
  }

  const done = (async () => {
    while (!stopped) {
      const worked = await workOne().catch((error: unknown) => {
        log.error({ err: error, queue: job.name }, 'jobs: could not record the outcome of a job');
        return false;
      });
      if (worked || stopped) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, intervalMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  })();

  return {
    name: job.name,
    done,
    running: () => running,
    stop: () => {
      stopped = true;
      wake();
    },
  };
}

/**
 * Starts pg-boss on `database` (installing or migrating its schema on first use), creates a queue for every job
 * and starts working it, and puts the cron schedules in its table. Schedules no longer in `schedules` are
 * removed, so a job deleted from the code stops being sent.
 */
export async function startJobs(database: Database, options: StartJobsOptions = {}): Promise<Jobs> {
  const log = options.log ?? consoleLog;
  const stopTimeoutMs = options.stopTimeoutMs ?? 10_000;
  const schedules = options.schedules ?? [];
  const all: JobWorker[] = [...schedules, ...(options.workers ?? [])];
  const names = new Set<string>();
  for (const job of all) {
    if (!QUEUE_NAME.test(job.name)) throw new Error(`jobs: invalid queue name "${job.name}"`);
    if (names.has(job.name)) throw new Error(`jobs: queue "${job.name}" declared twice`);
    names.add(job.name);
  }

  const { default: PgBossClass } = await import('pg-boss');
  const adapter = await sqlAdapter(database, log);
  const boss = new PgBossClass({
    db: adapter.db,
    schema: JOBS_SCHEMA,
    // A job a minute: keep the job table small, the archive a week (pg-boss's default).
    archiveCompletedAfterSeconds: 60 * 60,
    cronWorkerIntervalSeconds: CRON_WORKER_INTERVAL_SECONDS,
    ...options.timing,
  });
  // pg-boss reports its own failures (a poll, its maintenance) as 'error' events: an EventEmitter without a
  // listener would throw them and end the process.
  boss.on('error', (error) => log.error({ err: error }, 'jobs: pg-boss error'));

  const loops: QueueLoop[] = [];
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      try {
        const working = new Set<Promise<unknown>>();
        for (const loop of loops) {
          loop.stop();
          track(working, loop.done);
        }
        await settle(working, stopTimeoutMs);
        // A job still running is marked failed now: its queue takes one job at a time and would otherwise wait
        // for pg-boss to expire it (15 minutes).
        for (const loop of loops) {
          const id = loop.running();
          if (id) await boss.fail(loop.name, id, { message: 'stopped while running' });
        }
        await boss.stop({ graceful: true, timeout: stopTimeoutMs });
      } finally {
        await adapter.close(stopTimeoutMs);
      }
    })());

  try {
    await boss.start();
    // A later start finds its queues and schedules in place: read them once, write only what changed.
    const queues = new Set((await boss.getQueues()).map((q) => q.name));
    for (const job of all) {
      if (!queues.has(job.name)) {
        await boss.createQueue(job.name, {
          name: job.name,
          // At most one job waiting and one running: a slow run is never overtaken by the next one.
          policy: 'stately',
          retryLimit: job.retryLimit ?? 0,
        });
      }
    }
    const current = new Map<string, PgBoss.Schedule>();
    for (const existing of await boss.getSchedules()) current.set(existing.name, existing);
    for (const name of current.keys()) {
      if (!schedules.some((job) => job.name === name)) await boss.unschedule(name);
    }
    for (const job of schedules) {
      const existing = current.get(job.name) as (PgBoss.Schedule & { timezone?: string }) | undefined;
      if (existing?.cron !== job.cron || existing.timezone !== JOBS_TIME_ZONE) {
        await boss.schedule(job.name, job.cron, {}, { tz: JOBS_TIME_ZONE });
      }
    }
    for (const job of all) loops.push(workQueue(boss, job, log));
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
  return { boss, stop };
}
