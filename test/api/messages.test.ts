import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelAdapters, type ChannelAdapters } from '../../src/platform/channels/adapters';
import { deliverDue } from '../../src/platform/channels/delivery';
import { createDelivery } from '../../src/platform/channels/jobs';
import { enqueueMessage } from '../../src/platform/channels/store';
import { manualClock } from '../../src/platform/clock';
import { signIn, startTestPlatform, type Agent, type TestPlatform } from '../support/app';

/** What staff see of the messages sent to citizens, and the retry of a failed one. */

const T0 = new Date('2026-03-10T03:00:00Z');
const MINUTE = 60_000;
const CODE = '10507-260310-0001';
const PHONE = '0912345678';

interface Item {
  id: string;
  channel: string;
  channelLabel: string;
  recipient: string;
  status: string;
  statusLabel: string;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
}

describe('messages to citizens: staff view and retry', () => {
  const clock = manualClock(T0);
  let platform: TestPlatform;
  let motcua: Agent;
  let chuyenvien: Agent;
  let quantri: Agent;
  let otherWard: Agent;
  let local: ChannelAdapters;
  let smsId = '';
  let emailId = '';

  const audits = (action: string) =>
    platform.database.sql.query<{ actor_role: string; target_id: string; summary: Record<string, unknown> }>(
      'SELECT actor_role, target_id, summary FROM audit_log WHERE action = $1 ORDER BY id',
      [action],
    );
  const list = async (agent: Agent) => {
    const response = await agent.request('GET', `/api/v1/messages?reference=${CODE}`);
    expect(response.statusCode, response.body).toBe(200);
    // Both messages were enqueued at the same instant: in channel order here, e-mail then SMS.
    const items = response.json<{ items: Item[] }>().items.sort((a, b) => a.channel.localeCompare(b.channel));
    return { body: response.body, items };
  };

  beforeAll(async () => {
    platform = await startTestPlatform({ clock });
    [motcua, chuyenvien, quantri, otherWard] = await Promise.all(
      ['motcua', 'chuyenvien', 'quantri', 'hd.motcua'].map((u) => signIn(platform.app, u)),
    );
    const { db } = platform.database;
    local = channelAdapters(db, {
      dataDir: os.tmpdir(),
      mailFrom: 'Phường Thành Đông <khong-tra-loi@thanhdong.vn>',
    });
    [smsId, emailId] = await db.transaction(async (tx) => [
      await enqueueMessage(
        tx,
        {
          wardCode: '10507',
          channel: 'sms',
          recipient: PHONE,
          templateKey: 'dossier.received',
          subject: `Hồ sơ ${CODE} đã được tiếp nhận`,
          body: `UBND phuong Thanh Dong: Da tiep nhan ho so ${CODE}, hen tra ket qua ngay 13/03/2026.`,
          reference: { type: 'dossier', id: CODE },
        },
        T0,
      ),
      await enqueueMessage(
        tx,
        {
          wardCode: '10507',
          channel: 'email',
          recipient: 'hang.nguyen@example.vn',
          templateKey: 'dossier.received',
          subject: `Hồ sơ ${CODE} đã được tiếp nhận`,
          body: 'Kính gửi ông/bà,',
          reference: { type: 'dossier', id: CODE },
        },
        T0,
      ),
    ]);
    // The SMS gateway refuses three times; the e-mail server is down once, then takes it.
    let emailCalls = 0;
    const failing: ChannelAdapters = {
      ...local,
      sms: { send: async () => Promise.reject(new Error(`SMS gateway: number ${PHONE} is blocked`)) },
      email: {
        send: async () => {
          if (++emailCalls === 1) throw new Error('connect ECONNREFUSED 127.0.0.1:25');
          return { providerId: '<smtp-accepted@thanhdong.vn>' };
        },
      },
    };
    for (const minutes of [0, 1, 6]) await deliverDue(db, failing, new Date(T0.getTime() + minutes * MINUTE));
  });
  afterAll(() => platform.close());

  it('shows the counter officer each message with its recipient, its status and its error, and audits the read', async () => {
    const before = (await audits('personal_data.read')).length;
    const { items } = await list(motcua);
    expect(items).toEqual([
      expect.objectContaining({
        id: emailId,
        recipient: 'hang.nguyen@example.vn',
        status: 'sent',
        statusLabel: 'Đã gửi',
        attempts: 2,
        lastError: 'connect ECONNREFUSED 127.0.0.1:25',
        sentAt: new Date(T0.getTime() + MINUTE).toISOString(),
      }),
      expect.objectContaining({
        id: smsId,
        channel: 'sms',
        channelLabel: 'Tin nhắn SMS',
        recipient: PHONE,
        status: 'failed',
        statusLabel: 'Gửi không thành công',
        attempts: 3,
        lastError: 'SMS gateway: number 0912***678 is blocked',
        sentAt: null,
      }),
    ]);
    const reads = await audits('personal_data.read');
    expect(reads).toHaveLength(before + 1);
    expect(reads.at(-1)).toMatchObject({
      actor_role: 'counter_officer',
      target_id: CODE,
      summary: { fields: ['recipient'], messages: 2 },
    });
  });

  it('masks recipients for roles that do not need them, without auditing a read of personal data', async () => {
    const before = (await audits('personal_data.read')).length;
    const { body, items } = await list(chuyenvien);
    expect(items.map((i) => i.recipient)).toEqual(['ha***@example.vn', '0912***678']);
    expect(body).not.toContain(PHONE);
    expect(body).not.toContain('hang.nguyen');
    expect(await audits('personal_data.read')).toHaveLength(before);
  });

  it("shows another ward's staff nothing, and refuses them the retry as unknown", async () => {
    expect((await list(otherWard)).items).toEqual([]);
    const response = await otherWard.request('POST', `/api/v1/messages/${smsId}/retry`);
    expect(response.statusCode).toBe(404);
    expect((await list(motcua)).items[1]).toMatchObject({ id: smsId, status: 'failed' });
  });

  it('sends a failed message again on request: audited, delivered at once, and only a failed one', async () => {
    const delivery = createDelivery({
      db: platform.database.db,
      adapters: local,
      clock,
      log: { debug() {}, error() {} },
    });
    clock.set(new Date(T0.getTime() + 60 * MINUTE));
    const retry = await motcua.request('POST', `/api/v1/messages/${smsId}/retry`, undefined, {
      'idempotency-key': 'retry-message-0001',
    });
    expect(retry.statusCode, retry.body).toBe(200);
    expect(retry.json()).toEqual({
      id: smsId,
      status: 'pending',
      statusLabel: 'Chờ gửi',
      attempts: 0,
      nextAttemptAt: clock.now().toISOString(),
    });
    expect((await audits('message.retried')).at(-1)).toMatchObject({
      actor_role: 'counter_officer',
      target_id: smsId,
      summary: { channel: 'sms', reference: CODE, lastError: 'SMS gateway: number 0912***678 is blocked' },
    });
    await delivery.stop(); // the retry poked the delivery: wait for that run
    const [, sms] = (await list(chuyenvien)).items;
    expect(sms).toMatchObject({ status: 'sent', attempts: 1, sentAt: clock.now().toISOString() });

    const again = await quantri.request('POST', `/api/v1/messages/${smsId}/retry`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toEqual({
      code: 'CONFLICT',
      message: 'Chỉ gửi lại được tin nhắn đã gửi không thành công.',
    });
    expect((await motcua.request('POST', `/api/v1/messages/${crypto.randomUUID()}/retry`)).statusCode).toBe(
      404,
    );
    expect((await motcua.request('POST', '/api/v1/messages/khong-phai-ma/retry')).statusCode).toBe(400);
  });
});
