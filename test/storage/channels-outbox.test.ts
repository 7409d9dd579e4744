import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  channelAdapters,
  emailAdapter,
  type ChannelAdapter,
  type ChannelAdapters,
} from '../../src/platform/channels/adapters';
import { deliverDue } from '../../src/platform/channels/delivery';
import { channelJobs, createDelivery, DELIVERY_QUEUE, pokeDelivery } from '../../src/platform/channels/jobs';
import { SEND_LEASE_MS } from '../../src/platform/channels/rules';
import { claimDue, enqueueMessage, type NewMessage } from '../../src/platform/channels/store';
import { manualClock } from '../../src/platform/clock';
import { openDatabase, type Database } from '../../src/platform/db/connect';
import type { JobsLog } from '../../src/platform/jobs/runner';
import { openTestDatabase, TEST_DATABASE_KIND, type TestDatabase } from '../support/db';

/** The outbox: enqueued in the business transaction, delivered after the commit, retried, never twice. */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const T0 = new Date('2026-03-10T03:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;
const PHONE = '0912345678';
const EMAIL = 'hang.nguyen@example.vn';

interface MessageRow {
  id: string;
  status: string;
  attempts: number;
  next_attempt_at: Date | null;
  last_error: string | null;
  sent_at: Date | null;
  provider_message_id: string | null;
}

const SMS: NewMessage = {
  wardCode: '10507',
  channel: 'sms',
  recipient: PHONE,
  templateKey: 'dossier.received',
  subject: 'Hồ sơ 10507-260310-0001 đã được tiếp nhận',
  body: 'UBND phuong Thanh Dong: Da tiep nhan ho so 10507-260310-0001, hen tra ket qua ngay 13/03/2026.',
  reference: { type: 'dossier', id: '10507-260310-0001' },
};

/** A log that keeps every line, to check what it holds. */
function recordingLog(): JobsLog & { lines: unknown[] } {
  const lines: unknown[] = [];
  return {
    lines,
    debug: (details, message) => lines.push({ details, message }),
    error: (details, message) => lines.push({ details, message }),
  };
}

describe(`channels outbox (${TEST_DATABASE_KIND})`, () => {
  let database: TestDatabase;
  let tempDir: string;
  let adapters: ChannelAdapters;

  const sql = <T>(text: string, params?: unknown[]) => database.sql.query<T>(text, params);
  const message = async (id: string) =>
    (await sql<MessageRow>('SELECT * FROM outbox_messages WHERE id = $1', [id]))[0];
  const deliveries = async (id: string) =>
    sql<{ id: string; body: string; recipient: string }>(
      'SELECT * FROM local_deliveries WHERE message_id = $1',
      [id],
    );
  const commit = (input: NewMessage, now = T0) =>
    database.db.transaction((tx) => enqueueMessage(tx, input, now));

  beforeAll(async () => {
    database = await openTestDatabase();
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqtt-outbox-'));
    adapters = channelAdapters(database.db, {
      dataDir: tempDir,
      mailFrom: 'Phường Thành Đông <khong-tra-loi@thanhdong.vn>',
    });
  });
  afterAll(async () => {
    await database?.close();
    fs.rmSync(tempDir, { recursive: true, force: true });
  });

  it('a message enqueued in a transaction that rolls back is never sent', async () => {
    let enqueued = '';
    await expect(
      database.db.transaction(async (tx) => {
        enqueued = await enqueueMessage(tx, SMS, T0);
        throw new Error('the business change failed');
      }),
    ).rejects.toThrow('the business change failed');
    expect(enqueued).toMatch(/^[0-9a-f-]{36}$/);
    expect(await deliverDue(database.db, adapters, at(MINUTE))).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await message(enqueued)).toBeUndefined();
    expect(await deliveries(enqueued)).toEqual([]);
  });

  it('a committed message waits for the worker, is delivered once, and only once', async () => {
    const id = await commit(SMS);
    expect(await message(id)).toMatchObject({ status: 'pending', attempts: 0, next_attempt_at: T0 });
    expect(await deliveries(id)).toEqual([]);

    expect(await deliverDue(database.db, adapters, at(1000))).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const [delivered] = await deliveries(id);
    expect(delivered).toMatchObject({ recipient: PHONE, body: SMS.body });
    expect(await message(id)).toMatchObject({
      status: 'sent',
      attempts: 1,
      next_attempt_at: null,
      last_error: null,
      sent_at: at(1000),
      provider_message_id: `local-${delivered?.id}`,
    });

    expect(await deliverDue(database.db, adapters, at(60 * MINUTE))).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });
    expect(await deliveries(id)).toHaveLength(1);
  });

  it('an adapter that fails three times: retried after 1 and 5 minutes, then failed with its error, logged without the recipient', async () => {
    const id = await commit(SMS);
    let calls = 0;
    const broken: ChannelAdapter = {
      send: async () => {
        calls++;
        throw new Error(`gateway refused 84912345678 (${PHONE}): quota exceeded`);
      },
    };
    const failing = { ...adapters, sms: broken };
    const log = recordingLog();
    const error = 'gateway refused 0912***678 (0912***678): quota exceeded';

    expect(await deliverDue(database.db, failing, T0, log)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await message(id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      next_attempt_at: at(MINUTE),
      last_error: error,
    });
    // Not due yet: nobody tries.
    expect(await deliverDue(database.db, failing, at(MINUTE - 1), log)).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });
    expect(await deliverDue(database.db, failing, at(MINUTE), log)).toEqual({
      sent: 0,
      retrying: 1,
      failed: 0,
    });
    expect(await message(id)).toMatchObject({
      status: 'pending',
      attempts: 2,
      next_attempt_at: at(6 * MINUTE),
    });
    expect(await deliverDue(database.db, failing, at(6 * MINUTE), log)).toEqual({
      sent: 0,
      retrying: 0,
      failed: 1,
    });
    expect(await message(id)).toMatchObject({
      status: 'failed',
      attempts: 3,
      next_attempt_at: null,
      last_error: error,
    });

    expect(await deliverDue(database.db, failing, at(24 * 60 * MINUTE), log)).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });
    expect(calls).toBe(3);
    const logged = JSON.stringify(log.lines);
    expect(logged).toContain(id);
    expect(logged).toContain('quota exceeded');
    expect(logged).not.toContain(PHONE);
    expect(logged).not.toContain('912345678');
  });

  it('a worker that died after sending, before recording it: once its lease ends the message goes again, and arrives once', async () => {
    const id = await commit(SMS);
    const [claimed] = await claimDue(database.db, T0, 10);
    if (!claimed) throw new Error('nothing claimed');
    expect(claimed).toMatchObject({ id, status: 'sending', attempts: 1 });
    const first = await adapters.sms.send(claimed);
    // …and the process dies here.
    expect(await deliverDue(database.db, adapters, at(SEND_LEASE_MS - 1))).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });
    expect(await message(id)).toMatchObject({ status: 'sending' });

    expect(await deliverDue(database.db, adapters, at(SEND_LEASE_MS))).toEqual({
      sent: 1,
      retrying: 0,
      failed: 0,
    });
    expect(await message(id)).toMatchObject({
      status: 'sent',
      attempts: 2,
      provider_message_id: first.providerId,
    });
    expect(await deliveries(id)).toHaveLength(1);
  });

  it('a message whose last attempt was interrupted ends failed, for staff to see', async () => {
    const id = await commit(SMS);
    for (let n = 0; n < 3; n++)
      expect(await claimDue(database.db, at(n * SEND_LEASE_MS), 10)).toHaveLength(1);
    expect(await deliverDue(database.db, adapters, at(3 * SEND_LEASE_MS))).toEqual({
      sent: 0,
      retrying: 0,
      failed: 1,
    });
    expect(await message(id)).toMatchObject({ status: 'failed', attempts: 3, next_attempt_at: null });
    expect((await message(id))?.last_error).toMatch(/gián đoạn/);
    expect(await deliveries(id)).toEqual([]);
  });

  it('two workers at once share the due messages: each is sent by one of them, once', async () => {
    const ids = await database.db.transaction(async (tx) => {
      const created: string[] = [];
      for (let n = 0; n < 30; n++) created.push(await enqueueMessage(tx, SMS, at(2 * MINUTE)));
      return created;
    });
    const sends = new Map<string, number>();
    const counting: ChannelAdapter = {
      send: async (outgoing) => {
        sends.set(outgoing.id, (sends.get(outgoing.id) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return { providerId: `counted-${outgoing.id}` };
      },
    };
    const workers = { ...adapters, sms: counting };
    const [a, b] = await Promise.all([
      deliverDue(database.db, workers, at(2 * MINUTE)),
      deliverDue(database.db, workers, at(2 * MINUTE)),
    ]);
    expect(a.sent + b.sent).toBe(30);
    expect([...sends.keys()].sort()).toEqual([...ids].sort());
    expect([...sends.values()].every((count) => count === 1)).toBe(true);
  });

  it('a commit followed by a poke is delivered at once, in this process; a stopped delivery does nothing', async () => {
    const clock = manualClock(at(2 * MINUTE));
    const delivery = createDelivery({ db: database.db, adapters, clock, log: recordingLog() });
    const id = await commit(SMS, clock.now());
    pokeDelivery(database.db);
    await delivery.stop(); // waits for the run the poke started
    expect(await message(id)).toMatchObject({ status: 'sent', sent_at: clock.now() });

    const later = await commit(SMS, clock.now());
    pokeDelivery(database.db);
    expect(await delivery.run()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await message(later)).toMatchObject({ status: 'pending' });

    // The schedule pg-boss runs every minute calls the same delivery.
    const running = createDelivery({ db: database.db, adapters, clock, log: recordingLog() });
    const [job] = channelJobs(running);
    expect(job).toMatchObject({ name: DELIVERY_QUEUE, cron: '* * * * *' });
    expect(await job?.run(null)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await message(later)).toMatchObject({ status: 'sent' });
    await running.stop();
  });

  it('the local e-mail sink writes one .eml file per message, however often it is delivered', async () => {
    const mailDir = path.join(tempDir, 'sink');
    const email = emailAdapter({ from: 'Phường Thành Đông <khong-tra-loi@thanhdong.vn>', mailDir });
    const outgoing = {
      id: '00000000-0000-4000-8000-000000000001',
      channel: 'email',
      recipient: EMAIL,
      templateKey: 'dossier.received',
      subject: 'Hồ sơ 10507-260310-0001 đã được tiếp nhận',
      body: 'Kính gửi ông/bà,\n\nĐã tiếp nhận hồ sơ 10507-260310-0001.',
      referenceType: 'dossier',
      referenceId: '10507-260310-0001',
    };
    const first = await email.send(outgoing);
    const again = await email.send(outgoing);
    expect(first.providerId).toBe('<00000000-0000-4000-8000-000000000001@thanhdong.vn>');
    expect(again).toEqual(first);
    expect(fs.readdirSync(mailDir)).toEqual(['00000000-0000-4000-8000-000000000001.eml']);
    const eml = fs.readFileSync(path.join(mailDir, '00000000-0000-4000-8000-000000000001.eml'), 'utf8');
    expect(eml).toContain(`To: ${EMAIL}`);
    expect(eml).toContain('Message-ID: <00000000-0000-4000-8000-000000000001@thanhdong.vn>');
    expect(eml).toMatch(/Content-Type: text\/plain; charset=utf-8/);
  });

  it('a server killed between the commit and the delivery: after the restart each message arrives exactly once', async () => {
    const dataDir = path.join(tempDir, 'killed');
    const env: NodeJS.ProcessEnv = { ...process.env, ENQUEUED_AT: T0.toISOString() };
    if (database.url) env.DATABASE_URL = database.url;
    else {
      delete env.DATABASE_URL;
      env.DATA_DIR = dataDir;
    }
    const child = await new Promise<{ signal: string | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'test/support/enqueue-and-die.ts'],
        { cwd: ROOT, env, timeout: 110_000 },
        (error, stdout, stderr) => resolve({ signal: error?.signal ?? null, stdout, stderr }),
      );
    });
    expect(child.signal, child.stderr).toBe('SIGKILL');
    const ids = JSON.parse(child.stdout) as string[];
    expect(ids).toHaveLength(3);

    // The restarted server: the same database, a new process (on PGlite, the folder the dead one left).
    const restarted: Database = database.url ? database : await openDatabase({ dataDir });
    try {
      const pending = await restarted.sql.query<{ status: string }>(
        'SELECT status FROM outbox_messages WHERE id = ANY($1::uuid[])',
        [ids],
      );
      expect(pending.map((m) => m.status)).toEqual(['pending', 'pending', 'pending']);
      const mailDir = path.join(dataDir, 'mail');
      const config = { dataDir, mailFrom: 'Phường Thành Đông <khong-tra-loi@thanhdong.vn>' };
      const delivery = createDelivery({
        db: restarted.db,
        adapters: channelAdapters(restarted.db, config),
        clock: manualClock(at(MINUTE)),
        log: recordingLog(),
      });
      expect(await delivery.run()).toEqual({ sent: 3, retrying: 0, failed: 0 });
      expect(await delivery.run()).toEqual({ sent: 0, retrying: 0, failed: 0 });
      await delivery.stop();
      const local = await restarted.sql.query<{ message_id: string; channel: string }>(
        'SELECT message_id, channel FROM local_deliveries WHERE message_id = ANY($1::uuid[]) ORDER BY channel',
        [ids],
      );
      expect(local).toEqual([
        { message_id: ids[0], channel: 'sms' },
        { message_id: ids[1], channel: 'zalo' },
      ]);
      expect(fs.readdirSync(mailDir)).toEqual([`${ids[2]}.eml`]);
    } finally {
      if (restarted !== database) await restarted.close();
    }
  }, 180_000);
});
