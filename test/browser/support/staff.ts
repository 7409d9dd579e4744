import { isDeepStrictEqual } from 'node:util';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { checkPage } from './a11y';
import { nextTotpCode } from './browser';

export const DEMO_PASSWORD = 'ThanhDong@2026';

/** Navbar titles of the workspace pages, in navbar order, with their paths under /staff. */
export const PAGES = {
  overview: { title: 'Tổng quan', path: '/staff/' },
  intake: { title: 'Tiếp nhận hồ sơ', path: '/staff/tiep-nhan' },
  calling: { title: 'Gọi số', path: '/staff/goi-so' },
  ratingTablet: { title: 'Mời đánh giá', path: '/staff/moi-danh-gia' },
  homeVisits: { title: 'Tiếp nhận tại nhà', path: '/staff/tiep-nhan-tai-nha' },
  groupRequests: { title: 'Yêu cầu của tổ dân phố', path: '/staff/yeu-cau-to-dan-pho' },
  queue: { title: 'Hồ sơ đang giải quyết', path: '/staff/ho-so' },
  feedback: { title: 'Phản ánh, kiến nghị', path: '/staff/phan-anh-kien-nghi' },
  receptionSchedule: { title: 'Lịch tiếp công dân', path: '/staff/lich-tiep-cong-dan' },
  receptionLog: { title: 'Sổ tiếp công dân', path: '/staff/so-tiep-cong-dan' },
  listening: { title: 'Ngày thứ sáu nghe dân nói', path: '/staff/ngay-thu-sau' },
  complaints: { title: 'Khiếu nại', path: '/staff/khieu-nai' },
  denunciations: { title: 'Tố cáo', path: '/staff/to-cao' },
  dashboard: { title: 'Bảng điều hành', path: '/staff/dieu-hanh' },
  calendar: { title: 'Lịch làm việc', path: '/staff/lich' },
  sameDay: { title: 'Ngày không hẹn, không chờ', path: '/staff/ngay-khong-hen' },
  structure: { title: 'Đơn vị và tổ dân phố', path: '/staff/don-vi' },
  audit: { title: 'Nhật ký hệ thống', path: '/staff/nhat-ky' },
  city: { title: 'Các phường trong thành phố', path: '/staff/thanh-pho' },
  account: { title: 'Tài khoản', path: '/staff/tai-khoan' },
} as const;
export type PageId = keyof typeof PAGES;
export const ALL_PAGES = Object.keys(PAGES) as PageId[];

const SIGN_IN_TITLE = 'Đăng nhập';
const ENROLMENT_TITLE = 'Thiết lập xác thực hai bước';
const TOTP_STEP_TITLE = 'Nhập mã xác thực';
const MENU_BUTTON = 'Mở hoặc đóng danh mục trang';

/** TOTP secrets of the accounts enrolled during this run (the authenticator app of the test). */
const secrets = new Map<string, string>();

export function h1(page: Page): Locator {
  return page.locator('h1');
}

export function navbar(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Danh mục trang' });
}

/**
 * Reads a value until it equals `expected` (deeply). Like vitest's polling assertion, which only works in a
 * test that runs alone; these helpers also serve the role tests that run side by side.
 */
export async function waitUntil<T>(read: () => Promise<T>, expected: T, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let actual = await read();
  while (!isDeepStrictEqual(actual, expected)) {
    if (Date.now() > deadline) {
      throw new Error(
        `waited ${timeout} ms for ${JSON.stringify(expected)}, still ${JSON.stringify(actual)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    actual = await read();
  }
}

/** Opens /staff/ signed out: the guard sends the browser to the sign-in page. */
export async function openSignIn(page: Page): Promise<void> {
  await page.goto('/staff/');
  await page.waitForURL('**/staff/dang-nhap');
  await waitUntil(() => h1(page).innerText(), SIGN_IN_TITLE);
}

/**
 * Types the user name and password with the keyboard only, on a freshly loaded sign-in page: Tab to the
 * skip link, Enter to jump to the main content, Tab to the first field, type, Tab, type, Enter.
 */
export async function submitPassword(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('ten-dang-nhap');
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('mat-khau');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
}

async function waitForTitle(page: Page, pattern: RegExp): Promise<string> {
  const heading = h1(page).filter({ hasText: pattern });
  await heading.waitFor({ timeout: 15_000 });
  return heading.innerText();
}

export interface SignInOptions {
  /** Runs checkPage on the enrolment page when the account has to set up two-step verification. */
  checkEnrolment?: string;
}

/**
 * Signs in through the real pages: password by keyboard, then either the two-step set-up (reads the secret
 * shown on the page, as a person would type it into an authenticator app) or the code step. Returns
 * which second step was shown, once the overview is on screen.
 */
export async function signIn(
  page: Page,
  username: string,
  options: SignInOptions = {},
): Promise<'none' | 'enrolment' | 'code'> {
  await openSignIn(page);
  await submitPassword(page, username);
  const next = await waitForTitle(page, new RegExp(`^(Xin chào|${ENROLMENT_TITLE}|${TOTP_STEP_TITLE})`));
  let step: 'none' | 'enrolment' | 'code' = 'none';

  if (next === ENROLMENT_TITLE) {
    step = 'enrolment';
    await page.waitForURL('**/staff/xac-thuc-hai-buoc');
    const secretBox = page.locator('.totp-secret');
    await secretBox.waitFor();
    const secret = (await secretBox.innerText()).replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await waitUntil(() => page.getByRole('img', { name: /Mã QR/ }).locator('svg').count(), 1);
    if (options.checkEnrolment) await checkPage(page, options.checkEnrolment);
    secrets.set(username, secret);
    await page.getByLabel('Mã xác thực').fill(await nextTotpCode(secret));
    await page.keyboard.press('Enter');
  } else if (next === TOTP_STEP_TITLE) {
    step = 'code';
    const secret = secrets.get(username);
    if (!secret) throw new Error(`${username} asks for a TOTP code but was not enrolled in this run`);
    // The code field has focus: the person just types the code and presses Enter.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ma-xac-thuc');
    await page.keyboard.type(await nextTotpCode(secret));
    await page.keyboard.press('Enter');
  }
  await waitForTitle(page, /^Xin chào, /);
  return step;
}

/** Ends the session with "Đăng xuất" and checks the workspace is closed afterwards. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await waitForTitle(page, new RegExp(`^${SIGN_IN_TITLE}$`));
  await page.goto('/staff/');
  await page.waitForURL('**/staff/dang-nhap');
  expect(await h1(page).innerText()).toBe(SIGN_IN_TITLE);
}

/** The link texts of the navbar; on a phone the menu is opened first. */
export async function navbarLinks(page: Page): Promise<string[]> {
  return navbar(page).getByRole('link').allInnerTexts();
}

/**
 * Goes to a page through the navbar (through the menu button on a phone) and waits for its heading.
 * The overview's heading is the greeting.
 */
export async function goTo(page: Page, id: PageId, phone: boolean): Promise<void> {
  const { title } = PAGES[id];
  if (phone) {
    const menu = page.getByRole('button', { name: MENU_BUTTON });
    await menu.click();
    await waitUntil(() => menu.getAttribute('aria-expanded'), 'true');
  }
  const link = navbar(page).getByRole('link', { name: title, exact: true });
  await link.click();
  await waitForTitle(page, id === 'overview' ? /^Xin chào, / : new RegExp(`^${title}$`));
  await waitUntil(() => link.getAttribute('aria-current'), 'page');
  if (phone) {
    // The menu closes after choosing a page, so the page itself is what the phone shows.
    const menu = page.getByRole('button', { name: MENU_BUTTON });
    await waitUntil(() => menu.getAttribute('aria-expanded'), 'false');
  }
}

/** Opens a workspace address through the router of the running app (a history change, no reload). */
export async function openByAddress(page: Page, path: string): Promise<void> {
  await page.evaluate((target) => {
    window.history.pushState(null, '', target);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}
