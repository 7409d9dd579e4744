import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/platform/clock';
import { signIn, startTestPlatform, type Agent, type TestPlatform } from '../support/app';

// The dossier lifecycle after intake, through the API, on a clock the tests move (March 2026 has no holiday).
const clock = manualClock(new Date('2026-03-09T09:00:00+07:00'));
const APPLICANT = {
  fullName: 'Trần Văn Bình',
  idNumber: '031095001234',
  phone: '0912345678',
  address: 'Số 12, Tổ dân phố số 3, phường Thành Đông',
};
const RESIDENCE = '1.004222'; // Đăng ký thường trú: 7 working days
const COPY_CERTIFICATION = '2.000815'; // Chứng thực bản sao từ bản chính: per-page fee

describe('dossier lifecycle after intake', () => {
  let platform: TestPlatform;
  let counter: Agent; // motcua: counter_officer
  let officer: Agent; // chuyenvien: department_officer
  let head: Agent; // truongphong: department_head
  let cultureUnit = '';
  const ids: Record<string, string> = {};
  let keys = 0;

  /** Moves the clock and signs in again: a session lasts 10 hours of the platform's clock. */
  async function at(iso: string) {
    clock.set(new Date(iso));
    [counter, officer, head] = await Promise.all(
      ['motcua', 'chuyenvien', 'truongphong'].map((u) => signIn(platform.app, u)),
    );
  }

  async function intake(procedureCode = RESIDENCE, extra: Record<string, unknown> = {}): Promise<string> {
    const body = {
      procedureCode,
      applicant: APPLICANT,
      documentsReceived: procedureCode === RESIDENCE ? ['to-khai-ct01'] : ['ban-sao-can-chung-thuc'],
      channel: 'counter',
      ...extra,
    };
    const response = await counter.request('POST', '/api/v1/dossiers', body, {
      'idempotency-key': `lifecycle-intake-${++keys}`,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().code;
  }

  function act(agent: Agent, code: string, action: string, body: unknown, headers?: Record<string, string>) {
    return agent.request('POST', `/api/v1/dossiers/${code}/actions/${action}`, body, headers);
  }

  async function ok(response: Promise<LightMyRequestResponse>) {
    const r = await response;
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  }

  async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return platform.database.sql.query<T>(sql, params);
  }

  async function dossier(code: string) {
    const [row] = await rows<Record<string, unknown>>(
      `SELECT status, status_code, due_date::text, original_due_date::text, paused_at, supplement_requests,
              supplement_breaches, apologies, late_twice_at FROM dossiers WHERE code = $1`,
      [code],
    );
    return row ?? {};
  }

  const eventCount = async (code: string) =>
    (
      await rows<{ n: number }>(
        'SELECT count(*)::int AS n FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id WHERE d.code = $1',
        [code],
      )
    )[0]?.n;

  beforeAll(async () => {
    platform = await startTestPlatform({ clock });
    await at('2026-03-09T09:00:00+07:00');
    const units = (await counter.request('GET', '/api/v1/wards/10507/units')).json().units;
    cultureUnit = units.find((u: { kind: string }) => u.kind === 'culture').id;
    for (const row of await rows<{ username: string; id: string }>('SELECT username, id FROM staff_accounts'))
      ids[row.username] = row.id;
  });
  afterAll(() => platform.close());

  it('intake → hand_over → approve → mark_result_ready → return_result: codes 2→4→4→9→10, control sheet, timeline', async () => {
    await at('2026-03-09T09:00:00+07:00');
    const code = await intake();
    const codes = [(await dossier(code)).status_code];
    const handOver = await ok(
      act(counter, code, 'hand_over', {
        toUnit: cultureUnit,
        note: 'Chuyển phòng thẩm định',
        stepWorkingDays: 2,
      }),
    );
    expect(handOver.event).toMatchObject({
      fromUnit: 'Trung tâm Phục vụ hành chính công',
      toUnit: 'Phòng Văn hoá – Xã hội',
      timing: 'Trước hạn',
      data: { toOfficerId: ids.truongphong, stepWorkingDays: 2 },
    });
    codes.push(handOver.statusCode);

    await at('2026-03-11T10:00:00+07:00'); // the 2nd working day of the step: on time
    const approval = await ok(act(head, code, 'approve', { outcome: 'granted' }));
    expect(approval.event.timing).toBe('Đúng hạn');
    codes.push(approval.statusCode);
    const ready = await ok(
      act(officer, code, 'mark_result_ready', { resultDocument: 'Xác nhận số 12/XN-CA' }),
    );
    expect(ready).toMatchObject({ status: 'result_ready', dueDate: '2026-03-18' });
    expect(ready.event.timing).toBe('Trước hạn');
    codes.push(ready.statusCode);
    codes.push((await ok(act(counter, code, 'return_result', { channel: 'counter' }))).statusCode);
    expect(codes).toEqual([2, 4, 4, 9, 10]);

    const publicView = await platform.app.inject({ method: 'GET', url: `/api/v1/dossiers/${code}/public` });
    expect(publicView.json()).toMatchObject({
      status: 'returned',
      statusCode: 10,
      statusLabel: 'Đã trả kết quả',
    });
    expect(
      publicView.json().timeline.map((e: { label: string; status: string }) => [e.label, e.status]),
    ).toEqual([
      ['Tiếp nhận hồ sơ', 'Được tiếp nhận'],
      ['Chuyển hồ sơ', 'Đang xử lý'],
      ['Phê duyệt, ký kết quả', 'Đang xử lý'],
      ['Có kết quả giải quyết', 'Đã xử lý xong'],
      ['Trả kết quả', 'Đã trả kết quả'],
    ]);
    const audit = await rows<{ action: string }>(
      "SELECT action FROM audit_log WHERE target_id = $1 AND action LIKE 'dossier.%' ORDER BY id",
      [code],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'dossier.receive',
      'dossier.hand_over',
      'dossier.approve',
      'dossier.mark_result_ready',
      'dossier.return_result',
    ]);
    const [finished] = await rows<{ finished: boolean; channel: string }>(
      'SELECT finished_at IS NOT NULL AS finished, return_channel AS channel FROM dossiers WHERE code = $1',
      [code],
    );
    expect(finished).toEqual({ finished: true, channel: 'counter' });
  });

  it('refuses an invalid transition (409), a wrong role (403), another ward (404); replays a key once', async () => {
    await at('2026-03-09T09:30:00+07:00');
    const code = await intake();
    const early = await act(counter, code, 'return_result', { channel: 'counter' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toEqual({
      code: 'INVALID_TRANSITION',
      message: 'Không thể thực hiện "Trả kết quả" khi hồ sơ ở trạng thái "Được tiếp nhận"',
    });

    const key = { 'idempotency-key': 'ban-giao-lan-1' };
    const first = await act(officer, code, 'hand_over', { toUnit: cultureUnit }, key);
    const again = await act(officer, code, 'hand_over', { toUnit: cultureUnit }, key);
    expect(first.statusCode).toBe(200);
    expect(again.headers['idempotent-replay']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await eventCount(code)).toBe(2);

    const wrongRole = await act(counter, code, 'approve', { outcome: 'granted' });
    expect(wrongRole.statusCode).toBe(403);
    expect(wrongRole.json().error.message).toContain('Phê duyệt, ký kết quả');
    const badOutcome = await act(head, code, 'approve', { outcome: 'maybe' });
    expect(badOutcome.statusCode).toBe(400);
    const otherWard = await act(await signIn(platform.app, 'hd.motcua'), code, 'withdraw', {
      reason: 'Rút hồ sơ',
    });
    expect(otherWard.statusCode).toBe(404);
    expect(await eventCount(code)).toBe(2);
    expect((await dossier(code)).status).toBe('processing');
  });

  it('supplements: only the procedure’s papers; the clock pauses and resumes; a second one needs the head', async () => {
    await at('2026-03-09T10:00:00+07:00');
    const code = await intake();
    expect((await dossier(code)).due_date).toBe('2026-03-18');

    await at('2026-03-11T10:00:00+07:00');
    const outside = await act(officer, code, 'request_supplement', {
      requestedDocumentIds: ['giay-to-cho-o-hop-phap', 'so-ho-khau'],
      reason: 'Thiếu giấy tờ chứng minh chỗ ở',
    });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.code).toBe('DOCUMENT_NOT_IN_PROCEDURE');
    expect(outside.json().error.message).toContain('so-ho-khau');
    expect((await dossier(code)).status).toBe('received');

    const request = {
      requestedDocumentIds: ['giay-to-cho-o-hop-phap'],
      reason: 'Thiếu giấy tờ chứng minh chỗ ở',
    };
    const paused = await ok(act(officer, code, 'request_supplement', request));
    expect(paused).toMatchObject({ statusCode: 5, supplementRequests: 1, supplementBreaches: 0 });
    expect(paused.pausedAt).toBe('2026-03-11T03:00:00.000Z');
    expect(paused.event.data.form.name).toBe('Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ');

    // 2 working days used (10, 11/3); the 5 left run again from Monday 16/3.
    await at('2026-03-16T10:00:00+07:00');
    const received = { receivedDocumentIds: ['giay-to-cho-o-hop-phap'] };
    const resumed = await ok(act(counter, code, 'supplement_received', received));
    expect(resumed).toMatchObject({ statusCode: 4, dueDate: '2026-03-23', originalDueDate: '2026-03-18' });
    expect(resumed.pausedAt).toBeNull();
    expect(resumed.event.data).toMatchObject({
      oldDueDate: '2026-03-18',
      newDueDate: '2026-03-23',
      usedWorkingDays: 2,
      remainingWorkingDays: 5,
    });

    const second = { ...request, reason: 'Giấy tờ chỗ ở đã hết hạn' };
    const refused = await act(officer, code, 'request_supplement', second);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('SUPPLEMENT_APPROVAL_REQUIRED');
    expect(refused.json().error.message).toContain('phải được lãnh đạo phòng, ban phê duyệt');
    const notHead = { ...second, headApproval: { approverId: ids.chuyenvien } };
    expect((await act(officer, code, 'request_supplement', notHead)).json().error.code).toBe(
      'SUPPLEMENT_APPROVAL_REQUIRED',
    );
    expect((await dossier(code)).supplement_requests).toBe(1);

    const approved = { ...second, headApproval: { approverId: ids.truongphong } };
    const breach = await ok(act(officer, code, 'request_supplement', approved));
    expect(breach).toMatchObject({ statusCode: 5, supplementRequests: 2, supplementBreaches: 1 });
    expect(breach.event.data).toMatchObject({ breach: true, approver: { id: ids.truongphong } });

    // Paused on 16/3 with 5 days left, nothing used: they run again from Wednesday 18/3.
    await at('2026-03-18T10:00:00+07:00');
    const again = await ok(act(counter, code, 'supplement_received', received));
    expect(again).toMatchObject({ dueDate: '2026-03-25', originalDueDate: '2026-03-18' });
    expect(await dossier(code)).toMatchObject({
      supplement_requests: 2,
      supplement_breaches: 1,
      paused_at: null,
    });
  });

  it('a Mẫu 02 issued at intake ends with "receive": the clock starts from the complete file', async () => {
    await at('2026-03-09T14:00:00+07:00');
    const code = await intake(RESIDENCE, {
      outcome: 'request_supplement',
      missingDocuments: ['giay-to-cho-o-hop-phap'],
      reasons: ['Thiếu giấy tờ chứng minh chỗ ở hợp pháp'],
    });
    expect(await dossier(code)).toMatchObject({ status_code: 5, due_date: null });
    await at('2026-03-12T09:00:00+07:00');
    const completed = { receivedDocumentIds: ['giay-to-cho-o-hop-phap'] };
    const wrongWay = await act(counter, code, 'supplement_received', completed);
    expect(wrongWay.statusCode).toBe(409);
    const received = await ok(act(counter, code, 'receive', completed));
    expect(received).toMatchObject({ statusCode: 2, dueDate: '2026-03-23', originalDueDate: '2026-03-23' });
  });

  it('one apology moves the due date; a second is refused and escalated to the chairman', async () => {
    await at('2026-03-09T11:00:00+07:00');
    const code = await intake();
    await ok(act(counter, code, 'hand_over', { toUnit: cultureUnit }));

    await at('2026-03-13T09:00:00+07:00');
    const byCounter = await counter.request('POST', `/api/v1/dossiers/${code}/apology`, {
      reason: 'Cần xác minh thông tin cư trú',
      newDate: '2026-03-25',
    });
    expect(byCounter.statusCode).toBe(403);
    const apology = { reason: 'Cần xác minh thông tin cư trú', newDate: '2026-03-25' };
    const first = await head.request('POST', `/api/v1/dossiers/${code}/apology`, apology);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      dueDate: '2026-03-25',
      originalDueDate: '2026-03-18',
      apologies: 1,
      form: { formNo: 4, name: 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết' },
    });
    const [event] = await rows<{ data: Record<string, unknown>; note: string }>(
      "SELECT e.data, e.note FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id WHERE d.code = $1 AND e.action = 'apology'",
      [code],
    );
    expect(event?.data).toMatchObject({ oldDueDate: '2026-03-18', newDueDate: '2026-03-25' });
    expect(event?.note).toBe('Cần xác minh thông tin cư trú');

    const second = await head.request('POST', `/api/v1/dossiers/${code}/apology`, {
      reason: 'Chưa xác minh xong',
      newDate: '2026-03-30',
    });
    expect(second.statusCode).toBe(422);
    expect(second.json().error.code).toBe('LATE_TWICE');
    expect(second.json().error.message).toContain('Báo cáo Chủ tịch UBND phường');
    const after = await dossier(code);
    expect(after).toMatchObject({ due_date: '2026-03-25', original_due_date: '2026-03-18', apologies: 1 });
    expect(after.late_twice_at).not.toBeNull();
    const audit = await rows<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE target_id = $1 AND action = 'dossier.late_twice'",
      [code],
    );
    expect(audit[0]?.n).toBe(1);
    const queue = (await head.request('GET', '/api/v1/dossiers')).json().items;
    expect(queue.find((d: { code: string }) => d.code === code)?.lateTwice).toBe(true);
  });

  it('fees come from the schedule: 3 pages → 5.000 đ, 200 pages → 200.000 đ, receipts listed', async () => {
    await at('2026-03-10T08:00:00+07:00');
    const code = await intake(COPY_CERTIFICATION, { fee: { pages: 1 } });
    const outside = await act(counter, code, 'request_payment', { fee: { pages: 3, quantity: 2 } });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error).toMatchObject({ code: 'FEE_INVALID' });
    expect(outside.json().error.message).toContain('"quantity"');
    const typed = await act(counter, code, 'request_payment', { fee: { amount: 1000 } });
    expect(typed.json().error.code).toBe('FEE_INVALID');

    const asked = await ok(act(counter, code, 'request_payment', { fee: { pages: 3 } }));
    expect(asked).toMatchObject({ statusCode: 6, feeDue: { amount: 5000 } });
    await ok(act(counter, code, 'payment_received', { receiptNumber: 'BL-2026-0001', method: 'cash' }));
    clock.advance(30 * 60_000);
    const capped = await ok(act(officer, code, 'request_payment', { fee: { pages: 200 } }));
    expect(capped.feeDue.amount).toBe(200_000);
    expect(capped.feeDue.lines[0].label).toContain('mức tối đa');
    const paid = await ok(
      act(counter, code, 'payment_received', { receiptNumber: 'BL-2026-0002', method: 'card' }),
    );
    expect(paid).toMatchObject({ statusCode: 4, feeDue: null });

    const receipts = await ok(officer.request('GET', `/api/v1/dossiers/${code}/payments`));
    expect(receipts.total).toBe(205_000);
    expect(
      receipts.items.map((p: Record<string, unknown>) => [p.receiptNumber, p.amount, p.amountText, p.method]),
    ).toEqual([
      ['BL-2026-0001', 5000, '5.000 đ', 'cash'],
      ['BL-2026-0002', 200_000, '200.000 đ', 'card'],
    ]);
    expect(receipts.items[0].lines).toEqual([{ label: expect.stringContaining('3 trang'), amount: 5000 }]);
    expect(receipts.items[0].receivedByName).toBeTruthy();
  });

  it('the applicant changes how the result comes back: by post to an address, on the control sheet; not after', async () => {
    const code = await intake();
    const change = (body: unknown, who = counter, of = code) =>
      who.request('POST', `/api/v1/dossiers/${of}/return-method`, body, {
        'idempotency-key': `lifecycle-return-${++keys}`,
      });
    const bare = await change({ returnChannel: 'post', returnAddress: 'Số' });
    expect(bare.statusCode).toBe(400);
    expect(Object.keys(bare.json().error.fields)).toEqual(['returnAddress']);
    // Online return needs a fully online procedure; copy certification is only partly online.
    const copy = await intake(COPY_CERTIFICATION, { fee: { pages: 1 } });
    const online = await change({ returnChannel: 'online' }, counter, copy);
    expect([online.statusCode, online.json().error.code]).toEqual([422, 'RULE_VIOLATION']);
    expect((await change({ returnChannel: 'post' }, officer)).statusCode).toBe(403);

    const address = 'Số 9 ngõ 4, Tổ dân phố số 1, phường Thành Đông';
    const moved = await change({ returnChannel: 'post', returnAddress: address });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toEqual({ code, returnChannel: 'post', returnAddress: address });
    const seen = (await counter.request('GET', `/api/v1/dossiers/${code}`)).json();
    expect(seen).toMatchObject({ returnChannel: 'post', returnAddress: address, status: 'received' });
    expect(seen.events.at(-1)).toMatchObject({
      action: 'change_return',
      label: 'Đổi cách nhận kết quả',
      note: `Qua dịch vụ bưu chính công ích, đến địa chỉ: ${address}`,
    });
    const [audit] = await rows<{ summary: unknown }>(
      "SELECT summary FROM audit_log WHERE action = 'dossier.return_changed' AND target_id = $1",
      [code],
    );
    expect(audit?.summary).toEqual({ from: 'counter', to: 'post' });
    const told = await rows<{ template_key: string; body: string }>(
      "SELECT template_key, body FROM outbox_messages WHERE reference_id = $1 AND template_key = 'dossier.return_changed'",
      [code],
    );
    expect(told).toEqual([
      { template_key: 'dossier.return_changed', body: expect.stringContaining('gui qua buu chinh') },
    ]);

    await ok(act(counter, code, 'withdraw', { reason: 'Công dân xin rút hồ sơ' }));
    const late = await change({ returnChannel: 'counter' });
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'INVALID_TRANSITION']);
  });
});
