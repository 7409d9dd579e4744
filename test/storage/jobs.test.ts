import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backgroundJobs } from '../../src/platform/jobs/background';
import { startJobs, type Jobs, type JobsLog } from '../../src/platform/jobs/runner';
import { openTestDatabase, TEST_DATABASE_KIND, type TestDatabase } from '../support/db';

/** pg-boss on the test database (in-memory PGlite, or PostgreSQL when DATABASE_URL is set). */

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}
function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>(
      (_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: over ${ms} ms`)), ms)),
    ),
  ]).finally(() => clearTimeout(timer));
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe(`jobs on pg-boss (${TEST_DATABASE_KIND})`, () => {
  let database: TestDatabase;
  let jobs: Jobs | undefined;
  const errors: unknown[] = [];
  const log: JobsLog = { debug: () => {}, error: (details) => errors.push(details) };
  const echoed = deferred<unknown>();
  const ticked = deferred<number>();
  let ticks = 0;

  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await jobs?.stop();
    await database?.close();
  });

  it('starts on the test database and installs its schema there', async () => {
    const started = performance.now();
    jobs = await startJobs(database, {
      log,
      schedules: [
        {
          name: 'test-tick',
          cron: '* * * * *',
          pollingIntervalSeconds: 0.5,
          run: async () => {
            ticked.resolve(++ticks);
            return { ticks };
          },
        },
      ],
      workers: [
        {
          name: 'test-echo',
          pollingIntervalSeconds: 0.5,
          run: async (data) => {
            echoed.resolve(data);
            return { echoed: data };
          },
        },
        {
          name: 'test-broken',
          pollingIntervalSeconds: 0.5,
          run: async () => {
            throw new Error('broken on purpose');
          },
        },
      ],
      // Check the cron table every second instead of every 30 s, and run pg-boss's maintenance every second.
      timing: { cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1, maintenanceIntervalSeconds: 1 },
    });
    const ms = performance.now() - started;
    expect(ms).toBeLessThan(10_000);
    const queues = await database.sql.query<{ name: string }>('SELECT name FROM pgboss.queue ORDER BY name');
    expect(queues.map((q) => q.name)).toEqual(
      expect.arrayContaining(['test-broken', 'test-echo', 'test-tick', '__pgboss__send-it']),
    );
    expect((await jobs.boss.getSchedules()).map((s) => [s.name, s.cron])).toEqual([
      ['test-tick', '* * * * *'],
    ]);
  });

  it('runs a job that was sent, and records it completed with its output', async () => {
    if (!jobs) throw new Error('not started');
    const { boss } = jobs;
    const id = await boss.send('test-echo', { dossier: '10507-260310-0001', text: 'Hồ sơ quá hạn' });
    if (!id) throw new Error('job not created');
    expect(await within(echoed.promise, 15_000, 'sent job')).toEqual({
      dossier: '10507-260310-0001',
      text: 'Hồ sơ quá hạn',
    });
    const job = await until(
      () => boss.getJobById('test-echo', id),
      (j) => j?.state === 'completed',
      10_000,
    );
    expect(job).toMatchObject({
      state: 'completed',
      output: { echoed: { dossier: '10507-260310-0001', text: 'Hồ sơ quá hạn' } },
    });
  });

  it('runs a scheduled job from its cron', async () => {
    expect(await within(ticked.promise, 20_000, 'scheduled job')).toBe(1);
    const done = await until(
      () =>
        database.sql.query<{ state: string }>(
          `SELECT state::text FROM pgboss.job WHERE name = 'test-tick'
           UNION ALL SELECT state::text FROM pgboss.archive WHERE name = 'test-tick'`,
        ),
      (rows) => rows.some((r) => r.state === 'completed'),
      10_000,
    );
    expect(done.map((r) => r.state)).toContain('completed');
  });

  it('marks a job whose handler throws as failed, and logs it', async () => {
    if (!jobs) throw new Error('not started');
    const { boss } = jobs;
    const id = await boss.send('test-broken', {});
    if (!id) throw new Error('job not created');
    const job = await until(
      () => boss.getJobById('test-broken', id),
      (j) => j?.state === 'failed',
      15_000,
    );
    expect(job?.state).toBe('failed');
    expect(job?.retryCount).toBe(0); // no retry: a scheduled job runs again at its next time
    expect(errors).toEqual([expect.objectContaining({ queue: 'test-broken', id })]);
  });

  it("runs pg-boss's maintenance (expire, archive, drop) without error", async () => {
    const [version] = await until(
      () =>
        database.sql.query<{ maintained: boolean }>(
          'SELECT maintained_on IS NOT NULL AS maintained FROM pgboss.version',
        ),
      (rows) => rows[0]?.maintained === true,
      10_000,
    );
    expect(version?.maintained).toBe(true);
    expect(errors.filter((e) => !(e as { queue?: string }).queue)).toEqual([]);
  });

  it('stops cleanly: twice in a row, nothing logged, no statement afterwards, the database still open', async () => {
    if (!jobs) throw new Error('not started');
    const failedBefore = errors.length;
    const started = performance.now();
    await jobs.stop();
    await jobs.stop();
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(errors.length).toBe(failedBefore);
    await expect(jobs.boss.send('test-echo', {})).rejects.toThrow();
    expect(await database.sql.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    if (database.kind === 'postgresql') {
      // The pool is closed; the server ends those backends a moment later.
      const [left] = await until(
        () =>
          database.sql.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity
              WHERE datname = current_database() AND application_name = 'pgboss'`,
          ),
        (rows) => rows[0]?.n === 0,
        2_000,
      );
      expect(left?.n).toBe(0);
    }
  });

  it('starts again on the installed schema: updates a changed schedule, drops one no longer declared', async () => {
    const tick = { name: 'test-tick', cron: '0 * * * *', run: async () => null };
    const changed = await startJobs(database, { log, schedules: [tick] });
    try {
      expect((await changed.boss.getSchedules()).map((s) => [s.name, s.cron])).toEqual([
        ['test-tick', '0 * * * *'],
      ]);
    } finally {
      await changed.stop();
    }
    const without = await startJobs(database, {
      log,
      workers: [{ name: 'test-echo', run: async () => null }],
    });
    try {
      expect(await without.boss.getSchedules()).toEqual([]);
    } finally {
      await without.stop();
    }
    jobs = undefined;
  });

  it('marks a job still running when the stop times out as failed; its late end rejects nothing unhandled', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const started = deferred<void>();
    const release = deferred<void>();
    const ended = deferred<void>();
    const slow = await startJobs(database, {
      log,
      stopTimeoutMs: 300,
      workers: [
        {
          name: 'test-slow',
          pollingIntervalSeconds: 0.5,
          run: async () => {
            started.resolve();
            await release.promise;
            ended.resolve();
            return { late: true };
          },
        },
      ],
    });
    try {
      const id = await slow.boss.send('test-slow', {});
      if (!id) throw new Error('job not created');
      await within(started.promise, 15_000, 'slow job');
      const before = performance.now();
      await slow.stop();
      expect(performance.now() - before).toBeLessThan(5_000);
      const [row] = await database.sql.query<{ state: string }>(
        'SELECT state::text FROM pgboss.job WHERE id = $1',
        [id],
      );
      expect(row?.state).toBe('failed');
      // The handler ends after the stop: recording its outcome is refused, logged, and nothing else happens.
      release.resolve();
      await ended.promise;
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(unhandled).toEqual([]);
      expect(errors.at(-1)).toEqual(expect.objectContaining({ queue: 'test-slow' }));
    } finally {
      release.resolve();
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

describe(`background jobs of the server (${TEST_DATABASE_KIND})`, () => {
  let database: TestDatabase;
  const errors: unknown[] = [];
  const log: JobsLog = { debug: () => {}, error: (details) => errors.push(details) };
  const start = () => startJobs(database, { log, workers: [{ name: 'test-echo', run: async () => null }] });

  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('is off until asked to start, then waits for the delay; a stop before the start starts nothing', async () => {
    const background = backgroundJobs();
    expect(background.state).toBe('off');
    let calls = 0;
    background.startAfter(
      60_000,
      () => {
        calls++;
        return start();
      },
      log,
    );
    expect(background.state).toBe('waiting');
    await background.stop();
    expect(background.state).toBe('stopped');
    expect(calls).toBe(0);
    await background.stop();
    expect(background.state).toBe('stopped');
  });

  it('starts after the delay; a stop during the start waits for it, then stops the jobs', async () => {
    const background = backgroundJobs();
    const called = deferred<void>();
    let started: Jobs | undefined;
    background.startAfter(
      0,
      async () => {
        called.resolve();
        started = await start();
        return started;
      },
      log,
    );
    await called.promise;
    expect(background.state).toBe('starting');
    await background.stop();
    expect(background.state).toBe('stopped');
    if (!started) throw new Error('the jobs did not start');
    await expect(started.boss.send('test-echo', {})).rejects.toThrow();
    expect(errors).toEqual([]);
  });

  it('reports and logs a failed start without throwing', async () => {
    const background = backgroundJobs();
    background.startAfter(0, () => Promise.reject(new Error('database unreachable')), log);
    expect(
      await until(
        async () => background.state,
        (state) => state === 'failed',
        5_000,
      ),
    ).toBe('failed');
    expect(errors).toEqual([expect.objectContaining({ err: new Error('database unreachable') })]);
    await background.stop();
    expect(background.state).toBe('failed');
  });
});
