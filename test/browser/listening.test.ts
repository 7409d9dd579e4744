import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG_BASE64 } from '../support/feedback';
import { checkPage } from './support/a11y';
import { DESKTOP, newContext, PHONE, startServerAndBrowser, type Viewport } from './support/browser';
import type { TestServer } from './support/server';
import { goTo, signIn, waitUntil } from './support/staff';

/**
 * Listening to citizens, the one flow through all its parts (issue 5), the server on Wednesday 02/12/2026: a
 * citizen files a feedback with a photo from a phone, by keyboard; the chairman routes it to the culture
 * department, whose officer answers it in the workspace; the chairman publishes the answer and the portal shows
 * it; the counter officer writes a visit into the reception log, then a denouncing visitor whom only the chairman
 * opens, and records a denunciation, whose denouncer the department officer (not its handler) finds nowhere —
 * "Đã niêm phong". Every page state passes axe.
 */
const ANSWER =
  'Phòng Văn hoá – Xã hội đã cho thay xích đu và sơn lại sân chơi Tổ dân phố số 4. Cảm ơn Ông/Bà đã báo.';
const DENOUNCER = 'Hoàng Thị Kín Tên';
const ACCUSED = 'Ông Vũ Văn Tắc, cán bộ địa chính';
const VISITING_DENOUNCER = 'Lương Văn Giấu';
const SEALED_MATTER = 'Tố cáo cán bộ thu tiền trông xe trái phép ở chợ Thành Đông';

/** Presses Tab until the element with `id` has focus: the field is reachable by keyboard, in the form's order. */
async function tabTo(page: Page, id: string, presses = 12): Promise<void> {
  for (let i = 0; i < presses; i += 1) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
  }
  throw new Error(`#${id} not reached with ${presses} presses of Tab`);
}

describe('listening to citizens, end to end', () => {
  let server: TestServer;
  let browser: Browser;
  let clients = 0;

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser({ now: '2026-12-02T09:00:00+07:00' }));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function newPage(viewport: Viewport = DESKTOP): Promise<Page> {
    clients += 1;
    const context = await newContext(browser, server.baseUrl, { viewport, clientIp: `10.50.0.${clients}` });
    return context.newPage();
  }
  const main = (page: Page) => page.locator('main').innerText();
  const status = (page: Page) => page.getByRole('status').first().innerText();

  /** Opens or closes an item of the feedback register with its row's code button. */
  async function toggleItem(page: Page, code: string, expanded: 'true' | 'false'): Promise<void> {
    const button = page.getByRole('button', { name: code, exact: true });
    await button.press('Enter');
    await waitUntil(() => button.getAttribute('aria-expanded'), expanded);
  }

  it('feedback filed, routed, answered and published; a visit logged; a denunciation sealed', async () => {
    // The citizen, on a phone, with the keyboard (the photo is chosen in the file dialog).
    const citizen = await newPage(PHONE);
    await citizen.goto('/phan-anh');
    await checkPage(citizen, 'listening: feedback form (phone)');
    await tabTo(citizen, 'kind-phan_anh', 20);
    await tabTo(citizen, 'category-ha-tang');
    for (let i = 0; i < 10; i += 1) {
      if ((await citizen.evaluate(() => document.activeElement?.id)) === 'category-van-hoa-xa-hoi') break;
      await citizen.keyboard.press('ArrowDown');
    }
    expect(await citizen.locator('#category-van-hoa-xa-hoi').isChecked()).toBe(true);
    await tabTo(citizen, 'text');
    await citizen.keyboard.type('Xích đu ở sân chơi Tổ dân phố số 4 bị gãy, trẻ em chơi rất nguy hiểm.');
    await tabTo(citizen, 'photos');
    const [chooser] = await Promise.all([
      citizen.waitForEvent('filechooser'),
      citizen.keyboard.press('Space'),
    ]);
    await chooser.setFiles({
      name: 'xich-du.png',
      mimeType: 'image/png',
      buffer: Buffer.from(PNG_BASE64, 'base64'),
    });
    await tabTo(citizen, 'address');
    await citizen.keyboard.type('Sân chơi Tổ dân phố số 4, phường Thành Đông');
    await tabTo(citizen, 'name');
    await citizen.keyboard.type('Đặng Thị Mai');
    await tabTo(citizen, 'phone');
    await citizen.keyboard.type('0904 222 333');
    await tabTo(citizen, 'publishConsent');
    await citizen.keyboard.press('Space');
    await citizen.keyboard.press('Tab');
    await citizen.keyboard.press('Enter');
    await citizen.waitForURL(/\/phan-anh\/PA-[0-9A-Z]{4}-[0-9A-Z]{4}\?moi=1$/);
    const code = (await citizen.locator('.code').innerText()).trim();
    await checkPage(citizen, 'listening: feedback filed (phone)');

    // The chairman routes it to the culture department.
    const chairman = await newPage();
    await signIn(chairman, 'chutich');
    await goTo(chairman, 'feedback', false);
    await toggleItem(chairman, code, 'true');
    await chairman.getByLabel('Chuyển đến đơn vị').selectOption({ label: 'Phòng Văn hoá – Xã hội' });
    await checkPage(chairman, 'listening: feedback item, routing');
    await chairman.getByRole('button', { name: 'Chuyển xử lý' }).press('Enter');
    await chairman.getByRole('cell', { name: 'Phòng Văn hoá – Xã hội' }).waitFor();
    await toggleItem(chairman, code, 'false');

    // The department's officer sees the photo and answers.
    const officer = await newPage();
    await signIn(officer, 'chuyenvien');
    await goTo(officer, 'feedback', false);
    await toggleItem(officer, code, 'true');
    const photo = officer.getByRole('link', { name: 'Ảnh 1' });
    const response = await officer.request.get((await photo.getAttribute('href')) ?? '');
    expect([response.status(), response.headers()['content-type']]).toEqual([200, 'image/png']);
    await officer.getByLabel('Nội dung trả lời').fill(ANSWER);
    await checkPage(officer, 'listening: feedback item, answer form');
    await officer.getByRole('button', { name: 'Gửi câu trả lời' }).press('Enter');
    // Answered, it leaves the open items.
    await waitUntil(() => officer.getByRole('button', { name: code, exact: true }).count(), 0);

    // The chairman publishes it (the citizen consented).
    await chairman.getByText('Đã trả lời', { exact: true }).first().click();
    await chairman.waitForURL(/view=answered$/);
    await toggleItem(chairman, code, 'true');
    await chairman.getByRole('button', { name: 'Công khai trên cổng' }).press('Enter');
    await chairman.getByText('Đã công khai ngày 02/12/2026.').waitFor();
    expect(await main(chairman)).toContain(ANSWER);
    await checkPage(chairman, 'listening: feedback answered and published');

    await citizen.goto('/phan-anh/da-tra-loi');
    expect(await main(citizen)).toContain(ANSWER);
    expect(await citizen.content()).not.toContain('Đặng Thị Mai');
    await checkPage(citizen, 'listening: published answers (phone)');

    // The counter officer writes a visit into the reception log, then records the denunciation brought.
    const counter = await newPage();
    await signIn(counter, 'motcua');
    await goTo(counter, 'receptionLog', false);
    await counter.getByLabel('Họ và tên người đến').fill('Bùi Văn Thắng');
    await counter
      .getByLabel('Nội dung vụ việc')
      .fill('Khiếu nại quyết định thu hồi giấy phép kinh doanh quán ăn số 9 phố Lê Lợi.');
    await counter.getByLabel('Phân loại').selectOption('complaint');
    await counter.getByRole('button', { name: 'Ghi vào sổ' }).press('Enter');
    await waitUntil(() => status(counter), 'Đã ghi lượt tiếp số 1/2026; hạn trả lời 16/12/2026.');
    await counter.getByRole('cell', { name: /Bùi Văn Thắng/ }).waitFor();
    await checkPage(counter, 'listening: reception log with the visit');

    // A visitor who comes to denounce is sealed as soon as the entry is written: the counter officer sees
    // "Đã niêm phong"; the chairman opens it, one audited reading.
    await counter.getByLabel('Họ và tên người đến').fill(VISITING_DENOUNCER);
    await counter.getByLabel('Nội dung vụ việc').fill(SEALED_MATTER);
    await counter.getByLabel('Phân loại').selectOption('denunciation');
    await counter.getByRole('button', { name: 'Ghi vào sổ' }).press('Enter');
    await waitUntil(() => status(counter), 'Đã ghi lượt tiếp số 2/2026; hạn trả lời 16/12/2026.');
    // The status is said before the log has reloaded: wait for the new row itself.
    const sealedVisit = counter.getByRole('row', { name: new RegExp(SEALED_MATTER) });
    await sealedVisit.waitFor();
    expect(await sealedVisit.getByText('Đã niêm phong', { exact: true }).count()).toBe(1);
    expect(await counter.getByRole('button', { name: 'Xem thông tin người tố cáo' }).count()).toBe(0);
    expect(await counter.content()).not.toContain(VISITING_DENOUNCER);
    await goTo(chairman, 'receptionLog', false);
    const opened = chairman.getByRole('row', { name: new RegExp(SEALED_MATTER) });
    await opened.waitFor();
    expect(await chairman.content()).not.toContain(VISITING_DENOUNCER);
    await opened.getByRole('button', { name: 'Xem thông tin người tố cáo' }).press('Enter');
    await opened.getByText(VISITING_DENOUNCER).waitFor();
    await checkPage(chairman, 'listening: a sealed visitor opened by the chairman');

    await goTo(counter, 'denunciations', false);
    await counter.getByRole('button', { name: 'Ghi nhận tố cáo' }).press('Enter');
    await counter.getByLabel('Họ và tên người tố cáo').fill(DENOUNCER);
    await counter.getByLabel('Địa chỉ', { exact: true }).fill('Số 3 ngõ Lặng Im, Tổ dân phố số 6');
    await counter.getByLabel('Hình thức').selectOption('in_person');
    await counter.getByLabel('Người bị tố cáo', { exact: true }).fill(ACCUSED);
    await counter.getByLabel('Nội dung tố cáo').fill('Đòi tiền để ký xác nhận hiện trạng nhà đất.');
    await counter.getByLabel('Có chữ ký hoặc điểm chỉ').selectOption('yes');
    await counter.getByRole('button', { name: 'Ghi vào sổ' }).press('Enter');
    await counter.getByRole('cell', { name: ACCUSED }).waitFor();
    await checkPage(counter, 'listening: denunciation recorded');

    // The department officer is not its handler: the denouncer is sealed and cannot be searched for.
    await goTo(officer, 'denunciations', false);
    const row = officer.getByRole('row', { name: new RegExp(ACCUSED) });
    expect(await row.getByText('Đã niêm phong', { exact: true }).count()).toBe(1);
    await row.getByRole('button', { name: /^TC-2026-/ }).press('Enter');
    await officer.getByText('Nội dung: Đòi tiền').waitFor();
    expect(await officer.locator('main').getByText('Đã niêm phong', { exact: true }).count()).toBe(2);
    expect(await officer.getByRole('button', { name: 'Xem thông tin người tố cáo' }).count()).toBe(0);
    expect(await officer.content()).not.toContain(DENOUNCER);
    await checkPage(officer, 'listening: denunciation seen by a department officer');
    const search = officer.getByLabel('Tìm theo số, nội dung, người bị tố cáo');
    await search.fill(DENOUNCER);
    await waitUntil(() => officer.getByRole('cell', { name: ACCUSED }).count(), 0);
    await search.fill('Vũ Văn Tắc');
    await waitUntil(() => officer.getByRole('cell', { name: ACCUSED }).count(), 1);
  }, 600_000);
});
