import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage } from './support/a11y';
import { DESKTOP, newContext, startServerAndBrowser } from './support/browser';
import type { TestServer } from './support/server';
import { goTo, openByAddress, signIn } from './support/staff';

// The counter officer takes a copy certification whose fee the citizen pays in cash there and then: the intake
// screen records it (no amount typed: the schedule's), the confirmation gives the receipt number to print.
const COPY = { code: '2.000815', search: 'chung thuc ban sao' };

describe('cash paid at the counter at intake', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser({ now: '2026-12-02T09:00:00+07:00' }));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
  const detail = (page: Page, term: string) =>
    page.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');

  it('records the fee paid in cash with a receipt, from the keyboard', async () => {
    const context = await newContext(browser, server.baseUrl, { viewport: DESKTOP, clientIp: '10.31.0.1' });
    const page = await context.newPage();
    await signIn(page, 'motcua');
    await goTo(page, 'intake', false);
    await expect.poll(() => focusedId(page)).toBe('thu-tuc');
    await page.keyboard.type(COPY.search);
    const options = page.getByRole('listbox', { name: 'Thủ tục phù hợp' }).getByRole('option');
    await options.first().waitFor();
    const index = (await options.allInnerTexts()).findIndex((text) => text.includes(COPY.code));
    expect(index).toBeGreaterThanOrEqual(0);
    for (let step = 0; step <= index; step++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');

    expect(await focusedId(page)).toBe('ho-ten');
    await page.keyboard.type('Ngô Văn Tùng');
    for (const value of ['031087002468', '0904222333', 'Số 6, Tổ dân phố số 3, phường Thành Đông']) {
      await page.keyboard.press('Tab');
      await page.keyboard.type(value);
    }
    await page.locator('#giay-to-nop-ban-sao-can-chung-thuc').focus();
    await page.keyboard.press('Space');
    await page.locator('#so-trang').focus();
    await page.keyboard.type('2');
    const cash = page.getByRole('checkbox', { name: 'Công dân nộp tiền mặt tại quầy ngay' });
    await cash.focus();
    await page.keyboard.press('Space');
    expect(await cash.isChecked()).toBe(true);
    await checkPage(page, 'counter-cash-intake');
    await page.locator('#so-trang').focus();
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Đã tiếp nhận hồ sơ' }).waitFor();
    expect(await detail(page, 'Phí, lệ phí').innerText()).toContain('4.000');
    expect(await detail(page, 'Đã thu tiền mặt').innerText()).toBe('Biên lai số BL-2026-000001');
    const print = page.getByRole('link', { name: 'In biên lai thu phí, lệ phí' });
    expect(await print.getAttribute('href')).toMatch(
      /^\/api\/v1\/dossiers\/10507-261202-\d{4}\/payment\/receipt$/,
    );
    await checkPage(page, 'counter-cash-received');
    const code = await page.locator('.dossier-code-large').innerText();
    const payment = await page.evaluate(
      async (path) => (await fetch(path)).json(),
      `/api/v1/dossiers/${code}/payment`,
    );
    expect(payment).toMatchObject({ status: 'paid', receipt: { number: 'BL-2026-000001', method: 'cash' } });

    // The applicant then asks for the result by post: the officer changes it on the dossier's page.
    await openByAddress(page, `/staff/ho-so/${code}`);
    await page.getByRole('button', { name: 'Đổi cách nhận kết quả' }).click();
    await page.getByRole('radio', { name: 'Qua bưu chính công ích' }).check();
    await page.getByLabel('Địa chỉ nhận kết quả').fill('Số 18, Tổ dân phố số 7, phường Thành Đông');
    await checkPage(page, 'dossier-return-change');
    await page.getByRole('button', { name: 'Lưu cách nhận kết quả' }).click();
    await page.getByText('Đã đổi cách nhận kết quả: Qua bưu chính công ích.').waitFor();
    await page
      .getByRole('cell', {
        name: 'Qua dịch vụ bưu chính công ích, đến địa chỉ: Số 18, Tổ dân phố số 7, phường Thành Đông',
      })
      .waitFor();
    expect(await detail(page, 'Địa chỉ nhận kết quả').innerText()).toBe(
      'Số 18, Tổ dân phố số 7, phường Thành Đông',
    );
    await context.close();
  });
});
