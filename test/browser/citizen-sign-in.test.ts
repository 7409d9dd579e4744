import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CITIZENS } from '../../src/platform/citizens/demo-citizens';
import { checkPage } from './support/a11y';
import { DESKTOP, newContext, PHONE, startServerAndBrowser, type Viewport } from './support/browser';
import type { TestServer } from './support/server';
import { DEMO_PASSWORD } from './support/staff';

// The citizen's sign-in pages, with the keyboard alone: a phone number and its code, and VNeID through the local
// stand-in provider, ending on "Hồ sơ của tôi" with the dossier taken at the counter for that căn cước number.
const HANG = DEMO_CITIZENS[0] ?? { fullName: '', idNumber: '', phone: '', subject: '' };

describe('citizen sign-in', () => {
  let server: TestServer;
  let browser: Browser;
  let dossierCode = '';

  /** Takes a dossier in at the counter for Nguyễn Thị Hằng, through the API as the counter officer. */
  async function intakeForHang(): Promise<string> {
    const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.0.9.1' },
      body: JSON.stringify({ username: 'motcua', password: DEMO_PASSWORD }),
    });
    const cookie = login.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const intake = await fetch(`${server.baseUrl}/api/v1/dossiers`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie,
        'x-csrf-token': csrfToken,
        'idempotency-key': 'browser-citizen-sign-in',
      },
      body: JSON.stringify({
        procedureCode: '1.001193',
        applicant: {
          fullName: HANG.fullName,
          idNumber: HANG.idNumber,
          phone: HANG.phone,
          address: 'Số 8, Tổ dân phố số 4, phường Thành Đông',
        },
        documentsReceived: ['to-khai-dang-ky-khai-sinh', 'giay-chung-sinh'],
        channel: 'counter',
      }),
    });
    expect(intake.status).toBe(201);
    return ((await intake.json()) as { code: string }).code;
  }

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser());
    dossierCode = await intakeForHang();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(path: string, viewport: Viewport, clientIp: string): Promise<Page> {
    const context = await newContext(browser, server.baseUrl, { viewport, clientIp });
    const page = await context.newPage();
    await page.goto(path);
    return page;
  }

  /** Presses Tab until the focused element matches, as a keyboard user would move through the page. */
  async function tabTo(page: Page, matches: (element: Element) => boolean, label: string): Promise<void> {
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(`(${matches.toString()})(document.activeElement)`)) return;
    }
    throw new Error(`Tab never reached ${label}`);
  }

  const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

  it('asks for a phone number, then the code, explaining each mistake in an error summary', async () => {
    const page = await open('/dang-nhap', PHONE, '10.0.9.2');
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await checkPage(page, 'citizen-sign-in-phone');

    await tabTo(page, (e) => e.id === 'so-dien-thoai', 'the phone field');
    await page.keyboard.type('12345');
    await page.keyboard.press('Enter');
    const summary = page.getByRole('alert').filter({ hasText: 'Có lỗi cần sửa' });
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/10 chữ số, bắt đầu bằng 0/);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className ?? ''))
      .toContain('error-summary');
    await checkPage(page, 'citizen-sign-in-phone-error');

    // The summary's link leads back to the field.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedId(page)).toBe('so-dien-thoai');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('0977 111 222');
    await page.keyboard.press('Enter');
    await page.getByText('Chúng tôi đã gửi mã xác thực đến số 0977***222').waitFor();
    await expect.poll(() => focusedId(page)).toBe('ma-xac-thuc');

    await page.keyboard.type('000000');
    await page.keyboard.press('Enter');
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/Mã xác thực không đúng|đã hết hạn/);
    await checkPage(page, 'citizen-sign-in-code-error');
    await page.context().close();
  });

  it('signs in with VNeID using the keyboard alone and lists the dossier taken at the counter', async () => {
    const page = await open('/dang-nhap', DESKTOP, '10.0.9.3');
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await tabTo(page, (e) => e.textContent === 'Đăng nhập bằng VNeID', 'the VNeID button');
    await page.keyboard.press('Enter');

    await page
      .getByRole('heading', { level: 1, name: 'Đăng nhập bằng tài khoản định danh điện tử' })
      .waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/dev-vneid\/interaction\//);
    await checkPage(page, 'local-vneid-sign-in');
    await tabTo(page, (e) => e.textContent === 'Nguyễn Thị Hằng', 'Nguyễn Thị Hằng');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/ho-so-cua-toi');
    const link = page.getByRole('link', { name: dossierCode });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/tra-cuu/${dossierCode}`);
    const text = await page.locator('main').innerText();
    expect(text).toContain('Xin chào Nguyễn Thị Hằng.');
    expect(text).toContain('số căn cước 031******234');
    expect(text).not.toContain(HANG.idNumber);
    expect(text).toMatch(/Ngày hẹn trả kết quả\s+\d{2}\/\d{2}\/\d{4}/);
    await checkPage(page, 'citizen-my-dossiers');

    await tabTo(page, (e) => e.textContent === 'Đăng xuất', 'the sign-out button');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await page.goto('/ho-so-cua-toi');
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/dang-nhap');
    await page.context().close();
  });

  it('explains a VNeID sign-in the citizen cancelled', async () => {
    const page = await open('/dang-nhap', PHONE, '10.0.9.4');
    await page.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();
    await page.getByRole('button', { name: 'Hủy và quay lại cổng dịch vụ công' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Bạn đã hủy đăng nhập bằng VNeID' });
    await alert.waitFor();
    await checkPage(page, 'citizen-sign-in-vneid-cancelled');
    await page.context().close();
  });
});
