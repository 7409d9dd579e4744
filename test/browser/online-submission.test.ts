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
// takes it to "returned"; the citizen hears of each change by SMS and by e-mail and rates the service. The server
// runs on a fixed working day (Wednesday 02/12/2026, 09:00), so the filing is received the same day.
const NOW = '2026-12-02T09:00:00+07:00';
const DUC = DEMO_CITIZENS[1] ?? { fullName: '', idNumber: '', phone: '', subject: '' };
const EMAIL = 'tran.van.duc@example.com';

describe('online submission, end to end', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser({ now: NOW }));
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

    await heading(page, 'Bạn muốn nhận kết quả bằng cách nào?');
    // A copy certification is partly online: no online result to choose.
    expect(await page.getByRole('radio').count()).toBe(2);
    await page.getByLabel('Nhận trực tiếp tại Trung tâm Phục vụ hành chính công').check();
    await checkPage(page, 'online-return-phone');
    await continueButton(page).click();

    await heading(page, 'Bạn muốn nhận thông báo về hồ sơ bằng cách nào?');
    // SMS is chosen already (the phone is known); e-mail is added to it.
    expect(await page.getByRole('checkbox', { name: 'Tin nhắn SMS' }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: 'Thư điện tử' }).check();
    await page.getByRole('textbox', { name: 'Thư điện tử' }).fill(EMAIL);
    await checkPage(page, 'online-notify-phone');
    await continueButton(page).click();

    await heading(page, 'Kiểm tra lại thông tin');
    const check = await page.locator('main').innerText();
    expect(check).toContain(DUC.fullName);
    expect(check).toContain(`Tin nhắn SMS; Thư điện tử: ${EMAIL}`);
    expect(check).toContain('Nhận trực tiếp tại Trung tâm Phục vụ hành chính công');
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

    // Every change reached the citizen twice: by SMS (the local SMS outbox) and by e-mail (the local mailbox).
    type Sent = {
      items: {
        id: string;
        templateKey: string;
        channel: string;
        recipient: string;
        status: string;
        body: string;
        providerMessageId: string | null;
      }[];
    };
    const sent = async () => (await api('GET', `/api/v1/messages?reference=${code}`)) as Sent;
    await expect.poll(async () => (await sent()).items.filter((m) => m.status === 'sent').length).toBe(8);
    const { items } = await sent();
    const templates = ['dossier.received', 'dossier.result_ready', 'dossier.returned', 'dossier.submitted'];
    for (const [channel, recipient] of [
      ['sms', DUC.phone],
      ['email', EMAIL],
    ]) {
      const mine = items.filter((m) => m.channel === channel);
      expect(mine.map((m) => m.templateKey).sort(), channel).toEqual(templates);
      expect(new Set(mine.map((m) => m.recipient))).toEqual(new Set([recipient]));
    }
    for (const m of items.filter((i) => i.channel === 'sms')) {
      expect(m.providerMessageId).toMatch(/^local-/);
      expect(m.body).toMatch(/^UBND phuong Thanh Dong: [\x20-\x7e]+$/);
    }
    const readyBySms = items.find((m) => m.channel === 'sms' && m.templateKey === 'dossier.result_ready');
    expect(readyBySms?.body).toContain(`Ho so ${code} da co ket qua. Moi ong/ba den nhan tai Trung tam`);
    for (const m of items.filter((i) => i.channel === 'email')) {
      const eml = fs.readFileSync(path.join(server.dataDir, 'mail', `${m.id}.eml`), 'utf8');
      expect(eml).toContain(`To: ${EMAIL}`);
    }
    // The officer sees the same deliveries, with their status, on the dossier page.
    await desk.reload();
    const delivered = desk.getByRole('table', { name: 'Tin nhắn về hồ sơ này và trạng thái gửi' });
    await delivered.waitFor();
    expect(await delivered.getByText('Đã gửi', { exact: true }).count()).toBe(8);
    expect(await delivered.innerText()).toContain(EMAIL);
    await checkPage(desk, 'online-staff-dossier-messages');

    await page.reload();
    await page.getByText('Đã trả kết quả').first().waitFor();
    // The electronic receipt (Mẫu 01) the officer issued, downloadable from the citizen's page.
    const receiptLink = page.getByRole('link', { name: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01)' });
    const receiptPdf = await page.request.get((await receiptLink.getAttribute('href')) ?? '');
    expect([receiptPdf.status(), receiptPdf.headers()['content-type']]).toEqual([200, 'application/pdf']);
    await checkPage(page, 'online-dossier-returned-phone');
    await page.getByRole('link', { name: 'Đánh giá hồ sơ này' }).click();
    await page.getByRole('radio', { name: 'Rất hài lòng' }).first().check();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.waitForURL(`**/danh-gia/${code}/cam-on`);
    await context.close();
  });
});
