import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/platform/clock';
import { signIn, startTestPlatform, type Agent, type TestPlatform } from '../support/app';
import { ok, unitId } from '../support/feedback';

// Open311 GeoReport v2 over the feedback register, spoken over a real socket the way GeoReport clients do:
// form-encoded POST, JSON answers, errors as [{ code, description }].
const clock = manualClock(new Date('2026-03-02T09:00:00+07:00'));

describe('Open311 GeoReport v2', () => {
  let platform: TestPlatform;
  let base = '';
  let head: Agent;

  const get = async (path: string) => {
    const response = await fetch(`${base}${path}`);
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: await response.json(),
    };
  };
  const post = async (fields: Record<string, string>) => {
    const response = await fetch(`${base}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    return { status: response.status, body: await response.json() };
  };
  const REPORT = {
    jurisdiction_id: '10507',
    service_code: 'moi-truong',
    lat: '20.8449',
    long: '106.6881',
    address_string: 'Đầu ngõ 12 phố Lạch Tray',
    description: 'Rác thải đổ bừa bãi ở đầu ngõ 12 phố Lạch Tray ba ngày chưa được thu gom.',
    first_name: 'Hằng',
    last_name: 'Nguyễn Thị',
    phone: '0912345678',
  };

  beforeAll(async () => {
    platform = await startTestPlatform({ clock });
    await platform.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(platform.app.server.address() as AddressInfo).port}`;
    head = await signIn(platform.app, 'truongphong');
  });
  afterAll(() => platform.close());

  it('lists the services: the feedback categories', async () => {
    const { status, type, body } = await get('/open311/v2/services.json');
    expect(status).toBe(200);
    expect(type).toContain('application/json');
    expect(body).toHaveLength(7);
    expect(body[0]).toEqual({
      service_code: 'ha-tang',
      service_name: 'Hạ tầng, giao thông, chiếu sáng',
      description: 'Đường, vỉa hè, cống thoát nước, đèn chiếu sáng công cộng, cây xanh hư hỏng.',
      metadata: false,
      type: 'realtime',
      keywords: '',
      group: 'Phản ánh, kiến nghị',
    });
  });

  it('files a request, reads it back by id, and follows it to its answer', async () => {
    const filed = await post(REPORT);
    expect(filed.status).toBe(200);
    const [created] = filed.body;
    expect(created.service_request_id).toMatch(/^PA-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(created.service_notice).toBe('Đã tiếp nhận; hạn trả lời 16/03/2026.');
    const id = created.service_request_id as string;

    const [row] = await platform.database.sql.query<{
      source: string;
      contact_name: string;
      latitude: number;
    }>(`SELECT source, contact_name, latitude FROM feedback_items WHERE code = '${id}'`);
    expect(row).toEqual({ source: 'open311', contact_name: 'Hằng Nguyễn Thị', latitude: 20.8449 });

    const read = await get(`/open311/v2/requests/${id}.json`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual([
      {
        service_request_id: id,
        status: 'open',
        status_notes: null,
        service_name: 'Vệ sinh môi trường',
        service_code: 'moi-truong',
        description: null, // not published: the text stays with the ward
        agency_responsible: 'Ủy ban nhân dân phường Thành Đông',
        service_notice: 'Phản ánh; hạn trả lời 16/03/2026',
        requested_datetime: '2026-03-02T09:00:00+07:00',
        updated_datetime: '2026-03-02T09:00:00+07:00',
        expected_datetime: '2026-03-16T23:59:59+07:00',
        address: null,
        address_id: null,
        zipcode: null,
        lat: null,
        long: null,
        media_url: null,
      },
    ]);
    expect(JSON.stringify(read.body)).not.toContain('0912345678');

    ok(
      await head.request('POST', `/api/v1/feedback/${id}/route`, {
        unitId: await unitId(platform, 'culture'),
      }),
      200,
    );
    const answer = 'Phường đã thu gom rác và nhắc nhở các hộ dân đổ rác đúng giờ. Xin cảm ơn.';
    ok(await head.request('POST', `/api/v1/feedback/${id}/answer`, { answer }), 200);
    const [closed] = (await get(`/open311/v2/requests.json?service_request_id=${id},PA-0000-0000`)).body;
    expect(closed).toMatchObject({
      service_request_id: id,
      status: 'closed',
      status_notes: answer,
      agency_responsible: 'Phòng Văn hoá – Xã hội',
    });
  });

  it('lists without an id only what the ward published, with its text and place', async () => {
    const consenting = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      payload: {
        kind: 'kien_nghi',
        category: 'ha-tang',
        text: 'Đề nghị lắp thêm đèn chiếu sáng ở sân chơi Tổ dân phố số 3.',
        latitude: 20.85,
        longitude: 106.69,
        anonymous: true,
        publishConsent: true,
      },
    });
    const code = ok(consenting, 201).code as string;
    ok(
      await head.request('POST', `/api/v1/feedback/${code}/route`, {
        unitId: await unitId(platform, 'culture'),
      }),
      200,
    );
    ok(
      await head.request('POST', `/api/v1/feedback/${code}/answer`, {
        answer: 'Phường sẽ lắp đèn trong quý II/2026.',
      }),
      200,
    );
    expect((await get('/open311/v2/requests.json')).body).toEqual([]);
    ok(await head.request('POST', `/api/v1/feedback/${code}/publish`), 200);

    const listed = (await get('/open311/v2/requests.json?status=closed&service_code=ha-tang')).body;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      service_request_id: code,
      description: 'Đề nghị lắp thêm đèn chiếu sáng ở sân chơi Tổ dân phố số 3.',
      lat: 20.85,
      long: 106.69,
      status: 'closed',
    });
    expect((await get('/open311/v2/requests.json?status=open')).body).toEqual([]);
    expect((await get('/open311/v2/requests.json?end_date=2026-01-01T00:00:00%2B07:00')).body).toEqual([]);
  });

  it('answers errors the GeoReport way', async () => {
    const unknown = await post({ ...REPORT, service_code: 'khong-co' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual([
      { code: 400, description: 'service_code không có trong danh sách dịch vụ (services.json).' },
    ]);
    const short = await post({ ...REPORT, description: 'Rác' });
    expect(short.status).toBe(400);
    expect(short.body[0].description).toContain('ít nhất 10 ký tự');
    const missing = await get('/open311/v2/requests/PA-0000-0000.json');
    expect(missing.status).toBe(404);
    expect(missing.body[0].code).toBe(404);
  });

  it('takes JSON too, and an anonymous request when no e-mail or phone is given', async () => {
    const response = await fetch(`${base}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        service_code: 'an-ninh-trat-tu',
        description: 'Nhóm thanh niên tụ tập gây ồn sau 23 giờ.',
      }),
    });
    expect(response.status).toBe(200);
    const [{ service_request_id: id }] = (await response.json()) as { service_request_id: string }[];
    const [row] = await platform.database.sql.query<{ anonymous: boolean; ward_code: string }>(
      `SELECT anonymous, ward_code FROM feedback_items WHERE code = '${id}'`,
    );
    expect(row).toEqual({ anonymous: true, ward_code: '10507' });
  });
});
