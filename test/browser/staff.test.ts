import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkedPages, checkPage } from './support/a11y';
import { DESKTOP, limiter, newContext, PHONE, startServerAndBrowser, type Viewport } from './support/browser';
import type { TestServer } from './support/server';
import {
  ALL_PAGES,
  DEMO_PASSWORD,
  goTo,
  h1,
  navbarLinks,
  openByAddress,
  openSignIn,
  PAGES,
  signIn,
  signOut,
  submitPassword,
  type PageId,
  waitUntil,
} from './support/staff';

/**
 * Every demo role, the pages its navbar must list (in navbar order) and whether it must enrol TOTP. This is
 * the specification of who sees what: a page added to the workspace is added here on purpose.
 */
const ROLES: { username: string; role: string; pages: PageId[]; totp: boolean }[] = [
  {
    username: 'motcua',
    role: 'counter officer',
    pages: [
      'overview',
      'intake',
      'calling',
      'ratingTablet',
      'homeVisits',
      'queue',
      'feedback',
      'receptionSchedule',
      'receptionLog',
      'listening',
      'complaints',
      'denunciations',
      'dashboard',
      'calendar',
      'structure',
      'account',
    ],
    totp: false,
  },
  {
    username: 'chuyenvien',
    role: 'department officer',
    pages: [
      'overview',
      'queue',
      'feedback',
      'receptionSchedule',
      'receptionLog',
      'listening',
      'complaints',
      'denunciations',
      'dashboard',
      'calendar',
      'structure',
      'account',
    ],
    totp: false,
  },
  {
    username: 'truongphong',
    role: 'department head',
    pages: [
      'overview',
      'queue',
      'feedback',
      'receptionSchedule',
      'receptionLog',
      'listening',
      'complaints',
      'denunciations',
      'dashboard',
      'calendar',
      'structure',
      'account',
    ],
    totp: false,
  },
  {
    username: 'chutich',
    role: 'ward leader',
    pages: [
      'overview',
      'homeVisits',
      'queue',
      'feedback',
      'receptionSchedule',
      'receptionLog',
      'listening',
      'complaints',
      'denunciations',
      'dashboard',
      'calendar',
      'structure',
      'account',
    ],
    totp: true,
  },
  {
    username: 'totruong',
    role: 'residential-group head',
    pages: ['overview', 'groupRequests', 'calendar', 'structure', 'account'],
    totp: false,
  },
  {
    username: 'giamsat',
    role: 'supervisor',
    pages: [
      'overview',
      'queue',
      'feedback',
      'receptionSchedule',
      'receptionLog',
      'listening',
      'complaints',
      'denunciations',
      'dashboard',
      'calendar',
      'structure',
      'account',
    ],
    totp: false,
  },
  {
    username: 'thanhpho',
    role: 'city reviewer',
    pages: ['overview', 'dashboard', 'calendar', 'structure', 'city', 'account'],
    totp: false,
  },
  {
    username: 'quantri',
    role: 'ward administrator',
    pages: [
      'overview',
      'homeVisits',
      'queue',
      'feedback',
      'receptionSchedule',
      'receptionLog',
      'listening',
      'complaints',
      'denunciations',
      'dashboard',
      'calendar',
      'sameDay',
      'structure',
      'audit',
      'account',
    ],
    totp: true,
  },
  {
    username: 'hethong',
    role: 'system administrator',
    pages: ['overview', 'calendar', 'structure', 'audit', 'city', 'account'],
    totp: true,
  },
];

/** A role's test includes its wait for a free slot (see `inTurn`). */
const ROLE_TIMEOUT_MS = 300_000;

describe('staff workspace', () => {
  let server: TestServer;
  let browser: Browser;
  let clients = 0;
  const checkedOnPhone = new Set<PageId>();

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser());
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    console.info(
      `staff workspace: checkPage ran on ${checkedPages.length} page states (${server?.databaseKind})`,
    );
  });

  /** A new browser context on its own simulated office computer (own address, own cookies). */
  async function newPage(viewport: Viewport = DESKTOP): Promise<Page> {
    clients += 1;
    const context = await newContext(browser, server.baseUrl, { viewport, clientIp: `10.20.0.${clients}` });
    return context.newPage();
  }

  /** checkPage, and the page the navbar offered loaded its data (no "Không tải được dữ liệu" alert). */
  async function checkLoaded(page: Page, name: string): Promise<void> {
    await checkPage(page, name);
    const failures = await page
      .getByRole('alert')
      .filter({ hasText: 'Không tải được dữ liệu' })
      .allInnerTexts();
    expect(failures, `${name}: the page could not load its data`).toEqual([]);
  }

  it('refuses a wrong password with a Vietnamese error summary', async () => {
    const page = await newPage(PHONE);
    await openSignIn(page);
    await checkPage(page, 'staff-sign-in-phone');

    // Nothing typed: the form names both missing fields.
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Có lỗi cần sửa' });
    await summary.waitFor();
    expect(await summary.getByRole('link').allInnerTexts()).toEqual(['Nhập tên đăng nhập', 'Nhập mật khẩu']);

    await openSignIn(page);
    await submitPassword(page, 'motcua', 'SaiMatKhau@2026');
    await expect
      .poll(() => summary.getByRole('link').allInnerTexts())
      .toEqual(['Tên đăng nhập hoặc mật khẩu không đúng.']);
    // The summary takes focus so a screen reader announces it, and its link leads to the first field.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    expect(await h1(page).innerText()).toBe('Đăng nhập');
    await checkPage(page, 'staff-sign-in-wrong-password-phone');
    await summary.getByRole('link').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ten-dang-nhap');
    await page.context().close();
  });

  // The roles run two at a time, each in its own context; the tests after them run alone.
  const inTurn = limiter(2);
  for (const [index, account] of ROLES.entries()) {
    const name = `${account.username} (${account.role}): signs in, sees only its pages, all accessible`;
    it.concurrent(name, () => inTurn(() => visitAsRole(index, account)), ROLE_TIMEOUT_MS);
  }

  async function visitAsRole(index: number, account: (typeof ROLES)[number]): Promise<void> {
    const page = await newPage(DESKTOP);
    if (index === 0) {
      await openSignIn(page);
      await checkPage(page, 'staff-sign-in-desktop');
    }
    const step = await signIn(page, account.username, {
      checkEnrolment: account.totp ? `staff-${account.username}-totp-enrolment` : undefined,
    });
    expect(step).toBe(account.totp ? 'enrolment' : 'none');

    const titles = account.pages.map((id) => PAGES[id].title);
    expect(await navbarLinks(page)).toEqual(titles);
    // The overview offers a card for each other page, the same set as the navbar.
    const cards = page.locator('main').getByRole('heading', { level: 2 });
    expect(await cards.allInnerTexts()).toEqual(titles.slice(1));

    await checkLoaded(page, `staff-${account.username}-overview-desktop`);
    for (const id of account.pages.slice(1)) {
      await goTo(page, id, false);
      await checkLoaded(page, `staff-${account.username}-${id}-desktop`);
    }

    // On a phone: every role's overview, and each kind of page once (the first role that has it).
    await page.setViewportSize(PHONE);
    for (const id of account.pages) {
      if (id !== 'overview' && checkedOnPhone.has(id)) continue;
      checkedOnPhone.add(id);
      await goTo(page, id, true);
      await checkLoaded(page, `staff-${account.username}-${id}-phone`);
    }
    await page.setViewportSize(DESKTOP);

    // Pages outside the role's navbar say so when opened by address (typed in for the first role, through
    // the router for the others, which is quicker and shows the same guard).
    for (const id of ALL_PAGES.filter((pageId) => !account.pages.includes(pageId))) {
      if (index === 0) await page.goto(PAGES[id].path);
      else await openByAddress(page, PAGES[id].path);
      await waitUntil(() => h1(page).innerText(), 'Bạn không có quyền mở trang này');
      if (index === 0) await checkPage(page, `staff-${account.username}-${id}-forbidden`);
    }
    await signOut(page);
    await page.context().close();
  }

  it('system administrator: a day off added on the calendar page moves the due date, then is deleted', async () => {
    const page = await newPage(DESKTOP);
    await signIn(page, 'hethong');
    await goTo(page, 'calendar', false);

    const dueDate = async () => {
      await page.getByLabel('Ngày tiếp nhận').fill('10/03/2026');
      await page.getByLabel('Giờ tiếp nhận').fill('10:00');
      await page.getByLabel('Số ngày làm việc').fill('1');
      await page.getByRole('button', { name: 'Tính hạn' }).click();
      const result = page
        .locator('dt', { hasText: 'Hạn giải quyết' })
        .locator('xpath=following-sibling::dd[1]');
      await result.waitFor();
      return result.innerText();
    };
    expect(await dueDate()).toBe('11/03/2026');

    const year = page.getByLabel('Năm', { exact: true });
    await year.selectOption('2026');
    const table = page.getByRole('table', { name: 'Ngày nghỉ và ngày làm việc bù năm 2026' });
    await table.waitFor();
    expect(await table.getByRole('rowheader', { name: '11/03/2026' }).count()).toBe(0);

    await page.getByLabel('Ngày điều chỉnh').pressSequentially('11/03/2026');
    await page.getByLabel('Loại ngày').selectOption({ label: 'Ngày nghỉ' });
    await page.getByLabel('Lý do').fill('Nghỉ phục vụ bầu cử bổ sung (kiểm thử)');
    await page.getByLabel('Căn cứ pháp lý').fill('Quyết định số 99/QĐ-UBND ngày 02/03/2026');
    await page.getByRole('button', { name: 'Thêm điều chỉnh' }).click();
    await page.getByText('Đã thêm điều chỉnh ngày 11/03/2026.').waitFor();

    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '11/03/2026' }) });
    await row.waitFor();
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells.slice(0, 4)).toEqual([
      'Thứ Tư',
      'Ngày nghỉ',
      'Nghỉ phục vụ bầu cử bổ sung (kiểm thử)',
      'Quyết định số 99/QĐ-UBND ngày 02/03/2026',
    ]);
    expect(cells[4]).toBe('Điều chỉnh chính thức');
    await checkPage(page, 'staff-hethong-calendar-adjustment-added');

    await expect.poll(dueDate).toBe('12/03/2026');
    const basis = page.locator('dt', { hasText: 'Cách tính' }).locator('xpath=following-sibling::dd[1]');
    expect(await basis.innerText()).toContain('12/03/2026');

    await row.getByRole('button', { name: 'Xóa điều chỉnh ngày 11/03/2026' }).click();
    await page.getByText('Đã xóa điều chỉnh ngày 11/03/2026.').waitFor();
    await expect.poll(() => table.getByRole('rowheader', { name: '11/03/2026' }).count()).toBe(0);
    await expect.poll(dueDate).toBe('11/03/2026');

    // Both changes are in the audit log, with their details readable.
    await goTo(page, 'audit', false);
    const audit = page.getByRole('table', { name: 'Nhật ký thao tác' });
    for (const action of ['calendar.adjustment_saved', 'calendar.adjustment_deleted']) {
      const entry = audit.getByRole('row').filter({ hasText: action }).first();
      const details = await entry.getByRole('cell').last().innerText();
      expect(details).toContain('date: 2026-03-11');
      expect(details).toContain('reason: Nghỉ phục vụ bầu cử bổ sung (kiểm thử)');
    }
    await checkPage(page, 'staff-hethong-audit-calendar-changes');
    await signOut(page);
    await page.context().close();
  });

  it("city reviewer: the ward search without diacritics finds 'Phường Thành Đông'", async () => {
    const page = await newPage(PHONE);
    await signIn(page, 'thanhpho');
    await goTo(page, 'city', true);
    const status = page.getByRole('status').filter({ hasText: 'Đang hiển thị' });
    const total = Number(/trên (\d+) đơn vị/.exec(await status.innerText())?.[1]);
    expect(total).toBeGreaterThan(100);

    await page.getByLabel('Tìm phường, xã').pressSequentially('thanh dong');
    await expect.poll(() => status.innerText()).toBe(`Đang hiển thị 1 trên ${total} đơn vị.`);
    const table = page.getByRole('table', { name: /Phường, xã của Thành phố Hải Phòng/ });
    expect(await table.getByRole('rowheader').allInnerTexts()).toEqual(['Phường Thành Đông']);
    expect(await table.getByRole('row', { name: /Phường Thành Đông/ }).innerText()).toContain('Đã tham gia');
    await checkPage(page, 'staff-thanhpho-city-search-phone');

    // The code finds it too.
    await page.getByLabel('Tìm phường, xã').fill('10507');
    await expect.poll(() => table.getByRole('rowheader').allInnerTexts()).toEqual(['Phường Thành Đông']);
    await signOut(page);
    await page.context().close();
  });

  it('the password change page explains a weak new password in Vietnamese, and accepts a strong one', async () => {
    const page = await newPage(DESKTOP);
    await signIn(page, 'hd.motcua');
    await goTo(page, 'account', false);
    const summary = page.getByRole('alert').filter({ hasText: 'Có lỗi cần sửa' });
    const change = async (current: string, next: string, confirmation = next) => {
      await page.locator('#mat-khau-hien-tai').fill(current);
      await page.locator('#mat-khau-moi').fill(next);
      await page.locator('#nhap-lai-mat-khau').fill(confirmation);
      await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    };

    // Checked in the page: too short, and the two entries differ.
    await change(DEMO_PASSWORD, 'ngan123');
    await expect
      .poll(() => summary.getByRole('link').allInnerTexts())
      .toEqual(['Mật khẩu mới phải có ít nhất 10 ký tự']);
    expect(await page.locator('#mat-khau-moi').getAttribute('aria-invalid')).toBe('true');
    await checkPage(page, 'staff-account-weak-password');
    await change(DEMO_PASSWORD, 'HaiDuong2026moi', 'HaiDuong2026cu');
    await expect
      .poll(() => summary.getByRole('link').allInnerTexts())
      .toEqual(['Hai lần nhập mật khẩu mới không giống nhau']);

    // Checked by the server: letters only, and containing the user name.
    await change(DEMO_PASSWORD, 'matkhaukhongcoso');
    await expect
      .poll(() => summary.getByRole('link').allInnerTexts())
      .toEqual(['Mật khẩu cần có cả chữ và số.']);
    await change(DEMO_PASSWORD, 'hd.motcua2026');
    await expect
      .poll(() => summary.getByRole('link').allInnerTexts())
      .toEqual(['Mật khẩu không được chứa tên đăng nhập.']);
    await change('SaiMatKhau@2026', 'Cau hoi 2026 kho doan');
    await expect
      .poll(() => summary.getByRole('link').allInnerTexts())
      .toEqual(['Mật khẩu hiện tại không đúng.']);

    await change(DEMO_PASSWORD, 'Bến Bính 2026 sóng vỗ');
    await page.getByText('Đã đổi mật khẩu.').waitFor();
    expect(await summary.count()).toBe(0);
    await signOut(page);

    await openSignIn(page);
    await submitPassword(page, 'hd.motcua', 'Bến Bính 2026 sóng vỗ');
    await expect.poll(() => h1(page).innerText()).toMatch(/^Xin chào, Ngô Thị Mai$/);
    await page.context().close();
  });
});
