import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/platform/clock';
import { signIn, startTestPlatform, type Agent, type TestPlatform } from '../support/app';
import { signInCitizenByPhone, type CitizenAgent } from '../support/citizen';

/**
 * Home intake (seed III.6, model 1): a relative asks on the portal, the centre schedules the visit and assigns a
 * counter officer, the officer takes the dossier at the home with the ordinary intake (channel "home"), the request
 * is linked to the dossier and the dossier counts among the home intakes. Group heads ask from the workspace.
 */

interface Visit {
  id: string;
  code: string;
  status: string;
  statusLabel: string;
  requesterKind?: string;
  requesterName?: string;
  contactPhone?: string;
  person?: { fullName: string; address: string | null; phone: string | null };
  personName?: string;
  visit: { day: string; from: string; to: string; officerId: string; officerName: string } | null;
  dossierCode: string | null;
  cancelReason: string | null;
  masked?: boolean;
}

const PERSON = {
  fullName: 'Nguyễn Văn An',
  address: 'Số 3, ngõ 5, Tổ dân phố số 1, phường Thành Đông',
};
const REQUEST = {
  requesterKind: 'relative',
  requesterName: 'Nguyễn Thị Bình',
  contactPhone: '0912 345 678',
  person: PERSON,
  reason: 'elderly',
  /** Nhận cha, mẹ, con: 3 working days. */
  procedureCode: '1.001022',
  preferredTimes: 'Sáng thứ Năm',
};
const RECOGNITION_PAPERS = ['to-khai-nhan-cha-me-con', 'chung-cu-quan-he-cha-me-con'];

describe('home intake', () => {
  const clock = manualClock(new Date('2026-03-10T09:00:00+07:00')); // Tuesday
  let platform: TestPlatform;
  let relative: CitizenAgent;
  let motcua: Agent;
  let chutich: Agent;
  let keys = 0;
  const key = () => ({ 'idempotency-key': `home-visit-${++keys}` });
  const sql = <T>(text: string, params: unknown[] = []) =>
    platform.database.sql.query<T>(text, params) as Promise<T[]>;

  async function staffId(username: string): Promise<string> {
    const [row] = await sql<{ id: string }>('SELECT id FROM staff_accounts WHERE username = $1', [username]);
    return row?.id ?? '';
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ clock });
    relative = await signInCitizenByPhone(platform.app, platform.database, '0906111222');
    motcua = await signIn(platform.app, 'motcua');
    chutich = await signIn(platform.app, 'chutich');
  });
  afterAll(() => platform.close());

  it('a relative asks, the centre schedules, the officer takes the dossier at home: linked and counted', async () => {
    const asked = await relative.request('POST', '/api/v1/citizen/home-visits', REQUEST, key());
    expect(asked.statusCode, asked.body).toBe(201);
    const request = asked.json<Visit>();
    expect(request).toMatchObject({
      status: 'requested',
      statusLabel: 'Chờ xếp lịch',
      personName: PERSON.fullName,
    });
    expect(request.code).toMatch(/^TN-[A-Z2-9]{6}$/);

    // The centre sees it in full (an audited read), the chairman masked, another ward not at all.
    const listed = await motcua.request('GET', '/api/v1/home-visits');
    const served = listed.json<{ items: Visit[] }>().items.find((v) => v.id === request.id);
    expect(served).toMatchObject({
      requesterKind: 'relative',
      requesterName: 'Nguyễn Thị Bình',
      contactPhone: '0912345678',
      person: { ...PERSON, phone: null },
      masked: false,
    });
    const reads = await sql<{ summary: { codes: string[] } }>(
      "SELECT summary FROM audit_log WHERE action = 'personal_data.read' AND target_type = 'home_visit'",
    );
    expect(reads.some((r) => r.summary.codes.includes(request.code))).toBe(true);
    const masked = (await chutich.request('GET', `/api/v1/home-visits/${request.id}`)).json<Visit>();
    expect(masked).toMatchObject({
      masked: true,
      contactPhone: '0912***678',
      person: { fullName: 'N***** V** A**', address: null },
    });
    const hdMotcua = await signIn(platform.app, 'hd.motcua');
    expect((await hdMotcua.request('GET', `/api/v1/home-visits/${request.id}`)).statusCode).toBe(404);

    // Scheduling: a working day within office hours, and a counter officer.
    const schedule = (body: Record<string, string>) =>
      motcua.request('POST', `/api/v1/home-visits/${request.id}/schedule`, body, key());
    const slot = { day: '2026-03-12', from: '09:00', to: '10:00', officerId: await staffId('motcua') };
    const saturday = await schedule({ ...slot, day: '2026-03-14' });
    expect(saturday.statusCode).toBe(400);
    expect(saturday.json().error.fields).toEqual({ day: 'Ngày 14/03/2026 không phải ngày làm việc.' });
    const notCentre = await schedule({ ...slot, officerId: await staffId('chuyenvien') });
    expect(notCentre.json().error.fields).toHaveProperty('officerId');
    const scheduled = await schedule(slot);
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    expect(scheduled.json<Visit>()).toMatchObject({
      status: 'scheduled',
      visit: { day: '2026-03-12', from: '09:00', to: '10:00', officerName: 'Trần Thị Hằng' },
    });
    // The requester is told the day and the time window by SMS, through the outbox; again when it moves.
    expect((await schedule({ ...slot, from: '08:30', to: '09:30' })).statusCode).toBe(200);
    const told = await sql<{ channel: string; recipient: string; template_key: string; body: string }>(
      'SELECT channel, recipient, template_key, body FROM outbox_messages WHERE reference_id = $1 ORDER BY created_at',
      [request.code],
    );
    expect(told).toEqual([
      {
        channel: 'sms',
        recipient: '0912345678',
        template_key: 'home_visit.scheduled',
        body:
          `UBND phuong Thanh Dong: Da xep lich tiep nhan ho so tai nha (${request.code}): ngay 12/03/2026, ` +
          'tu 09:00 den 10:00, can bo Tran Thi Hang.',
      },
      expect.objectContaining({
        template_key: 'home_visit.rescheduled',
        body: expect.stringContaining('Da doi lich tiep nhan ho so tai nha'),
      }),
    ]);
    expect(told[1]?.body).toContain('ngay 12/03/2026, tu 08:30 den 09:30');

    // A dossier taken at the counter is not the home intake.
    const counter = await motcua.request(
      'POST',
      '/api/v1/dossiers',
      {
        procedureCode: REQUEST.procedureCode,
        applicant: { ...PERSON, idNumber: '031050001234', phone: '0912345678' },
        documentsReceived: RECOGNITION_PAPERS,
        channel: 'counter',
      },
      key(),
    );
    const wrong = await motcua.request(
      'POST',
      `/api/v1/home-visits/${request.id}/dossier`,
      { dossierCode: counter.json().code },
      key(),
    );
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.fields.dossierCode).toMatch(/không được tiếp nhận tại nhà/);

    // Thursday at the home: the same intake, channel "home", then the link.
    clock.set(new Date('2026-03-12T09:20:00+07:00'));
    const officer = await signIn(platform.app, 'motcua');
    const taken = await officer.request(
      'POST',
      '/api/v1/dossiers',
      {
        procedureCode: REQUEST.procedureCode,
        applicant: { ...PERSON, idNumber: '031050001234', phone: '0912345678' },
        documentsReceived: RECOGNITION_PAPERS,
        channel: 'home',
      },
      key(),
    );
    expect(taken.statusCode, taken.body).toBe(201);
    const dossierCode = taken.json<{ code: string }>().code;
    const linked = await officer.request(
      'POST',
      `/api/v1/home-visits/${request.id}/dossier`,
      { dossierCode },
      key(),
    );
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json<Visit>()).toMatchObject({ status: 'done', dossierCode });
    const again = await officer.request(
      'POST',
      `/api/v1/home-visits/${request.id}/dossier`,
      { dossierCode },
      key(),
    );
    expect(again.statusCode).toBe(409);
    const audit = await sql<{ action: string }>(
      "SELECT action FROM audit_log WHERE target_id = $1 AND action LIKE 'home_visit.%' ORDER BY id",
      [request.code],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'home_visit.requested',
      'home_visit.scheduled',
      'home_visit.rescheduled',
      'home_visit.dossier_taken',
    ]);

    // The relative follows it on the portal (sessions follow the clock: signed in again on the day).
    relative = await signInCitizenByPhone(platform.app, platform.database, '0906111222');
    const mine = (await relative.request('GET', '/api/v1/citizen/home-visits')).json<{ items: Visit[] }>();
    expect(mine.items).toEqual([
      expect.objectContaining({
        code: request.code,
        status: 'done',
        dossierCode,
        personName: PERSON.fullName,
      }),
    ]);

    // Counted among the home intakes of March, and listed behind the figure.
    const figures = (
      await officer.request('GET', '/api/v1/indicators/one-stop?from=2026-03-01&to=2026-03-31')
    ).json<{ figures: { key: string; value: number; href: string }[] }>().figures;
    const homeIntakes = figures.find((f) => f.key === 'homeIntakes');
    expect(homeIntakes?.value).toBe(1);
    const behind = await officer.request('GET', homeIntakes?.href ?? '');
    expect(behind.json<{ items: { code: string }[] }>().items.map((i) => i.code)).toEqual([dossierCode]);
  });

  it('a residential-group head asks from the workspace; the centre cancels with a reason, once', async () => {
    const totruong = await signIn(platform.app, 'totruong');
    const motcua = await signIn(platform.app, 'motcua');
    const { requesterKind: _, requesterName: __, ...body } = REQUEST;
    const asked = await totruong.request(
      'POST',
      '/api/v1/home-visits',
      { ...body, reason: 'disabled' },
      key(),
    );
    expect(asked.statusCode, asked.body).toBe(201);
    const request = asked.json<Visit>();
    expect(request).toMatchObject({ requesterKind: 'group_head', requesterName: 'Đỗ Văn Bình' });
    const mine = (await totruong.request('GET', '/api/v1/home-visits/requested')).json<{ items: Visit[] }>();
    expect(mine.items.map((v) => v.id)).toEqual([request.id]);
    expect((await totruong.request('GET', '/api/v1/home-visits')).statusCode).toBe(403);

    const cancel = (reason: string) =>
      motcua.request('POST', `/api/v1/home-visits/${request.id}/cancel`, { reason }, key());
    expect((await cancel('Ok')).statusCode).toBe(400);
    const cancelled = await cancel('Gia đình đã đưa người cần tiếp nhận đến Trung tâm');
    expect(cancelled.json<Visit>()).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Gia đình đã đưa người cần tiếp nhận đến Trung tâm',
    });
    const twice = await cancel('Hủy lần nữa');
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('INVALID_TRANSITION');
    // The contact is told no one will come, and why, in one SMS; once, though the officer pressed twice.
    const told = await sql<{ channel: string; recipient: string; template_key: string; body: string }>(
      'SELECT channel, recipient, template_key, body FROM outbox_messages WHERE reference_id = $1',
      [request.code],
    );
    expect(told).toEqual([
      {
        channel: 'sms',
        recipient: '0912345678',
        template_key: 'home_visit.cancelled',
        body:
          `UBND phuong Thanh Dong: Da huy lich den nha tiep nhan ho so (${request.code}). ` +
          'Ly do: Gia dinh da dua nguoi can tiep nhan den Trung tam.',
      },
    ]);
  });

  it('refuses a request it cannot serve, and more than three waiting from one account', async () => {
    const citizen = await signInCitizenByPhone(platform.app, platform.database, '0906333444');
    const send = (body: unknown) => citizen.request('POST', '/api/v1/citizen/home-visits', body, key());
    const invalid = await send({ ...REQUEST, contactPhone: '12345', reason: 'busy' });
    expect(invalid.statusCode).toBe(400);
    expect(Object.keys(invalid.json().error.fields).sort()).toEqual(['contactPhone', 'reason']);
    const unknown = await send({ ...REQUEST, procedureCode: '9.999999' });
    expect(unknown.json().error.fields).toEqual({
      procedureCode: 'Xin vui lòng chọn một thủ tục của phường.',
    });

    for (let i = 0; i < 3; i++) expect((await send(REQUEST)).statusCode).toBe(201);
    const fourth = await send(REQUEST);
    expect(fourth.statusCode).toBe(422);
    expect(fourth.json().error.message).toMatch(/3 yêu cầu chờ tiếp nhận/);
  });
});
