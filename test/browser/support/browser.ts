import { generate } from 'otplib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import {
  assertPrerequisites,
  CHROMIUM_PATH,
  startServer,
  type ServerOptions,
  type TestServer,
} from './server';

export const PHONE = { width: 360, height: 740 } as const;
export const DESKTOP = { width: 1280, height: 900 } as const;
export type Viewport = typeof PHONE | typeof DESKTOP;

/** Debian's Chromium, headless; nothing is fetched from the internet (no updates, sync or field trials). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The server and the browser of one test file, started side by side; neither is left running on failure. */
export async function startServerAndBrowser(
  options: ServerOptions = {},
): Promise<{ server: TestServer; browser: Browser }> {
  assertPrerequisites();
  const [server, browser] = await Promise.allSettled([startServer(options), launchBrowser()]);
  if (server.status === 'fulfilled' && browser.status === 'fulfilled') {
    return { server: server.value, browser: browser.value };
  }
  if (browser.status === 'fulfilled') await browser.value.close();
  if (server.status === 'fulfilled') await server.value.stop();
  throw server.status === 'rejected' ? server.reason : (browser as PromiseRejectedResult).reason;
}

export interface ContextOptions {
  viewport?: Viewport;
  /**
   * Client address the server sees (X-Forwarded-For; the test server trusts the proxy header), so each
   * simulated office computer has its own sign-in rate limit.
   */
  clientIp?: string;
}

/**
 * A Vietnamese-locale context in Vietnam's time zone. Downloads are refused, and any request that leaves
 * the test server fails the test (the pages must not load anything from third parties).
 */
export async function newContext(
  browser: Browser,
  baseUrl: string,
  options: ContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: options.viewport ?? DESKTOP,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    acceptDownloads: false,
    serviceWorkers: 'block',
    extraHTTPHeaders: options.clientIp ? { 'X-Forwarded-For': options.clientIp } : undefined,
  });
  const origin = new URL(baseUrl).origin;
  const foreign: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (/^(data|blob|about):/.test(url)) return;
    if (new URL(url).origin !== origin) foreign.push(url);
  });
  context.on('page', (page) => watchPage(page));
  foreignRequests.set(context, foreign);
  return context;
}

const foreignRequests = new WeakMap<BrowserContext, string[]>();
const pageErrors = new WeakMap<Page, string[]>();

function watchPage(page: Page): void {
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (error) => errors.push(error.message));
}

/** Requests to any origin other than the test server, and uncaught errors in the page's scripts. */
export function problemsOf(page: Page): string[] {
  return [
    ...(foreignRequests.get(page.context()) ?? []).map((url) => `request to another origin: ${url}`),
    ...(pageErrors.get(page) ?? []).map((message) => `uncaught page error: ${message}`),
  ];
}

const PERIOD_SECONDS = 30;
const lastStep = new Map<string, number>();

/**
 * The TOTP code an authenticator app would show for `secret`. The server refuses a code whose 30-second
 * step it has already accepted and tolerates one step of drift, so a second use within the same step takes
 * the next step's code (like `totpCode(secret, 1)` in test/support/app.ts).
 */
export async function nextTotpCode(secret: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000 / PERIOD_SECONDS);
  const previous = lastStep.get(secret);
  let step = previous === undefined || previous < now ? now : previous + 1;
  if (step > now + 1) {
    // Both usable steps are spent: wait for the clock to move on.
    await new Promise((resolve) => setTimeout(resolve, (now + 1) * PERIOD_SECONDS * 1000 - Date.now() + 50));
    step = Math.max(step, Math.floor(Date.now() / 1000 / PERIOD_SECONDS));
  }
  lastStep.set(secret, step);
  return generate({ secret, epoch: step * PERIOD_SECONDS });
}

/**
 * Runs at most `size` tasks at a time (the rest wait their turn): a few browser pages side by side keep both
 * cores busy, one running axe while another navigates, without overloading a small machine.
 */
export function limiter(size: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active < size) active += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
}
