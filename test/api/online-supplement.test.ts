import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/platform/clock';
import { signIn, startTestPlatform, type Agent, type TestPlatform } from '../support/app';
import { signInCitizenByPhone, type CitizenAgent } from '../support/citizen';

/**
 * A supplement answered online: the counter officer asks for a paper of an online dossier (Mẫu 02), its citizen
 * uploads that paper from "Hồ sơ của tôi" and sends it, the officer sees it and records the complete file, which
 * restarts the clock with a new due date. 16/03/2026 is a Monday.
 */
const clock = manualClock(new Date('2026-03-16T09:00:00+07:00'));
const RECOGNITION = '1.001022'; // 3 working days
const FORM = 'to-khai-nhan-cha-me-con';
const PROOF = 'chung-cu-quan-he-cha-me-con';
const PHONE = '0977555666';
const applicant = {
  fullName: 'Đỗ Thị Thu',
  idNumber: '031192006789',
  phone: PHONE,
  address: 'Số 4, ngõ 1, Tổ dân phố số 5, phường Thành Đông',
};
const OCTET = { 'content-type': 'application/octet-stream' };

interface Notice {
  documents: { id: string; name: string }[];
  uploads: { id: string; documentId: string; fileName: string }[];
  sentAt: string | null;
  reason: string | null;
  uploadRules: { maxFiles: number; maxBytes: number };
}

describe('a supplement sent online', () => {
  let platform: TestPlatform;
  let counter: Agent;
  let citizen: CitizenAgent;
  let stranger: CitizenAgent;
  let photo: Buffer;
  let keys = 0;
  const key = () => ({ 'idempotency-key': `online-supplement-${++keys}` });
  const supplementPath = (code: string) => `/api/v1/citizen/dossiers/${code}/supplement`;
  const upload = (who: CitizenAgent, code: string, bytes: Buffer, documentId = PROOF) =>
    who.request('POST', `${supplementPath(code)}/uploads?documentId=${documentId}&fileName=anh.png`, bytes, {
      ...OCTET,
      ...key(),
    });
  const send = (who: CitizenAgent, code: string) =>
    who.request('POST', `${supplementPath(code)}/submit`, undefined, key());
  const act = (code: string, action: string, body: unknown) =>
    counter.request('POST', `/api/v1/dossiers/${code}/actions/${action}`, body, key());
  const staffFiles = async (code: string) =>
    (await counter.request('GET', `/api/v1/dossiers/${code}/files`)).json<{
      items: { kind: string; documentId: string }[];
    }>().items;

  /** Whether the officer's queue flags the dossier's supplement as arrived. */
  const arrived = async (code: string) =>
    (await counter.request('GET', '/api/v1/dossiers?status=supplement_requested'))
      .json<{ items: { code: string; supplementArrived: boolean }[] }>()
      .items.find((i) => i.code === code)?.supplementArrived;

  /** Moves the clock and signs the officer and the citizen in again (sessions follow the platform's clock). */
  async function at(iso: string) {
    clock.set(new Date(iso));
    counter = await signIn(platform.app, 'motcua');
    citizen = await signInCitizenByPhone(platform.app, platform.database, PHONE);
  }

  async function intake(body: Record<string, unknown>) {
    const response = await counter.request(
      'POST',
      '/api/v1/dossiers',
      { procedureCode: RECOGNITION, applicant, channel: 'online', ...body },
      key(),
    );
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ code: string; dueDate: string | null }>();
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ clock });
    await at('2026-03-16T09:00:00+07:00');
    stranger = await signInCitizenByPhone(platform.app, platform.database, '0977888999');
    photo = await QRCode.toBuffer('Ảnh chụp chứng cứ bằng điện thoại');
  });
  afterAll(() => platform?.close());

  it('takes only the papers the notice lists, checked by their bytes, and all of them at once', async () => {
    const { code } = await intake({
      documentsReceived: [FORM],
      outcome: 'request_supplement',
      missingDocuments: [PROOF],
      reasons: ['Thiếu chứng cứ chứng minh quan hệ cha, mẹ, con.'],
    });
    const notice = (await citizen.request('GET', supplementPath(code))).json<Notice>();
    expect(notice.documents).toEqual([{ id: PROOF, name: expect.stringContaining('Chứng cứ') }]);
    expect(notice).toMatchObject({ uploads: [], sentAt: null, uploadRules: { maxFiles: 20 } });
    expect((await stranger.request('GET', supplementPath(code))).statusCode).toBe(404);

    const outside = await upload(citizen, code, photo, FORM);
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.fields.documentId).toBe(
      'Giấy tờ này không có trong phiếu yêu cầu bổ sung của hồ sơ.',
    );
    const notAPicture = await upload(citizen, code, Buffer.from('xin chào, đây không phải ảnh'));
    expect(notAPicture.statusCode).toBe(415);
    const tooBig = Buffer.alloc(notice.uploadRules.maxBytes + 1);
    photo.copy(tooBig);
    expect((await upload(citizen, code, tooBig)).statusCode).toBe(413);
    const empty = await send(citizen, code);
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.fields).toHaveProperty(`documents.${PROOF}`);
    expect((await upload(stranger, code, photo)).statusCode).toBe(404);

    const added = await upload(citizen, code, photo);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json<Notice>().uploads).toMatchObject([{ documentId: PROOF, fileName: 'anh.png' }]);
    expect((await upload(citizen, code, photo)).statusCode).toBe(409); // the same file twice
    // Not sent yet: the officer does not see it.
    expect((await staffFiles(code)).filter((f) => f.kind !== 'submitted')).toEqual([]);
  });

  it('lets the officer see what was sent and record the complete file, which starts the clock', async () => {
    const { code } = await intake({
      documentsReceived: [FORM],
      outcome: 'request_supplement',
      missingDocuments: [PROOF],
      reasons: ['Thiếu chứng cứ.'],
    });
    const spare = (await upload(citizen, code, await QRCode.toBuffer('Ảnh thừa'))).json<Notice>();
    const [extra] = spare.uploads;
    const removed = await citizen.request(
      'DELETE',
      `${supplementPath(code)}/uploads/${extra?.id}`,
      undefined,
      key(),
    );
    expect(removed.statusCode).toBe(204);
    expect((await upload(citizen, code, photo)).statusCode).toBe(201);

    expect(await arrived(code)).toBe(false);

    await at('2026-03-16T20:00:00+07:00');
    const sent = await send(citizen, code);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json<Notice>()).toMatchObject({
      sentAt: '2026-03-16T13:00:00.000Z',
      uploads: [{ documentId: PROOF }],
    });
    expect((await send(citizen, code)).statusCode).toBe(409);
    expect((await upload(citizen, code, await QRCode.toBuffer('Muộn'))).statusCode).toBe(409);

    expect(await staffFiles(code)).toEqual([
      expect.objectContaining({ kind: 'supplement', documentId: PROOF }),
    ]);
    const seen = (await counter.request('GET', `/api/v1/dossiers/${code}`)).json<{
      status: string;
      events: { action: string; label: string; actorName: string }[];
    }>();
    expect(seen.status).toBe('supplement_requested');
    expect(seen.events.at(-1)).toMatchObject({
      action: 'supplement_submitted',
      label: 'Gửi giấy tờ bổ sung trực tuyến',
      actorName: expect.any(String),
    });
    const [audit] = await platform.database.sql.query<{ summary: unknown }>(
      "SELECT summary FROM audit_log WHERE action = 'dossier.supplement_submitted' AND target_id = $1",
      [code],
    );
    expect(audit?.summary).toEqual({ documentIds: [PROOF], files: 1 });
    expect(await arrived(code)).toBe(true);
    // The citizen is told the papers arrived, once, on the channel of the dossier (SMS at the counter).
    const [told, ...again] = await platform.database.sql.query<{ channel: string; body: string }>(
      "SELECT channel, body FROM outbox_messages WHERE reference_id = $1 AND template_key = 'dossier.supplement_sent'",
      [code],
    );
    expect(again).toEqual([]);
    expect(told).toMatchObject({
      channel: 'sms',
      body: expect.stringContaining(`Da nhan giay to bo sung cua ho so ${code}`),
    });

    // Tuesday morning the officer records the complete file: received, due three working days later.
    await at('2026-03-17T08:30:00+07:00');
    const received = await act(code, 'receive', { receivedDocumentIds: [PROOF] });
    expect(received.statusCode, received.body).toBe(200);
    expect(received.json()).toMatchObject({ status: 'received', dueDate: '2026-03-20' });
    expect((await citizen.request('GET', supplementPath(code))).statusCode).toBe(409);
  });

  it('resumes the clock of a dossier already received with a new due date, as at the counter', async () => {
    await at('2026-03-23T09:00:00+07:00'); // Monday
    const { code, dueDate } = await intake({ documentsReceived: [FORM, PROOF] });
    expect(dueDate).toBe('2026-03-26');
    await at('2026-03-24T09:00:00+07:00');
    const asked = await act(code, 'request_supplement', {
      requestedDocumentIds: [PROOF],
      reason: 'Ảnh chụp chứng cứ bị mờ.',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    expect((await citizen.request('GET', supplementPath(code))).json<Notice>().reason).toBe(
      'Ảnh chụp chứng cứ bị mờ.',
    );
    await at('2026-03-26T09:00:00+07:00');
    expect((await upload(citizen, code, photo)).statusCode).toBe(201);
    expect((await send(citizen, code)).statusCode).toBe(200);
    const resumed = await act(code, 'supplement_received', { receivedDocumentIds: [PROOF] });
    expect(resumed.statusCode, resumed.body).toBe(200);
    const after = resumed.json<{ status: string; dueDate: string }>();
    expect(after.status).toBe('processing');
    expect(after.dueDate > '2026-03-26').toBe(true);
    const [event] = await platform.database.sql.query<{ data: { newDueDate: string; oldDueDate: string } }>(
      "SELECT e.data FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id WHERE d.code = $1 AND e.action = 'supplement_received'",
      [code],
    );
    expect(event?.data).toMatchObject({ oldDueDate: '2026-03-26', newDueDate: after.dueDate });
  });

  it('is for online dossiers only: a counter dossier is supplemented at the centre', async () => {
    const { code } = await intake({
      channel: 'counter',
      documentsReceived: [FORM],
      outcome: 'request_supplement',
      missingDocuments: [PROOF],
      reasons: ['Thiếu chứng cứ.'],
    });
    const response = await citizen.request('GET', supplementPath(code));
    expect(response.statusCode).toBe(422);
    expect(response.json().error.message).toMatch(/mang giấy tờ bổ sung đến Trung tâm/);
  });
});
