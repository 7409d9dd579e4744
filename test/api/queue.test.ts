import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskKey } from '../../src/modules/queue/kiosk';
import { manualClock } from '../../src/platform/clock';
import { readConfig } from '../../src/platform/config';
import { signIn, startTestPlatform, type Agent, type TestPlatform } from '../support/app';
import { postTake, takeKeyOf, takeTicketId } from '../support/queue';

// Queue tickets at the one-stop centre: the public pages (plain HTML, no script), the counters' API, the
// figures and the limits: ward isolation and the per-address limit on phones.
const clock = manualClock(new Date('2026-03-10T08:00:00+07:00'));
const KIOSK = kioskKey(readConfig({}).ratingSecret, '10507');
const A = 'tu-phap-ho-tich';
const D = 'chung-thuc';

describe('queue tickets', () => {
  let platform: TestPlatform;
  let motcua: Agent;
  let quantri: Agent;
  let hdMotcua: Agent;
  let hdQuantri: Agent;
  let thanhpho: Agent;

  const get = (url: string) => platform.app.inject({ method: 'GET', url });
  const callNext = (agent: Agent, counter: string) =>
    agent.request('POST', `/api/v1/queue/counters/${counter}/call-next`);
  const act = (agent: Agent, id: string, action: string) =>
    agent.request('POST', `/api/v1/queue/tickets/${id}/${action}`);
  const auditActions = async (id: string) =>
    (
      await platform.database.sql.query<{ action: string }>(
        'SELECT action FROM audit_log WHERE target_id = $1 ORDER BY id',
        [id],
      )
    ).map((r) => r.action);

  beforeAll(async () => {
    platform = await startTestPlatform({ clock });
    motcua = await signIn(platform.app, 'motcua');
    quantri = await signIn(platform.app, 'quantri');
    hdMotcua = await signIn(platform.app, 'hd.motcua');
    hdQuantri = await signIn(platform.app, 'hd.quantri');
    thanhpho = await signIn(platform.app, 'thanhpho');
  });
  afterAll(() => platform.close());

  describe('the pages, without JavaScript', () => {
    it('offers a big button per group the counters call, with who is waiting', async () => {
      const page = await get('/lay-so');
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.body).not.toContain('<script');
      expect(page.body).toContain('<h1>Lấy số thứ tự</h1>');
      expect(page.body).toContain('<form method="post" action="/lay-so">');
      const buttons = [...page.body.matchAll(/<button type="submit" name="group" value="([a-z-]+)"/g)];
      expect(buttons.map((b) => b[1])).toEqual([A, 'dat-dai-xay-dung', 'lao-dong-xa-hoi', D]);
      expect(page.body).toContain('<span>A – Tư pháp – Hộ tịch</span>');
      expect(page.body).toContain('Lao động – Thương binh – Xã hội');
      expect(page.body).toContain('Không cần khai báo thông tin cá nhân.');
      // A phone's page has no QR code; the kiosk's shows the one to take the number on a phone.
      expect(page.body).not.toContain('<svg');
      const kiosk = await get(`/lay-so?may=${KIOSK}`);
      expect(kiosk.body).toContain(`action="/lay-so?may=${KIOSK}"`);
      expect(kiosk.body).toContain('class="kiosk"');
      expect(kiosk.body).toContain('<svg');
    });

    it('gives a ticket, its place in the queue, and the same ticket for the same form sent twice', async () => {
      clock.set(new Date('2026-03-10T08:00:00+07:00'));
      const first = await takeTicketId(platform.app, A);
      clock.set(new Date('2026-03-10T08:01:00+07:00'));
      const page = await get('/lay-so');
      const key = takeKeyOf(page.body);
      const second = await postTake(platform.app, A, { key });
      const again = await postTake(platform.app, A, { key });
      expect(second.statusCode).toBe(303);
      expect(again.headers.location).toBe(second.headers.location);

      const firstPage = await get(`/so-thu-tu/${first}`);
      expect(firstPage.statusCode).toBe(200);
      expect(firstPage.body).not.toContain('<script');
      expect(firstPage.body).toContain('<p class="tk">A001</p>');
      expect(firstPage.body).toContain('Ông/Bà là người kế tiếp của lĩnh vực này.');
      expect(firstPage.body).toContain('10/03/2026 08:00');
      expect(firstPage.headers.refresh).toBe('15');
      const secondPage = await get(String(second.headers.location));
      expect(secondPage.body).toContain('<p class="tk">A002</p>');
      expect(secondPage.body).toContain('Trước Ông/Bà còn 1 người cùng lĩnh vực đang chờ.');
      expect(await auditActions(first)).toEqual(['queue.take']);
    });

    it('on the kiosk, shows the ticket with its QR code, then the form again for the next person', async () => {
      const response = await postTake(platform.app, D, { query: `may=${KIOSK}` });
      expect(response.statusCode).toBe(303);
      const location = String(response.headers.location);
      expect(location).toMatch(new RegExp(`^/so-thu-tu/[0-9a-f-]{36}\\?may=${KIOSK}$`));
      const page = await get(location);
      expect(page.body).toContain('<p class="tk">D001</p>');
      expect(page.body).toContain('Quét mã QR bằng điện thoại để theo dõi số thứ tự của Ông/Bà.');
      expect(page.body).toContain(`<a href="/lay-so?may=${KIOSK}">Lấy số khác</a>`);
      expect(page.headers.refresh).toBe(`20;url=/lay-so?may=${KIOSK}`);
      const [row] = await platform.database.sql.query<{ channel: string }>(
        "SELECT channel FROM queue_tickets WHERE code = 'D001'",
      );
      expect(row?.channel).toBe('kiosk');
    });

    it('asks again, politely, when no group was chosen', async () => {
      const page = await get('/lay-so');
      const key = takeKeyOf(page.body);
      const response = await postTake(platform.app, 'khong-co', { key });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('<title>Lỗi: Lấy số thứ tự');
      expect(response.body).toContain('Xin Ông/Bà chọn một lĩnh vực cần giải quyết.');
      expect(takeKeyOf(response.body)).toBe(key);
    });

    it("refuses a number past the group's last of the day, and takes none", async () => {
      const C = 'lao-dong-xa-hoi';
      await platform.database.sql.query(
        "INSERT INTO queue_day_counters (ward_code, day, group_key, last_number) VALUES ('10507', '2026-03-10', $1, 999)",
        [C],
      );
      const response = await postTake(platform.app, C);
      expect(response.statusCode).toBe(409);
      expect(response.body).toContain(
        'Đã hết số thứ tự của lĩnh vực Lao động – Thương binh – Xã hội trong ngày hôm nay.',
      );
      const [counter] = await platform.database.sql.query<{ last_number: number; tickets: number }>(
        'SELECT last_number, (SELECT count(*)::int FROM queue_tickets WHERE group_key = $1) AS tickets FROM queue_day_counters WHERE group_key = $1',
        [C],
      );
      expect(counter).toEqual({ last_number: 999, tickets: 0 });
    });

    it("leaves the take form's other refusals to the API's error envelope", async () => {
      const response = await platform.app.inject({
        method: 'POST',
        url: '/lay-so',
        payload: '<k>x</k>',
        headers: { 'content-type': 'application/xml' },
      });
      expect(response.statusCode).toBe(415);
      expect(response.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });

    it('serves the QR code of the take page, and says so for an unknown ticket', async () => {
      const qr = await get('/lay-so/qr.svg');
      expect(qr.statusCode).toBe(200);
      expect(qr.headers['content-type']).toBe('image/svg+xml');
      expect(qr.body).toContain('<title>Mã QR lấy số thứ tự – Phường Thành Đông</title>');
      const unknown = await get('/so-thu-tu/00000000-0000-4000-8000-000000000000');
      expect(unknown.statusCode).toBe(404);
      expect(unknown.body).toContain('Không tìm thấy số thứ tự');
      expect((await get('/so-thu-tu/A001')).statusCode).toBe(404);
    });
  });

  describe('at the counter', () => {
    it('calls the longest waiting, records the wait, shows it on the screen, and finishes it', async () => {
      clock.set(new Date('2026-03-10T08:10:00+07:00'));
      const call = await callNext(motcua, '10507-1');
      expect(call.statusCode, call.body).toBe(200);
      const { ticket, counter } = call.json();
      expect(counter).toMatchObject({ id: '10507-1', number: 1, name: 'Tư pháp – Hộ tịch', demo: true });
      expect(ticket).toMatchObject({
        code: 'A001',
        status: 'called',
        statusLabel: 'Đã gọi',
        counterId: '10507-1',
        counterName: 'Quầy số 1 – Tư pháp – Hộ tịch',
        calledByName: 'Trần Thị Hằng',
        calledAt: '2026-03-10T01:10:00.000Z',
        waitSeconds: 600,
      });

      const display = await get('/man-hinh-goi-so');
      expect(display.statusCode).toBe(200);
      expect(display.headers.refresh).toBe('5');
      expect(display.body).not.toContain('<script');
      expect(display.body).toContain(
        '<p class="tk">A001</p><p class="big">đến Quầy số 1 – Tư pháp – Hộ tịch</p>',
      );
      expect(display.body).toContain(
        '<tr><th scope="row">Quầy số 1 – Tư pháp – Hộ tịch</th><td class="tc">A001</td></tr>',
      );
      const ticketPage = await get(`/so-thu-tu/${ticket.id}`);
      expect(ticketPage.body).toContain('Xin mời Ông/Bà đến Quầy số 1 – Tư pháp – Hộ tịch.');

      // One ticket at a time per counter.
      const busy = await callNext(motcua, '10507-1');
      expect(busy.statusCode).toBe(409);
      expect(busy.json().error.message).toBe(
        'Quầy số 1 – Tư pháp – Hộ tịch đang phục vụ số A001. Xin đánh dấu đã phục vụ hoặc vắng mặt trước khi gọi số tiếp theo.',
      );

      clock.set(new Date('2026-03-10T08:11:00+07:00'));
      const recall = await act(motcua, ticket.id, 'recall');
      expect(recall.json()).toMatchObject({ status: 'called', recalls: 1, calledAt: ticket.calledAt });
      clock.set(new Date('2026-03-10T08:16:00+07:00'));
      const served = await act(motcua, ticket.id, 'served');
      expect(served.statusCode).toBe(200);
      expect(served.json()).toMatchObject({ status: 'served', finishedAt: '2026-03-10T01:16:00.000Z' });
      const twice = await act(motcua, ticket.id, 'no-show');
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error.code).toBe('INVALID_TRANSITION');
      expect(await auditActions(ticket.id)).toEqual([
        'queue.take',
        'queue.call',
        'queue.recall',
        'queue.served',
      ]);
      expect((await get(`/so-thu-tu/${ticket.id}`)).body).toContain('Ông/Bà đã được phục vụ.');
    });

    it('marks an absent citizen, and calls nobody when nobody of its groups waits', async () => {
      clock.set(new Date('2026-03-10T08:20:00+07:00'));
      const { ticket } = (await callNext(motcua, '10507-1')).json();
      expect(ticket.code).toBe('A002');
      const absent = await act(motcua, ticket.id, 'no-show');
      expect(absent.json()).toMatchObject({ status: 'no_show', statusLabel: 'Vắng mặt' });
      expect((await get(`/so-thu-tu/${ticket.id}`)).body).toContain('Ông/Bà vắng mặt nên đã qua lượt');
      const empty = await callNext(motcua, '10507-1');
      expect(empty.statusCode).toBe(200);
      expect(empty.json().ticket).toBeNull();
    });

    it("shows today's queue: each counter's ticket, the waiting list, the day's figures", async () => {
      await takeTicketId(platform.app, A);
      const today = await motcua.request('GET', '/api/v1/queue/today');
      expect(today.statusCode).toBe(200);
      const body = today.json();
      expect(body.day).toBe('2026-03-10');
      expect(body.counters.map((c: { id: string }) => c.id)).toEqual([
        '10507-1',
        '10507-2',
        '10507-3',
        '10507-4',
      ]);
      expect(body.waiting.map((t: { code: string }) => t.code)).toEqual(['D001', 'A003']);
      const issued = body.figures.find((f: { key: string }) => f.key === 'issued');
      expect(issued.value).toBe(4);
    });
  });

  describe('counters', () => {
    it('the ward administrator sets a counter up and changes it; each change audited', async () => {
      const created = await quantri.request('PUT', '/api/v1/queue/counters/10507-5', {
        name: 'Trả kết quả',
        groups: [A, D, A],
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toEqual({
        id: '10507-5',
        number: 5,
        name: 'Trả kết quả',
        groups: [A, D],
        active: true,
        demo: false,
      });
      const paused = await quantri.request('PUT', '/api/v1/queue/counters/10507-5', {
        name: 'Trả kết quả',
        groups: [D],
        active: false,
      });
      expect(paused.statusCode).toBe(200);
      expect((await callNext(motcua, '10507-5')).json().error.message).toBe(
        'Quầy số 5 – Trả kết quả đang tạm ngừng gọi số.',
      );
      const [audit] = await platform.database.sql.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_log WHERE target_id = '10507-5' AND action LIKE 'queue.counter.%'",
      );
      expect(audit?.n).toBe(2);
      const invalid = await quantri.request('PUT', '/api/v1/queue/counters/10507-6', {
        name: 'Quầy mới',
        groups: [],
      });
      expect(invalid.statusCode).toBe(400);
      expect(invalid.json().error.fields.groups).toContain('Xin chọn ít nhất một lĩnh vực quầy gọi số.');
      const list = (await motcua.request('GET', '/api/v1/queue/counters')).json();
      expect(list.counters).toHaveLength(5);
      expect(list.pages.kiosk).toBe(`http://localhost/lay-so?may=${KIOSK}`);
    });
  });

  describe('ward isolation', () => {
    it("no ward calls, finishes or sets up another ward's counters and tickets", async () => {
      const id = await takeTicketId(platform.app, A);
      expect((await callNext(hdMotcua, '10507-1')).statusCode).toBe(403);
      expect((await act(hdMotcua, id, 'served')).statusCode).toBe(404);
      const put = await hdQuantri.request('PUT', '/api/v1/queue/counters/10507-1', {
        name: 'Chiếm quầy',
        groups: [A],
      });
      expect(put.statusCode).toBe(403);
      const hdToday = (await hdMotcua.request('GET', '/api/v1/queue/today')).json();
      expect(hdToday).toMatchObject({ counters: [], waiting: [] });
      expect((await hdMotcua.request('GET', '/api/v1/indicators/queue?ward=10507')).statusCode).toBe(403);
      // The city reviewer sees the figures of the wards of its province.
      expect((await thanhpho.request('GET', '/api/v1/indicators/queue?ward=10507')).statusCode).toBe(200);
    });

    it("a ward's own pages (?phuong=) and numbering, once it has counters", async () => {
      expect((await get('/lay-so?phuong=10525')).statusCode).toBe(404);
      expect((await get('/lay-so?phuong=99999')).statusCode).toBe(404);
      const created = await hdQuantri.request('PUT', '/api/v1/queue/counters/10525-1', {
        name: 'Một cửa',
        groups: [A, D],
      });
      expect(created.statusCode).toBe(201);
      const page = await get('/lay-so?phuong=10525');
      expect(page.body).toContain('Phường Hải Dương');
      expect(page.body).toContain('action="/lay-so?phuong=10525"');
      const id = await takeTicketId(platform.app, A, { query: 'phuong=10525' });
      const { ticket } = (await callNext(hdMotcua, '10525-1')).json();
      expect(ticket).toMatchObject({ id, code: 'A001' });
      expect((await callNext(motcua, '10525-1')).statusCode).toBe(403);
      expect((await get('/man-hinh-goi-so?phuong=10525')).body).toContain('<p class="tk">A001</p>');
    });
  });

  describe('figures', () => {
    it('each figure, of the ward, of each counter and each group, agrees with its list of tickets', async () => {
      clock.set(new Date('2026-03-10T09:00:00+07:00'));
      const { ticket } = (await callNext(motcua, '10507-4')).json();
      expect(ticket.code).toBe('D001');
      clock.set(new Date('2026-03-10T09:04:30+07:00'));
      await act(motcua, ticket.id, 'served');

      const response = await quantri.request('GET', '/api/v1/indicators/queue?from=2026-03-01&to=2026-03-31');
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      const ward = Object.fromEntries(body.figures.map((f: { key: string }) => [f.key, f]));
      expect(ward.issued).toMatchObject({ value: 5, display: '5' });
      expect(ward.served).toMatchObject({ value: 2 });
      expect(ward.noShow).toMatchObject({ value: 1 });
      // Waits: A001 10 min, A002 19 min, D001 (taken at 08:01) 59 min.
      expect(ward.waitAverage).toMatchObject({ value: 1760, display: '29 phút 20 giây', tickets: 3 });
      expect(ward.waitP90).toMatchObject({ value: 3540, display: '59 phút' });
      // Service: A001 6 min, D001 4 min 30 s.
      expect(ward.serviceAverage).toMatchObject({ value: 315, display: '5 phút 15 giây', tickets: 2 });
      expect(body.counters.map((c: { id: string }) => c.id)).toEqual(['10507-1', '10507-4']);
      expect(body.groups.map((g: { key: string }) => g.key)).toEqual([A, D]);

      const all = [
        ...body.figures,
        ...body.counters.flatMap((c: { figures: unknown[] }) => c.figures),
        ...body.groups.flatMap((g: { figures: unknown[] }) => g.figures),
      ] as { key: string; tickets: number; href: string }[];
      for (const figure of all) {
        const list = await quantri.request('GET', figure.href);
        expect(list.statusCode, figure.href).toBe(200);
        expect(list.json().items, figure.href).toHaveLength(figure.tickets);
      }
      const waits = (await quantri.request('GET', ward.waitAverage.href)).json().items;
      expect(waits.map((t: { code: string; waitSeconds: number }) => [t.code, t.waitSeconds])).toEqual([
        ['A001', 600],
        ['A002', 1140],
        ['D001', 3540],
      ]);
    });
  });
});

describe('queue tickets: the limit on phones', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform({ clock, rateLimitFactor: 1 });
  });
  afterAll(() => platform.close());

  it('takes a few numbers per address, then says so in a page; the kiosk is not limited', async () => {
    const phone = { remoteAddress: '203.0.113.9' };
    for (let i = 0; i < 3; i++) expect((await postTake(platform.app, A, phone)).statusCode).toBe(303);
    const refused = await postTake(platform.app, A, phone);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(refused.body).toContain('Ông/Bà vừa lấy số thứ tự. Xin vui lòng đợi ít phút');
    const kiosk = { remoteAddress: '203.0.113.10', query: `may=${KIOSK}` };
    for (let i = 0; i < 5; i++) expect((await postTake(platform.app, D, kiosk)).statusCode).toBe(303);
    const wrongKey = await postTake(platform.app, D, { remoteAddress: '203.0.113.9', query: 'may=sai' });
    expect(wrongKey.statusCode).toBe(429);
  });
});
