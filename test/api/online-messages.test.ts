import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/platform/clock';
import { signIn, startTestPlatform, type Agent, type TestPlatform } from '../support/app';
import { signInCitizenByPhone, type CitizenAgent } from '../support/citizen';
import { COPY, localDelivery, onlineFiling, twoPagePdf, type LocalDelivery } from '../support/online';
import { pdfText } from '../support/pdf';

// The messages of an online filing: each status change on every channel the citizen chose (kept in their
// account too), and the "result ready" message by how the result comes back. Wednesday 02/12/2026, 09:00.
const clock = manualClock(new Date('2026-12-02T09:00:00+07:00'));
const EMAIL = 'tran.binh@example.com';
const SMS = { channels: ['sms'] };

describe('online filing messages', () => {
  let platform: TestPlatform;
  let local: LocalDelivery;
  let citizenA: CitizenAgent;
  let citizenB: CitizenAgent;
  let counter: Agent;
  let twoPages: Buffer;

  const rows = <T>(sql: string, params: unknown[] = []) => platform.database.sql.query<T>(sql, params);
  const { key, startDraft, completeDraft, submit, messagesOf } = onlineFiling(
    () => platform,
    () => twoPages,
  );
  const act = (code: string, action: string, body: unknown) =>
    counter.request('POST', `/api/v1/dossiers/${code}/actions/${action}`, body, key());

  beforeAll(async () => {
    platform = await startTestPlatform({ clock });
    local = localDelivery(platform, clock, 'cqtt-online-messages-');
    citizenA = await signInCitizenByPhone(platform.app, platform.database, '0977111222');
    citizenB = await signInCitizenByPhone(platform.app, platform.database, '0977333444');
    counter = await signIn(platform.app, 'motcua');
    twoPages = await twoPagePdf();
  });
  afterAll(async () => {
    await local?.stop();
    await platform?.close();
  });

  it('keeps the channels chosen in the account, and prefills them in the next filing', async () => {
    const url = '/api/v1/citizen/me/notifications';
    const noAddress = await citizenB.request('PUT', url, { channels: ['email'] });
    expect(noAddress.statusCode).toBe(400);
    expect(JSON.stringify(noAddress.json().error.fields)).toMatch(/địa chỉ thư điện tử/);
    const none = await citizenB.request('PUT', url, { channels: [] });
    expect(none.statusCode).toBe(400);
    const chosen = await citizenB.request('PUT', url, { channels: ['email', 'zalo'], email: EMAIL }, key());
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json()).toEqual({ preferredChannels: ['zalo', 'email'], email: EMAIL });
    expect((await citizenB.request('GET', '/api/v1/citizen/me')).json().preferredChannels).toEqual([
      'zalo',
      'email',
    ]);
    const draft = (
      await citizenB.request('GET', `/api/v1/online/drafts/${(await startDraft(citizenB)).id}`)
    ).json();
    expect(draft.prefill).toMatchObject({ channels: ['zalo', 'email'], email: EMAIL });
    const [audit] = await rows<{ summary: unknown }>(
      "SELECT summary FROM audit_log WHERE action = 'citizen.notifications_set' AND target_id = $1",
      [(await citizenB.request('GET', '/api/v1/citizen/me')).json().id],
    );
    expect(audit?.summary).toEqual({ channels: ['zalo', 'email'] });
    expect((await citizenB.request('DELETE', `/api/v1/online/drafts/${draft.id}`)).statusCode).toBe(204);
  });

  it('sends every change to each channel chosen, and says the result comes back the way registered', async () => {
    const all = { channels: ['sms', 'zalo', 'email'], email: EMAIL };
    const byPost = (await submit(citizenA, await completeDraft(citizenA, all, 'post'))).code;
    const atCounter = (await submit(citizenA, await completeDraft(citizenA, SMS, 'counter'))).code;
    const { units } = (await counter.request('GET', '/api/v1/wards/10507/units')).json();
    const culture = units.find((u: { kind: string }) => u.kind === 'culture')?.id;
    for (const code of [byPost, atCounter]) {
      for (const [action, body] of [
        ['receive', { receivedDocumentIds: [COPY] }],
        ['hand_over', { toUnit: culture }],
        ['mark_result_ready', { resultDocument: 'Bản sao số 15/CT' }],
      ] as const) {
        const done = await act(code, action, body);
        expect(done.statusCode, `${action}: ${done.body}`).toBe(200);
      }
    }
    const receipt = await pdfText(
      (await counter.request('GET', `/api/v1/dossiers/${byPost}/documents/receipt`)).rawPayload,
    );
    // By post to the address the citizen gave with the filing.
    expect(receipt).toContain('Đăng ký nhận kết quả: Qua dịch vụ bưu chính công ích, đến địa chỉ:');

    await local.delivery.run();
    const messages = await messagesOf(byPost);
    // One message a channel for each change the applicant hears of (hand-over is internal), all sent.
    for (const template of ['dossier.submitted', 'dossier.received', 'dossier.result_ready']) {
      const sent = messages.filter((m) => m.template_key === template);
      expect(sent.map((m) => [m.channel, m.recipient, m.status]).sort(), template).toEqual([
        ['email', EMAIL, 'sent'],
        ['sms', '0977111222', 'sent'],
        ['zalo', '0977111222', 'sent'],
      ]);
    }
    expect(messages).toHaveLength(9);
    const ready = (channel: string) =>
      messages.find((m) => m.template_key === 'dossier.result_ready' && m.channel === channel)?.body;
    expect(ready('sms')).toContain('Ket qua se duoc gui qua buu chinh');
    expect(ready('sms')).not.toContain('Trung tam');
    expect(ready('email')).toContain('Kết quả sẽ được gửi qua bưu chính đến địa chỉ ông/bà đã đăng ký.');
    const [counterReady] = (await messagesOf(atCounter)).filter(
      (m) => m.template_key === 'dossier.result_ready',
    );
    expect([counterReady?.channel, counterReady?.body]).toEqual([
      'sms',
      expect.stringContaining('Moi ong/ba den nhan tai Trung tam Phuc vu hanh chinh cong'),
    ]);
  });
});
