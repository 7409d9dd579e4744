import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage } from './support/a11y';
import { launchBrowser, newContext, PHONE } from './support/browser';
import { startServer, type TestServer } from './support/server';

/**
 * The server-rendered citizen pages (procedure guides, QR sheet, dossier tracking) through the accessibility
 * gate on a 360 px phone, at 200 % text, with the keyboard, and with JavaScript turned off.
 */

const DEMO_PASSWORD = 'ThanhDong@2026';

/** A dossier taken in at the counter through the API, as the receipt's tracking code. */
async function takeIn(baseUrl: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.77' },
    body: JSON.stringify({ username: 'motcua', password: DEMO_PASSWORD }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = (login.headers.getSetCookie().find((c) => c.startsWith('cqtt_session=')) ?? '').split(
    ';',
  )[0];
  const response = await fetch(`${baseUrl}/api/v1/dossiers`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: cookie ?? '',
      'x-csrf-token': csrfToken,
      'idempotency-key': 'browser-public-pages-1',
    },
    body: JSON.stringify({
      procedureCode: '1.001193',
      applicant: {
        fullName: 'Phạm Văn Khải',
        idNumber: '031088004567',
        phone: '0987654321',
        address: 'Số 12, ngõ 5, Tổ dân phố số 3, phường Thành Đông',
      },
      documentsReceived: ['to-khai-dang-ky-khai-sinh', 'giay-chung-sinh'],
      channel: 'counter',
    }),
  });
  const body = (await response.json()) as { code?: string };
  if (response.status !== 201 || !body.code)
    throw new Error(`intake: ${response.status} ${JSON.stringify(body)}`);
  return body.code;
}

describe('server-rendered citizen pages', () => {
  let server: TestServer;
  let browser: Browser;
  let code = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    code = await takeIn(server.baseUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(path: string): Promise<Page> {
    const context = await newContext(browser, server.baseUrl, { viewport: PHONE });
    const page = await context.newPage();
    const response = await page.goto(path);
    expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
    return page;
  }

  const overflow = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

  const pages = () => [
    ['procedure-list', '/thu-tuc'],
    ['procedure-search', '/thu-tuc?q=chung+thuc+ban+sao'],
    ['procedure-guide', '/thu-tuc/1.001193'],
    ['procedure-guide-fees', '/thu-tuc/2.000815'],
    ['procedure-print', '/thu-tuc/1.001193/in'],
    ['procedure-qr-sheet', '/thu-tuc/ma-qr'],
    ['tracking-form', '/tra-cuu'],
    ['tracking-form-error', '/tra-cuu?ma=abc'],
    ['tracking', `/tra-cuu/${code}`],
    ['tracking-not-found', '/tra-cuu/10507-010101-9999'],
  ];

  it('every page passes axe and reads at 360 px, then at 200 % text', async () => {
    for (const [name, path] of pages()) {
      const page = await open(path ?? '/');
      expect(await page.locator('script').count()).toBe(0);
      await checkPage(page, `public-${name}-phone`);
      await page.evaluate(() => {
        document.documentElement.style.fontSize = '200%';
      });
      expect(await overflow(page), name).toBeLessThanOrEqual(1);
      await checkPage(page, `public-${name}-phone-text-200`);
      await page.context().close();
    }
  });

  it('shows the dossier’s status and appointment date without personal data', async () => {
    const page = await open(`/tra-cuu/${code}`);
    const text = await page.locator('body').innerText();
    expect(await page.locator('h1').innerText()).toBe(`Hồ sơ ${code}`);
    expect(text).toContain('Được tiếp nhận');
    expect(text).toMatch(/Ngày hẹn trả kết quả\s+Thứ \S+, \d\d\/\d\d\/\d{4}/);
    expect(text).toContain('P*** V** K***');
    expect(text).not.toContain('031088004567');
    expect(text).not.toContain('0987654321');
    expect(text).not.toContain('Phạm Văn Khải');
    await page.context().close();
  });

  it('finds a dossier with the form, keyboard only and without JavaScript', async () => {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      viewport: PHONE,
      locale: 'vi-VN',
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await page.goto('/tra-cuu');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bỏ qua đến nội dung chính');
    await page.keyboard.press('Enter');
    // Main, then the breadcrumb is behind; the next stops are the field and the button.
    await page.locator('#ma').focus();
    await page.keyboard.type('abc');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/tra-cuu?ma=abc');
    expect(await page.title()).toBe('Lỗi: Tra cứu hồ sơ – Phường Thành Đông');
    expect(await page.locator('.es').innerText()).toContain(
      'Xin vui lòng nhập mã hồ sơ có dạng 10507-260213-0001.',
    );
    await page.locator('.es a').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ma');
    await page.locator('#ma').fill(code.replaceAll('-', ''));
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/tra-cuu/${code}`);
    expect(await page.locator('h1').innerText()).toBe(`Hồ sơ ${code}`);
    await context.close();
  });

  it('searches procedures without diacritics and opens a guide with its QR code and print link', async () => {
    const page = await open('/thu-tuc');
    await page.getByLabel('Tìm thủ tục').fill('khai sinh');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.waitForURL('**/thu-tuc?q=khai+sinh');
    await page.getByRole('link', { name: 'Thủ tục đăng ký khai sinh' }).click();
    await page.waitForURL('**/thu-tuc/1.001193');
    expect(await page.locator('h1').innerText()).toBe('Thủ tục đăng ký khai sinh');
    expect(await page.locator('svg.qr').count()).toBe(1);
    const qr = await page.request.get('/thu-tuc/1.001193/qr.png');
    expect(qr.headers()['content-type']).toBe('image/png');
    await page.getByRole('link', { name: 'Bản in hướng dẫn' }).click();
    await page.waitForURL('**/thu-tuc/1.001193/in');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header').isVisible()).toBe(false);
    expect(await page.locator('svg.qr').isVisible()).toBe(true);
    await page.context().close();
  });
});
