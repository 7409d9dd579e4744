/**
 * The channels' adapters: one interface, one adapter per channel. Without a provider contract the SMS and Zalo
 * (ZNS) adapters are local: they write to `local_deliveries`, the inspectable outbox. E-mail goes through
 * nodemailer: to the SMTP server of `SMTP_URL` when set, else to .eml files under `<DATA_DIR>/mail`.
 *
 * Exactly once: the delivery worker may hand a message to its adapter again when a process died between the
 * send and the record of it. The local adapters keep one row (or one file) per message id; a provider adapter
 * passes the message id as the provider's idempotency or dedupe key (ZNS `tracking_id`, the SMS gateway's
 * request id); SMTP has no such key, so the Message-ID header is derived from the message id, which lets mail
 * clients drop a duplicate.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Config } from '../config';
import type { Db } from '../db/connect';
import { lazy } from '../lazy';
import type { Channel } from './rules';
import { localDeliveries } from './schema';
import type { OutboxMessage } from './store';

export type OutgoingMessage = Pick<
  OutboxMessage,
  'id' | 'channel' | 'recipient' | 'templateKey' | 'subject' | 'body' | 'referenceType' | 'referenceId'
>;

export interface ChannelAdapter {
  /** Resolves with the provider's id for the message; rejects when the provider refused or did not answer. */
  send(message: OutgoingMessage): Promise<{ providerId: string }>;
}

export type ChannelAdapters = Record<Channel, ChannelAdapter>;

/** SMS or Zalo on a machine without a provider: one `local_deliveries` row per message, never two. */
export function localAdapter(db: Db, channel: 'sms' | 'zalo'): ChannelAdapter {
  return {
    send: async (message) => {
      const [delivered] = await db
        .insert(localDeliveries)
        .values({ messageId: message.id, channel, recipient: message.recipient, body: message.body })
        .onConflictDoNothing({ target: localDeliveries.messageId })
        .returning({ id: localDeliveries.id });
      if (delivered) return { providerId: `local-${delivered.id}` };
      const [earlier] = await db
        .select({ id: localDeliveries.id })
        .from(localDeliveries)
        .where(eq(localDeliveries.messageId, message.id));
      if (!earlier) throw new Error('local delivery: neither written nor found');
      return { providerId: `local-${earlier.id}` };
    },
  };
}

export interface EmailOptions {
  /** 'Name <address>' of the sender. */
  from: string;
  /** smtp://user:pass@host:587 or smtps://…; absent: .eml files in `mailDir`. */
  smtpUrl?: string;
  mailDir: string;
}

/** Writes the message once: `<id>.eml` appears whole or not at all, and a second delivery finds it there. */
async function saveOnce(mailDir: string, id: string, content: Buffer): Promise<void> {
  await fs.mkdir(mailDir, { recursive: true });
  const partial = path.join(mailDir, `.${id}.${randomUUID()}.part`);
  await fs.writeFile(partial, content);
  try {
    await fs.link(partial, path.join(mailDir, `${id}.eml`));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await fs.rm(partial, { force: true });
  }
}

/** nodemailer is loaded by the first e-mail, not at server start. */
const nodemailer = lazy(() => import('nodemailer'));

export function emailAdapter(options: EmailOptions): ChannelAdapter {
  const domain = /@([^\s@>]+)>?\s*$/.exec(options.from)?.[1] ?? 'localhost';
  const mail = (message: OutgoingMessage) => ({
    from: options.from,
    to: message.recipient,
    subject: message.subject ?? '',
    text: message.body,
    messageId: `<${message.id}@${domain}>`,
  });
  if (options.smtpUrl) {
    const { smtpUrl } = options;
    // Timeouts well inside the worker's lease (SEND_LEASE_MS): a hung server fails the attempt instead.
    const smtp = lazy(async () =>
      (await nodemailer()).createTransport({
        url: smtpUrl,
        connectionTimeout: 30_000,
        greetingTimeout: 30_000,
        socketTimeout: 60_000,
      }),
    );
    return {
      send: async (message) => {
        const info = await (await smtp()).sendMail(mail(message));
        return { providerId: info.messageId };
      },
    };
  }
  const sink = lazy(async () =>
    (await nodemailer()).createTransport({ streamTransport: true, buffer: true, newline: 'unix' }),
  );
  return {
    send: async (message) => {
      const info = await (await sink()).sendMail(mail(message));
      if (!Buffer.isBuffer(info.message)) throw new Error('e-mail sink: the message was not buffered');
      await saveOnce(options.mailDir, message.id, info.message);
      return { providerId: info.messageId };
    },
  };
}

/** The adapters the configuration calls for. */
export function channelAdapters(
  db: Db,
  config: Pick<Config, 'dataDir' | 'smtpUrl' | 'mailFrom'>,
): ChannelAdapters {
  return {
    sms: localAdapter(db, 'sms'),
    zalo: localAdapter(db, 'zalo'),
    email: emailAdapter({
      from: config.mailFrom,
      smtpUrl: config.smtpUrl,
      mailDir: path.join(config.dataDir, 'mail'),
    }),
  };
}
