import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/platform/wards/demo-data';
import { signIn, startTestPlatform, totpCode, type TestPlatform } from '../support/app';

const LOGIN = '/api/v1/auth/login';

function login(app: FastifyInstance, username: string, password: string) {
  return app.inject({ method: 'POST', url: LOGIN, payload: { username, password } });
}

function cookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'cqtt_session');
  if (!cookie) throw new Error(`no session cookie: ${response.statusCode} ${response.body}`);
  return `${cookie.name}=${cookie.value}`;
}

function send(
  app: FastifyInstance,
  cookie: string,
  method: string,
  url: string,
  body?: unknown,
  csrf?: string,
) {
  const headers: Record<string, string> = { cookie };
  if (csrf !== undefined) headers['x-csrf-token'] = csrf;
  return app.inject({ method: method as never, url, payload: body as never, headers });
}

/** A 6-digit code that is valid at none of the steps the server accepts (now, and one step either way). */
async function wrongCode(secret: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const valid = new Set<string>();
  for (const offset of [-90, -60, -30, 0, 30, 60, 90])
    valid.add(await generate({ secret, epoch: now + offset }));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}

describe('staff authentication', () => {
  let platform: TestPlatform;
  let app: FastifyInstance;
  beforeAll(async () => {
    platform = await startTestPlatform();
    app = platform.app;
  });
  afterAll(() => platform.close());

  it('login sets an HttpOnly, SameSite=Lax session cookie and returns the CSRF token', async () => {
    const response = await login(app, 'motcua', DEMO_PASSWORD);
    expect(response.statusCode).toBe(200);
    const body = response.json<{ csrfToken: string; totpRequired: boolean }>();
    expect(body.totpRequired).toBe(false);
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const cookie = response.cookies.find((c) => c.name === 'cqtt_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.value.length).toBeGreaterThanOrEqual(40);
    expect(cookie?.maxAge).toBe(10 * 3600);
    // The token is not in the body, and the body's CSRF token is not the cookie.
    expect(response.body).not.toContain(cookie?.value ?? '');
    const me = await send(app, cookieOf(response), 'GET', '/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      username: 'motcua',
      fullName: 'Trần Thị Hằng',
      role: 'counter_officer',
      ward: { code: '10507', name: 'Phường Thành Đông' },
      csrfToken: body.csrfToken,
      mustEnrolTotp: false,
    });
  });

  it('a mutation without or with a wrong X-CSRF-Token is refused with 403 CSRF_FAILED', async () => {
    const agent = await signIn(app, 'chuyenvien');
    const expected = {
      error: {
        code: 'CSRF_FAILED',
        message: 'Phiên làm việc không hợp lệ. Xin vui lòng tải lại trang và thử lại.',
      },
    };
    const without = await send(app, agent.cookie, 'POST', '/api/v1/auth/logout');
    expect(without.statusCode).toBe(403);
    expect(without.json()).toEqual(expected);
    const wrong = await send(app, agent.cookie, 'POST', '/api/v1/auth/logout', undefined, 'not-the-token');
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toEqual(expected);
    // The session is still alive: nothing was done.
    expect((await agent.request('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    // Reads need no token.
    expect((await send(app, agent.cookie, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('a wrong username and a wrong password give the same 401 INVALID_CREDENTIALS', async () => {
    const unknown = await login(app, 'khong-ton-tai', DEMO_PASSWORD);
    const wrongPassword = await login(app, 'truongphong', 'sai-mat-khau-1');
    expect(unknown.statusCode).toBe(401);
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknown.json()).toEqual({
      error: { code: 'INVALID_CREDENTIALS', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' },
    });
    expect(wrongPassword.body).toBe(unknown.body);
    expect(unknown.cookies).toEqual([]);
    expect(wrongPassword.cookies).toEqual([]);
  });

  it('five wrong passwords lock the account: 423 ACCOUNT_LOCKED even with the right password', async () => {
    for (let i = 1; i <= 5; i++) {
      const response = await login(app, 'giamsat', `sai-mat-khau-${i}`);
      expect(response.statusCode, `attempt ${i}`).toBe(401);
    }
    const locked = await login(app, 'giamsat', DEMO_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json()).toEqual({
      error: {
        code: 'ACCOUNT_LOCKED',
        message: 'Tài khoản tạm khóa do nhập sai nhiều lần. Xin vui lòng thử lại sau 15 phút.',
      },
    });
    expect(locked.cookies).toEqual([]);
    const [row] = await platform.database.sql.query<{ locked: boolean }>(
      "SELECT locked_until > now() + interval '14 minutes' AS locked FROM staff_accounts WHERE username = 'giamsat'",
    );
    expect(row?.locked).toBe(true);
    // Another account is not affected.
    expect((await login(app, 'totruong', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('a leader must enrol TOTP first, then signs in with the code', async () => {
    const first = await login(app, 'chutich', DEMO_PASSWORD);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ totpRequired: false });
    const cookie = cookieOf(first);
    const csrf = first.json<{ csrfToken: string }>().csrfToken;

    const me = await send(app, cookie, 'GET', '/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ mustEnrolTotp: true, permissions: [] });
    const units = await send(app, cookie, 'GET', '/api/v1/wards/10507/units');
    expect(units.statusCode).toBe(403);
    expect(units.json()).toEqual({
      error: {
        code: 'TOTP_ENROLMENT_REQUIRED',
        message: 'Xin vui lòng thiết lập xác thực hai bước trước khi tiếp tục.',
      },
    });

    const enrolment = await send(app, cookie, 'POST', '/api/v1/auth/totp/enrolment', undefined, csrf);
    expect(enrolment.statusCode).toBe(200);
    const { secret, otpauthUrl, qrSvg } = enrolment.json<{
      secret: string;
      otpauthUrl: string;
      qrSvg: string;
    }>();
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(qrSvg).toContain('<svg');
    const badConfirm = await send(
      app,
      cookie,
      'POST',
      '/api/v1/auth/totp/enrolment/confirm',
      {
        code: await wrongCode(secret),
      },
      csrf,
    );
    expect(badConfirm.statusCode).toBe(401);
    expect(badConfirm.json().error.code).toBe('INVALID_TOTP');
    const confirm = await send(
      app,
      cookie,
      'POST',
      '/api/v1/auth/totp/enrolment/confirm',
      { code: await generate({ secret }) },
      csrf,
    );
    expect(confirm.statusCode).toBe(204);
    const after = await send(app, cookie, 'GET', '/api/v1/wards/10507/units');
    expect(after.statusCode).toBe(200);

    // A new sign-in now stops after the password.
    const second = await login(app, 'chutich', DEMO_PASSWORD);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ totpRequired: true });
    const halfCookie = cookieOf(second);
    const halfCsrf = second.json<{ csrfToken: string }>().csrfToken;
    const early = await send(app, halfCookie, 'GET', '/api/v1/auth/me');
    expect(early.statusCode).toBe(401);
    expect(early.json()).toEqual({
      error: { code: 'UNAUTHENTICATED', message: 'Xin vui lòng nhập mã xác thực hai bước.' },
    });
    expect((await send(app, halfCookie, 'GET', '/api/v1/wards/10507/units')).statusCode).toBe(401);

    const wrong = await send(
      app,
      halfCookie,
      'POST',
      '/api/v1/auth/totp',
      { code: await wrongCode(secret) },
      halfCsrf,
    );
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual({
      error: { code: 'INVALID_TOTP', message: 'Mã xác thực không đúng hoặc đã hết hạn.' },
    });
    const malformed = await send(app, halfCookie, 'POST', '/api/v1/auth/totp', { code: '12ab56' }, halfCsrf);
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.fields).toHaveProperty('code');

    // The code the enrolment used is spent; the next step's code is accepted (one step of drift).
    const spent = await send(
      app,
      halfCookie,
      'POST',
      '/api/v1/auth/totp',
      { code: await totpCode(secret) },
      halfCsrf,
    );
    expect(spent.statusCode).toBe(401);
    const nextCode = await totpCode(secret, 1);
    const right = await send(app, halfCookie, 'POST', '/api/v1/auth/totp', { code: nextCode }, halfCsrf);
    expect(right.statusCode).toBe(200);
    expect(right.json()).toEqual({ csrfToken: halfCsrf });
    const full = await send(app, halfCookie, 'GET', '/api/v1/auth/me');
    expect(full.statusCode).toBe(200);
    expect(full.json()).toMatchObject({ username: 'chutich', role: 'ward_leader', mustEnrolTotp: false });
    expect(full.json().permissions).toContain('staff.contact.read');
    expect((await send(app, halfCookie, 'GET', '/api/v1/wards/10507/units')).statusCode).toBe(200);
    // A code is good once: replaying it on a new half-signed-in session is refused.
    const third = await login(app, 'chutich', DEMO_PASSWORD);
    const replay = await send(
      app,
      cookieOf(third),
      'POST',
      '/api/v1/auth/totp',
      { code: nextCode },
      third.json<{ csrfToken: string }>().csrfToken,
    );
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('INVALID_TOTP');
    // A full session cannot go through the TOTP step again.
    const again = await send(
      app,
      halfCookie,
      'POST',
      '/api/v1/auth/totp',
      { code: await generate({ secret }) },
      halfCsrf,
    );
    expect(again.statusCode).toBe(403);
    expect(again.json().error.code).toBe('FORBIDDEN');
  });

  it('password change: checks the current and the new password, ends other sessions', async () => {
    const agent = await signIn(app, 'truongphong');
    const other = await signIn(app, 'truongphong');
    const url = '/api/v1/auth/password';

    const wrongCurrent = await agent.request('POST', url, {
      currentPassword: 'khong-phai-mat-khau-1',
      newPassword: 'MatKhauMoi-2030',
    });
    expect(wrongCurrent.statusCode).toBe(400);
    expect(wrongCurrent.json()).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Mật khẩu hiện tại không đúng.',
        fields: { currentPassword: 'Mật khẩu hiện tại không đúng.' },
      },
    });

    for (const [weak, message] of [
      ['ngan-1', 'Mật khẩu cần ít nhất 10 ký tự.'],
      ['khongcoso-nao', 'Mật khẩu cần có cả chữ và số.'],
      ['Truongphong-2030', 'Mật khẩu không được chứa tên đăng nhập.'],
    ] as const) {
      const response = await agent.request('POST', url, {
        currentPassword: DEMO_PASSWORD,
        newPassword: weak,
      });
      expect(response.statusCode, weak).toBe(400);
      expect(response.json().error).toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: { newPassword: message },
      });
    }
    // Nothing changed so far: the other session is alive.
    expect((await other.request('GET', '/api/v1/auth/me')).statusCode).toBe(200);

    const changed = await agent.request('POST', url, {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'MatKhauMoi-2030',
    });
    expect(changed.statusCode).toBe(204);
    expect((await agent.request('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    const ended = await other.request('GET', '/api/v1/auth/me');
    expect(ended.statusCode).toBe(401);
    expect(ended.json().error.code).toBe('UNAUTHENTICATED');

    expect((await login(app, 'truongphong', 'MatKhauMoi-2030')).statusCode).toBe(200);
    const old = await login(app, 'truongphong', DEMO_PASSWORD);
    expect(old.statusCode).toBe(401);
    expect(old.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('logout ends the session and clears the cookie', async () => {
    const agent = await signIn(app, 'motcua');
    const out = await agent.request('POST', '/api/v1/auth/logout');
    expect(out.statusCode).toBe(204);
    const cleared = out.cookies.find((c) => c.name === 'cqtt_session');
    expect(cleared?.value).toBe('');
    const after = await agent.request('GET', '/api/v1/auth/me');
    expect(after.statusCode).toBe(401);
    expect(after.json()).toEqual({
      error: { code: 'UNAUTHENTICATED', message: 'Xin vui lòng đăng nhập để tiếp tục.' },
    });
    const [row] = await platform.database.sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM staff_sessions s JOIN staff_accounts a ON a.id = s.staff_id WHERE a.username = 'motcua'",
    );
    // The first test's session of motcua remains; the one signed out is gone.
    expect(row?.n).toBe(1);
  });
});

describe('login rate limit (real limits)', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform({ rateLimitFactor: 1 });
  });
  afterAll(() => platform.close());

  it('the 11th login attempt within a minute gets 429 RATE_LIMITED', async () => {
    for (let i = 1; i <= 10; i++) {
      const response = await login(platform.app, 'khong-ton-tai', `sai-mat-khau-${i}`);
      expect(response.statusCode, `attempt ${i}`).toBe(401);
    }
    const limited = await login(platform.app, 'motcua', DEMO_PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({
      error: {
        code: 'RATE_LIMITED',
        message: 'Bạn thao tác quá nhanh. Xin vui lòng đợi một lát rồi thử lại.',
      },
    });
    expect(limited.headers['retry-after']).toBeDefined();
    // Other routes have their own, larger budget.
    expect((await platform.app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
  });
});
