/**
 * Tiny helpers for the server-rendered citizen pages (procedure guides, dossier tracking): escaping, dates,
 * the ward's contact block and one page layout with inline CSS. Plain strings, no framework, no script: the
 * pages weigh a few kilobytes and work on any phone, with JavaScript or without.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { formatVn, weekdayNameVn } from '../calendar/holidays';
import type { Db } from '../db/connect';
import type { OfficeHoursSetting } from '../wards/schema';
import { findWard } from '../wards/store';

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

/**
 * One stylesheet for every server-rendered page, inlined (the CSP allows inline styles, not scripts). Sizes in
 * rem so that the browser's text size scales everything; one column on a phone; tap targets of 44 px.
 */
const CSS = `*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:1.125rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#0b0c0c;background:#fff;overflow-wrap:anywhere}
a{color:#1864ab;text-underline-offset:.15em}
a:visited{color:#4c2c92}
a:hover{text-decoration-thickness:.15em}
a:focus-visible{outline:3px solid transparent;color:#0b0c0c;background:#ffdd00;box-shadow:0 -2px #ffdd00,0 4px #0b0c0c;text-decoration:none}
input:focus-visible,button:focus-visible{outline:3px solid #ffdd00;outline-offset:0;box-shadow:inset 0 0 0 2px #0b0c0c}
.skip{position:absolute;left:.5rem;top:-100rem;z-index:9;padding:.75rem 1rem;background:#ffdd00;color:#0b0c0c;font-weight:700}
.skip:focus{top:.5rem}
.w{max-width:48rem;margin:0 auto;padding:0 1rem}
.hd{background:#1864ab;color:#fff}
.hd a,.hd a:visited{display:flex;flex-direction:column;justify-content:center;min-height:2.75rem;padding:.5rem 0;color:#fff;text-decoration:none}
.hd b{font-size:1.375rem;line-height:1.2}
.hd a:focus-visible{color:#0b0c0c}
main{display:block;padding:1rem 0 2rem}
main:focus{outline:none}
h1{font-size:2rem;line-height:1.2;margin:.5rem 0 1rem}
h2{font-size:1.5rem;line-height:1.25;margin:2rem 0 .75rem}
h3{font-size:1.25rem;margin:1.5rem 0 .5rem}
p,ul,ol,dl,table,figure{margin:0 0 1rem}
ul,ol{padding-left:1.5rem}
li{margin-bottom:.375rem}
.m0{margin:0}
.lead{font-size:1.25rem}
.hint,.meta{color:#505a5f}
.crumbs ol{display:flex;flex-wrap:wrap;margin:0;padding:0;list-style:none}
.crumbs li{margin:0}
.crumbs li+li::before{content:"›";margin:0 .5rem}
.crumbs a,.t,.go a{display:inline-flex;align-items:center;min-height:2.75rem}
.go{list-style:none;padding:0}
.go a{font-weight:700}
.links{list-style:none;padding:0;border-top:1px solid #b1b4b6}
.links li{margin:0;padding:.25rem 0 .75rem;border-bottom:1px solid #b1b4b6}
.links a{display:inline-flex;align-items:center;min-height:2.75rem;font-size:1.1875rem;font-weight:700}
.links p{margin:0}
.sl{border-top:1px solid #b1b4b6}
.sl div{padding:.5rem 0;border-bottom:1px solid #b1b4b6}
.sl dt{font-weight:700}
.sl dd{margin:0}
.sl ul{margin:0}
@media (min-width:40em){.sl div{display:flex;gap:1rem}.sl dt{flex:0 0 38%}.sl dd{flex:1}}
.tw{overflow-x:auto}
table{width:100%;border-collapse:collapse}
caption{text-align:left;font-weight:700;padding-bottom:.5rem}
th,td{padding:.5rem .5rem .5rem 0;text-align:left;vertical-align:top;border-bottom:1px solid #b1b4b6}
.n{text-align:center;width:5.5rem}
.note{display:block;color:#505a5f;font-size:1rem}
label{display:block;margin-bottom:.25rem;font-size:1.25rem;font-weight:700}
input[type=text],input[type=search]{display:block;width:100%;max-width:26rem;min-height:2.75rem;margin-top:.25rem;padding:.375rem .5rem;font:inherit;border:2px solid #0b0c0c;border-radius:0}
button{min-height:2.75rem;margin-top:.75rem;padding:.5rem 1.25rem;font:inherit;font-weight:700;color:#fff;background:#1864ab;border:2px solid #1864ab;border-radius:0;box-shadow:0 2px 0 #0b0c0c;cursor:pointer}
.fg{margin-bottom:1.5rem}
.fe{padding-left:.75rem;border-left:5px solid #b10e1e}
.fe input{border-color:#b10e1e}
.em{margin:.25rem 0;color:#b10e1e;font-weight:700}
.es{margin-bottom:1.5rem;padding:1rem;border:5px solid #b10e1e}
.es:focus{outline:3px solid #ffdd00}
.es h2{margin-top:0}
.es a,.es a:visited{color:#b10e1e;font-weight:700}
.vh{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;padding:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;clip-path:inset(50%)!important;white-space:nowrap!important;border:0!important}
.panel{margin-bottom:1.5rem;padding:1rem;background:#f3f2f1;border-left:5px solid #1864ab}
.panel p{margin:.25rem 0}
.big{font-size:1.5rem;font-weight:700}
.tag{display:inline-block;padding:.125rem .5rem;color:#fff;background:#1864ab;font-weight:700}
.qr{display:block;width:10rem;height:10rem}
.tl{list-style:none;padding:0;border-left:4px solid #b1b4b6}
.tl li{margin:0 0 1rem;padding-left:1rem}
.ft{margin-top:1rem;padding:1.5rem 0;border-top:4px solid #1864ab}
.ft p{margin:0 0 .5rem}
@media (prefers-contrast:more){a,a:visited{color:#000;text-decoration-thickness:.15em}.hd{background:#000}.hint,.meta,.note{color:#000}}
@media print{@page{size:A4;margin:15mm}body{font-size:11pt}.skip,.hd,.ft,.crumbs,.np,form{display:none!important}a,a:visited{color:#000}main{padding:0}h1{font-size:18pt}h2{font-size:14pt;margin-top:1.25rem}tr,figure,.sl div,.links li{break-inside:avoid}h2,h3{break-after:avoid}.tw{overflow:visible}}`;

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
  /** Extra CSS after the shared stylesheet (the print guide, the QR sheet). */
  css?: string;
  /** The title starts with "Lỗi: " when the page shows a form error (GOV.UK pattern). */
  error?: boolean;
}

const HEAD =
  '<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>';
const STYLE = `</title><link rel="icon" href="/favicon.svg" type="image/svg+xml"><style>${CSS}`;
const SKIP = `</style></head><body><a class="skip" href="#${MAIN_ID}">Bỏ qua đến nội dung chính</a>`;

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
    (options.css ?? '') +
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
