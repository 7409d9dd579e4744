import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ratingPath } from '../../src/modules/ratings/api';
import { readConfig } from '../../src/platform/config';
import { checkPage } from './support/a11y';
import { DESKTOP, newContext, PHONE, startServerAndBrowser, type Viewport } from './support/browser';
import { DEMO_PASSWORD, signIn } from './support/staff';
import type { TestServer } from './support/server';

/**
 * The rating pages through the accessibility gate: the citizen's page on a 360 px phone (and at 200 % text),
 * its error and thank-you states, a ballot cast with the keyboard alone and JavaScript off, and the counter's
 * tablet, idle and offering a dossier.
 */

// The server reads the same environment: the same secret signs the links.
const SECRET = readConfig({ RATING_SECRET: process.env.RATING_SECRET }).ratingSecret;

/** The API as one staff member, from an address of its own (the sign-in limit is per address). */
async function staffApi(baseUrl: string, username: string, ip: string) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie =
    login.headers
      .getSetCookie()
      .find((c) => c.startsWith('cqtt_session='))
      ?.split(';')[0] ?? '';
  return async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        cookie,
        'x-csrf-token': csrfToken,
        // Intake requires one; any POST may carry one.
        'idempotency-key': randomUUID(),
        'x-forwarded-for': ip,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (response.status >= 300)
      throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
}

/** Returned dossiers, taken in and moved through their actions by the API. */
async function returnedDossiers(baseUrl: string, count: number): Promise<string[]> {
  const [counter, officer, head] = await Promise.all(
    ['motcua', 'chuyenvien', 'truongphong'].map((u, i) => staffApi(baseUrl, u, `203.0.113.${90 + i}`)),
  );
  if (!counter || !officer || !head) throw new Error('sign-in');
  const { units } = (await counter('GET', '/api/v1/wards/10507/units')) as {
    units: { id: string; kind: string }[];
  };
  const culture = units.find((u) => u.kind === 'culture')?.id;
  const codes: string[] = [];
  for (let i = 0; i < count; i++) {
    const { code } = (await counter('POST', '/api/v1/dossiers', {
      procedureCode: '1.004222',
      applicant: {
        fullName: 'Lê Thị Ngọc',
        idNumber: '031095004321',
        phone: '0912000111',
        address: 'Số 8, Tổ dân phố số 2, phường Thành Đông',
      },
      documentsReceived: ['to-khai-ct01'],
      channel: 'counter',
    })) as { code: string };
    const act = (who: typeof counter, action: string, body: unknown) =>
      who('POST', `/api/v1/dossiers/${code}/actions/${action}`, body);
    await act(counter, 'hand_over', { toUnit: culture });
    await act(head, 'approve', { outcome: 'granted' });
    await act(officer, 'mark_result_ready', { resultDocument: 'Kết quả số 3' });
    await act(counter, 'return_result', { channel: 'counter' });
    codes.push(code);
  }
  return codes;
}

describe('rating pages', () => {
  let server: TestServer;
  let browser: Browser;
  let codes: string[] = [];

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser({ now: '2026-12-02T09:00:00+07:00' }));
    codes = await returnedDossiers(server.baseUrl, 3);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(path: string, viewport: Viewport = PHONE): Promise<Page> {
    const context = await newContext(browser, server.baseUrl, { viewport });
    const page = await context.newPage();
    await page.goto(path);
    return page;
  }

  it('the citizen’s page, its error and its thanks pass axe on a phone, at 200 % text too', async () => {
    const code = codes[0] ?? '';
    const page = await open(ratingPath(code, SECRET));
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('h1').innerText()).toBe('Đánh giá mức độ hài lòng');
    await checkPage(page, 'rating-form-phone');
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
    });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(1);
    await checkPage(page, 'rating-form-phone-text-200');
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '';
    });

    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.waitForLoadState();
    expect(await page.title()).toBe('Lỗi: Đánh giá mức độ hài lòng – Phường Thành Đông');
    await checkPage(page, 'rating-form-error-phone');

    await page.getByRole('radio', { name: 'Hài lòng', exact: true }).first().check();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.waitForURL(`**/danh-gia/${code}/cam-on`);
    expect(await page.locator('h1').innerText()).toBe('Xin cảm ơn Ông/Bà');
    await checkPage(page, 'rating-thanks-phone');
    await page.context().close();
  });

  it('rates with the keyboard alone and JavaScript off', async () => {
    const code = codes[1] ?? '';
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      viewport: PHONE,
      locale: 'vi-VN',
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await page.goto(ratingPath(code, SECRET));
    // The first radio button of a group takes the focus; the arrow keys move the choice within the group.
    await page.locator('#level-rat_hai_long').focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#level-hai_long').isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await page.locator('#officerLevel-rat_hai_long').isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Cán bộ hướng dẫn tận tình');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/danh-gia/${code}/cam-on`);
    await page.goto(ratingPath(code, SECRET));
    expect(await page.locator('h1').innerText()).toBe('Hồ sơ đã được đánh giá');
    await context.close();
  });

  it('the officer offers a dossier on the counter’s tablet from the workspace, with the keyboard', async () => {
    const code = codes[2] ?? '';
    const staff = await open('about:blank', DESKTOP);
    await signIn(staff, 'motcua');
    await staff.goto(`/staff/moi-danh-gia?ma=${code}`);
    await staff.getByRole('heading', { level: 1, name: 'Mời đánh giá' }).waitFor();
    await staff.locator('#quay-cua-toi').focus();
    await staff.keyboard.press('ArrowDown'); // the first counter
    expect(await staff.locator('#ma-ho-so').inputValue()).toBe(code);
    await staff.locator('#ma-ho-so').focus();
    await staff.keyboard.press('Enter');
    const said = staff.getByRole('status').filter({ hasText: 'đang mời đánh giá' });
    await said.waitFor();
    expect(await said.innerText()).toContain(`Quầy số 1 – Tư pháp – Hộ tịch đang mời đánh giá hồ sơ ${code}`);
    await checkPage(staff, 'staff-rating-tablet-offered');
    const kioskUrl = await staff.getByRole('link', { name: /\/quay\/10507-1\/danh-gia/ }).innerText();

    // A dossier the ward does not have is refused with its reason.
    await staff.goto('/staff/moi-danh-gia?ma=10507-261202-9999');
    await staff.getByRole('heading', { level: 1, name: 'Mời đánh giá' }).waitFor();
    await staff.getByRole('button', { name: 'Mời đánh giá trên máy tính bảng' }).click();
    await staff.getByRole('alert').filter({ hasText: 'Chưa mời được' }).waitFor();
    await checkPage(staff, 'staff-rating-tablet-error');
    await staff.context().close();

    const kiosk = new URL(kioskUrl);
    const page = await open('about:blank', DESKTOP);
    // The idle tablet reloads itself every 5 s (a Refresh header): not while axe reads it.
    await page.route('**/quay/**', async (route) => {
      const response = await route.fetch();
      const { refresh: _, ...headers } = response.headers();
      await route.fulfill({ response, headers });
    });
    await page.goto(`${kiosk.pathname}${kiosk.search}`);
    expect(await page.locator('h1').innerText()).toBe('Quầy số 1: đánh giá mức độ hài lòng');
    await checkPage(page, 'rating-kiosk-offer-wide');
    await page.getByRole('radio', { name: 'Rất hài lòng' }).first().check();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.waitForLoadState();
    expect(await page.locator('h1').innerText()).toBe('Xin cảm ơn Ông/Bà');
    await page.goto(`${kiosk.pathname}${kiosk.search}`);
    expect(await page.locator('body').innerText()).toContain('Chưa có hồ sơ chờ đánh giá');
    await checkPage(page, 'rating-kiosk-idle-wide');
    await page.context().close();
  });
});
