import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CalendarService } from '../../src/platform/calendar/service';
import { DEMO_CITIZENS } from '../../src/platform/citizens/demo-citizens';
import { systemClock } from '../../src/platform/clock';
import { readConfig } from '../../src/platform/config';
import { buildApp } from '../../src/platform/http/app';
import { ROUTES } from '../../src/routes';
import { signIn, startTestPlatform, type TestPlatform } from '../support/app';

// VNeID sign-in end to end against the local stand-in provider, over real HTTP: the platform listens on a free
// port and its OpenID client discovers, exchanges the code and reads userinfo from /dev-vneid like from VNeID.
const [HANG, DUC] = DEMO_CITIZENS as [(typeof DEMO_CITIZENS)[0], (typeof DEMO_CITIZENS)[0]];
const CALLBACK = '/api/v1/citizen/auth/vneid/callback';

/** A browser, reduced to what the flow needs: cookies by name (paths ignored) and redirects followed by hand. */
class Browser {
  readonly cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  async go(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const response = await fetch(new URL(url, this.base), {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      if (value && !/expires=Thu, 01 Jan 1970/i.test(header)) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
    return response;
  }

  /** Follows redirects from `url` until a page answers, or until the next stop would be `stopAt`'s path. */
  async follow(url: string, stopAt?: string): Promise<{ response: Response; url: string }> {
    let current = new URL(url, this.base).href;
    for (let hops = 0; hops < 10; hops++) {
      const response = await this.go(current);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { response, url: current };
      current = new URL(location, current).href;
      if (stopAt && new URL(current).pathname === stopAt) return { response, url: current };
    }
    throw new Error('too many redirects');
  }

  /** Start → the provider's sign-in page → choose a person → the provider's redirect to the callback. */
  async toCallback(subject: string): Promise<URL> {
    const page = await this.follow('/api/v1/citizen/auth/vneid/start');
    expect(page.response.status).toBe(200);
    const html = await page.response.text();
    expect(html).toContain('Chọn công dân để đăng nhập');
    const post = await this.go(page.url, { method: 'POST', form: { subject } });
    expect(post.status).toBe(303);
    const location = post.headers.get('location') ?? '';
    return new URL((await this.follow(new URL(location, page.url).href, CALLBACK)).url);
  }

  /** The citizen's own API with this browser's session cookie. */
  api(path: string): Promise<Response> {
    return this.go(path);
  }
}

describe('citizen sign-in with VNeID (local provider over HTTP)', () => {
  let platform: TestPlatform;
  let base = '';
  const logs: string[] = [];
  const dossierCodes: Record<string, string> = {};

  async function audit(action: string) {
    return platform.database.sql.query<{
      actor_role: string | null;
      target_id: string | null;
      summary: unknown;
    }>('SELECT actor_role, target_id, summary FROM audit_log WHERE action = $1 ORDER BY id', [action]);
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ logStream: { write: (line) => void logs.push(line) } });
    await platform.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(platform.app.server.address() as AddressInfo).port}`;
    const counter = await signIn(platform.app, 'motcua');
    for (const [i, person] of [HANG, DUC].entries()) {
      const response = await counter.request(
        'POST',
        '/api/v1/dossiers',
        {
          procedureCode: '1.001193',
          applicant: {
            fullName: person.fullName,
            idNumber: person.idNumber,
            phone: person.phone,
            address: 'Số 8, Tổ dân phố số 4, phường Thành Đông',
          },
          documentsReceived: ['to-khai-dang-ky-khai-sinh', 'giay-chung-sinh'],
          channel: 'counter',
        },
        { 'idempotency-key': `citizen-vneid-intake-${i}` },
      );
      expect(response.statusCode, response.body).toBe(201);
      dossierCodes[person.subject] = response.json().code;
    }
  });
  afterAll(async () => {
    await platform?.close();
  });

  it('sends the browser to the provider with PKCE (S256), state and nonce', async () => {
    const browser = new Browser(base);
    const start = await browser.go('/api/v1/citizen/auth/vneid/start');
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location') ?? '');
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${base}/dev-vneid/auth`);
    const params = Object.fromEntries(authorize.searchParams);
    expect(params).toMatchObject({
      response_type: 'code',
      client_id: 'chinh-quyen-than-thien',
      redirect_uri: `${base}${CALLBACK}`,
      scope: 'openid profile phone citizen_id',
      code_challenge_method: 'S256',
      prompt: 'login',
    });
    expect(params.code_challenge).toMatch(/^[\w-]{43}$/);
    expect(params.state).toMatch(/^[\w-]{20,}$/);
    expect(params.nonce).toMatch(/^[\w-]{20,}$/);
    // The state, nonce and verifier stay on the server; the browser holds only an opaque token.
    const pending = await platform.database.sql.query<{ state: string; code_verifier: string }>(
      'SELECT state, code_verifier FROM citizen_oidc_logins',
    );
    expect(pending.map((p) => p.state)).toContain(params.state);
    expect(browser.cookies.get('cqtt_vneid')).toBeDefined();
    expect(browser.cookies.get('cqtt_vneid')).not.toContain(params.state);
  });

  it('signs a citizen in and shows the dossier taken at the counter for their căn cước number', async () => {
    const browser = new Browser(base);
    const callback = await browser.toCallback(HANG.subject);
    expect(callback.searchParams.get('code')).toBeTruthy();
    const landed = await browser.go(callback.href);
    expect(landed.status).toBe(302);
    expect(landed.headers.get('location')).toBe('/ho-so-cua-toi');
    expect(browser.cookies.get('cqtt_citizen')).toBeDefined();

    const me = await (await browser.api('/api/v1/citizen/me')).json();
    expect(me).toMatchObject({
      fullName: 'Nguyễn Thị Hằng',
      idNumber: '031******234',
      phone: '0912***678',
      signInMethod: 'vneid',
    });
    const mine = await (await browser.api('/api/v1/citizen/dossiers')).json();
    expect(mine.matchedBy).toBe('idNumber');
    expect(mine.items).toEqual([
      expect.objectContaining({
        code: dossierCodes[HANG.subject],
        procedureName: expect.stringContaining('khai sinh'),
        status: 'received',
        statusLabel: expect.any(String),
        dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      }),
    ]);
    const [row] = await platform.database.sql.query<Record<string, unknown>>(
      'SELECT vneid_subject, id_number, full_name, phone FROM citizens WHERE vneid_subject = $1',
      [HANG.subject],
    );
    expect(row).toEqual({
      vneid_subject: HANG.subject,
      id_number: HANG.idNumber,
      full_name: HANG.fullName,
      phone: HANG.phone,
    });
    const [login] = await audit('citizen.login');
    expect(login).toMatchObject({ actor_role: 'citizen', summary: { method: 'vneid' } });
  });

  it('never shows one citizen another citizen’s dossiers', async () => {
    const browser = new Browser(base);
    await browser.go((await browser.toCallback(DUC.subject)).href);
    const items = (await (await browser.api('/api/v1/citizen/dossiers')).json()).items as { code: string }[];
    expect(items.map((d) => d.code)).toEqual([dossierCodes[DUC.subject]]);
    // Staff routes stay closed to a citizen, whatever dossier they name.
    const staffRoute = await browser.api(`/api/v1/dossiers/${dossierCodes[HANG.subject]}`);
    expect(staffRoute.status).toBe(401);
  });

  it('refuses a callback whose state was tampered with, and the genuine one after it', async () => {
    const browser = new Browser(base);
    const callback = await browser.toCallback(HANG.subject);
    const tampered = new URL(callback);
    tampered.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    const refused = await browser.go(tampered.href);
    expect(refused.status).toBe(302);
    expect(refused.headers.get('location')).toBe('/dang-nhap?loi=vneid_failed');
    expect(browser.cookies.has('cqtt_citizen')).toBe(false);
    // The sign-in under way is used up by the refused answer.
    const replay = await browser.go(callback.href);
    expect(replay.headers.get('location')).toBe('/dang-nhap?loi=vneid_failed');
    expect(browser.cookies.has('cqtt_citizen')).toBe(false);
    const failures = await audit('citizen.login_failed');
    expect(failures.map((f) => f.summary)).toEqual(
      expect.arrayContaining([
        { method: 'vneid', reason: 'OAUTH_INVALID_RESPONSE' },
        { method: 'vneid', reason: 'no_sign_in_under_way' },
      ]),
    );
  });

  it('needs the PKCE verifier: the provider refuses a request without a challenge and an exchange with a wrong verifier', async () => {
    const browser = new Browser(base);
    const noChallenge = new URL('/dev-vneid/auth', base);
    noChallenge.search = new URLSearchParams({
      client_id: 'chinh-quyen-than-thien',
      response_type: 'code',
      scope: 'openid',
      redirect_uri: `${base}${CALLBACK}`,
      state: 'khong-co-pkce',
    }).toString();
    const refused = new URL((await browser.go(noChallenge.href)).headers.get('location') ?? '', base);
    expect(refused.pathname).toBe(CALLBACK);
    expect(refused.searchParams.get('error')).toBe('invalid_request');
    expect(refused.searchParams.get('error_description')).toMatch(/PKCE/);

    const callback = await browser.toCallback(HANG.subject);
    await platform.database.sql.query(
      "UPDATE citizen_oidc_logins SET code_verifier = 'sai-ma-xac-minh-pkce-sai-ma-xac-minh-pkce-00'",
    );
    const wrongVerifier = await browser.go(callback.href);
    expect(wrongVerifier.headers.get('location')).toBe('/dang-nhap?loi=vneid_failed');
    expect(browser.cookies.has('cqtt_citizen')).toBe(false);
    const failures = await audit('citizen.login_failed');
    expect(failures.at(-1)?.summary).toEqual({ method: 'vneid', reason: 'provider:invalid_grant' });
  });

  it('goes back to the sign-in page, cancelled, when the person declines at the provider', async () => {
    const browser = new Browser(base);
    const callback = await browser.toCallback('');
    expect(callback.searchParams.get('error')).toBe('access_denied');
    const back = await browser.go(callback.href);
    expect(back.headers.get('location')).toBe('/dang-nhap?loi=vneid_cancelled');
  });

  it('serves no stand-in provider in production, nor beside a configured VNeID', async () => {
    const configs = [
      { ...readConfig({}), production: true },
      readConfig({ VNEID_ISSUER: 'https://vneid.example.vn/oidc', VNEID_CLIENT_ID: 'phuong-10507' }),
    ];
    for (const config of configs) {
      const { database } = platform;
      const calendar = new CalendarService(database.db);
      const app = await buildApp({ database, config, calendar, clock: systemClock }, ROUTES, {
        logger: false,
      });
      try {
        // Listening, as the stand-in needs in order to answer at all.
        await app.listen({ port: 0, host: '127.0.0.1' });
        const { port } = app.server.address() as AddressInfo;
        const discovery = await fetch(`http://127.0.0.1:${port}/dev-vneid/.well-known/openid-configuration`);
        expect(await discovery.text()).not.toContain('authorization_endpoint');
      } finally {
        await app.close();
      }
    }
  });

  it('writes no căn cước number nor phone to the logs', () => {
    const text = logs.join('');
    expect(text).toContain('/api/v1/citizen/auth/vneid/callback');
    for (const person of [HANG, DUC]) {
      expect(text).not.toContain(person.idNumber);
      expect(text).not.toContain(person.phone.slice(1));
    }
  });
});
