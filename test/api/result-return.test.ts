import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/platform/clock';
import { signIn, startTestPlatform, type Agent, type TestPlatform } from '../support/app';
import { signInCitizenByPhone, type CitizenAgent } from '../support/citizen';
import { OCTET, twoPagePdf } from '../support/online';
import { pdfText } from '../support/pdf';

/**
 * How the result comes back, registered at the counter (Mẫu 01): at the centre, by post to an address, or online
 * for a fully online procedure; an online return needs the electronic result (a PDF), which the applicant alone
 * downloads from "Hồ sơ của tôi". Wednesday 02/12/2026, 09:00.
 */

// Birth registration is fully online (toàn trình); copy certification only partly.
const BIRTH = {
  procedureCode: '1.001193',
  documentsReceived: ['to-khai-dang-ky-khai-sinh', 'giay-chung-sinh'],
};
const COPY = { procedureCode: '2.000815', documentsReceived: ['ban-sao-can-chung-thuc'], fee: { pages: 1 } };
const PHONE = '0912345678';
const applicant = {
  fullName: 'Đỗ Thị Hoa',
  idNumber: '031190007788',
  phone: PHONE,
  address: 'Số 5, ngõ 2, Tổ dân phố số 4, phường Thành Đông',
};
const POSTAL = 'Số 18 đường Lạch Tray, phường Gia Viên, thành phố Hải Phòng';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

describe('return of the result as registered at intake', () => {
  const clock = manualClock(new Date('2026-12-02T09:00:00+07:00'));
  let platform: TestPlatform;
  let motcua: Agent;
  let owner: CitizenAgent;
  let stranger: CitizenAgent;
  let result: Buffer;
  let keys = 0;
  const key = () => ({ 'idempotency-key': `result-return-${++keys}` });
  const rows = <T>(text: string, params: unknown[] = []) => platform.database.sql.query<T>(text, params);
  const intake = (body: Record<string, unknown>) =>
    motcua.request('POST', '/api/v1/dossiers', { applicant, channel: 'counter', ...body }, key());
  const act = (code: string, action: string, body: unknown) =>
    motcua.request('POST', `/api/v1/dossiers/${code}/actions/${action}`, body, key());
  const attach = (code: string, bytes: Buffer, fileName = 'ket-qua.pdf') =>
    motcua.request('PUT', `/api/v1/dossiers/${code}/result-file?fileName=${fileName}`, bytes, {
      ...OCTET,
      ...key(),
    });
  const smsOf = async (code: string, template: string) =>
    (
      await rows<{ body: string }>(
        "SELECT body FROM outbox_messages WHERE reference_id = $1 AND template_key = $2 AND channel = 'sms'",
        [code, template],
      )
    )[0]?.body;

  /** Received, handed to the culture unit: being processed. */
  async function inProcess(body: Record<string, unknown>) {
    const created = await intake(body);
    expect(created.statusCode, created.body).toBe(201);
    const { code } = created.json<{ code: string }>();
    const { units } = (await motcua.request('GET', '/api/v1/wards/10507/units')).json();
    const culture = units.find((u: { kind: string }) => u.kind === 'culture')?.id;
    expect((await act(code, 'hand_over', { toUnit: culture })).statusCode).toBe(200);
    return code;
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ clock });
    motcua = await signIn(platform.app, 'motcua');
    owner = await signInCitizenByPhone(platform.app, platform.database, PHONE);
    stranger = await signInCitizenByPhone(platform.app, platform.database, '0912000111');
    result = await twoPagePdf();
  });
  afterAll(() => platform.close());

  it('registers the return at the counter: the centre by default, the post with its address, online if allowed', async () => {
    const atCentre = (await intake(BIRTH)).json<{ code: string }>().code;
    expect((await motcua.request('GET', `/api/v1/dossiers/${atCentre}`)).json()).toMatchObject({
      returnChannel: 'counter',
      returnAddress: null,
      notifyChannels: ['sms'],
    });

    const posted = await intake({ ...BIRTH, returnChannel: 'post', returnAddress: POSTAL });
    expect(posted.statusCode, posted.body).toBe(201);
    const code = posted.json<{ code: string }>().code;
    expect((await motcua.request('GET', `/api/v1/dossiers/${code}`)).json()).toMatchObject({
      returnChannel: 'post',
      returnAddress: POSTAL,
    });
    const receipt = await pdfText(
      (await motcua.request('GET', `/api/v1/dossiers/${code}/documents/receipt`)).rawPayload,
    );
    expect(receipt.replace(/\s+/g, ' ')).toContain(
      `Đăng ký nhận kết quả: Qua dịch vụ bưu chính công ích, đến địa chỉ: ${POSTAL}.`,
    );
    const [audit] = await rows<{ summary: { returnChannel: string } }>(
      "SELECT summary FROM audit_log WHERE action = 'dossier.receive' AND summary->>'returnChannel' = 'post'",
    );
    expect(audit?.summary.returnChannel).toBe('post');

    const notOnline = await intake({ ...COPY, returnChannel: 'online' });
    expect(notOnline.statusCode).toBe(422);
    expect(Object.keys(notOnline.json().error.fields)).toEqual(['returnChannel']);
    const addressAtCentre = await intake({ ...BIRTH, returnAddress: POSTAL });
    expect(addressAtCentre.statusCode).toBe(400);
    expect(Object.keys(addressAtCentre.json().error.fields)).toEqual(['returnAddress']);
  });

  it('an online return needs the PDF of the result, which only the applicant downloads', async () => {
    const code = await inProcess({ ...BIRTH, returnChannel: 'online' });
    const receipt = await pdfText(
      (await motcua.request('GET', `/api/v1/dossiers/${code}/documents/receipt`)).rawPayload,
    );
    expect(receipt).toContain('Đăng ký nhận kết quả: Trực tuyến, trên Cổng Dịch vụ công.');

    const early = await act(code, 'mark_result_ready', { resultDocument: 'Giấy khai sinh số 101' });
    expect(early.statusCode).toBe(422);
    expect(Object.keys(early.json().error.fields)).toEqual(['resultFile']);
    const image = await attach(code, PNG, 'ket-qua.pdf');
    expect(image.statusCode).toBe(415);
    expect((await attach(code, Buffer.from('%PDF-1.7 không phải PDF'))).statusCode).toBe(415);
    const first = await attach(code, await twoPagePdf(), 'ban-cu.pdf');
    expect(first.statusCode, first.body).toBe(200);
    const attached = await attach(code, result, 'giay-khai-sinh.pdf');
    expect(attached.json()).toMatchObject({
      kind: 'result',
      fileName: 'giay-khai-sinh.pdf',
      size: result.length,
    });
    // The second replaced the first.
    const files = (await motcua.request('GET', `/api/v1/dossiers/${code}/files`)).json().items;
    expect(files.map((f: { documentName: string }) => f.documentName)).toEqual([
      'Kết quả giải quyết (bản điện tử)',
    ]);

    const own = `/api/v1/citizen/dossiers/${code}`;
    expect((await owner.request('GET', own)).json().result).toBeNull();
    expect((await owner.request('GET', `${own}/result`)).statusCode).toBe(404);

    expect(
      (await act(code, 'mark_result_ready', { resultDocument: 'Giấy khai sinh số 101' })).statusCode,
    ).toBe(200);
    expect(await smsOf(code, 'dossier.result_ready')).toContain(
      'Moi ong/ba dang nhap muc Ho so cua toi de tai ban dien tu cua ket qua.',
    );
    expect((await owner.request('GET', own)).json().result).toEqual({
      fileName: 'giay-khai-sinh.pdf',
      size: result.length,
      url: `${own}/result`,
    });
    const download = await owner.request('GET', `${own}/result`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(download.rawPayload, result)).toBe(0);
    const audits = await rows<{ summary: { by: string } }>(
      "SELECT summary FROM audit_log WHERE action = 'dossier.result_downloaded' AND target_id = $1",
      [code],
    );
    expect(audits.map((a) => a.summary.by)).toEqual(['applicant']);
    expect((await stranger.request('GET', `${own}/result`)).statusCode).toBe(404);
    expect((await stranger.request('GET', own)).statusCode).toBe(404);

    const returned = await act(code, 'return_result', { channel: 'online' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(await smsOf(code, 'dossier.returned')).toContain('da tra ket qua truc tuyen ngay 02/12/2026');
    expect((await owner.request('GET', `${own}/result`)).statusCode).toBe(200);
    // Returned: the result can no longer be replaced.
    expect((await attach(code, result)).statusCode).toBe(409);
  });

  it('returns online only a fully online procedure, and only with its result attached', async () => {
    const copy = await inProcess(COPY);
    expect((await act(copy, 'mark_result_ready', { resultDocument: 'Bản sao số 7/CT' })).statusCode).toBe(
      200,
    );
    const refused = await act(copy, 'return_result', { channel: 'online' });
    expect(refused.statusCode).toBe(422);
    expect(Object.keys(refused.json().error.fields)).toEqual(['channel']);

    const birth = await inProcess(BIRTH);
    expect(
      (await act(birth, 'mark_result_ready', { resultDocument: 'Giấy khai sinh số 102' })).statusCode,
    ).toBe(200);
    const bare = await act(birth, 'return_result', { channel: 'online' });
    expect(bare.statusCode).toBe(422);
    expect(Object.keys(bare.json().error.fields)).toEqual(['resultFile']);
    expect((await attach(birth, result)).statusCode).toBe(200);
    expect((await act(birth, 'return_result', { channel: 'online' })).statusCode).toBe(200);
    // Returned online: the applicant downloads it although they registered the centre.
    expect((await owner.request('GET', `/api/v1/citizen/dossiers/${birth}/result`)).statusCode).toBe(200);
  });
});
