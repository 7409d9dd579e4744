import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CITIZENS } from '../../src/platform/citizens/demo-citizens';
import { twoPagePdf } from '../support/online';
import { checkPage } from './support/a11y';
import { DESKTOP, newContext, PHONE, startServerAndBrowser } from './support/browser';
import type { TestServer } from './support/server';
import { DEMO_PASSWORD, goTo, signIn } from './support/staff';

// A birth registration (fully online) taken at the counter with the result to be received online: the officer
// registers it on the intake screen, the dossier page shows it, the officer attaches the PDF when marking the
// result ready, and the applicant downloads it from "Hồ sơ của tôi" on a phone. Wednesday 02/12/2026, 09:00.
const DUC = DEMO_CITIZENS[1] ?? { fullName: '', idNumber: '', phone: '', subject: '' };

describe('result returned online', () => {
  let server: TestServer;
  let browser: Browser;
  let keys = 0;
  let officer: { cookie: string; csrfToken: string } | undefined;

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser({ now: '2026-12-02T09:00:00+07:00' }));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const detail = (page: Page, term: string) =>
    page.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');

  /** The counter officer's calls by the API, with their own session. */
  async function asOfficer(method: string, path: string, body: unknown, type = 'application/json') {
    officer ??= await (async () => {
      const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.32.0.3' },
        body: JSON.stringify({ username: 'motcua', password: DEMO_PASSWORD }),
      });
      const cookie = login.headers.getSetCookie()[0]?.split(';')[0] ?? '';
      return { cookie, csrfToken: ((await login.json()) as { csrfToken: string }).csrfToken };
    })();
    const response = await fetch(`${server.baseUrl}${path}`, {
      method,
      headers: {
        'content-type': type,
        cookie: officer.cookie,
        'x-csrf-token': officer.csrfToken,
        'idempotency-key': `browser-result-return-${++keys}`,
        'x-forwarded-for': '10.32.0.3',
      },
      body: Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body),
    });
    return response.status;
  }

  it('registers an online return at the counter, and the applicant downloads the result', async () => {
    const staff = await newContext(browser, server.baseUrl, { viewport: DESKTOP, clientIp: '10.32.0.1' });
    const page = await staff.newPage();
    await signIn(page, 'motcua');
    await goTo(page, 'intake', false);
    await page.keyboard.type('khai sinh');
    const options = page.getByRole('listbox', { name: 'Thủ tục phù hợp' }).getByRole('option');
    await options.first().waitFor();
    const index = (await options.allInnerTexts()).findIndex((text) => text.includes('1.001193'));
    for (let step = 0; step <= index; step++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByLabel('Họ và tên').fill(DUC.fullName);
    await page.getByLabel('Số căn cước').fill(DUC.idNumber);
    await page.getByLabel('Số điện thoại').fill(DUC.phone);
    await page.getByLabel('Địa chỉ', { exact: true }).fill('Số 2, Tổ dân phố số 6, phường Thành Đông');
    await page.locator('#giay-to-nop-to-khai-dang-ky-khai-sinh').check();
    const online = page.getByRole('radio', { name: 'Trực tuyến (tải bản điện tử tại mục Hồ sơ của tôi)' });
    expect(await page.getByRole('radio', { name: 'Tại Trung tâm Phục vụ hành chính công' }).isChecked()).toBe(
      true,
    );
    await online.check();
    await checkPage(page, 'result-return-intake');
    await page.getByRole('button', { name: 'Tiếp nhận và in giấy hẹn' }).click();
    await page.getByRole('heading', { name: 'Đã tiếp nhận hồ sơ' }).waitFor();
    const code = await page.locator('.dossier-code-large').innerText();

    await page.goto(`/staff/ho-so/${code}`);
    await detail(page, 'Nhận kết quả').waitFor();
    expect(await detail(page, 'Nhận kết quả').innerText()).toBe(
      'Trực tuyến (tải bản điện tử tại mục Hồ sơ của tôi)',
    );
    expect(await detail(page, 'Nhận thông báo qua').innerText()).toBe('Tin nhắn SMS');
    const { units } = await page.evaluate(async () => (await fetch('/api/v1/wards/10507/units')).json());
    const culture = units.find((u: { kind: string }) => u.kind === 'culture')?.id;
    expect(await asOfficer('POST', `/api/v1/dossiers/${code}/actions/hand_over`, { toUnit: culture })).toBe(
      200,
    );
    const pdf = await twoPagePdf();
    const upload = `/api/v1/dossiers/${code}/result-file?fileName=giay-khai-sinh.pdf`;
    expect(await asOfficer('PUT', upload, pdf, 'application/octet-stream')).toBe(200);
    const ready = { resultDocument: 'Giấy khai sinh số 15' };
    expect(await asOfficer('POST', `/api/v1/dossiers/${code}/actions/mark_result_ready`, ready)).toBe(200);
    await staff.close();

    const citizen = await newContext(browser, server.baseUrl, { viewport: PHONE, clientIp: '10.32.0.2' });
    const phone = await citizen.newPage();
    await phone.goto('/dang-nhap');
    await phone.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();
    await phone.getByRole('button', { name: DUC.fullName }).click();
    await phone.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' }).waitFor();
    await phone.goto(`/ho-so-cua-toi/${code}`);
    await phone.getByRole('heading', { level: 2, name: 'Kết quả giải quyết' }).waitFor();
    const link = phone.getByRole('link', { name: 'Tải kết quả (giay-khai-sinh.pdf)' });
    await checkPage(phone, 'result-return-citizen');
    const href = await link.getAttribute('href');
    expect(href).toBe(`/api/v1/citizen/dossiers/${code}/result`);
    const downloaded = await phone.evaluate(async (path) => {
      const response = await fetch(path);
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        size: (await response.blob()).size,
      };
    }, href ?? '');
    expect(downloaded).toEqual({ status: 200, type: 'application/pdf', size: pdf.length });
    await citizen.close();
  });
});
