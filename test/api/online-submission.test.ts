import fs from 'node:fs';
import path from 'node:path';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { performAction } from '../../src/modules/dossiers/actions';
import { outboxMessages } from '../../src/platform/channels/schema';
import { buildCalendar, DEFAULT_OFFICE_HOURS } from '../../src/platform/calendar/rules';
import type { Principal } from '../../src/platform/auth/store';
import { manualClock } from '../../src/platform/clock';
import { signIn, startTestPlatform, type Agent, type TestPlatform } from '../support/app';
import { signInCitizenByPhone, type CitizenAgent } from '../support/citizen';
import {
  ADDRESS,
  APPLICANT,
  COPY,
  COPY_CERTIFICATION,
  OCTET,
  localDelivery,
  onlineFiling,
  twoPagePdf,
  type LocalDelivery,
} from '../support/online';
import { pdfText } from '../support/pdf';

// A citizen files a copy certification online on a Friday evening (20:00, after office hours) and the counter
// officer takes it from there, as at the counter. 13/03/2026 is a Friday; Monday 16/03/2026 is a working day.
const clock = manualClock(new Date('2026-03-13T20:00:00+07:00'));
const SIGNATURE_CERTIFICATION = '2.000884'; // filed in person only
const EMAIL = 'tran.binh@example.com';
const SMS = { channels: ['sms'] };

describe('online submission', () => {
  let platform: TestPlatform;
  let local: LocalDelivery;
  let citizenA: CitizenAgent;
  let citizenB: CitizenAgent;
  let counter: Agent;
  let twoPages: Buffer;
  let photo: Buffer;

  const rows = <T>(sql: string, params: unknown[] = []) => platform.database.sql.query<T>(sql, params);
  const { key, startDraft, upload, completeDraft, submit, messagesOf } = onlineFiling(
    () => platform,
    () => twoPages,
  );
  const act = (code: string, action: string, body: unknown) =>
    counter.request('POST', `/api/v1/dossiers/${code}/actions/${action}`, body, key());

  beforeAll(async () => {
    platform = await startTestPlatform({ clock });
    local = localDelivery(platform, clock, 'cqtt-online-');
    citizenA = await signInCitizenByPhone(platform.app, platform.database, '0977111222');
    citizenB = await signInCitizenByPhone(platform.app, platform.database, '0977333444');
    counter = await signIn(platform.app, 'motcua');
    twoPages = await twoPagePdf();
    photo = await QRCode.toBuffer('Ảnh chụp giấy tờ bằng điện thoại');
  });
  afterAll(async () => {
    await local?.stop();
    await platform?.close();
  });

  it('starts a draft from the procedure, resumes it, and saves each page checked', async () => {
    const draft = await startDraft(citizenA);
    // The original (bản chính) is only shown at the counter: it has no upload page.
    const steps = draft.steps.map((s) => s.key).join(' ');
    expect(steps).toBe(`nguoi-nop dia-chi giay-to-${COPY} nhan-ket-qua nhan-thong-bao kiem-tra`);
    const again = await citizenA.request('POST', '/api/v1/online/drafts', {
      procedureCode: COPY_CERTIFICATION,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(draft.id);

    const wrong = await citizenA.request('PUT', `/api/v1/online/drafts/${draft.id}`, {
      applicant: { ...APPLICANT, idNumber: '12345' },
      returnChannel: 'online',
      notify: { channels: ['sms', 'email'], email: 'khong-phai-email' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(Object.keys(wrong.json().error.fields).sort()).toEqual(['applicant.idNumber', 'notify.email']);
    const none = await citizenA.request('PUT', `/api/v1/online/drafts/${draft.id}`, {
      notify: { channels: [] },
    });
    expect(none.json().error.fields).toEqual({
      'notify.channels': 'Xin vui lòng chọn ít nhất một cách nhận thông báo.',
    });

    const saved = await citizenA.request('PUT', `/api/v1/online/drafts/${draft.id}`, {
      address: ADDRESS,
      currentStep: 'dia-chi',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const resumed = (await citizenA.request('GET', `/api/v1/online/drafts/${draft.id}`)).json();
    expect(resumed.answers).toEqual({ address: ADDRESS });
    expect(resumed.currentStep).toBe('dia-chi');
    expect(resumed.prefill).toMatchObject({ phone: '0977111222', channels: ['sms'] });
    // A copy certification is partly online: its result is not returned online.
    expect(resumed.returnChannels).toEqual(['counter', 'post']);
    expect(resumed.missing.map((m: { step: string }) => m.step)).toEqual([
      'nguoi-nop',
      `giay-to-${COPY}`,
      'nhan-ket-qua',
      'nhan-thong-bao',
    ]);

    const inPerson = await citizenA.request('POST', '/api/v1/online/drafts', {
      procedureCode: SIGNATURE_CERTIFICATION,
    });
    expect(inPerson.statusCode).toBe(422);
    expect(inPerson.json().error.message).toMatch(/chỉ nộp hồ sơ trực tiếp/);
  });

  it('checks each paper by its bytes, its size and the procedure list, and counts its pages into the fee', async () => {
    const draft = await startDraft(citizenA);
    const renamed = await upload(citizenA, draft.id, Buffer.from('Đây là một tệp văn bản.\n'), 'giay-to.pdf');
    expect(renamed.statusCode).toBe(415);
    expect(renamed.json().error.fields.file).toMatch(/không phải ảnh JPEG, PNG hoặc tệp PDF/);

    const damaged = await upload(citizenA, draft.id, Buffer.from('%PDF-1.7 hỏng'), 'hong.pdf');
    expect(damaged.statusCode).toBe(415);
    expect(damaged.json().error.fields.file).toMatch(/Không đọc được tệp PDF/);

    const big = Buffer.alloc(10 * 1_048_576 + 1, 0x20);
    Buffer.from('%PDF-1.7\n').copy(big);
    const tooBig = await upload(citizenA, draft.id, big, 'qua-lon.pdf');
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.fields.file).toMatch(/lớn hơn 10 MB/);

    const foreign = await upload(citizenA, draft.id, twoPages, 'cccd.pdf', 'giay-to-tuy-than');
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().error.code).toBe('DOCUMENT_NOT_IN_PROCEDURE');
    const shownOnly = await upload(citizenA, draft.id, twoPages, 'ban-chinh.pdf', 'ban-chinh');
    expect(shownOnly.statusCode).toBe(422);

    const pdf = await upload(citizenA, draft.id, twoPages, '../../giay khai sinh.pdf');
    expect(pdf.statusCode, pdf.body).toBe(201);
    expect(pdf.json()).toMatchObject({
      fileName: 'giay khai sinh.pdf',
      mediaType: 'application/pdf',
      pages: 2,
    });
    const view = (await citizenA.request('GET', `/api/v1/online/drafts/${draft.id}`)).json();
    expect(view.pages).toBe(2);
    expect(view.fee).toMatchObject({ amount: 4000, amountText: '4.000 đ' });

    const again = await upload(citizenA, draft.id, twoPages, 'lan-nua.pdf');
    expect(again.statusCode).toBe(409);
    const url = `/api/v1/online/drafts/${draft.id}/uploads?documentId=${COPY}&fileName=anh-chup.png`;
    const image = await citizenA.request('POST', url, photo, { ...OCTET, 'idempotency-key': 'anh-chup-1' });
    expect(image.json()).toMatchObject({ mediaType: 'image/png', pages: 1 });
    const retried = await citizenA.request('POST', url, photo, { ...OCTET, 'idempotency-key': 'anh-chup-1' });
    expect([retried.headers['idempotent-replay'], retried.json().id]).toEqual(['true', image.json().id]);
    const three = (await citizenA.request('GET', `/api/v1/online/drafts/${draft.id}`)).json();
    expect(three.fee.amount).toBe(5000); // page 3 at 1.000 đ
    const removed = await citizenA.request(
      'DELETE',
      `/api/v1/online/drafts/${draft.id}/uploads/${image.json().id}`,
    );
    expect(removed.statusCode).toBe(204);
    const audits = await rows<{ action: string }>(
      "SELECT action FROM audit_log WHERE target_type = 'online_draft' AND target_id = $1 ORDER BY id",
      [draft.id],
    );
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(['online_draft.uploaded', 'online_draft.upload_deleted']),
    );
    expect((await citizenA.request('DELETE', `/api/v1/online/drafts/${draft.id}`)).statusCode).toBe(204);
  });

  it('files the dossier as "Mới đăng ký", received on the next working day, with its papers for the officer', async () => {
    const incomplete = await startDraft(citizenB);
    const refused = await citizenB.request('POST', `/api/v1/online/drafts/${incomplete.id}/submit`);
    expect(refused.statusCode).toBe(422);
    expect(Object.keys(refused.json().error.fields).sort()).toEqual([
      'address',
      'applicant',
      'documents',
      'notify',
      'returnChannel',
    ]);

    const draftId = await completeDraft(citizenA, { channels: ['email', 'sms'], email: EMAIL });
    const filed = await submit(citizenA, draftId);
    expect(filed).toMatchObject({ status: 'submitted', receiptDay: '2026-03-16', fee: { amount: 4000 } });
    const twice = await citizenA.request('POST', `/api/v1/online/drafts/${draftId}/submit`);
    expect(twice.statusCode).toBe(409);
    const draft = (await citizenA.request('GET', `/api/v1/online/drafts/${draftId}`)).json();
    expect(draft).toMatchObject({ status: 'submitted', dossierCode: filed.code, uploads: [] });

    const queue = (await counter.request('GET', '/api/v1/dossiers?status=submitted')).json();
    expect(queue.items.map((d: { code: string }) => d.code)).toContain(filed.code);
    const staff = (await counter.request('GET', `/api/v1/dossiers/${filed.code}`)).json();
    expect(staff).toMatchObject({
      status: 'submitted',
      channel: 'online',
      documentsReceived: [COPY],
      feeAmount: 4000,
    });
    expect(staff.applicant.fullName).toBe(APPLICANT.fullName);

    const files = (await counter.request('GET', `/api/v1/dossiers/${filed.code}/files`)).json();
    expect(files.items).toHaveLength(1);
    expect(files.items[0]).toMatchObject({
      documentId: COPY,
      mediaType: 'application/pdf',
      size: twoPages.length,
    });
    const opened = await counter.request('GET', files.items[0].url);
    expect(opened.statusCode).toBe(200);
    expect(opened.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(opened.rawPayload, twoPages)).toBe(0);
    const reads = await rows<{ summary: { fileId: string } }>(
      "SELECT summary FROM audit_log WHERE action = 'personal_data.read' AND target_type = 'dossier_file' AND target_id = $1",
      [filed.code],
    );
    expect(reads.map((r) => r.summary.fileId)).toEqual([files.items[0].id]);

    // The acknowledgement on each channel chosen, delivered after the commit.
    await local.delivery.run();
    const acks = await messagesOf(filed.code);
    expect(acks.map((m) => [m.channel, m.recipient, m.template_key, m.status]).sort()).toEqual([
      ['email', EMAIL, 'dossier.submitted', 'sent'],
      ['sms', '0977111222', 'dossier.submitted', 'sent'],
    ]);
    const mail = acks.find((m) => m.channel === 'email');
    expect(mail?.body).toContain(`Đã nhận hồ sơ ${filed.code} nộp trực tuyến`);
    expect(fs.existsSync(path.join(local.dataDir, 'mail', `${mail?.id}.eml`))).toBe(true);
    const [sms] = await rows<{ body: string }>('SELECT body FROM local_deliveries WHERE message_id = $1', [
      acks.find((m) => m.channel === 'sms')?.id,
    ]);
    expect(sms?.body).toContain(`Da nhan ho so ${filed.code} nop truc tuyen`);
  });

  it('the officer accepts it after hours: due date from the next working day, Mẫu 01, the citizen told after the commit', async () => {
    const code = (await submit(citizenA, await completeDraft(citizenA, SMS))).code;
    clock.set(new Date('2026-03-13T20:30:00+07:00'));
    const foreign = await act(code, 'receive', { receivedDocumentIds: ['giay-xac-nhan-cu'] });
    expect(foreign.statusCode).toBe(422);
    expect((await messagesOf(code)).map((m) => m.template_key)).toEqual(['dossier.submitted']);

    const accepted = await act(code, 'receive', { receivedDocumentIds: [COPY] });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      status: 'received',
      dueDate: '2026-03-16',
      originalDueDate: '2026-03-16',
    });
    const dossier = (await counter.request('GET', `/api/v1/dossiers/${code}`)).json();
    expect(dossier).toMatchObject({ receiptDay: '2026-03-16', receivedByName: 'Trần Thị Hằng' });

    const receipt = await counter.request('GET', `/api/v1/dossiers/${code}/documents/receipt`);
    expect(receipt.statusCode).toBe(200);
    const text = await pdfText(receipt.rawPayload);
    expect(text).toContain(code);
    expect(text).toContain('16/03/2026');
    // The electronic receipt: the applicant downloads the same Mẫu 01 from "Hồ sơ của tôi", and only the forms
    // they were given; another citizen gets nothing.
    expect((await citizenA.request('GET', `/api/v1/citizen/dossiers/${code}`)).json().forms).toEqual([
      'receipt',
    ]);
    const own = await citizenA.request('GET', `/api/v1/dossiers/${code}/documents/receipt`);
    expect([own.statusCode, own.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(await pdfText(own.rawPayload)).toContain(code);
    expect(
      (await citizenA.request('GET', `/api/v1/dossiers/${code}/documents/control-sheet`)).statusCode,
    ).toBe(404);
    expect((await citizenA.request('GET', `/api/v1/dossiers/${code}/documents/refusal`)).statusCode).toBe(
      404,
    );
    expect((await citizenB.request('GET', `/api/v1/dossiers/${code}/documents/receipt`)).statusCode).toBe(
      404,
    );
    const [downloaded] = await rows<{ actor_role: string; summary: { by?: string } }>(
      `SELECT actor_role, summary FROM audit_log WHERE action = 'personal_data.read'
        AND target_type = 'dossier_document' AND target_id = $1 AND actor_role = 'citizen'`,
      [code],
    );
    expect(downloaded).toMatchObject({
      actor_role: 'citizen',
      summary: { document: 'receipt', by: 'applicant' },
    });

    await local.delivery.run();
    const messages = await messagesOf(code);
    expect(messages.map((m) => [m.template_key, m.channel, m.recipient, m.status])).toEqual([
      ['dossier.submitted', 'sms', '0977111222', 'sent'],
      ['dossier.received', 'sms', '0977111222', 'sent'],
    ]);
    const [sms] = await rows<{ body: string }>('SELECT body FROM local_deliveries WHERE message_id = $1', [
      messages[1]?.id,
    ]);
    expect(sms?.body).toContain(`Da tiep nhan ho so ${code}, hen tra ket qua ngay 16/03/2026`);
    clock.set(new Date('2026-03-13T20:00:00+07:00'));
  });

  it('writes no message when the change rolls back', async () => {
    const code = (await submit(citizenA, await completeDraft(citizenA, { channels: ['zalo'] }))).code;
    const { db } = platform.database;
    const [staff] = await rows<Principal & { wardCode: string }>(
      `SELECT id, username, full_name AS "fullName", role, ward_code AS "wardCode", NULL AS "provinceCode",
        org_unit_id AS "orgUnitId", false AS "mustEnrolTotp" FROM staff_accounts WHERE username = 'motcua'`,
    );
    if (!staff) throw new Error('no counter officer');
    const ctx = {
      staff,
      audit: { actor: null, ip: '127.0.0.1', userAgent: null },
      now: clock.now(),
      hours: DEFAULT_OFFICE_HOURS,
      calendar: buildCalendar([]),
    };
    const pending = () =>
      db
        .select({ id: outboxMessages.id })
        .from(outboxMessages)
        .where(and(eq(outboxMessages.referenceId, code), eq(outboxMessages.templateKey, 'dossier.received')));
    await expect(
      db.transaction(async (tx) => {
        await performAction({ ...ctx, db: tx }, code, 'receive', { receivedDocumentIds: [COPY] });
        const inside = await tx.select().from(outboxMessages).where(eq(outboxMessages.referenceId, code));
        expect(inside.map((m) => m.templateKey).sort()).toEqual(['dossier.received', 'dossier.submitted']);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await pending()).toEqual([]);
    expect((await messagesOf(code)).map((m) => m.template_key)).toEqual(['dossier.submitted']);
  });

  it('asks once for a supplement from the procedure list, or refuses with reasons, as at the counter', async () => {
    const first = (await submit(citizenA, await completeDraft(citizenA, SMS))).code;
    const foreign = await act(first, 'request_supplement', {
      requestedDocumentIds: ['giay-xac-nhan-cu'],
      reason: 'Thiếu giấy tờ.',
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().error.code).toBe('DOCUMENT_NOT_IN_PROCEDURE');
    const asked = await act(first, 'request_supplement', {
      requestedDocumentIds: [COPY],
      reason: 'Ảnh chụp bản sao bị mờ, không đọc được.',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json().status).toBe('supplement_requested');

    const second = (await submit(citizenA, await completeDraft(citizenA, SMS))).code;
    const refused = await act(second, 'refuse', {
      reasons: ['Giấy tờ không phải do cơ quan có thẩm quyền cấp.'],
    });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json().status).toBe('refused');
    const notRefusable = await act(first, 'refuse', { reasons: ['Lý do bất kỳ.'] });
    expect(notRefusable.statusCode).toBe(409);

    await local.delivery.run();
    const keysOf = async (code: string) => (await messagesOf(code)).map((m) => m.template_key).sort();
    expect(await keysOf(first)).toEqual(['dossier.submitted', 'dossier.supplement_requested']);
    expect(await keysOf(second)).toEqual(['dossier.refused', 'dossier.submitted']);
    const [refusal] = (await messagesOf(second)).filter((m) => m.template_key === 'dossier.refused');
    expect(refusal?.body).toContain('khong duoc tiep nhan');
  });

  it("shows a citizen their own drafts, dossiers and fees, and nobody else's", async () => {
    const code = (await submit(citizenA, await completeDraft(citizenA, SMS))).code;
    const draftId = await completeDraft(citizenA, SMS);
    const otherDraft = draftId;

    for (const [method, url] of [
      ['GET', `/api/v1/online/drafts/${otherDraft}`],
      ['PUT', `/api/v1/online/drafts/${otherDraft}`],
      ['DELETE', `/api/v1/online/drafts/${otherDraft}`],
      ['POST', `/api/v1/online/drafts/${otherDraft}/submit`],
      ['GET', `/api/v1/citizen/dossiers/${code}`],
      ['GET', `/api/v1/dossiers/${code}/payment`],
      ['POST', `/api/v1/dossiers/${code}/payment/gateway`],
    ] as const) {
      const response = await citizenB.request(
        method,
        url,
        method === 'PUT' ? { address: ADDRESS } : undefined,
      );
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(404);
    }
    expect((await upload(citizenB, otherDraft, photo, 'anh.png')).statusCode).toBe(404);
    const listedForB = (await citizenB.request('GET', '/api/v1/citizen/dossiers')).json();
    expect(listedForB.items.map((d: { code: string }) => d.code)).not.toContain(code);
    const draftsOfB = (await citizenB.request('GET', '/api/v1/online/drafts')).json().items;
    expect(draftsOfB.map((d: { id: string }) => d.id)).not.toContain(draftId);

    const mine = await citizenA.request('GET', `/api/v1/citizen/dossiers/${code}`);
    expect(mine.statusCode).toBe(200);
    // The citizen's read of their own personal data is on the trail, as a staff member's is; B's refused one is not.
    const reads = await rows<{ actor_id: string; actor_role: string; summary: unknown }>(
      `SELECT actor_id, actor_role, summary FROM audit_log
        WHERE action = 'personal_data.read' AND target_type = 'dossier_applicant' AND target_id = $1`,
      [code],
    );
    expect(reads).toEqual([
      {
        actor_id: (await citizenA.request('GET', '/api/v1/citizen/me')).json().id,
        actor_role: 'citizen',
        summary: { fields: ['applicantName'], by: 'applicant' },
      },
    ]);
    expect(mine.json()).toMatchObject({
      code,
      status: 'submitted',
      statusLabel: 'Mới đăng ký',
      ratingUrl: null,
    });
    expect(mine.json().timeline.map((e: { label: string }) => e.label)).toEqual(['Nộp hồ sơ trực tuyến']);
    const fee = await citizenA.request('GET', `/api/v1/dossiers/${code}/payment`);
    expect(fee.json()).toMatchObject({ amount: 4000, status: 'unpaid' });
    const pay = await citizenA.request('POST', `/api/v1/dossiers/${code}/payment/gateway`, undefined, key());
    expect(pay.statusCode, pay.body).toBe(201);
    expect(pay.json().amount).toBe(4000);
    const listedForA = (await citizenA.request('GET', '/api/v1/citizen/dossiers')).json();
    expect(listedForA.items.map((d: { code: string }) => d.code)).toContain(code);
    const drafts = (await citizenA.request('GET', '/api/v1/online/drafts')).json().items;
    expect(drafts.map((d: { id: string }) => d.id)).toContain(draftId);
    expect((await citizenA.request('DELETE', `/api/v1/online/drafts/${draftId}`)).statusCode).toBe(204);
    expect((await citizenA.request('GET', `/api/v1/online/drafts/${draftId}`)).statusCode).toBe(404);
  });
});
