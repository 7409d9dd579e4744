import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage } from './support/a11y';
import { DESKTOP, newContext, startServerAndBrowser } from './support/browser';
import type { TestServer } from './support/server';
import { goTo, signIn, waitUntil } from './support/staff';

/**
 * Complaints and denunciations in the workspace, the server on Wednesday 02/12/2026: the counter officer records
 * a complaint (its acceptance deadline in the register) and a denunciation, whose denouncer every list shows as
 * "Đã niêm phong"; the supervisor's view of it holds no trace of the name; the chairman opens it. Axe-clean.
 */
const NAME = 'Lò Thị Bích Khuê';

describe('complaints and denunciations in the workspace', () => {
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

  async function newPage(): Promise<Page> {
    clients += 1;
    const context = await newContext(browser, server.baseUrl, {
      viewport: DESKTOP,
      clientIp: `10.40.0.${clients}`,
    });
    return context.newPage();
  }
  const main = (page: Page) => page.locator('main').innerText();

  it('records a complaint and a sealed denunciation; only the chairman reads the denouncer', async () => {
    const counter = await newPage();
    await signIn(counter, 'motcua');
    await goTo(counter, 'complaints', false);
    await counter.getByRole('button', { name: 'Ghi nhận khiếu nại' }).click();
    const fill = (label: string, value: string) => counter.getByLabel(label).first().fill(value);
    await fill('Họ và tên người khiếu nại', 'Đinh Văn Khiếu');
    await fill('Địa chỉ', 'Số 12 phố Lê Lợi, Tổ dân phố số 2, phường Thành Đông');
    await counter.getByLabel('Hình thức').selectOption('written');
    await fill('Ngày khiếu nại', '01/12/2026');
    await fill('Quyết định, hành vi hành chính bị khiếu nại', 'Quyết định số 05/QĐ-UBND về xử phạt');
    await fill('Cơ quan, người có quyết định, hành vi bị khiếu nại', 'Chủ tịch UBND phường');
    await fill('Nội dung khiếu nại', 'Tôi không lấn chiếm vỉa hè như biên bản ghi.');
    await fill('Lý do', 'Biên bản ghi sai địa điểm.');
    await fill('Yêu cầu của người khiếu nại', 'Hủy quyết định xử phạt.');
    await counter.getByLabel('Có chữ ký hoặc điểm chỉ').selectOption('yes');
    // Days are typed as on paper; one that does not exist is named before anything is sent.
    await fill('Ngày nhận được hoặc biết được quyết định, hành vi', '31/11/2026');
    await counter.getByRole('button', { name: 'Ghi vào sổ' }).click();
    await counter.getByText('Xin nhập ngày theo dạng dd/mm/yyyy.').first().waitFor();
    await fill('Ngày nhận được hoặc biết được quyết định, hành vi', '20/11/2026');
    await counter.getByRole('button', { name: 'Ghi vào sổ' }).click();
    // 07 working days from Wednesday 02/12/2026
    await counter.getByText('Thụ lý: 11/12/2026').waitFor();
    expect(await main(counter)).toContain('Đ*** V** K****');
    await checkPage(counter, 'complaint register');
    // The register's views sit in the address, so a dashboard figure opens its records: nothing is late yet.
    await counter.getByText('Quá hạn', { exact: true }).first().click();
    await counter.waitForURL(/khieu-nai\?view=late$/);
    await waitUntil(() => counter.getByText('Thụ lý: 11/12/2026').count(), 0);
    await counter.goBack();
    await counter.getByText('Thụ lý: 11/12/2026').waitFor();

    await goTo(counter, 'denunciations', false);
    await counter.getByRole('button', { name: 'Ghi nhận tố cáo' }).click();
    await counter.getByLabel('Họ và tên người tố cáo').fill(NAME);
    await counter.getByLabel('Địa chỉ', { exact: true }).fill('Số 77 ngõ Kín Đáo, Tổ dân phố số 9');
    await counter.getByLabel('Hình thức').selectOption('written');
    await counter.getByLabel('Người bị tố cáo', { exact: true }).fill('Ông Trần Văn Bị, cán bộ địa chính');
    await counter.getByLabel('Nội dung tố cáo').fill('Nhận tiền để xác nhận hồ sơ đất đai sai quy định.');
    await counter.getByLabel('Có chữ ký hoặc điểm chỉ').selectOption('yes');
    await counter.getByRole('button', { name: 'Ghi vào sổ' }).click();
    await counter.getByRole('cell', { name: 'Ông Trần Văn Bị, cán bộ địa chính' }).waitFor();
    expect(await main(counter)).toContain('Đã niêm phong');
    expect(await main(counter)).not.toContain(NAME);
    await checkPage(counter, 'denunciation register');

    const supervisor = await newPage();
    await signIn(supervisor, 'giamsat');
    await goTo(supervisor, 'denunciations', false);
    await supervisor.getByRole('button', { name: /^TC-2026-/ }).click();
    await supervisor.getByText('Nội dung: Nhận tiền').waitFor();
    expect(await supervisor.getByRole('button', { name: 'Xem thông tin người tố cáo' }).count()).toBe(0);
    expect(await supervisor.content()).not.toContain(NAME);

    const chairman = await newPage();
    await signIn(chairman, 'chutich');
    await goTo(chairman, 'denunciations', false);
    await chairman.getByRole('button', { name: /^TC-2026-/ }).click();
    await chairman.getByRole('button', { name: 'Xem thông tin người tố cáo' }).click();
    await waitUntil(async () => (await main(chairman)).includes(NAME), true);
    await checkPage(chairman, 'denunciation opened by the chairman');
  }, 240_000);
});
