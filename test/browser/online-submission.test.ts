import fs from 'node:fs';
import path from 'node:path';
import QRCode from 'qrcode';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CITIZENS } from '../../src/platform/citizens/demo-citizens';
import { checkPage } from './support/a11y';
import { DESKTOP, newContext, PHONE, startServerAndBrowser } from './support/browser';
import type { TestServer } from './support/server';
import { DEMO_PASSWORD, signIn } from './support/staff';

// A citizen files a copy certification on a phone: VNeID sign-in, one question a page, two photographed pages,
// the fee by page count paid through the local gateway; the counter officer accepts it in the workspace and
// takes it to "returned"; the citizen hears of each change by e-mail and rates the service.
const DUC = DEMO_CITIZENS[1] ?? { fullName: '', idNumber: '', phone: '', subject: '' };
const EMAIL = 'tran.van.duc@example.com';

describe('online submission, end to end', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The counter officer's API session, for the steps after acceptance. */
  async function officer() {
    const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.0.12.9' },
      body: JSON.stringify({ username: 'motcua', password: DEMO_PASSWORD }),
    });
    const cookie = login.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    return async (method: string, url: string, body?: unknown) => {
      const response = await fetch(`${server.baseUrl}${url}`, {
        method,
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      expect(response.status, `${method} ${url}`).toBe(200);
      return response.json() as Promise<Record<string, unknown>>;
    };
  }

  const continueButton = (page: Page) => page.getByRole('button', { name: 'Tiếp tục' });
  const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name }).waitFor();

  it('files, pays, is accepted, returned and rated, every page axe-clean on a phone', async () => {
    const context = await newContext(browser, server.baseUrl, { viewport: PHONE, clientIp: '10.0.12.1' });
    const page = await context.newPage();
    await page.goto('/dang-nhap');
    await page.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();
    await page.getByRole('button', { name: DUC.fullName }).click();
    await heading(page, 'Hồ sơ của tôi');

    await page.goto('/thu-tuc/2.000815');
    await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
    await heading(page, 'Thông tin người nộp hồ sơ');
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe(DUC.fullName);
    expect(await page.getByLabel('Số căn cước').inputValue()).toBe(DUC.idNumber);
    await checkPage(page, 'online-applicant-phone');
    // Keyboard only: the phone field, then Enter submits the page.
    await page.getByLabel('Số điện thoại').focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(DUC.phone);
    await page.keyboard.press('Enter');

    await heading(page, 'Địa chỉ nơi ở hiện tại của bạn');
    await continueButton(page).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Có lỗi cần sửa' });
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/Xin vui lòng nhập địa chỉ/);
    await checkPage(page, 'online-address-error-phone');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('dia-chi');
    await page.keyboard.type('Số 21, Tổ dân phố số 5, phường Thành Đông');
    await continueButton(page).click();

    await heading(page, 'Bản sao cần chứng thực');
    const photo = (text: string) => QRCode.toBuffer(text, { width: 400 });
    await page.locator('#tep-giay-to').setInputFiles([
      { name: 'trang-1.png', mimeType: 'image/png', buffer: await photo('Trang 1 của giấy khai sinh') },
      { name: 'trang-2.png', mimeType: 'image/png', buffer: await photo('Trang 2 của giấy khai sinh') },
    ]);
    await page.getByText('trang-2.png').waitFor();
    expect(await page.locator('.file-list li').count()).toBe(2);
    await checkPage(page, 'online-document-phone');
    await continueButton(page).click();

    await heading(page, 'Bạn muốn nhận thông báo về hồ sơ bằng cách nào?');
    await page.getByLabel('Thư điện tử').check();
    await page.getByLabel('Thư điện tử', { exact: true }).last().fill(EMAIL);
    await checkPage(page, 'online-notify-phone');
    await continueButton(page).click();

    await heading(page, 'Kiểm tra lại thông tin');
    const check = await page.locator('main').innerText();
    expect(check).toContain(DUC.fullName);
    expect(check).toContain(EMAIL);
    expect(check).toContain('4.000 đ (tính theo 2 trang đã tải lên)');
    await checkPage(page, 'online-summary-phone');
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();

    await heading(page, 'Đã nộp hồ sơ');
    const code = (await page.locator('.confirmation-panel__code').innerText()).trim();
    expect(code).toMatch(/^10507-\d{6}-\d{4}$/);
    await checkPage(page, 'online-submitted-phone');
    await page.getByRole('link', { name: 'Theo dõi hồ sơ và nộp lệ phí' }).click();
    await heading(page, `Hồ sơ ${code}`);
    await page.getByText('Số tiền phải nộp: 4.000 đ.').waitFor();
    await page.getByRole('img', { name: /Mã VietQR/ }).waitFor();
    expect(await page.locator('main').innerText()).toContain('Mới đăng ký');
    await checkPage(page, 'online-dossier-unpaid-phone');

    // The local gateway simulator, then back to the dossier.
    await page.getByRole('button', { name: 'Thanh toán trực tuyến' }).click();
    await page.getByRole('button', { name: 'Thanh toán 4.000 đ' }).click();
    await page.waitForURL('**/thanh-toan/ket-qua**');
    await page.goto(`/ho-so-cua-toi/${code}`);
    await page.getByText('Đã nộp 4.000 đ.').waitFor();

    // The counter officer accepts it in the workspace (keyboard and mouse alike), then finishes through the API.
    const desk = await (
      await newContext(browser, server.baseUrl, { viewport: DESKTOP, clientIp: '10.0.12.2' })
    ).newPage();
    await signIn(desk, 'motcua');
    await desk.goto('/staff/ho-so?status=submitted');
    await desk.getByRole('button', { name: /Hồ sơ trực tuyến chờ tiếp nhận: 1/ }).waitFor();
    await desk.getByRole('link', { name: code }).click();
    await desk.getByRole('link', { name: /Mở trang-1\.png/ }).waitFor();
    await checkPage(desk, 'online-staff-dossier');
    await desk.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
    await desk.getByLabel('Bản sao cần chứng thực').check();
    await desk.getByRole('button', { name: 'Xác nhận: Tiếp nhận hồ sơ' }).click();
    await desk.getByText('Được tiếp nhận').first().waitFor();
    const api = await officer();
    const { units } = (await api('GET', '/api/v1/wards/10507/units')) as {
      units: { id: string; kind: string }[];
    };
    const culture = units.find((u) => u.kind === 'culture')?.id;
    await api('POST', `/api/v1/dossiers/${code}/actions/hand_over`, { toUnit: culture });
    await api('POST', `/api/v1/dossiers/${code}/actions/mark_result_ready`, {
      resultDocument: 'Bản sao số 15/CT',
    });
    await api('POST', `/api/v1/dossiers/${code}/actions/return_result`, { channel: 'counter' });

    // Every change reached the citizen by e-mail, in the local outbox.
    type Sent = {
      items: { id: string; templateKey: string; channel: string; recipient: string; status: string }[];
    };
    const sent = async () => (await api('GET', `/api/v1/messages?reference=${code}`)) as Sent;
    await expect
      .poll(async () => (await sent()).items.map((m) => m.status).join(' '))
      .toBe('sent sent sent sent');
    const { items } = await sent();
    expect(items.map((m) => m.templateKey).sort()).toEqual([
      'dossier.received',
      'dossier.result_ready',
      'dossier.returned',
      'dossier.submitted',
    ]);
    for (const m of items) {
      expect([m.channel, m.recipient]).toEqual(['email', EMAIL]);
      expect(fs.existsSync(path.join(server.dataDir, 'mail', `${m.id}.eml`))).toBe(true);
    }

    await page.reload();
    await page.getByText('Đã trả kết quả').first().waitFor();
    await checkPage(page, 'online-dossier-returned-phone');
    await page.getByRole('link', { name: 'Đánh giá hồ sơ này' }).click();
    await page.getByRole('radio', { name: 'Rất hài lòng' }).first().check();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.waitForURL(`**/danh-gia/${code}/cam-on`);
    await context.close();
  });
});
