/**
 * Delivery of the outbox in the background: a pg-boss schedule every minute (retries, messages left by a
 * stopped server) and, in the process that committed new messages, an immediate run after the commit (the
 * "poke"), so a citizen hears of a change within seconds rather than a minute.
 *
 * `src/main.ts` creates one `Delivery` for the database, declares `channelJobs(delivery)` with the other
 * schedules, and stops it before closing the database. Business code calls `pokeDelivery(db)` after its
 * transaction commits.
 */
import type { Clock } from '../clock';
import type { Db } from '../db/connect';
import type { JobsLog, ScheduledJob } from '../jobs/runner';
import type { ChannelAdapters } from './adapters';
import { deliverDue, type DeliveryReport } from './delivery';

export const DELIVERY_QUEUE = 'channels-delivery';

export interface Delivery {
  /** Delivers what is due. One run at a time: a call during a run gets that run, followed by one more. */
  run(): Promise<DeliveryReport>;
  /** Starts a run without waiting for it (its errors are logged). */
  poke(): void;
  /** Waits for the run under way; later runs and pokes do nothing. */
  stop(): Promise<void>;
}

export interface DeliveryOptions {
  db: Db;
  adapters: ChannelAdapters;
  clock: Clock;
  log: JobsLog;
}

const NOTHING: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };

/** The delivery of each open database, found by `pokeDelivery` from the database handle business code has. */
const deliveries = new WeakMap<Db, Delivery>();

export function createDelivery({ db, adapters, clock, log }: DeliveryOptions): Delivery {
  let current: Promise<DeliveryReport> | null = null;
  let again = false;
  let stopped = false;

  async function loop(): Promise<DeliveryReport> {
    const total = { ...NOTHING };
    try {
      do {
        again = false;
        const report = await deliverDue(db, adapters, clock.now(), log);
        total.sent += report.sent;
        total.retrying += report.retrying;
        total.failed += report.failed;
      } while (again && !stopped);
      return total;
    } finally {
      current = null;
    }
  }

  const delivery: Delivery = {
    run: () => {
      if (stopped) return Promise.resolve({ ...NOTHING });
      if (current) {
        again = true;
        return current;
      }
      current = loop();
      return current;
    },
    poke: () => {
      delivery.run().catch((error: unknown) => log.error({ err: error }, 'channels: delivery run failed'));
    },
    stop: async () => {
      stopped = true;
      if (deliveries.get(db) === delivery) deliveries.delete(db);
      await current?.catch(() => {});
    },
  };
  deliveries.set(db, delivery);
  return delivery;
}

/**
 * Call after a transaction that enqueued messages has committed, with the database handle (not the
 * transaction's): delivers them now, in this process. Does nothing where no delivery runs (then the schedule,
 * wherever it runs, delivers them within a minute).
 */
export function pokeDelivery(db: Db): void {
  deliveries.get(db)?.poke();
}

/** The delivery schedule, for `startJobs`: every minute, in Vietnam time like the other schedules. */
export function channelJobs(delivery: Delivery): ScheduledJob[] {
  return [{ name: DELIVERY_QUEUE, cron: '* * * * *', run: () => delivery.run() }];
}
