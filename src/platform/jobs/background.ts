/**
 * The server's background jobs: started a few seconds after the server listens, so that their start-up (loading
 * pg-boss, its statements on the embedded database's single connection) never delays the first answers, and
 * stopped before the database closes. `GET /api/v1/health` reports their state.
 */
import type { Jobs, JobsLog } from './runner';

/** off: not started (`JOBS=0`, tests); failed: the start failed, no job runs until the next start. */
export type JobsState = 'off' | 'waiting' | 'starting' | 'running' | 'failed' | 'stopped';

export interface BackgroundJobs {
  readonly state: JobsState;
  /** Calls `start` after `delayMs`; a failed start is logged, never thrown. */
  startAfter(delayMs: number, start: () => Promise<Jobs>, log: JobsLog): void;
  /** Cancels a start not yet begun, waits for one under way, stops the jobs; logs a failure, never throws. */
  stop(): Promise<void>;
}

export function backgroundJobs(): BackgroundJobs {
  let state: JobsState = 'off';
  let timer: NodeJS.Timeout | undefined;
  let starting: Promise<Jobs | undefined> | undefined;
  let log: JobsLog | undefined;

  return {
    get state() {
      return state;
    },
    startAfter(delayMs, start, startLog) {
      if (state !== 'off') throw new Error('jobs: already started');
      log = startLog;
      state = 'waiting';
      timer = setTimeout(() => {
        state = 'starting';
        starting = start().then(
          (jobs) => {
            state = 'running';
            return jobs;
          },
          (error: unknown) => {
            state = 'failed';
            startLog.error({ err: error }, 'jobs did not start: no lateness sweep, no reminders');
            return undefined;
          },
        );
      }, delayMs);
    },
    async stop() {
      clearTimeout(timer);
      if (state === 'waiting') state = 'stopped';
      const jobs = await starting;
      if (!jobs) return;
      try {
        await jobs.stop();
      } catch (error) {
        log?.error({ err: error }, 'jobs did not stop cleanly');
      } finally {
        state = 'stopped';
      }
    },
  };
}
