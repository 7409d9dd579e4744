import type { Db } from '../db/connect';
import type { JobsLog } from '../jobs/runner';
import type { ChannelAdapters } from './adapters';
import { afterFailure, scrubError, type Channel } from './rules';
import { claimDue, failAbandoned, recordFailure, recordSent, type OutboxMessage } from './store';

export interface DeliveryReport {
  sent: number;
  /** Failed this time, to be tried again later. */
  retrying: number;
  /** Failed for good: staff see them and may send them again. */
  failed: number;
}

const BATCH = 20;

const silent: JobsLog = { debug: () => {}, error: () => {} };

async function deliverOne(
  db: Db,
  adapters: ChannelAdapters,
  message: OutboxMessage,
  now: Date,
  log: JobsLog,
): Promise<keyof DeliveryReport | null> {
  const channel = message.channel as Channel;
  // Logs name the message, never its recipient.
  const about = { messageId: message.id, channel, attempt: message.attempts };
  let providerId: string;
  try {
    ({ providerId } = await adapters[channel].send(message));
  } catch (error) {
    const text = scrubError(
      error instanceof Error ? error.message : String(error),
      channel,
      message.recipient,
    );
    const outcome = afterFailure(message.attempts, now);
    log.error({ ...about, error: text, outcome: outcome.status }, 'channels: send failed');
    const recorded = await recordFailure(db, message, outcome, text);
    return recorded ? (outcome.status === 'failed' ? 'failed' : 'retrying') : null;
  }
  // A database error here leaves the message 'sending': its lease ends and it is sent again, which the
  // adapters turn into no second delivery.
  const recorded = await recordSent(db, message, providerId, now);
  log.debug(about, 'channels: sent');
  return recorded ? 'sent' : null;
}

/**
 * Delivers every message due at `now`, a batch at a time, through the adapter of its channel: marks it sent,
 * or schedules its retry, or after the last attempt marks it failed. Messages whose worker died during the
 * last attempt are marked failed first. Safe to run in several processes at once (see claimDue).
 */
export async function deliverDue(
  db: Db,
  adapters: ChannelAdapters,
  now: Date,
  log: JobsLog = silent,
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  for (const abandoned of await failAbandoned(db, now)) {
    log.error({ messageId: abandoned.id }, 'channels: last attempt interrupted, message failed');
    report.failed++;
  }
  for (;;) {
    const batch = await claimDue(db, now, BATCH);
    for (const message of batch) {
      const outcome = await deliverOne(db, adapters, message, now, log);
      if (outcome) report[outcome]++;
    }
    // Claimed messages are leased or rescheduled past `now`: a batch is never claimed twice.
    if (batch.length < BATCH) return report;
  }
}
