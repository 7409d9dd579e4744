import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage } from './support/a11y';
import { DESKTOP, newContext, PHONE, startServerAndBrowser, type Viewport } from './support/browser';
import type { TestServer } from './support/server';
import { goTo, h1, signIn, waitUntil } from './support/staff';

/**
 * Citizen reception in the browser, with the server on Tuesday 28/04/2026 (30/04 and 01/05 are holidays): the
 * chairman sets a Thursday schedule and is warned about the week of 30/04 until he adds a day; the public page
 * shows it on a phone; the counter officer logs a petition, which appears in the feedback register with the
 * source "Tiếp công dân"; the leader's dashboard counts it. Every page passes axe.
 */
describe('citizen reception in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let clients = 0;

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser({ now: '2026-04-28T09:00:00+07:00' }));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function newPage(viewport: Viewport = DESKTOP): Promise<Page> {
    clients += 1;
    const context = await newContext(browser, server.baseUrl, { viewport, clientIp: `10.30.0.${clients}` });
    return context.newPage();
  }
  const status = (page: Page) => page.getByRole('status').first().innerText();

  it('schedule with its warning, public page, reception log, feedback register and dashboard', async () => {
    const leader = await newPage();
    await signIn(leader, 'chutich');
    await goTo(leader, 'receptionSchedule', false);
    await leader.getByText('chưa có ngày Chủ tịch tiếp công dân').first().waitFor();
    await checkPage(leader, 'reception schedule, none set');

    await leader.getByRole('checkbox', { name: 'Thứ Năm' }).check();
    await leader.getByLabel('Địa điểm').fill('Phòng tiếp công dân, trụ sở Ủy ban nhân dân phường');
    await leader
      .getByLabel('Nội quy tiếp công dân')
      .fill('Công dân mang theo căn cước, giữ trật tự; nhiều người cùng nội dung thì cử người đại diện.');
    await leader.getByRole('button', { name: 'Lưu lịch' }).click();
    await waitUntil(() => status(leader), 'Đã lưu.');
    await leader.getByText('Có 1 tuần chưa có ngày Chủ tịch tiếp công dân').waitFor();
    expect(await leader.getByText(/30\/04\/2026: không tiếp/).count()).toBe(1);
    await checkPage(leader, 'reception schedule, week of 30/04 warned');

    await leader.getByLabel('Ngày', { exact: true }).fill('29/04/2026');
    await leader.getByLabel('Lý do (tiếp bù, tiếp đột xuất)').fill('Tiếp bù ngày 30/4');
    await leader.getByRole('button', { name: 'Thêm ngày' }).click();
    await waitUntil(() => leader.getByText('chưa có ngày Chủ tịch tiếp công dân').count(), 0);

    const phone = await newPage(PHONE);
    await phone.goto('/tiep-cong-dan');
    expect(await h1(phone).innerText()).toBe('Lịch Chủ tịch tiếp công dân');
    expect(await phone.locator('main').innerText()).toContain('29/04/2026');
    await checkPage(phone, 'public reception schedule (phone)');

    const counter = await newPage();
    await signIn(counter, 'motcua');
    await goTo(counter, 'receptionLog', false);
    await counter.getByLabel('Họ và tên người đến').fill('Trần Văn Bình');
    await counter.getByLabel('Số căn cước').fill('031095001234');
    await counter
      .getByLabel('Nội dung vụ việc')
      .fill('Đề nghị sửa rãnh thoát nước ngõ 3 phố Lê Lợi, mưa to nước tràn vào nhà dân.');
    await counter.getByLabel('Phân loại').selectOption('petition');
    await counter.getByRole('button', { name: 'Ghi vào sổ' }).click();
    await waitUntil(() => status(counter), 'Đã ghi lượt tiếp số 1/2026; hạn trả lời 14/05/2026.');
    await counter.getByRole('cell', { name: /Trần Văn Bình/ }).waitFor();
    await checkPage(counter, 'reception log with an entry');

    await goTo(counter, 'feedback', false);
    await counter.getByText(/Kiến nghị · .* · Tiếp công dân/).waitFor();
    await checkPage(counter, 'feedback register');
    await goTo(counter, 'listening', false);
    await checkPage(counter, 'Friday listening sessions');

    await goTo(leader, 'dashboard', false);
    const panel = leader.getByRole('region', {
      name: 'Nghe dân nói: phản ánh, kiến nghị, tiếp công dân, khiếu nại, tố cáo',
    });
    await panel.waitFor();
    await panel
      .getByRole('row', { name: /Kiến nghị/ })
      .getByRole('link', { name: '1' })
      .first()
      .click();
    await waitUntil(() => h1(leader).innerText(), 'Phản ánh, kiến nghị');
    await checkPage(leader, 'feedback register from the dashboard');

    // The leader routes the petition to the economy department and answers it himself.
    const itemButton = leader.getByRole('row').getByRole('button', { name: /^PA-/ }).first();
    const code = await itemButton.innerText();
    await itemButton.click();
    await leader.getByLabel('Chuyển đến đơn vị').selectOption({ label: 'Phòng Kinh tế – Hạ tầng – Đô thị' });
    await leader.getByRole('button', { name: 'Chuyển xử lý' }).click();
    await leader.getByLabel('Nội dung trả lời').waitFor();
    await checkPage(leader, 'feedback item routed, answer form');
    await leader
      .getByLabel('Nội dung trả lời')
      .fill('Phường đã giao Phòng Kinh tế sửa rãnh thoát nước trong tháng 5.');
    await leader.getByRole('button', { name: 'Gửi câu trả lời' }).click();
    // Answered, it leaves the open list for the answered one.
    await waitUntil(() => leader.getByRole('button', { name: code }).count(), 0);
    await leader.getByText('Đã trả lời', { exact: true }).first().click();
    await leader.getByRole('button', { name: code }).waitFor();

    // The head of a department schedules a Friday session; 01/05 is a holiday.
    const head = await newPage();
    await signIn(head, 'truongphong');
    await goTo(head, 'listening', false);
    await head.getByLabel('Ngày', { exact: true }).fill('01/05/2026');
    await head.getByLabel('Địa điểm').fill('Hội trường Tổ dân phố số 2');
    await head.getByLabel('Người chủ trì').fill('Chủ tịch UBND phường');
    await head.getByRole('button', { name: 'Lên lịch', exact: true }).click();
    await head.getByRole('alert').filter({ hasText: 'ngày nghỉ' }).first().waitFor();
    await checkPage(head, 'Friday session form with an error');
    await head.getByLabel('Ngày', { exact: true }).fill('08/05/2026');
    await head.getByRole('button', { name: 'Lên lịch', exact: true }).click();
    await head.getByRole('heading', { name: /08\/05\/2026 · 08:00 · Đã lên lịch/ }).waitFor();
    await checkPage(head, 'Friday session scheduled');
    await head.getByLabel('Địa điểm').fill('Hội trường Tổ dân phố số 2');
    await head.getByLabel('Người chủ trì').fill('Chủ tịch UBND phường');
    await head.getByRole('button', { name: 'Lên lịch mọi thứ Sáu trong 4 tuần tới' }).click();
    await head.getByRole('heading', { name: /22\/05\/2026 · 08:00 · Đã lên lịch/ }).waitFor();
  });
});
