import type { Browser, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CITIZENS } from '../../src/platform/citizens/demo-citizens';
import { checkPage } from './support/a11y';
import { DESKTOP, newContext, PHONE, problemsOf, startServerAndBrowser } from './support/browser';
import type { TestServer } from './support/server';
import { DEMO_PASSWORD, signIn } from './support/staff';

// A supplement answered online, on a phone, with the keyboard: the officer asks for a paper of an online dossier,
// the citizen signs in with VNeID, uploads it from "Hồ sơ của tôi" and sends it; the officer then records the
// complete file and the clock starts. Wednesday 02/12/2026, 09:00.
const DUC = DEMO_CITIZENS[1] ?? { fullName: '', idNumber: '', phone: '', subject: '' };
const PROOF = 'chung-cu-quan-he-cha-me-con';

describe('online supplement', () => {
  let server: TestServer;
  let browser: Browser;
  let officer: { cookie: string; csrfToken: string };
  let keys = 0;

  async function asOfficer(path: string, body: unknown) {
    const response = await fetch(`${server.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: officer.cookie,
        'x-csrf-token': officer.csrfToken,
        'idempotency-key': `browser-online-supplement-${++keys}`,
        'x-forwarded-for': '10.0.12.1',
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  }

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser({ now: '2026-12-02T09:00:00+07:00' }));
    const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.0.12.1' },
      body: JSON.stringify({ username: 'motcua', password: DEMO_PASSWORD }),
    });
    officer = {
      cookie: login.headers.getSetCookie()[0]?.split(';')[0] ?? '',
      csrfToken: ((await login.json()) as { csrfToken: string }).csrfToken,
    };
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function tabTo(page: Page, text: string): Promise<void> {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === text) return;
    }
    throw new Error(`Tab never reached "${text}"`);
  }

  it('lets the citizen upload the listed paper and send it; the officer records the complete file', async () => {
    const intake = await asOfficer('/api/v1/dossiers', {
      procedureCode: '1.001022',
      applicant: {
        fullName: DUC.fullName,
        idNumber: DUC.idNumber,
        phone: DUC.phone,
        address: 'Số 2, Tổ dân phố số 6, phường Thành Đông',
      },
      documentsReceived: ['to-khai-nhan-cha-me-con'],
      channel: 'online',
      outcome: 'request_supplement',
      missingDocuments: [PROOF],
      reasons: ['Thiếu chứng cứ chứng minh quan hệ cha, mẹ, con.'],
    });
    expect(intake.status).toBe(201);
    const code = String(intake.json.code);

    const context = await newContext(browser, server.baseUrl, { viewport: PHONE, clientIp: '10.0.12.2' });
    const page = await context.newPage();
    await page.goto('/dang-nhap');
    await page.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();
    await page.getByRole('button', { name: DUC.fullName }).click();
    await page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' }).waitFor();

    await page.goto(`/ho-so-cua-toi/${code}`);
    await page.getByRole('heading', { level: 2, name: 'Bổ sung giấy tờ' }).waitFor();
    await checkPage(page, 'citizen-dossier-supplement-requested');
    await tabTo(page, 'Bổ sung giấy tờ trực tuyến');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: `Bổ sung giấy tờ cho hồ sơ ${code}` }).waitFor();
    const main = page.locator('main');
    await main.getByText('Thiếu chứng cứ chứng minh quan hệ cha, mẹ, con.').waitFor();
    await checkPage(page, 'citizen-supplement');

    // Sending before uploading: the error summary names the missing paper and leads to its file input.
    await tabTo(page, 'Gửi giấy tờ bổ sung');
    await page.keyboard.press('Enter');
    const summary = page.getByRole('alert').filter({ hasText: 'Có lỗi cần sửa' });
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/Xin vui lòng tải lên Chứng cứ/);
    await checkPage(page, 'citizen-supplement-error');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`bo-sung-${PROOF}`);

    const photo = await QRCode.toBuffer('Ảnh chụp giấy xác nhận bằng điện thoại');
    await page
      .locator(`#bo-sung-${PROOF}`)
      .setInputFiles({ name: 'giay-xac-nhan.png', mimeType: 'image/png', buffer: photo });
    await page.getByRole('button', { name: 'Xóa tệp giay-xac-nhan.png' }).waitFor();
    await checkPage(page, 'citizen-supplement-uploaded');

    await tabTo(page, 'Gửi giấy tờ bổ sung');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Đã gửi giấy tờ bổ sung' }).waitFor();
    expect(await main.innerText()).toContain('giay-xac-nhan.png');
    await checkPage(page, 'citizen-supplement-sent');
    expect(problemsOf(page)).toEqual([]);
    await context.close();

    // The counter officer's queue flags the dossier whose papers arrived.
    const desk = await (
      await newContext(browser, server.baseUrl, { viewport: DESKTOP, clientIp: '10.0.12.3' })
    ).newPage();
    await signIn(desk, 'motcua');
    await desk.goto('/staff/ho-so?status=supplement_requested');
    const row = desk.getByRole('row').filter({ has: desk.getByRole('rowheader', { name: code }) });
    await row.getByText('Đã nhận giấy tờ bổ sung trực tuyến').waitFor();
    await checkPage(desk, 'staff-queue-supplement-arrived');
    await desk.context().close();

    const received = await asOfficer(`/api/v1/dossiers/${code}/actions/receive`, {
      receivedDocumentIds: [PROOF],
    });
    expect(received.status).toBe(200);
    expect(received.json).toMatchObject({ status: 'received', dueDate: '2026-12-07' });
  });
});
