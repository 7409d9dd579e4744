import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage } from './support/a11y';
import { DESKTOP, newContext, PHONE, startServerAndBrowser, type Viewport } from './support/browser';
import { TEST_MORNING, type TestServer } from './support/server';
import { goTo, signIn } from './support/staff';

/**
 * Home intake through the pages (seed III.6): the residential-group head asks, the one-stop officer schedules
 * the visit and takes the dossier on a phone at the home; the leader's dashboard then shows the online-service
 * figures, the home intake among them, each opening its records.
 */

const PERSON = { fullName: 'Vũ Thị Tâm', address: 'Số 12, ngõ 4, Tổ dân phố số 1, phường Thành Đông' };

describe('home intake and the online-service figures', () => {
  let server: TestServer;
  let browser: Browser;
  let clients = 0;
  let dossierCode = '';

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function newPage(viewport: Viewport = DESKTOP): Promise<Page> {
    clients += 1;
    const context = await newContext(browser, server.baseUrl, { viewport, clientIp: `10.40.0.${clients}` });
    return context.newPage();
  }

  it('the citizen page explains how to ask, signed out, on a phone', async () => {
    const page = await newPage(PHONE);
    await page.goto('/yeu-cau-tiep-nhan-tai-nha');
    await page.getByRole('heading', { level: 2, name: 'Xin đăng nhập để gửi đề nghị' }).waitFor();
    expect(await page.locator('h1').innerText()).toBe('Đề nghị cán bộ đến nhà tiếp nhận hồ sơ');
    await checkPage(page, 'home-visit-citizen-signed-out');
    await page.context().close();
  });

  it('the group head asks, the officer schedules and takes the dossier at the home on a phone', async () => {
    const head = await newPage();
    await signIn(head, 'totruong');
    await goTo(head, 'groupRequests', false);
    await head.getByLabel('Họ và tên người cần tiếp nhận tại nhà').fill(PERSON.fullName);
    await head.getByLabel('Địa chỉ nơi cán bộ đến').fill(PERSON.address);
    await head.getByLabel('Người cao tuổi, già yếu').check();
    await head.getByLabel('Thủ tục cần làm').selectOption({ label: 'Thủ tục đăng ký khai sinh' });
    await head.getByLabel('Thời gian thuận tiện để cán bộ đến').fill('Buổi sáng các ngày trong tuần');
    await head.getByLabel('Số điện thoại để Trung tâm gọi hẹn lịch').fill('0912 345 678');
    await head.getByRole('button', { name: 'Gửi yêu cầu' }).click();
    const sent = head.getByText(/^Đã gửi yêu cầu TN-/);
    await sent.waitFor();
    const code = /TN-[A-Z2-9]{6}/.exec(await sent.innerText())?.[0] ?? '';
    await checkPage(head, 'home-visit-group-head-sent');
    await head.context().close();

    // The next working day, as the ward's calendar counts it.
    const next = await fetch(
      `${server.baseUrl}/api/v1/calendar/due-date?receivedAt=${encodeURIComponent(TEST_MORNING)}&workingDays=1`,
    );
    const day = (await next.json()).dueDate as string;
    const officer = await newPage(PHONE);
    await signIn(officer, 'motcua');
    await goTo(officer, 'homeVisits', true);
    const card = officer.getByRole('listitem').filter({ hasText: code });
    await card.getByRole('button', { name: 'Xếp lịch' }).click();
    await card.getByLabel('Ngày đến').fill(day.split('-').reverse().join('/'));
    await card.getByLabel('Từ giờ').fill('08:00');
    await card.getByLabel('Đến giờ').fill('09:00');
    await card.getByLabel('Công chức được cử').selectOption({ label: 'Trần Thị Hằng' });
    await checkPage(officer, 'home-visit-schedule-phone');
    await card.getByRole('button', { name: 'Lưu lịch hẹn' }).click();
    await card.getByRole('heading', { name: `${code} · Đã xếp lịch` }).waitFor();

    // At the home: the intake comes filled with the person and the procedure; the officer adds the rest.
    await card.getByRole('link', { name: 'Tiếp nhận hồ sơ tại nhà' }).click();
    await officer.getByRole('heading', { name: `Tiếp nhận tại nhà theo yêu cầu ${code}` }).waitFor();
    expect(await officer.locator('#ho-ten').inputValue()).toBe(PERSON.fullName);
    await officer.locator('#so-can-cuoc').fill('031150001234');
    await officer.locator('#so-dien-thoai').fill('0912345678');
    await officer.locator('#giay-to-nop-to-khai-dang-ky-khai-sinh').check();
    await checkPage(officer, 'home-visit-intake-phone');
    await officer.getByRole('button', { name: 'Tiếp nhận và in giấy hẹn' }).click();
    await officer.getByRole('heading', { name: 'Đã tiếp nhận hồ sơ' }).waitFor();
    dossierCode = await officer.locator('.dossier-code-large').innerText();
    await officer.context().close();
    expect(dossierCode).toMatch(/^10507-\d{6}-\d{4}$/);
  });

  it('the leader sees the online-service figures, and the home intake behind its figure', async () => {
    expect(dossierCode, 'the home intake test must pass first').not.toBe('');
    const leader = await newPage();
    await signIn(leader, 'chutich');
    await goTo(leader, 'dashboard', false);
    const section = leader.getByRole('region', { name: 'Dịch vụ trực tuyến và phục vụ tận nơi' });
    const cards = section.locator('.figure-card-label');
    await cards.nth(4).waitFor();
    expect(await cards.allInnerTexts()).toEqual([
      'Tỷ lệ hồ sơ nộp trực tuyến',
      'Tỷ lệ hồ sơ nộp phí, lệ phí trực tuyến',
      'Tỷ lệ hài lòng (rất hài lòng và hài lòng trên tổng số phiếu)',
      'Hồ sơ tiếp nhận tại nhà',
      'Tỷ lệ hồ sơ “không hẹn, không chờ” trả trong ngày',
    ]);
    const home = section.locator('.figure-card-button').filter({ hasText: 'Hồ sơ tiếp nhận tại nhà' });
    expect(await home.locator('.figure-card-value').innerText()).toBe('1');
    await checkPage(leader, 'online-figures-dashboard');
    await home.click();
    const table = leader.getByRole('table', { name: 'Hồ sơ tiếp nhận tại nhà' });
    await table.waitFor();
    expect(await table.getByRole('rowheader').allInnerTexts()).toEqual([dossierCode]);
    await checkPage(leader, 'online-figures-home-intakes');
    await leader.context().close();
  });
});
