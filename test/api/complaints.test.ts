import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/platform/clock';
import { signIn, startTestPlatform, type Agent, type TestPlatform } from '../support/app';
import { complaintBody, COMPLAINANT, staffIdOf } from '../support/complaints';
import { ok } from '../support/feedback';
import { pdfText } from '../support/pdf';

// Complaints through the API: what điều 8 requires, the limitation, the acceptance period of the law in force on
// the receipt day (10 → 07 working days on 01/07/2026), masking, dialogue, decision, sending and the appeal window.
// Signed in at 21:30 on 30/06/2026, the sessions last until 07:30 on 01/07: both sides of the amendment.
const clock = manualClock(new Date('2026-06-30T21:30:00+07:00'));

describe('complaints', () => {
  let platform: TestPlatform;
  let counter: Agent; // motcua
  let officer: Agent; // chuyenvien, the handler
  let head: Agent; // truongphong
  let chairman: Agent; // chutich
  let supervisor: Agent; // giamsat
  let officerId = '';
  const rows = <T>(sql: string) => platform.database.sql.query<T & Record<string, unknown>>(sql);

  beforeAll(async () => {
    platform = await startTestPlatform({ clock });
    [counter, officer, head, chairman, supervisor] = await Promise.all(
      ['motcua', 'chuyenvien', 'truongphong', 'chutich', 'giamsat'].map((u) => signIn(platform.app, u)),
    );
    officerId = await staffIdOf(platform, 'chuyenvien');
  });
  afterAll(() => platform.close());

  const record = async (overrides: Record<string, unknown> = {}) =>
    ok(await counter.request('POST', '/api/v1/complaints', complaintBody(overrides)), 201);

  it('received 30/06/2026 after hours: the 10 working days of that day, from 01/07 (15/07); on 01/07: 07 (10/07)', async () => {
    const before = await record({ knownOn: '2026-06-01' });
    expect(before.code).toMatch(/^KN-2026-\d{4}$/);
    expect(before).toMatchObject({ status: 'received', acceptanceDue: '2026-07-15', timely: true });
    expect(before.acceptanceBasis).toContain('10 ngày làm việc');
    clock.set(new Date('2026-07-01T07:20:00+07:00'));
    const after = await record({ knownOn: '2026-06-01' });
    expect(after).toMatchObject({
      acceptanceDue: '2026-07-10',
      deadline: { label: 'Thụ lý', dueDate: '2026-07-10' },
    });
    expect(after.acceptanceBasis).toContain('chưa được xác nhận');
  });

  it('a complaint past the 90 days cannot be accepted; it is refused with reasons from điều 11', async () => {
    const late = await record({ knownOn: '2026-01-06' });
    expect(late).toMatchObject({ timely: false, limitationDue: '2026-04-06' });
    const accept = await chairman.request('POST', `/api/v1/complaints/${late.code}/accept`, {
      handlerId: officerId,
    });
    expect(accept.statusCode).toBe(409);
    expect(accept.json().error.message).toContain('thời hiệu');
    const refused = ok(
      await chairman.request('POST', `/api/v1/complaints/${late.code}/refuse`, { reasons: ['time_barred'] }),
      200,
    );
    expect(refused.status).toBe('refused');
    expect(refused.refusal.reasons[0]).toContain('khoản 6');
  });

  it('shows the complainant to roles that read personal data (audited), masked to the supervisor', async () => {
    const { code } = await record({ knownOn: '2026-06-15' });
    const full = ok(await counter.request('GET', `/api/v1/complaints/${code}`), 200);
    expect(full.complainant).toMatchObject({
      fullName: COMPLAINANT.fullName,
      idNumber: COMPLAINANT.idNumber,
    });
    const masked = ok(await supervisor.request('GET', `/api/v1/complaints/${code}`), 200);
    expect(masked.complainant).toEqual({
      fullName: 'Đ*** V** K****',
      address: null,
      phone: '0977***222',
      idNumber: '031******321',
      masked: true,
    });
    const list = ok(await counter.request('GET', '/api/v1/complaints'), 200);
    expect(JSON.stringify(list)).not.toContain(COMPLAINANT.fullName);
    const audits = await rows<{ actor: string }>(
      `SELECT actor_name AS actor FROM audit_log WHERE action = 'personal_data.read' AND target_id = '${code}'`,
    );
    // the answer to the recording and the reading; none for the supervisor's masked view
    expect(audits.map((a) => a.actor)).toEqual(['Trần Thị Hằng', 'Trần Thị Hằng']);
  });

  it('accept, dialogue by the handler, decision, sending: deadlines, the appeal window and the SMS', async () => {
    const { code } = await record({ knownOn: '2026-06-15' });
    const accepted = ok(
      await chairman.request('POST', `/api/v1/complaints/${code}/accept`, {
        handlerId: officerId,
        complex: true,
      }),
      200,
    );
    // 45 days from 01/07/2026: Saturday 15/08 → Monday 17/08/2026
    expect(accepted).toMatchObject({
      status: 'accepted',
      resolutionDue: '2026-08-17',
      handlerName: 'Lê Văn Dũng',
    });
    const decision = {
      number: '21/QĐ-UBND',
      summary: 'Công nhận một phần nội dung khiếu nại.',
      verificationDiffers: true,
    };
    const early = await chairman.request('POST', `/api/v1/complaints/${code}/decision`, decision);
    expect(early.statusCode).toBe(422);
    expect(early.json().error.message).toContain('đối thoại');
    const dialogue = {
      heldAt: '2026-07-03T09:00:00+07:00',
      participants: 'Ông Khiếu, ông Dũng',
      minutes: 'Hai bên trình bày ý kiến, lập biên bản.',
    };
    expect((await head.request('POST', `/api/v1/complaints/${code}/dialogue`, dialogue)).statusCode).toBe(
      403,
    );
    ok(await officer.request('POST', `/api/v1/complaints/${code}/dialogue`, dialogue), 200);
    const decided = ok(await chairman.request('POST', `/api/v1/complaints/${code}/decision`, decision), 200);
    // sent within 03 working days of Wednesday 01/07/2026
    expect(decided).toMatchObject({
      status: 'decided',
      decision: { number: '21/QĐ-UBND', sendDue: '2026-07-06' },
    });
    const sent = ok(await officer.request('POST', `/api/v1/complaints/${code}/sent`, {}), 200);
    expect(sent).toMatchObject({ status: 'sent', appealDue: '2026-07-31', deadline: null });
    const [sms] = await rows<{ recipient: string; body: string }>(
      `SELECT recipient, body FROM outbox_messages WHERE reference_type = 'complaint' AND reference_id = '${code}'`,
    );
    expect(sms).toMatchObject({ recipient: COMPLAINANT.phone });
    expect(sms?.body).toContain('31/07/2026');
    const actions = await rows<{ action: string }>(
      `SELECT action FROM audit_log WHERE target_type = 'complaint' AND target_id = '${code}' ORDER BY id`,
    );
    expect(actions.map((a) => a.action)).toEqual([
      'complaint.record',
      'complaint.accept',
      'complaint.dialogue',
      'complaint.decide',
      'complaint.send',
    ]);
  });

  it('prints the complaint as Mẫu 01 of Nghị định 124/2020, for roles that read personal data (audited)', async () => {
    const { code } = await record({ knownOn: '2026-06-15' });
    const response = await counter.request('GET', `/api/v1/complaints/${code}/form.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(response.rawPayload);
    for (const expected of [
      'ĐƠN KHIẾU NẠI',
      'Kính gửi: Chủ tịch Ủy ban nhân dân phường Thành Đông',
      COMPLAINANT.fullName,
      COMPLAINANT.idNumber,
      'Mẫu số 01 — Nghị định 124/2020/NĐ-CP',
      'Ảnh chụp mặt tiền nhà',
    ])
      expect(text).toContain(expected);
    expect((await supervisor.request('GET', `/api/v1/complaints/${code}/form.pdf`)).statusCode).toBe(403);
  });

  it('refuses a complaint without what điều 8 requires, naming the field', async () => {
    const response = await counter.request('POST', '/api/v1/complaints', complaintBody({ reasons: '' }));
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json())).toContain('Xin ghi lý do khiếu nại.');
  });
});
