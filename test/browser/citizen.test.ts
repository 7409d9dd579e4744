import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage } from './support/a11y';
import { DESKTOP, newContext, PHONE, startServerAndBrowser, type Viewport } from './support/browser';
import type { TestServer } from './support/server';

const WARD_NAME = 'Phường Thành Đông';
const SLOGAN_FRAGMENTS = ['xanh, thông minh, thân thiện, an toàn', 'thân thiện, vì nhân dân phục vụ'];

describe('citizen portal', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser());
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A fresh context (no stored preferences) with the home page loaded. */
  async function openHome(viewport: Viewport): Promise<Page> {
    const context = await newContext(browser, server.baseUrl, { viewport });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: WARD_NAME }).waitFor();
    return page;
  }

  async function toggle(page: Page, name: string, pressed: boolean): Promise<void> {
    const button = page.getByRole('button', { name, exact: true });
    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe(String(pressed));
  }

  const overflow = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

  for (const [label, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`shows the ward, its slogans and working hours in full Vietnamese on a ${label}`, async () => {
      const page = await openHome(viewport);
      const text = await page.locator('body').innerText();
      expect(text).toContain(WARD_NAME);
      expect(text).toContain('Thành phố Hải Phòng');
      for (const fragment of SLOGAN_FRAGMENTS) expect(text).toContain(fragment);
      expect(await page.locator('ul.slogans li').count()).toBeGreaterThanOrEqual(2);
      expect(text).toMatch(/Thứ Hai đến thứ Sáu: 07:30\s*[–-]\s*17:00/);
      expect(text).toContain('Giờ làm việc');
      // Full diacritics: no ASCII-folded names anywhere on the page.
      expect(text).not.toMatch(/Thanh Dong|Hai Phong/i);
      expect(await page.title()).toContain(WARD_NAME);
      expect(await page.locator('html').getAttribute('lang')).toBe('vi');
      await checkPage(page, `citizen-home-${label}`);
      await page.context().close();
    });
  }

  it('switches large text and high contrast on and off, accessible in every state', async () => {
    const page = await openHome(PHONE);
    const html = page.locator('html');
    const baseSize = await page.evaluate(() =>
      parseFloat(getComputedStyle(document.documentElement).fontSize),
    );

    await toggle(page, 'Chữ lớn', true);
    expect(await html.getAttribute('data-large-text')).toBe('');
    const largeSize = await page.evaluate(() =>
      parseFloat(getComputedStyle(document.documentElement).fontSize),
    );
    expect(largeSize).toBeGreaterThan(baseSize);
    await checkPage(page, 'citizen-home-phone-large-text');

    await toggle(page, 'Tương phản cao', true);
    expect(await html.getAttribute('data-high-contrast')).toBe('');
    await checkPage(page, 'citizen-home-phone-large-text-high-contrast');

    await toggle(page, 'Chữ lớn', false);
    expect(await html.getAttribute('data-large-text')).toBeNull();
    await checkPage(page, 'citizen-home-phone-high-contrast');

    // Preferences are remembered across visits.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: WARD_NAME }).waitFor();
    expect(await html.getAttribute('data-high-contrast')).toBe('');
    expect(await html.getAttribute('data-large-text')).toBeNull();
    await toggle(page, 'Tương phản cao', false);
    expect(await html.getAttribute('data-high-contrast')).toBeNull();
    await page.context().close();
  });

  it('reflows at 360 px with text at 200 % (no horizontal scrolling)', async () => {
    const page = await openHome(PHONE);
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
    });
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px');
    expect(await overflow(page)).toBeLessThanOrEqual(1);
    await checkPage(page, 'citizen-home-phone-text-200');

    // The large-text mode on top of a 160 % browser zoom of the text: 125 % × 160 % = 200 %.
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '';
      document.body.style.setProperty('zoom', '1.6');
    });
    await toggle(page, 'Chữ lớn', true);
    expect(await overflow(page)).toBeLessThanOrEqual(1);
    await checkPage(page, 'citizen-home-phone-large-text-zoom-160');
    await page.context().close();
  });

  it('lets a keyboard user skip straight to the main content', async () => {
    const page = await openHome(DESKTOP);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({
      className: document.activeElement?.className ?? '',
      text: document.activeElement?.textContent ?? '',
      visible: (() => {
        const box = document.activeElement?.getBoundingClientRect();
        return Boolean(box && box.top >= 0 && box.bottom <= window.innerHeight && box.width > 0);
      })(),
    }));
    expect(focused).toEqual({ className: 'skip-link', text: 'Bỏ qua đến nội dung chính', visible: true });
    await checkPage(page, 'citizen-home-skip-link-focused');

    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('noi-dung-chinh');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
    // The next Tab continues inside the main content, not back in the header.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('#noi-dung-chinh')))).toBe(true);
    await page.context().close();
  });

  it('switches to English, and the choice survives a reload', async () => {
    const page = await openHome(PHONE);
    await expect
      .poll(() => page.getByRole('heading', { level: 2 }).allInnerTexts())
      .toContain('Dịch vụ trực tuyến');
    await toggle(page, 'English', true);
    const englishHeadings = ['Online services', 'Opening hours', 'Address and contact'];
    await expect.poll(() => page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(englishHeadings);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // Data that stays Vietnamese is marked so, for screen readers: the ward's name, its slogans, its address.
    expect(await page.getByRole('heading', { level: 1 }).getAttribute('lang')).toBe('vi');
    expect(await page.locator('ul.slogans').getAttribute('lang')).toBe('vi');
    expect(await page.locator('footer [lang="vi"]').allInnerTexts()).toEqual([
      WARD_NAME,
      expect.stringContaining('Thành Đông'),
    ]);
    await checkPage(page, 'citizen-home-phone-english');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: WARD_NAME }).waitFor();
    await expect.poll(() => page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(englishHeadings);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('body').innerText()).toContain('Monday to Friday: 07:30 – 17:00');

    await toggle(page, 'Tiếng Việt', true);
    await expect
      .poll(() => page.getByRole('heading', { level: 2 }).first().innerText())
      .toBe('Dịch vụ trực tuyến');
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await page.context().close();
  });
});
