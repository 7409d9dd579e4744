import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskKey } from '../../src/modules/queue/kiosk';
import { readConfig } from '../../src/platform/config';
import { checkPage } from './support/a11y';
import { DESKTOP, newContext, PHONE, startServerAndBrowser, type Viewport } from './support/browser';
import type { TestServer } from './support/server';
import { goTo, signIn } from './support/staff';

/**
 * Queue tickets through the accessibility gate: a number taken on a phone with JavaScript off, the kiosk and
 * its ticket, the "Gọi số" page of a counter officer calling and serving it, and the TV screen.
 */

// The server reads the same environment: the same secret gives the kiosk's key.
const KIOSK = kioskKey(readConfig({ RATING_SECRET: process.env.RATING_SECRET }).ratingSecret, '10507');

describe('queue pages', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser());
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A page whose self-reloads (the Refresh header) are dropped, so that axe reads a page that stays put. */
  async function open(viewport: Viewport, clientIp: string): Promise<Page> {
    const context = await newContext(browser, server.baseUrl, { viewport, clientIp });
    const page = await context.newPage();
    await page.route(/\/(so-thu-tu|man-hinh-goi-so)/, async (route) => {
      const response = await route.fetch();
      const { refresh: _, ...headers } = response.headers();
      await route.fulfill({ response, headers });
    });
    return page;
  }

  it('takes a number on a phone with JavaScript off; the pages pass axe, at 200 % text too', async () => {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      viewport: PHONE,
      locale: 'vi-VN',
      javaScriptEnabled: false,
      extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.41' },
    });
    const page = await context.newPage();
    await page.goto('/lay-so');
    expect(await page.locator('h1').innerText()).toBe('Lấy số thứ tự');
    await page.getByRole('button', { name: /^A – Tư pháp – Hộ tịch/ }).click();
    await page.waitForURL('**/so-thu-tu/**');
    expect(await page.locator('.tk').innerText()).toBe('A001');
    await context.close();

    const checked = await open(PHONE, '203.0.113.42');
    await checked.goto('/lay-so');
    await checkPage(checked, 'queue-take-phone');
    await checked.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
    });
    await checkPage(checked, 'queue-take-phone-text-200');
    await checked.evaluate(() => {
      document.documentElement.style.fontSize = '';
    });
    await checked.getByRole('button', { name: /^D – Chứng thực/ }).click();
    await checked.waitForURL('**/so-thu-tu/**');
    expect(await checked.locator('.tk').innerText()).toBe('D001');
    await checkPage(checked, 'queue-ticket-phone');
    await checked.context().close();
  });

  it('the kiosk and its ticket with a QR code pass axe', async () => {
    const page = await open(DESKTOP, '203.0.113.43');
    await page.goto(`/lay-so?may=${KIOSK}`);
    await checkPage(page, 'queue-kiosk-wide');
    await page.getByRole('button', { name: /^A – Tư pháp – Hộ tịch/ }).click();
    await page.waitForURL('**/so-thu-tu/**');
    expect(await page.locator('.tk').innerText()).toBe('A002');
    expect(await page.locator('svg.qr').count()).toBe(1);
    await checkPage(page, 'queue-kiosk-ticket-wide');
    await page.context().close();
  });

  it('a counter officer calls the next number and serves it; the TV screen calls it; all pass axe', async () => {
    const page = await open(DESKTOP, '203.0.113.44');
    await signIn(page, 'motcua');
    await goTo(page, 'calling', false);
    await page.getByLabel('Quầy của tôi').selectOption('10507-1');
    await page.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
    await expect.poll(() => page.getByRole('status').allInnerTexts()).toContain('Đã gọi số A001.');
    await checkPage(page, 'queue-calling-called-wide');

    const screen = await open(DESKTOP, '203.0.113.45');
    await screen.goto('/man-hinh-goi-so');
    expect(await screen.locator('.call .tk').innerText()).toBe('A001');
    await checkPage(screen, 'queue-display-wide');
    await screen.context().close();

    await page.getByRole('button', { name: 'Đã phục vụ xong' }).click();
    await expect
      .poll(() => page.getByRole('status').allInnerTexts())
      .toContain('Số A001 đã được phục vụ xong.');
    await page.setViewportSize(PHONE);
    await checkPage(page, 'queue-calling-phone');
    await page.context().close();
  });
});
