import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isQrCodeOf, pdfQrModules, pdfText, pdfTitle } from '../support/pdf';
import { checkedPages, checkPage } from './support/a11y';
import { DESKTOP, newContext, PHONE, startServerAndBrowser, type Viewport } from './support/browser';
import type { TestServer } from './support/server';
import { goTo, h1, openSignIn, signIn } from './support/staff';

/**
 * The one-stop centre end to end, as people use it: the counter officer takes a birth registration with the
 * keyboard and prints the receipt (Mẫu 01), the citizen opens the tracking address of the receipt's QR code
 * on a phone without JavaScript, and the ward leader finds the dossier behind the dashboard's figure.
 */

const BIRTH_REGISTRATION = { code: '1.001193', name: 'Thủ tục đăng ký khai sinh' };
const APPLICANT = {
  fullName: 'Lê Thị Thu Hương',
  masked: 'L** T** T** H****',
  idNumber: '031192004321',
  phone: '0903456789',
  address: 'Số 8, ngõ 12, Tổ dân phố số 2, phường Thành Đông',
};
/** The papers handed in: the declaration (required) and the birth certificate (the usual case). */
const PAPERS = ['to-khai-dang-ky-khai-sinh', 'giay-chung-sinh'];
const DAY = /^\d{2}\/\d{2}\/\d{4}$/;
/** PDF text on one line: words a wrapped line split come back together. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('one-stop centre: counter intake, receipt, tracking and the leader dashboard', () => {
  let server: TestServer;
  let browser: Browser;
  let clients = 0;
  /** What the counter handed the citizen: the dossier code, the appointment day and the receipt's QR address. */
  const receipt = { code: '', dueDate: '', trackingUrl: '' };

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser());
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    console.info(`one-stop: checkPage ran on ${checkedPages.length} page states (${server?.databaseKind})`);
  });

  async function newPage(viewport: Viewport = DESKTOP): Promise<Page> {
    clients += 1;
    const context = await newContext(browser, server.baseUrl, { viewport, clientIp: `10.30.0.${clients}` });
    return context.newPage();
  }

  const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

  /** The definition-list value after the term `term`. */
  const detail = (page: Page, term: string) =>
    page.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');

  it('the counter officer takes a birth registration with the keyboard and prints the receipt', async () => {
    const page = await newPage();
    await openSignIn(page);
    await checkPage(page, 'one-stop-sign-in');
    await signIn(page, 'motcua');
    await checkPage(page, 'one-stop-motcua-overview');
    await goTo(page, 'intake', false);
    await checkPage(page, 'one-stop-intake');

    // The search box has focus: "khai sinh" without diacritics, arrow down to the procedure, Enter.
    await expect.poll(() => focusedId(page)).toBe('thu-tuc');
    await page.keyboard.type('khai sinh');
    const options = page.getByRole('listbox', { name: 'Thủ tục phù hợp' }).getByRole('option');
    await options.first().waitFor();
    const index = (await options.allInnerTexts()).findIndex((text) => text.includes(BIRTH_REGISTRATION.code));
    expect(index).toBeGreaterThanOrEqual(0);
    for (let step = 0; step <= index; step++) await page.keyboard.press('ArrowDown');
    const search = page.getByRole('combobox', { name: 'Tìm thủ tục' });
    expect(await search.getAttribute('aria-activedescendant')).toBe(
      await options.nth(index).getAttribute('id'),
    );
    await checkPage(page, 'one-stop-intake-procedure-list');
    await page.keyboard.press('Enter');
    expect(await search.inputValue()).toBe(BIRTH_REGISTRATION.name);

    // Focus moves to the applicant; Tab from field to field, then Space ticks each paper handed in.
    expect(await focusedId(page)).toBe('ho-ten');
    await page.keyboard.type(APPLICANT.fullName);
    for (const [id, value] of [
      ['so-can-cuoc', APPLICANT.idNumber],
      ['so-dien-thoai', APPLICANT.phone],
      ['dia-chi', APPLICANT.address],
    ] as const) {
      await page.keyboard.press('Tab');
      expect(await focusedId(page)).toBe(id);
      await page.keyboard.type(value);
    }
    await page.locator(`#giay-to-nop-${PAPERS[0]}`).waitFor();
    for (const paper of PAPERS) {
      await page.keyboard.press('Tab');
      expect(await focusedId(page)).toBe(`giay-to-nop-${paper}`);
      await page.keyboard.press('Space');
    }
    await checkPage(page, 'one-stop-intake-filled');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Đã tiếp nhận hồ sơ' }).waitFor();
    receipt.code = await page.locator('.dossier-code-large').innerText();
    receipt.dueDate = await detail(page, 'Ngày hẹn trả kết quả').innerText();
    expect(receipt.code).toMatch(/^10507-\d{6}-\d{4}$/);
    expect(receipt.dueDate).toMatch(DAY);
    expect(await detail(page, 'Người nộp').innerText()).toBe(APPLICANT.fullName);
    expect(await detail(page, 'Thủ tục').innerText()).toBe(BIRTH_REGISTRATION.name);
    await checkPage(page, 'one-stop-intake-received');

    // The print button has focus: Enter fetches the receipt and opens it in a new tab to print. The file
    // the page received is kept on the way (a response body is gone once the page made a blob of it).
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('In giấy tiếp nhận');
    let served: { status: number; type?: string; body: Buffer } | undefined;
    await page.route(`**/api/v1/dossiers/${receipt.code}/documents/receipt`, async (route) => {
      const response = await route.fetch();
      served = {
        status: response.status(),
        type: response.headers()['content-type'],
        body: await response.body(),
      };
      await route.fulfill({ response });
    });
    const [tab] = await Promise.all([page.context().waitForEvent('page'), page.keyboard.press('Enter')]);
    await tab.waitForURL(/^blob:/);
    await tab.close();
    expect(served).toMatchObject({ status: 200, type: 'application/pdf' });
    const pdf = served?.body ?? Buffer.alloc(0);

    const text = await pdfText(pdf);
    expect(await pdfTitle(pdf)).toBe(`Giấy tiếp nhận hồ sơ và hẹn trả kết quả — ${receipt.code}`);
    expect(text).toContain(receipt.code);
    expect(text).toContain(APPLICANT.fullName);
    expect(text).toContain('Tờ khai đăng ký khai sinh');
    expect(flat(text)).toMatch(
      new RegExp(`Thời gian trả kết quả giải quyết hồ sơ: thứ \\S+, ngày ${receipt.dueDate}\\.`),
    );
    // The QR code leads to the tracking page at the address the officer used, which is also printed beside it.
    receipt.trackingUrl = `${server.baseUrl}/tra-cuu/${receipt.code}`;
    expect(text).toContain(receipt.trackingUrl);
    const qr = await pdfQrModules(pdf);
    expect(isQrCodeOf(qr, receipt.trackingUrl)).toBe(true);
    expect(isQrCodeOf(qr, `${server.baseUrl}/tra-cuu/10507-010101-9999`)).toBe(false);
    await page.context().close();
  });

  it('the citizen opens the QR address on a phone without JavaScript: status, date, no personal data', async () => {
    expect(receipt.trackingUrl, 'the intake test must pass first').not.toBe('');
    const context = await browser.newContext({
      viewport: PHONE,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    const response = await page.goto(receipt.trackingUrl);
    expect(response?.status()).toBe(200);
    expect(await h1(page).innerText()).toBe(`Hồ sơ ${receipt.code}`);
    expect(await page.locator('script').count()).toBe(0);

    const text = await page.locator('main').innerText();
    expect(text).toContain('Tình trạng: Được tiếp nhận');
    expect(await detail(page, 'Ngày hẹn trả kết quả').innerText()).toMatch(
      new RegExp(`^Thứ \\S+, ${receipt.dueDate}$`),
    );
    expect(await detail(page, 'Người nộp').innerText()).toContain(APPLICANT.masked);
    const body = await page.locator('body').innerText();
    for (const secret of [APPLICANT.fullName, APPLICANT.idNumber, APPLICANT.phone]) {
      expect(body).not.toContain(secret);
    }
    await context.close();

    // axe needs script to run: the same page (it has none of its own) goes through the gate with it on.
    const checked = await newPage(PHONE);
    await checked.goto(receipt.trackingUrl);
    await checkPage(checked, 'one-stop-tracking-phone');
    await checked.context().close();
  });

  it('the ward leader sees the dossier behind the dashboard figure "Hồ sơ tiếp nhận"', async () => {
    expect(receipt.code, 'the intake test must pass first').not.toBe('');
    const page = await newPage();
    expect(await signIn(page, 'chutich', { checkEnrolment: 'one-stop-chutich-totp-enrolment' })).toBe(
      'enrolment',
    );
    await checkPage(page, 'one-stop-chutich-overview');
    await goTo(page, 'dashboard', false);
    const card = page.locator('.figure-card-button').filter({
      has: page.getByText('Hồ sơ tiếp nhận', { exact: true }),
    });
    await card.waitFor();
    const received = Number(await card.locator('.figure-card-value').innerText());
    expect(received).toBeGreaterThanOrEqual(1);
    await checkPage(page, 'one-stop-dashboard');

    await card.focus();
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { name: `Hồ sơ: Hồ sơ tiếp nhận (${received})` });
    await heading.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ho-so-cua-chi-so');
    const table = page.getByRole('table', { name: 'Hồ sơ tiếp nhận' });
    await table.waitFor();
    const codes = await table.getByRole('rowheader').allInnerTexts();
    expect(codes).toContain(receipt.code);
    expect(codes).toHaveLength(received);
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: receipt.code }) });
    expect(await row.innerText()).toContain(receipt.dueDate);
    await checkPage(page, 'one-stop-dashboard-received-records');
    await page.context().close();
  });
});
