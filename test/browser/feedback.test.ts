import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG_BASE64 } from '../support/feedback';
import { checkPage } from './support/a11y';
import { newContext, PHONE, startServerAndBrowser } from './support/browser';
import { DEMO_PASSWORD } from './support/staff';
import type { TestServer } from './support/server';

/**
 * The citizen's feedback pages through the accessibility gate, on a 360 px phone: the form, its errors, a
 * feedback filed with a photo, the tracking page once a unit has answered, and the published answers.
 */

/** The API as the head of the culture department, from an address of its own (sign-in limits are per address). */
async function headApi(baseUrl: string) {
  const ip = '203.0.113.150';
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ username: 'truongphong', password: DEMO_PASSWORD }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie =
    login.headers
      .getSetCookie()
      .find((c) => c.startsWith('cqtt_session='))
      ?.split(';')[0] ?? '';
  return async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        cookie,
        'x-csrf-token': csrfToken,
        'x-forwarded-for': ip,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (response.status >= 300)
      throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
}

describe('feedback pages in the browser', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a citizen files a feedback with a photo; the answer appears on the portal; every page passes axe', async () => {
    const context = await newContext(browser, server.baseUrl, { viewport: PHONE });
    const page = await context.newPage();
    await page.goto('/phan-anh');
    await checkPage(page, 'feedback-form-phone');

    await page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
    await expect.poll(() => page.title()).toMatch(/^Lỗi: /);
    await checkPage(page, 'feedback-form-errors-phone');

    await page.getByLabel('Hạ tầng, giao thông, chiếu sáng', { exact: false }).check();
    await page
      .getByLabel('Nội dung', { exact: true })
      .fill('Đèn chiếu sáng ở ngõ 7 phố Trần Phú bị hỏng đã một tuần.');
    await page.getByLabel('Ảnh', { exact: false }).setInputFiles({
      name: 'den-hong.png',
      mimeType: 'image/png',
      buffer: Buffer.from(PNG_BASE64, 'base64'),
    });
    await page.getByLabel('Họ và tên', { exact: true }).fill('Phạm Văn Long');
    await page.getByLabel('Số điện thoại', { exact: true }).fill('0903 111 222');
    await page.getByLabel('Tôi đồng ý để phường công khai', { exact: false }).check();
    await page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
    await page.waitForURL(/\/phan-anh\/PA-[0-9A-Z]{4}-[0-9A-Z]{4}\?moi=1$/);
    const code = (await page.locator('.code').textContent()) ?? '';
    expect(code).toMatch(/^PA-/);
    await checkPage(page, 'feedback-filed-phone');

    const api = await headApi(server.baseUrl);
    const { units } = (await api('GET', '/api/v1/wards/10507/units')) as {
      units: { id: string; kind: string }[];
    };
    await api('POST', `/api/v1/feedback/${code}/route`, {
      unitId: units.find((u) => u.kind === 'culture')?.id,
    });
    const answer = 'Phường đã thay bóng đèn ngõ 7 phố Trần Phú. Xin cảm ơn Ông/Bà đã báo cho phường.';
    await api('POST', `/api/v1/feedback/${code}/answer`, { answer });
    await api('POST', `/api/v1/feedback/${code}/publish`);

    await page.goto(`/phan-anh/${code}`);
    await expect.poll(() => page.getByText(answer).count()).toBe(1);
    await checkPage(page, 'feedback-answered-phone');
    await page.getByLabel('Rất hài lòng').check();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.waitForURL(/da_danh_gia=1$/);
    await checkPage(page, 'feedback-rated-phone');

    await page.goto('/phan-anh/da-tra-loi');
    await expect.poll(() => page.getByText(answer).count()).toBe(1);
    expect(await page.content()).not.toContain('0903111222');
    await checkPage(page, 'feedback-published-phone');
    await context.close();
  });
});
