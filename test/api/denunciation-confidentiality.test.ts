import diagnostics from 'node:diagnostics_channel';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/platform/clock';
import { signIn, startTestPlatform, type TestPlatform } from '../support/app';
import { signInCitizenByPhone } from '../support/citizen';
import { DENOUNCER, denunciationBody, staffIdOf } from '../support/complaints';
import { ok } from '../support/feedback';
import { pdfText } from '../support/pdf';

// THE denouncer's identity is sealed (Luật Tố cáo 2018, điều 8, 56): every /api/v1 route the app registers is
// called by every staff role but the chairman and the handler (another officer of the handler's own role
// included), by an officer of another ward, by a citizen and by no one, with the denunciation's number in its
// path and the denouncer's name as search text; no response body, PDF, Excel workbook or log line may hold the
// name, address, phone or ID number. The chairman's and the handler's readings of it are audited, one by one.
// The same denouncer also came to the citizen reception (sổ tiếp công dân, classified as a denunciation): that
// entry's id fills the reception log's paths, and it is sealed the same way, opened by the chairman alone.

const clock = manualClock(new Date('2026-12-02T09:00:00+07:00'));
const SECRETS = [
  DENOUNCER.fullName,
  DENOUNCER.fullName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase(),
  DENOUNCER.address,
  'ngõ Kín Đáo',
  DENOUNCER.phone,
  '0968 123 457',
  DENOUNCER.idNumber,
];
/** Whitespace removed on both sides: a name a PDF table wraps over two lines is still found. */
const flat = (text: string) => text.normalize('NFC').toLowerCase().replace(/\s+/g, '');
const leaksIn = (text: string) => SECRETS.filter((s) => flat(text).includes(flat(s)));

/** Everything a response says: the body, the text of a PDF, the cells of an Excel workbook. */
async function outputOf(response: LightMyRequestResponse): Promise<string> {
  const type = String(response.headers['content-type'] ?? '');
  if (type.startsWith('application/pdf')) return pdfText(response.rawPayload);
  if (type.includes('spreadsheetml')) {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))),
    );
    return cells.join('\n');
  }
  return response.body;
}

const registered = new Set<string>();
function watchRoutes(message: unknown) {
  const { fastify } = message as { fastify: FastifyInstance };
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      if (method !== 'HEAD' && route.url.startsWith('/api/v1')) registered.add(`${method} ${route.url}`);
  });
}

/** Calls that would end the caller's own session: made last, so every other route is called signed in. */
const SESSION_ENDING = /logout|sign-out/;

describe('the denouncer’s identity is sealed on every route', () => {
  let platform: TestPlatform;
  const logs: string[] = [];
  let code = '';
  let visitId = '';
  type Send = (method: string, url: string, body?: unknown) => Promise<LightMyRequestResponse>;
  const callers: { who: string; send: Send }[] = [];
  let chairmanSend: Send;
  let handlerSend: Send;

  beforeAll(async () => {
    diagnostics.subscribe('fastify.initialization', watchRoutes);
    platform = await startTestPlatform({ clock, logStream: { write: (line) => logs.push(line) } });
    // A second officer of the handler's role: the role alone opens nothing.
    await platform.database.sql.query(
      `INSERT INTO staff_accounts (ward_code, province_code, username, full_name, title, phone, role, org_unit_id, password_hash)
       SELECT ward_code, province_code, 'chuyenvien2', 'Vũ Minh Tâm', title, '0913000002', role, org_unit_id, password_hash
       FROM staff_accounts WHERE username = 'chuyenvien'`,
    );
    const agent = async (username: string) => {
      const a = await signIn(platform.app, username);
      return (method: string, url: string, body?: unknown) => a.request(method, url, body);
    };
    const counter = await agent('motcua');
    chairmanSend = await agent('chutich');
    handlerSend = await agent('chuyenvien');
    code = ok(await counter('POST', '/api/v1/denunciations', denunciationBody()), 201).code;
    const visit = {
      visitorName: DENOUNCER.fullName,
      visitorIdNumber: DENOUNCER.idNumber,
      visitorAddress: DENOUNCER.address,
      visitorPhone: DENOUNCER.phone,
      groupSize: 2,
      representatives: [DENOUNCER.fullName],
      matter: 'Tố cáo cán bộ địa chính phường nhận tiền để xác nhận hồ sơ đất đai sai quy định.',
      classification: 'denunciation',
    };
    visitId = ok(await counter('POST', '/api/v1/reception/log', visit), 201).id;
    ok(
      await chairmanSend('POST', `/api/v1/denunciations/${code}/assign`, {
        handlerId: await staffIdOf(platform, 'chuyenvien'),
      }),
      200,
    );
    for (const username of [
      'motcua',
      'chuyenvien2',
      'truongphong',
      'totruong',
      'giamsat',
      'thanhpho',
      'quantri',
      'hethong',
      'hd.motcua',
    ])
      callers.push({ who: username, send: await agent(username) });
    const citizen = await signInCitizenByPhone(platform.app, platform.database, '0906000077');
    callers.push({ who: 'citizen', send: (m, u, b) => citizen.request(m, u, b) });
    callers.push({
      who: 'anonymous',
      send: (method, url, body) =>
        platform.app.inject({ method: method as never, url, payload: body as never }),
    });
  });
  afterAll(async () => {
    diagnostics.unsubscribe('fastify.initialization', watchRoutes);
    await platform.close();
  });

  /** The route's URL with its parameters filled: the denunciation's number wherever a code goes. */
  const urlOf = (route: string, query: string) => {
    const path = route
      .split(' ')[1]
      ?.replace(/:code\b/g, code)
      .replace(/(\/reception\/log\/):id\b/, `$1${visitId}`)
      .replace(/:n\b/g, '1')
      .replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
    return `${path}?${query}`;
  };
  const QUERY = `q=${encodeURIComponent(DENOUNCER.fullName)}&view=all&from=2026-01-01&to=2026-12-31`;

  it('the authorised readings work (and the search below can see a name when it is there)', async () => {
    const chairman = ok(await chairmanSend('GET', `/api/v1/denunciations/${code}/identity`), 200);
    const handler = ok(await handlerSend('GET', `/api/v1/denunciations/${code}/identity`), 200);
    expect(leaksIn(JSON.stringify(chairman))).toEqual(
      expect.arrayContaining([DENOUNCER.fullName, DENOUNCER.idNumber]),
    );
    expect(handler).toEqual(DENOUNCER);
    const reads = await platform.database.sql.query<{ actor: string; role: string }>(
      `SELECT actor_name AS actor, actor_role AS role FROM audit_log WHERE action = 'denunciation.identity.read' AND target_id = '${code}' ORDER BY id`,
    );
    expect(reads).toEqual([
      { actor: 'Nguyễn Văn Hưng', role: 'ward_leader' },
      { actor: 'Lê Văn Dũng', role: 'department_officer' },
    ]);
    expect(ok(await chairmanSend('GET', `/api/v1/reception/log/${visitId}/identity`), 200)).toEqual({
      ...DENOUNCER,
      representatives: [DENOUNCER.fullName],
    });
    const visitReads = await platform.database.sql.query<{ actor: string }>(
      `SELECT actor_name AS actor FROM audit_log WHERE action = 'reception.identity.read' AND target_type = 'reception_log'`,
    );
    expect(visitReads).toEqual([{ actor: 'Nguyễn Văn Hưng' }]);
  });

  it('the register as PDF and Excel is read, with the record and without its denouncer', async () => {
    for (const format of ['pdf', 'xlsx']) {
      const response = await chairmanSend(
        'GET',
        `/api/v1/denunciations/register?from=2026-01-01&to=2026-12-31&format=${format}`,
      );
      const text = await outputOf(response);
      expect(flat(text)).toContain(flat(code));
      expect(flat(text)).toContain(flat('Đã niêm phong'));
      expect(leaksIn(text)).toEqual([]);
    }
  });

  it('no other caller gets the identity from any route, in any body, PDF, workbook or search', async () => {
    expect(registered.size).toBeGreaterThan(50);
    const routes = [...registered].sort(
      (a, b) => Number(SESSION_ENDING.test(a)) - Number(SESSION_ENDING.test(b)),
    );
    const leaks: string[] = [];
    let calls = 0;
    for (const caller of callers) {
      for (const route of routes) {
        const method = route.split(' ')[0] ?? 'GET';
        const queries = method === 'GET' ? [QUERY, `${QUERY}&format=pdf`, `${QUERY}&format=xlsx`] : [QUERY];
        for (const query of queries) {
          const response = await caller.send(method, urlOf(route, query), method === 'GET' ? undefined : {});
          calls += 1;
          const found = leaksIn(await outputOf(response));
          if (found.length > 0) leaks.push(`${caller.who} ${route} ?${query}: ${found.join(', ')}`);
        }
      }
    }
    expect(calls).toBeGreaterThan(registered.size * callers.length);
    expect(leaks).toEqual([]);
  }, 300_000);

  it('no log line holds the identity', () => {
    expect(logs.length).toBeGreaterThan(100);
    const leaking = logs.filter((line) => leaksIn(line).length > 0);
    expect(leaking).toEqual([]);
  });
});
