import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/platform/clock';
import { signIn, startTestPlatform, type TestPlatform } from '../support/app';
import { fileFeedback, ok, PNG_BASE64, unitId } from '../support/feedback';

// The citizen's feedback pages: a plain HTML form that sends photos as multipart files (no script), the
// tracking page with the answer and its rating, and the published answers.
const clock = manualClock(new Date('2026-02-13T10:00:00+07:00'));
const PNG = Buffer.from(PNG_BASE64, 'base64');

describe('feedback pages', () => {
  let platform: TestPlatform;
  let base = '';

  function form(fields: Record<string, string>, files: { name: string; bytes: Buffer; type: string }[] = []) {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.append(name, value);
    for (const file of files)
      data.append('photos', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
    // A browser sends the empty file input when no photo is chosen.
    if (files.length === 0) data.append('photos', new Blob([], { type: 'application/octet-stream' }), '');
    return fetch(`${base}/phan-anh`, { method: 'POST', body: data, redirect: 'manual' });
  }
  const page = async (path: string) => {
    const response = await fetch(`${base}${path}`, { redirect: 'manual' });
    return {
      status: response.status,
      html: await response.text(),
      location: response.headers.get('location'),
    };
  };
  const FIELDS = {
    kind: 'phan_anh',
    category: 'ha-tang',
    text: 'Nắp cống trước số nhà 15 đường Lê Lợi bị vỡ, rất nguy hiểm cho xe máy.',
    address: 'Số 15 đường Lê Lợi',
    name: 'Trần Văn Nam',
    phone: '0987 654 321',
    publishConsent: 'on',
  };

  beforeAll(async () => {
    platform = await startTestPlatform({ clock });
    await platform.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(platform.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => platform.close());

  it('shows the form: every field labelled, no script, Vietnamese', async () => {
    const { status, html } = await page('/phan-anh');
    expect(status).toBe(200);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).not.toContain('<script');
    for (const id of ['text', 'photos', 'address', 'name', 'phone', 'email', 'anonymous', 'publishConsent'])
      expect(html).toContain(`<label for="${id}">`);
    expect(html).toContain('<legend>Nội dung thuộc lĩnh vực</legend>');
  });

  it('files with a photo, then shows the tracking code and the date of the answer', async () => {
    const response = await form(FIELDS, [{ name: 'nap-cong.png', bytes: PNG, type: 'image/png' }]);
    expect(response.status).toBe(303);
    const location = response.headers.get('location') ?? '';
    expect(location).toMatch(/^\/phan-anh\/PA-[0-9A-Z]{4}-[0-9A-Z]{4}\?moi=1$/);
    const code = location.slice('/phan-anh/'.length, -'?moi=1'.length);
    const [row] = await platform.database.sql.query<{ photos: number; phone: string; consent: boolean }>(
      `SELECT (SELECT count(*)::int FROM feedback_photos p WHERE p.item_id = i.id) AS photos, contact_phone AS phone, publish_consent AS consent FROM feedback_items i WHERE code = '${code}'`,
    );
    expect(row).toEqual({ photos: 1, phone: '0987654321', consent: true });
    const tracking = await page(location);
    expect(tracking.html).toContain('Phường đã nhận phản ánh, kiến nghị của Ông/Bà');
    expect(tracking.html).toContain(`<p class="code">${code}</p>`);
    expect(tracking.html).toContain('Thứ Sáu, 06/03/2026');
    for (const secret of ['Trần Văn Nam', '0987654321', 'Nắp cống'])
      expect(tracking.html).not.toContain(secret);
  });

  it('shows the form again with each error beside its field, and nothing filed', async () => {
    const before = await platform.database.sql.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM feedback_items',
    );
    const response = await form({ ...FIELDS, text: 'Ngắn', phone: '' }, [
      { name: 'anh.gif', bytes: Buffer.from('GIF89a..........'), type: 'image/gif' },
    ]);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<title>Lỗi: Gửi phản ánh, kiến nghị');
    expect(html).toContain(
      '<a href="#text">Xin Ông/Bà viết nội dung phản ánh, kiến nghị (ít nhất 10 ký tự).</a>',
    );
    expect(html).toContain('Xin Ông/Bà để lại số điện thoại hoặc thư điện tử');
    expect(html).toContain('value="Trần Văn Nam"');
    const after = await platform.database.sql.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM feedback_items',
    );
    expect(after[0]?.n).toBe(before[0]?.n);
    const gif = await form(FIELDS, [
      { name: 'anh.gif', bytes: Buffer.from('GIF89a..........'), type: 'image/gif' },
    ]);
    expect(gif.status).toBe(400);
    expect(await gif.text()).toContain('Ảnh không phải ảnh JPEG hoặc PNG.');
    const six = await form(
      FIELDS,
      Array.from({ length: 6 }, (_, i) => ({ name: `${i}.png`, bytes: PNG, type: 'image/png' })),
    );
    expect(six.status).toBe(400);
    expect(await six.text()).toContain('Xin gửi tối đa 5 ảnh');
  });

  it('finds an item by a loosely typed code, and says so politely when there is none', async () => {
    const code = await fileFeedback(platform);
    const typed = await page(
      `/phan-anh/tra-cuu?ma=${encodeURIComponent(code.toLowerCase().replace(/-/g, ' '))}`,
    );
    expect(typed.status).toBe(303);
    expect(typed.location).toBe(`/phan-anh/${code}`);
    const none = await page('/phan-anh/PA-0000-0000');
    expect(none.status).toBe(404);
    expect(none.html).toContain('Xin lỗi, không có phản ánh, kiến nghị nào có mã');
  });

  it('shows the answer with who gave it, takes the rating, and lists the published answer', async () => {
    const code = await fileFeedback(platform);
    const head = await signIn(platform.app, 'truongphong');
    ok(
      await head.request('POST', `/api/v1/feedback/${code}/route`, {
        unitId: await unitId(platform, 'culture'),
      }),
      200,
    );
    const answer = 'Phường đã thay nắp cống mới ngày 20/02/2026. Xin cảm ơn Ông/Bà đã báo.';
    ok(await head.request('POST', `/api/v1/feedback/${code}/answer`, { answer }), 200);
    ok(await head.request('POST', `/api/v1/feedback/${code}/publish`), 200);

    const tracking = await page(`/phan-anh/${code}`);
    expect(tracking.html).toContain(answer);
    expect(tracking.html).toContain('Phạm Thị Thu, Phòng Văn hoá – Xã hội');
    expect(tracking.html).toContain(`action="/phan-anh/${code}/danh-gia"`);

    const rated = await fetch(`${base}/phan-anh/${code}/danh-gia`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'rating=rat_hai_long&comment=C%E1%BA%A3m+%C6%A1n',
      redirect: 'manual',
    });
    expect(rated.status).toBe(303);
    const after = await page(rated.headers.get('location') ?? '');
    expect(after.html).toContain('Xin cảm ơn Ông/Bà đã đánh giá câu trả lời.');
    expect(after.html).not.toContain('danh-gia"');

    const published = await page('/phan-anh/da-tra-loi');
    expect(published.status).toBe(200);
    expect(published.html).toContain(answer);
    expect(published.html).not.toContain('0912345678');
  });
});
