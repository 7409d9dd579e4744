import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_VIEW_TTL_MS } from '../../src/modules/dossiers/public-view';
import { PAGE_CSS } from '../../src/platform/http/page-style';
import { manualClock } from '../../src/platform/clock';
import { signIn, startTestPlatform, type Agent, type TestPlatform } from '../support/app';

/**
 * The public view of a dossier (tracking page and JSON) is kept in memory for about a second: a change made
 * through the platform shows at once, one made elsewhere within the TTL; an unknown code is never remembered;
 * and whatever is served carries no personal data.
 */

const clock = manualClock(new Date('2026-03-09T09:00:00+07:00'));
const DAY = '10507-260309';
const APPLICANT = {
  fullName: 'Lê Thị Thu Trang',
  idNumber: '031190007788',
  phone: '0904112233',
  address: 'Số 7, ngõ 12, Tổ dân phố số 2, phường Thành Đông',
};
const MASKED_NAME = 'L** T** T** T****';
const RESIDENCE = '1.004222';

let platform: TestPlatform;
let counter: Agent;
let officer: Agent;
let head: Agent;
let cultureUnit = '';
let keys = 0;

const page = (code: string, headers: Record<string, string> = {}) =>
  platform.app.inject({ method: 'GET', url: `/tra-cuu/${code}`, headers });
const json = (code: string, headers: Record<string, string> = {}) =>
  platform.app.inject({ method: 'GET', url: `/api/v1/dossiers/${code}/public`, headers });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function intake(): Promise<string> {
  const response = await counter.request(
    'POST',
    '/api/v1/dossiers',
    {
      procedureCode: RESIDENCE,
      applicant: APPLICANT,
      documentsReceived: ['to-khai-ct01'],
      channel: 'counter',
    },
    { 'idempotency-key': `public-view-intake-${++keys}` },
  );
  expect(response.statusCode, response.body).toBe(201);
  return response.json().code;
}

async function act(agent: Agent, code: string, action: string, body: unknown) {
  const response = await agent.request('POST', `/api/v1/dossiers/${code}/actions/${action}`, body, {
    'idempotency-key': `public-view-act-${++keys}`,
  });
  expect(response.statusCode, response.body).toBe(200);
}

/** Both public answers for a code: the JSON's status label and the page's status tag. */
async function shown(code: string): Promise<{ json: string; page: string }> {
  const [api, html] = await Promise.all([json(code), page(code)]);
  expect(api.statusCode).toBe(200);
  expect(html.statusCode).toBe(200);
  return {
    json: api.json().statusLabel,
    page: /<span class="tag">([^<]+)<\/span>/.exec(html.body)?.[1] ?? '',
  };
}

beforeAll(async () => {
  platform = await startTestPlatform({ clock });
  [counter, officer, head] = await Promise.all(
    ['motcua', 'chuyenvien', 'truongphong'].map((u) => signIn(platform.app, u)),
  );
  const units = (await counter.request('GET', '/api/v1/wards/10507/units')).json().units;
  cultureUnit = units.find((u: { kind: string }) => u.kind === 'culture').id;
});

afterAll(() => platform?.close());

describe('public view cache', () => {
  it('answers an unknown code 404 without remembering it: the dossier shows as soon as it exists', async () => {
    const first = await intake();
    expect(first).toBe(`${DAY}-0001`);
    const next = `${DAY}-0002`;
    const [api, html] = await Promise.all([json(next), page(next)]);
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('NOT_FOUND');
    expect(html.statusCode).toBe(404);
    expect(html.headers['cache-control']).toBe('no-store');
    expect(html.body).toContain('<h1>Không tìm thấy hồ sơ</h1>');

    expect(await intake()).toBe(next);
    expect(await shown(next)).toEqual({ json: 'Được tiếp nhận', page: 'Được tiếp nhận' });
  });

  it('shows a change made through the platform at once (the action forgets the cached view)', async () => {
    const code = await intake();
    expect(await shown(code)).toEqual({ json: 'Được tiếp nhận', page: 'Được tiếp nhận' });
    await act(counter, code, 'hand_over', { toUnit: cultureUnit });
    expect(await shown(code)).toEqual({ json: 'Đang xử lý', page: 'Đang xử lý' });
    await act(counter, code, 'withdraw', { reason: 'Công dân xin rút hồ sơ' });
    expect(await shown(code)).toEqual({
      json: 'Công dân yêu cầu rút hồ sơ',
      page: 'Công dân yêu cầu rút hồ sơ',
    });
  });

  it('shows a change made elsewhere (another process) within the TTL, and serves the same copy until then', async () => {
    const code = await intake();
    const asked = Date.now();
    expect(await shown(code)).toEqual({ json: 'Được tiếp nhận', page: 'Được tiếp nhận' });
    const answered = Date.now();
    await platform.database.sql.query(
      "UPDATE dossiers SET status = 'processing', status_code = 4 WHERE code = $1",
      [code],
    );
    // Still the copy in memory, though the database already says otherwise (unless this machine took most of
    // the TTL to get here, when the copy may just have expired).
    if (Date.now() - asked < PUBLIC_VIEW_TTL_MS / 2)
      expect(await shown(code)).toEqual({ json: 'Được tiếp nhận', page: 'Được tiếp nhận' });
    await sleep(answered + PUBLIC_VIEW_TTL_MS + 20 - Date.now());
    expect(await shown(code)).toEqual({ json: 'Đang xử lý', page: 'Đang xử lý' });
  });

  it('says how long browsers and proxies may keep it, and answers 304 to the version they hold', async () => {
    const code = await intake();
    for (const get of [json, page]) {
      const first = await get(code);
      expect(first.statusCode).toBe(200);
      expect(first.headers['cache-control']).toBe(`public, max-age=${PUBLIC_VIEW_TTL_MS / 1000}`);
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^"[\w-]{22}"$/);
      const again = await get(code, { 'if-none-match': etag });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      expect(again.headers.etag).toBe(etag);
      expect((await get(code, { 'if-none-match': '"autre"' })).statusCode).toBe(200);
    }
    const [api, html] = [await json(code), await page(code)];
    expect(api.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(api.headers.etag).not.toBe(html.headers.etag);
  });

  it('carries no personal data, and stays under 30 kB with a whole timeline', async () => {
    const code = await intake();
    await act(counter, code, 'hand_over', { toUnit: cultureUnit, note: 'Chuyển phòng thẩm định' });
    await act(head, code, 'approve', { outcome: 'granted' });
    await act(officer, code, 'mark_result_ready', { resultDocument: 'Giấy xác nhận thường trú số 12' });
    await act(counter, code, 'return_result', { channel: 'counter' });
    const [api, html] = await Promise.all([json(code), page(code)]);
    expect(api.json()).toMatchObject({ code, applicantName: MASKED_NAME, status: 'returned' });
    expect(api.json().timeline).toHaveLength(5);
    expect(html.body).toContain(MASKED_NAME);
    expect(html.body.match(/<li><b><time /g)).toHaveLength(5);
    // With the shared stylesheet, as a first visit loads it.
    expect(Buffer.byteLength(html.body) + Buffer.byteLength(PAGE_CSS)).toBeLessThan(30_000);
    for (const body of [api.body, html.body]) {
      expect(body).not.toContain(APPLICANT.fullName);
      expect(body).not.toContain('Thu Trang');
      expect(body).not.toContain(APPLICANT.idNumber.slice(-6));
      expect(body).not.toContain(APPLICANT.phone.slice(-6));
      expect(body).not.toContain('ngõ 12');
    }
  });
});
