/**
 * Tiny helpers for the server-rendered citizen pages (procedure guides, dossier tracking): escaping, dates,
 * the ward's contact block and one page layout with one shared stylesheet. Plain strings, no framework, no script: the
 * pages weigh a few kilobytes and work on any phone, with JavaScript or without.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { formatVn, weekdayNameVn } from '../calendar/holidays';
import type { Db } from '../db/connect';
import type { OfficeHoursSetting } from '../wards/schema';
import { findWard } from '../wards/store';
import { PAGE_CSS_HREF } from './page-style';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text → HTML text or attribute value. */
export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
const VN_OFFSET_MS = 7 * 3_600_000;

/** 'YYYY-MM-DD' → '16/02/2026'. */
export function formatDateVn(isoDate: string): string {
  return formatVn(isoDate);
}

/** 'YYYY-MM-DD' → 'Thứ Hai, 16/02/2026'. */
export function formatDateWithWeekdayVn(isoDate: string): string {
  const day = weekdayNameVn(isoDate);
  return `${day.charAt(0).toUpperCase()}${day.slice(1)}, ${formatVn(isoDate)}`;
}

/** An instant → '13/02/2026 09:05', Vietnam time (UTC+7, no daylight saving). */
export function formatDateTimeVn(at: Date): string {
  const d = new Date(at.getTime() + VN_OFFSET_MS);
  const date = `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Absolute URLs (QR codes).

const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The site's origin as the citizen reaches it: `PUBLIC_URL` (`Config.publicUrl`) when set, else the request's
 * protocol and host (a default port dropped: `localhost:80` → `http://localhost`).
 */
export function siteOrigin(request: FastifyRequest, publicUrl: string | undefined): string {
  if (publicUrl) return publicUrl;
  const host = HOST.test(request.host) ? request.host : 'localhost';
  return new URL(`${request.protocol === 'https' ? 'https' : 'http'}://${host}`).origin;
}

// ---------------------------------------------------------------------------------------------------------------
// The ward: name, address, telephone and hours, cached in memory for a short time.

export interface WardInfo {
  code: string;
  /** 'Phường Thành Đông' */
  name: string;
  /** 'Thành phố Hải Phòng' */
  provinceName: string;
  address: string;
  phone: string;
  email: string;
  hours: OfficeHoursSetting;
}

/**
 * A loader of ward information that asks the database at most once per ward every `ttlMs` (concurrent
 * requests share one query). The pages call it on every request; the ward changes its hours rarely.
 */
export function wardInfoCache(db: Db, ttlMs = 60_000): (code: string) => Promise<WardInfo | undefined> {
  const cache = new Map<string, { until: number; value: Promise<WardInfo | undefined> }>();
  return (code) => {
    const now = Date.now();
    const hit = cache.get(code);
    if (hit && hit.until > now) return hit.value;
    const value = findWard(db, code).then((row) =>
      row
        ? {
            code: row.ward.code,
            name: row.name,
            provinceName: row.provinceName,
            address: row.ward.address,
            phone: row.ward.phone,
            email: row.ward.email,
            hours: row.ward.officeHours,
          }
        : undefined,
    );
    if (cache.size > 1000) cache.clear();
    cache.set(code, { until: now + ttlMs, value });
    value.catch(() => cache.delete(code));
    return value;
  };
}

/** "Phường Thành Đông" → "phường Thành Đông", as it reads mid-sentence. */
export function midSentence(name: string): string {
  return name.charAt(0).toLocaleLowerCase('vi') + name.slice(1);
}

function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/** The ward's hours as a list, like the portal's home page. */
export function officeHoursHtml(hours: OfficeHoursSetting): string {
  const items = [`Thứ Hai đến thứ Sáu: ${hours.opensAt} – ${hours.closesAt}`];
  if (hours.saturdayMorningReceiving)
    items.push(`Sáng thứ Bảy: ${hours.opensAt} – ${hours.saturdayClosesAt}, chỉ tiếp nhận hồ sơ`);
  items.push(
    hours.saturdayMorningReceiving
      ? 'Nghỉ Chủ nhật và các ngày lễ, Tết'
      : 'Nghỉ thứ Bảy, Chủ nhật và các ngày lễ, Tết',
  );
  return `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
}

const contactCache = new WeakMap<WardInfo, Map<string, string>>();

/**
 * Address, telephone, e-mail and hours of the ward, under a heading of the given level and text. Remembered
 * per ward object (the cache above hands out the same object for a minute).
 */
export function wardContactHtml(ward: WardInfo, heading: string, level: 2 | 3 = 2): string {
  let byHeading = contactCache.get(ward);
  if (!byHeading) contactCache.set(ward, (byHeading = new Map()));
  const key = `${level}${heading}`;
  let html = byHeading.get(key);
  if (html === undefined) {
    html =
      `<section aria-labelledby="lien-he"><h${level} id="lien-he">${esc(heading)}</h${level}>` +
      `<p><b>Ủy ban nhân dân ${esc(midSentence(ward.name))}</b><br>${esc(ward.address)}</p>` +
      `<p>Điện thoại: <a class="t" href="${esc(telHref(ward.phone))}">${esc(ward.phone)}</a><br>` +
      `Thư điện tử: <a class="t" href="mailto:${esc(ward.email)}">${esc(ward.email)}</a></p>` +
      `<p class="m0"><b>Giờ làm việc</b></p>${officeHoursHtml(ward.hours)}</section>`;
    byHeading.set(key, html);
  }
  return html;
}

// ---------------------------------------------------------------------------------------------------------------
// Layout.

export const MAIN_ID = 'noi-dung-chinh';

export interface Crumb {
  href: string;
  label: string;
}

export interface PageOptions {
  /** The page's own title (the `<h1>` text, usually); the ward's name is appended in `<title>`. */
  title: string;
  /** Inside `<main>`. */
  main: string;
  ward?: WardInfo;
  /** Links to the pages above this one (GOV.UK breadcrumbs: the current page is its own h1). */
  crumbs?: Crumb[];
  /** Extra CSS after the shared stylesheet (the print guide, the QR sheet), inlined. */
  css?: string;
  /** The title starts with "Lỗi: " when the page shows a form error (GOV.UK pattern). */
  error?: boolean;
}

const HEAD =
  '<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>';
const STYLE = `</title><link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="${PAGE_CSS_HREF}">`;
const SKIP = `</head><body><a class="skip" href="#${MAIN_ID}">Bỏ qua đến nội dung chính</a>`;

/** The banner and the footer of a ward's pages: the same for every page, so made once per ward object. */
function chrome(ward: WardInfo | undefined): { banner: string; footer: string } {
  const site = ward ? esc(ward.name) : 'Chính quyền thân thiện';
  const about = ward
    ? `<p><b>Ủy ban nhân dân ${esc(midSentence(ward.name))}</b></p><p>${esc(ward.address)}</p>` +
      `<p>Điện thoại: <a class="t" href="${esc(telHref(ward.phone))}">${esc(ward.phone)}</a></p>`
    : '';
  return {
    banner:
      `<header class="hd"><div class="w"><a href="/"><b>${site}</b>` +
      `<span>${ward ? 'Chính quyền thân thiện' : 'Cổng thông tin phường'}</span></a></div></header>`,
    footer:
      `<footer class="ft"><div class="w">${about}` +
      `<p><a class="t" href="/">Trang chủ của phường</a></p></div></footer></body></html>`,
  };
}

const chromeCache = new WeakMap<WardInfo, ReturnType<typeof chrome>>();
const NO_WARD = chrome(undefined);

function chromeOf(ward: WardInfo | undefined): ReturnType<typeof chrome> {
  if (!ward) return NO_WARD;
  let made = chromeCache.get(ward);
  if (!made) chromeCache.set(ward, (made = chrome(ward)));
  return made;
}

/** A whole page: lang="vi", a skip link, banner, breadcrumbs, main, the ward's footer; no script. */
export function layout(options: PageOptions): string {
  const { banner, footer } = chromeOf(options.ward);
  const site = options.ward?.name ?? 'Chính quyền thân thiện';
  const title = `${options.error ? 'Lỗi: ' : ''}${options.title} – ${site}`;
  let crumbs = '';
  if (options.crumbs) {
    crumbs = '<nav class="crumbs w" aria-label="Đường dẫn"><ol>';
    for (const c of options.crumbs) crumbs += `<li><a href="${esc(c.href)}">${esc(c.label)}</a></li>`;
    crumbs += '</ol></nav>';
  }
  return (
    HEAD +
    esc(title) +
    STYLE +
    (options.css ? `<style>${options.css}</style>` : '') +
    SKIP +
    banner +
    crumbs +
    `<main id="${MAIN_ID}" class="w" tabindex="-1">${options.main}</main>` +
    footer
  );
}

export interface SendOptions {
  status?: number;
  /** Cache-Control; default `no-cache` (the browser revalidates). */
  cache?: string;
}

export function sendHtml(reply: FastifyReply, page: string, options: SendOptions = {}): FastifyReply {
  return reply
    .status(options.status ?? 200)
    .header('cache-control', options.cache ?? 'no-cache')
    .type('text/html; charset=utf-8')
    .send(page);
}

/** The first value of a query-string parameter, as text ('' when absent). */
export function queryText(query: unknown, name: string, maxLength = 100): string {
  const raw = (query as Record<string, unknown> | undefined)?.[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' ? value.trim().slice(0, maxLength) : '';
}
