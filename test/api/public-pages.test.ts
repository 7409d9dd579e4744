import { inflateSync } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CalendarService } from '../../src/platform/calendar/service';
import { systemClock } from '../../src/platform/clock';
import { readConfig } from '../../src/platform/config';
import { buildApp } from '../../src/platform/http/app';
import { ROUTES } from '../../src/routes';
import { formatDateTimeVn } from '../../src/platform/http/html';
import { PAGE_CSS, PAGE_CSS_HREF } from '../../src/platform/http/page-style';
import { signIn, startTestPlatform, type TestPlatform } from '../support/app';

/**
 * The server-rendered citizen pages: procedure guides with their QR codes and the dossier tracking page the
 * receipt's QR code opens. Plain HTML, no script, small, Vietnamese, and no personal data on tracking.
 */

const HOST = 'dichvucong.thanhdong.example.vn';
const ORIGIN = `http://${HOST}`;
const APPLICANT = {
  fullName: 'Phạm Văn Khải',
  idNumber: '031088004567',
  phone: '0987654321',
  address: 'Số 12, ngõ 5, Tổ dân phố số 3, phường Thành Đông',
};

let platform: TestPlatform;
let dossier: { code: string; dueDate: string; receivedAt: string };

const get = (url: string, headers: Record<string, string> = {}) =>
  platform.app.inject({ method: 'GET', url, headers: { host: HOST, ...headers } });

/**
 * What every page must be: HTML in Vietnamese, no script, one h1, landmarks, a skip link; under `maxBytes`
 * with the shared stylesheet counted (a first visit loads both).
 */
function expectPlainPage(response: LightMyRequestResponse, maxBytes: number): string {
  expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
  const body = response.body;
  expect(body).toContain(`<link rel="stylesheet" href="${PAGE_CSS_HREF}">`);
  expect(Buffer.byteLength(body) + Buffer.byteLength(PAGE_CSS)).toBeLessThan(maxBytes);
  expect(body).not.toMatch(/<script/i);
  expect(body).toMatch(/^<!doctype html><html lang="vi">/);
  expect(body.match(/<h1[ >]/g)).toHaveLength(1);
  expect(body).toContain('<main id="noi-dung-chinh"');
  expect(body).toContain('<header');
  expect(body).toContain('<footer');
  expect(body).toContain('href="#noi-dung-chinh">Bỏ qua đến nội dung chính</a>');
  // The CSP from helmet forbids inline scripts; inline styles are allowed.
  const csp = String(response.headers['content-security-policy']);
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  return body;
}

/** Dark modules of the symbol qrcode makes for `text` (the same library and options as the server). */
function expectedMatrix(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, r) =>
    Array.from({ length: modules.size }, (_, c) => modules.get(r, c) === 1),
  );
}

/** Reads the modules back from the served SVG: one horizontal stroke per run of dark modules. */
function matrixFromSvg(svg: string): boolean[][] {
  const viewBox = /viewBox="0 0 (\d+) \1"/.exec(svg);
  const path = /<path stroke="#000" d="([^"]+)"/.exec(svg);
  if (!viewBox?.[1] || !path?.[1]) throw new Error('not a QR SVG');
  const size = Number(viewBox[1]) - 8;
  const matrix = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  let x = 0;
  let y = 0;
  for (const [, op, a, b] of path[1].matchAll(/([Mmh])([\d.]+)(?: ([\d.]+))?/g)) {
    if (op === 'M') [x, y] = [Number(a) - 4, Number(b) - 4.5];
    else if (op === 'm') x += Number(a);
    else {
      for (let i = 0; i < Number(a); i++) {
        const row = matrix[y];
        if (row) row[x + i] = true;
      }
      x += Number(a);
    }
  }
  return matrix;
}

/** A minimal PNG reader (8-bit grey, RGB or RGBA; the five filters) → dark modules at 8 px per module. */
function matrixFromPng(png: Buffer, size: number): boolean[][] {
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.subarray(offset + 4, offset + 8).toString();
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect(data[8]).toBe(8);
      channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[data[9] ?? 0] ?? 0;
    } else if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const value = raw[y * (stride + 1) + 1 + i] ?? 0;
      const left = i >= channels ? (pixels[y * stride + i - channels] ?? 0) : 0;
      const up = y > 0 ? (pixels[(y - 1) * stride + i] ?? 0) : 0;
      const upLeft = y > 0 && i >= channels ? (pixels[(y - 1) * stride + i - channels] ?? 0) : 0;
      const p = left + up - upLeft;
      const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
      const paeth = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      const predictor = [0, left, up, (left + up) >> 1, paeth][filter ?? 0] ?? 0;
      pixels[y * stride + i] = (value + predictor) & 0xff;
    }
  }
  const scale = width / (size + 8);
  expect(Number.isInteger(scale)).toBe(true);
  return Array.from({ length: size }, (_, r) =>
    Array.from({ length: size }, (_, c) => {
      const px = Math.floor((c + 4) * scale + scale / 2);
      const py = Math.floor((r + 4) * scale + scale / 2);
      return (pixels[py * stride + px * channels] ?? 255) < 128;
    }),
  );
}

beforeAll(async () => {
  platform = await startTestPlatform();
  const officer = await signIn(platform.app, 'motcua');
  const response = await officer.request(
    'POST',
    '/api/v1/dossiers',
    {
      procedureCode: '1.001193',
      applicant: APPLICANT,
      documentsReceived: ['to-khai-dang-ky-khai-sinh', 'giay-chung-sinh'],
      channel: 'counter',
    },
    { 'idempotency-key': 'public-pages-intake-1' },
  );
  expect(response.statusCode, response.body).toBe(201);
  dossier = response.json();
});

afterAll(async () => {
  await platform?.close();
});

describe('the shared stylesheet', () => {
  it('is served under a name made from its content, kept by browsers for a year', async () => {
    expect(PAGE_CSS_HREF).toMatch(/^\/giao-dien\/trang-[0-9a-f]{12}\.css$/);
    const response = await get(PAGE_CSS_HREF);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.body).toBe(PAGE_CSS);
    // The CSP lets pages load it (styles from this site).
    expect(String(response.headers['content-security-policy'])).toMatch(/style-src 'self'/);
  });
});

describe('procedure list /thu-tuc', () => {
  it('lists the ward’s procedures grouped by field, with a search form', async () => {
    const response = await get('/thu-tuc');
    expect(response.statusCode).toBe(200);
    const body = expectPlainPage(response, 60_000);
    expect(body).toContain('<h1>Thủ tục hành chính</h1>');
    for (const field of ['Hộ tịch', 'Chứng thực', 'Cư trú']) expect(body).toContain(`>${field}</h2>`);
    expect(body).toContain('<a href="/thu-tuc/1.001193">Thủ tục đăng ký khai sinh</a>');
    expect(body.match(/<a href="\/thu-tuc\/\d\.\d{6}">/g)).toHaveLength(16);
    expect(body).toContain('<form method="get" action="/thu-tuc" role="search"');
    expect(body).toContain('name="q"');
    expect(body).toContain('Trong ngày (nhận trước 15:00)');
    expect(body).toContain('Miễn lệ phí');
    expect(response.headers['cache-control']).toBe('public, max-age=300');
  });

  it.each([
    ['khai sinh', ['Thủ tục đăng ký khai sinh', 'Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh'], 2],
    ['chung thuc ban sao', ['Chứng thực bản sao từ bản chính'], 1],
    ['ĐĂNG KÝ KẾT HÔN', ['Thủ tục đăng ký kết hôn'], 1],
  ])('finds “%s” whatever the diacritics and case', async (q, names, count) => {
    const response = await get(`/thu-tuc?q=${encodeURIComponent(q)}`);
    expect(response.statusCode).toBe(200);
    const body = expectPlainPage(response, 60_000);
    for (const name of names) expect(body).toContain(name);
    expect(body.match(/<a href="\/thu-tuc\/\d\.\d{6}">/g)).toHaveLength(count);
    expect(body).toContain(`Có ${count} thủ tục có tên chứa`);
    expect(body).toContain(`value="${q}"`);
  });

  it('says so politely when nothing matches, and escapes what was typed', async () => {
    const response = await get(`/thu-tuc?q=${encodeURIComponent('<b>xyz</b>')}`);
    expect(response.statusCode).toBe(200);
    const body = expectPlainPage(response, 60_000);
    expect(body).toContain('Không tìm thấy thủ tục nào có tên chứa “&lt;b&gt;xyz&lt;/b&gt;”');
    expect(body).not.toContain('<b>xyz</b>');
  });
});

describe('procedure guide /thu-tuc/<code>', () => {
  it('shows what to bring, the fee, the time limit, the legal basis, the ward and the QR code', async () => {
    const response = await get('/thu-tuc/1.001193');
    expect(response.statusCode).toBe(200);
    const body = expectPlainPage(response, 60_000);
    expect(body).toContain('<h1>Thủ tục đăng ký khai sinh</h1>');
    expect(body).toContain('Hộ tịch · Mã thủ tục 1.001193');
    expect(body).toContain('Trong ngày (nhận trước 15:00)');
    expect(body).toContain('<b>Miễn lệ phí.</b>');
    expect(body).toContain('Dịch vụ công trực tuyến toàn trình');
    expect(body).toContain('Trong 60 ngày kể từ ngày sinh.');
    // What to bring: a table with originals and copies, conditions and the papers only shown.
    expect(body).toContain('<th scope="col">Giấy tờ</th><th scope="col" class="n">Bản chính</th>');
    expect(body).toContain('<tr><td>Giấy chứng sinh<span class="note">Khi nào cần: Trừ trường hợp');
    expect(body).toContain('Chỉ xuất trình (không phải nộp)');
    expect(body).toContain('Mẫu: Tờ khai đăng ký khai sinh');
    expect(body).toContain('<li>Luật Hộ tịch 2014 (60/2014/QH13), điều 5, 11, 15, 16</li>');
    expect(body).toContain('Trụ sở UBND phường Thành Đông, thành phố Hải Phòng');
    expect(body).toContain('Thứ Hai đến thứ Sáu: 07:30 – 17:00');
    expect(body).toContain('<a href="/thu-tuc/1.001193/in">Bản in hướng dẫn</a>');
    expect(body).toContain(`${ORIGIN}/thu-tuc/1.001193`);
    expect(body).toMatch(/<svg [^>]*class="qr"/);
  });

  it('prints per-page tiers with their cap, fixed amounts with the online price, half days', async () => {
    const copy = await get('/thu-tuc/2.000815');
    expect(copy.statusCode).toBe(200);
    expect(copy.body).toContain(
      'Chứng thực bản sao từ bản chính: 2.000 đ/trang từ trang 1 đến trang 2; 1.000 đ/trang từ trang 3 trở đi; tối đa 200.000 đ/bản',
    );
    expect(copy.body).toContain('Ví dụ: bản chính 5 trang, 1 bản sao: 7.000 đ.');
    const residence = await get('/thu-tuc/1.004222');
    expect(residence.body).toContain('Lệ phí đăng ký thường trú: 20.000 đ (nộp trực tuyến: 10.000 đ)');
    expect(residence.body).toContain('7 ngày làm việc');
    expect(residence.body).toContain('Công an phường Thành Đông');
    expect(residence.body).toContain('Trẻ em (chưa được xác nhận)');
    expect((await get('/thu-tuc/1.010041')).body).toContain('0,5 ngày làm việc');
    expect((await get('/thu-tuc/2.000884')).body).toContain('Chứng thực chữ ký: 10.000 đ/trường hợp');
  });

  it('says when the amount is not confirmed', async () => {
    const body = (await get('/thu-tuc/1.001022')).body;
    expect(body).toContain('Mức thu chưa được xác nhận');
    expect(body).toContain('3 ngày làm việc');
    expect(body).toContain('Trường hợp cần xác minh: thêm không quá 5 ngày làm việc.');
  });

  it('has a printable version for A4 paper', async () => {
    const response = await get('/thu-tuc/1.001193/in');
    expect(response.statusCode).toBe(200);
    const body = expectPlainPage(response, 60_000);
    expect(body).toContain('<title>Bản in hướng dẫn: Thủ tục đăng ký khai sinh – Phường Thành Đông</title>');
    // The shared stylesheet sets A4 pages; the guide adds the QR code's printed size.
    expect(PAGE_CSS).toContain('@page{size:A4');
    expect(body).toContain('@media print{.qr{width:32mm;height:32mm}');
    expect(body).toContain('Giấy chứng sinh');
    expect(body).toContain('<a class="t" href="/thu-tuc/1.001193">Quay lại trang hướng dẫn</a>');
  });

  it.each(['/thu-tuc/9.999999', '/thu-tuc/khai-sinh', '/thu-tuc/9.999999/in', '/thu-tuc/9.999999/qr.png'])(
    'answers %s with a Vietnamese 404 page',
    async (url) => {
      const response = await get(url);
      expect(response.statusCode).toBe(404);
      const body = expectPlainPage(response, 30_000);
      expect(body).toContain('<h1>Không tìm thấy thủ tục</h1>');
      expect(body).toContain('href="/thu-tuc"');
    },
  );
});

describe('QR codes', () => {
  const pageUrl = `${ORIGIN}/thu-tuc/1.001193`;

  it('serves an SVG whose modules are those of the page URL', async () => {
    const response = await get('/thu-tuc/1.001193/qr.svg');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(response.body).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(response.body).toContain('<title>Mã QR: Thủ tục đăng ký khai sinh</title>');
    expect(matrixFromSvg(response.body)).toEqual(expectedMatrix(pageUrl));
    expect(matrixFromSvg(response.body)).not.toEqual(expectedMatrix(`${ORIGIN}/thu-tuc/1.000894`));
  });

  it('serves a PNG whose modules are those of the page URL', async () => {
    const response = await get('/thu-tuc/1.001193/qr.png');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    const expected = expectedMatrix(pageUrl);
    expect(matrixFromPng(response.rawPayload, expected.length)).toEqual(expected);
  });

  it('puts the same code inline on the guide page', async () => {
    const body = (await get('/thu-tuc/1.001193')).body;
    const svg = /<svg [^>]*class="qr"[^]*?<\/svg>/.exec(body)?.[0] ?? '';
    expect(matrixFromSvg(svg)).toEqual(expectedMatrix(pageUrl));
  });

  it('follows the protocol and host the citizen used', async () => {
    const response = await get('/thu-tuc/1.001193/qr.svg', { host: 'localhost:3000' });
    expect(matrixFromSvg(response.body)).toEqual(expectedMatrix('http://localhost:3000/thu-tuc/1.001193'));
  });

  it('points at PUBLIC_URL when it is set, whatever host the request names', async () => {
    const config = readConfig({ PUBLIC_URL: 'https://dichvucong.thanhdong.haiphong.gov.vn/' });
    const deps = { database: platform.database, config, calendar: new CalendarService(platform.database.db) };
    const app = await buildApp({ ...deps, clock: systemClock }, ROUTES, { logger: false });
    try {
      const response = await app.inject({ url: '/thu-tuc/1.001193/qr.svg', headers: { host: HOST } });
      expect(matrixFromSvg(response.body)).toEqual(
        expectedMatrix('https://dichvucong.thanhdong.haiphong.gov.vn/thu-tuc/1.001193'),
      );
    } finally {
      await app.close();
    }
  });

  it('reads PUBLIC_URL as an origin without a trailing slash and refuses what is not http(s)', () => {
    const publicUrl = (value: string) => readConfig({ PUBLIC_URL: value }).publicUrl;
    expect(readConfig({}).publicUrl).toBeUndefined();
    expect(publicUrl('https://thanhdong.haiphong.gov.vn/')).toBe('https://thanhdong.haiphong.gov.vn');
    expect(publicUrl('https://example.vn/cong/')).toBe('https://example.vn/cong');
    expect(() => publicUrl('ftp://x')).toThrow(/PUBLIC_URL/);
    expect(() => publicUrl('not a url')).toThrow(/PUBLIC_URL/);
  });

  it('prints every procedure’s code with its name on an A4 sheet of two columns', async () => {
    const response = await get('/thu-tuc/ma-qr');
    expect(response.statusCode).toBe(200);
    const body = expectPlainPage(response, 120_000);
    expect(body).toContain('<h1>Mã QR các thủ tục hành chính</h1>');
    expect(body).toContain('@page{size:A4 portrait');
    expect(body).toContain('.sheet{grid-template-columns:repeat(2,minmax(0,1fr))');
    expect(body.match(/<li class="cell"><svg /g)).toHaveLength(16);
    expect(body).toContain('<p class="name">Thủ tục đăng ký khai sinh</p>');
    expect(body).toContain(`<p class="url">${ORIGIN}/thu-tuc/1.004222</p>`);
  });
});

describe('dossier tracking /tra-cuu', () => {
  it('shows a form for the code', async () => {
    const response = await get('/tra-cuu');
    expect(response.statusCode).toBe(200);
    const body = expectPlainPage(response, 30_000);
    expect(body).toContain('<h1>Tra cứu hồ sơ</h1>');
    expect(body).toContain('<form method="get" action="/tra-cuu"');
    expect(body).toContain('<label for="ma">Mã hồ sơ</label>');
    expect(body).not.toContain('class="es"');
  });

  it('sends a well-formed code to its page, forgiving spaces and missing dashes', async () => {
    for (const typed of [dossier.code, ` ${dossier.code} `, dossier.code.replaceAll('-', '')]) {
      const response = await get(`/tra-cuu?ma=${encodeURIComponent(typed)}`);
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe(`/tra-cuu/${dossier.code}`);
    }
  });

  it.each(['', 'abc', '10507-2602-1'])('shows the form again with the error for “%s”', async (typed) => {
    const response = await get(`/tra-cuu?ma=${encodeURIComponent(typed)}`);
    expect(response.statusCode).toBe(400);
    const body = expectPlainPage(response, 30_000);
    expect(body).toContain('<title>Lỗi: Tra cứu hồ sơ – Phường Thành Đông</title>');
    const message = 'Xin vui lòng nhập mã hồ sơ có dạng 10507-260213-0001.';
    // GOV.UK pattern: a summary at the top linking to the field, and the message beside the field.
    expect(body).toContain(`<div class="es" role="alert"`);
    expect(body).toContain(`<a href="#ma">${message}</a>`);
    expect(body).toContain(`<p id="ma-error" class="em"><span class="vh">Lỗi:</span> ${message}</p>`);
    expect(body).toContain('aria-describedby="ma-hint ma-error" aria-invalid="true"');
    expect(body).toContain(`value="${typed}"`);
  });

  it('shows the status, the appointment date and the timeline, and no personal data', async () => {
    const response = await get(`/tra-cuu/${dossier.code}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=5');
    const body = expectPlainPage(response, 30_000);
    expect(body).toContain(`<h1>Hồ sơ ${dossier.code}</h1>`);
    expect(body).toContain('<span class="tag">Được tiếp nhận</span>');
    expect(body).toContain('Thủ tục đăng ký khai sinh');
    const [y, m, d] = dossier.dueDate.split('-');
    expect(body).toContain('<dt>Ngày hẹn trả kết quả</dt>');
    expect(body).toContain(`${d}/${m}/${y}`);
    expect(body).toContain(formatDateTimeVn(new Date(dossier.receivedAt)));
    expect(body).toMatch(
      /<ol class="tl"><li><b><time datetime="[^"]+">\d\d\/\d\d\/\d{4} \d\d:\d\d<\/time><\/b> – Tiếp nhận hồ sơ/,
    );
    expect(body).toContain('P*** V** K***');
    expect(body).toContain('0220 3852 345');
    // No căn cước number, telephone, full name or address of the applicant, whole or in part.
    expect(body).not.toContain(APPLICANT.idNumber);
    expect(body).not.toContain(APPLICANT.idNumber.slice(-6));
    expect(body).not.toContain(APPLICANT.phone);
    expect(body).not.toContain(APPLICANT.phone.slice(-6));
    expect(body).not.toContain(APPLICANT.fullName);
    expect(body).not.toContain('Khải');
    expect(body).not.toContain('ngõ 5');
  });

  it('answers an unknown or malformed code with a Vietnamese 404 page', async () => {
    for (const url of ['/tra-cuu/10507-010101-9999', '/tra-cuu/khong-co']) {
      const response = await get(url);
      expect(response.statusCode).toBe(404);
      expect(response.headers['cache-control']).toBe('no-store');
      const body = expectPlainPage(response, 30_000);
      expect(body).toContain('<h1>Không tìm thấy hồ sơ</h1>');
      expect(body).toContain('<form method="get" action="/tra-cuu"');
    }
  });

  it('sends a code typed without dashes to the canonical address', async () => {
    const response = await get(`/tra-cuu/${dossier.code.replaceAll('-', '')}`);
    expect(response.statusCode).toBe(301);
    expect(response.headers.location).toBe(`/tra-cuu/${dossier.code}`);
  });
});
