import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/platform/clock';
import { signIn, startTestPlatform, type TestPlatform } from '../support/app';
import { citizenCookie, lastOtpCode, signInCitizenByPhone } from '../support/citizen';

// Citizens signing in by phone and a one-time code sent by SMS (through the channels' outbox).
const clock = manualClock(new Date('2026-03-10T09:00:00+07:00'));
const PHONE = '0987654321';
const OTHER_PHONE = '0978123456';

describe('citizen sign-in by phone and one-time code', () => {
  let platform: TestPlatform;
  const logs: string[] = [];
  let phones = 0;
  /** A phone no earlier test has used, so the per-phone limit starts afresh. */
  const freshPhone = () => `0903${String(++phones).padStart(6, '0')}`;

  const requestCode = (phone: string) =>
    platform.app.inject({ method: 'POST', url: '/api/v1/citizen/auth/otp', payload: { phone } });
  const verify = (phone: string, code: string) =>
    platform.app.inject({ method: 'POST', url: '/api/v1/citizen/auth/otp/verify', payload: { phone, code } });
  const wrong = (code: string) => (code === '000000' ? '000001' : '000000');

  let intakes = 0;
  async function intake(idNumber: string, phone: string): Promise<string> {
    const counter = await signIn(platform.app, 'motcua');
    const body = {
      procedureCode: '1.001193',
      applicant: {
        fullName: 'Lê Thị Mai',
        idNumber,
        phone,
        address: 'Số 3, Tổ dân phố số 2, phường Thành Đông',
      },
      documentsReceived: ['to-khai-dang-ky-khai-sinh', 'giay-chung-sinh'],
      channel: 'counter',
    };
    const response = await counter.request('POST', '/api/v1/dossiers', body, {
      'idempotency-key': `citizen-otp-intake-${++intakes}`,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().code;
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ clock, logStream: { write: (line) => void logs.push(line) } });
  });
  afterAll(async () => {
    await platform?.close();
  });

  it('sends a six-digit code by SMS through the outbox, answering with the phone masked', async () => {
    const response = await requestCode('+84 987 654 321');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ phone: '0987***321', maxTries: 5 });
    expect(response.json().expiresAt).toBe('2026-03-10T02:05:00.000Z');
    const [message] = await platform.database.sql.query<Record<string, unknown>>(
      "SELECT channel, recipient, reference_id, status, body FROM outbox_messages WHERE template_key = 'citizen.otp'",
    );
    expect(message).toMatchObject({
      channel: 'sms',
      recipient: PHONE,
      reference_id: null,
      status: 'pending',
    });
    expect(String(message?.body)).toMatch(/^\d{6} la ma dang nhap .*5 phut/);
    const [stored] = await platform.database.sql.query<{ code_hash: string }>(
      'SELECT code_hash FROM citizen_otp_codes WHERE phone = $1',
      [PHONE],
    );
    expect(stored?.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.code_hash).not.toContain(await lastOtpCode(platform.database, PHONE));
  });

  it('refuses a phone that is not a Vietnamese number, naming the field in Vietnamese', async () => {
    for (const phone of ['12345', '1912345678', '+85 912 345 678']) {
      const response = await requestCode(phone);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
      expect(response.json().error.fields.phone).toMatch(/10 chữ số, bắt đầu bằng 0/);
    }
    const badCode = await verify(PHONE, '12ab');
    expect(badCode.json().error.fields.code).toMatch(/6 chữ số/);
  });

  it('counts a wrong code and says how many tries are left', async () => {
    const code = await lastOtpCode(platform.database, PHONE);
    const response = await verify(PHONE, wrong(code));
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toMatchObject({ code: 'OTP_INVALID' });
    expect(response.json().error.fields.code).toBe('Mã xác thực không đúng. Bạn còn 4 lần thử.');
    const [row] = await platform.database.sql.query<{ attempts: number }>(
      'SELECT attempts FROM citizen_otp_codes WHERE phone = $1',
      [PHONE],
    );
    expect(row?.attempts).toBe(1);
  });

  it('refuses the sixth try even with the right code, after five wrong ones', async () => {
    const phone = freshPhone();
    await requestCode(phone);
    const code = await lastOtpCode(platform.database, phone);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await verify(phone, wrong(code))).json().error.fields.code);
    expect(answers[3]).toMatch(/còn 1 lần thử/);
    expect(answers[4]).toMatch(/nhập sai 5 lần/);
    const sixth = await verify(phone, code);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error.code).toBe('OTP_EXHAUSTED');
    expect(sixth.cookies.find((c) => c.name === 'cqtt_citizen')).toBeUndefined();
  });

  it('refuses a code after its five minutes', async () => {
    const phone = freshPhone();
    await requestCode(phone);
    const code = await lastOtpCode(platform.database, phone);
    clock.advance(5 * 60_000);
    const late = await verify(phone, code);
    expect(late.statusCode).toBe(401);
    expect(late.json().error.fields.code).toMatch(/đã hết hạn/);
    clock.advance(-5 * 60_000);
  });

  it('sends at most three codes to a phone in fifteen minutes', async () => {
    const phone = freshPhone();
    for (let i = 0; i < 3; i++) expect((await requestCode(phone)).statusCode).toBe(200);
    const fourth = await requestCode(phone);
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().error.code).toBe('RATE_LIMITED');
    expect(fourth.json().error.fields.phone).toMatch(/3 mã trong 15 phút/);
    clock.advance(15 * 60_000 + 1000);
    expect((await requestCode(phone)).statusCode).toBe(200);
    // Only the latest code counts.
    const latest = await lastOtpCode(platform.database, phone);
    expect((await verify(phone, latest)).statusCode).toBe(200);
  });

  it('signs in with the right code, once, and shows the dossiers given that phone at the counter', async () => {
    const mine = await intake('031190002345', PHONE);
    const someoneElses = await intake('031088007777', OTHER_PHONE);
    await requestCode(PHONE);
    const code = await lastOtpCode(platform.database, PHONE);
    const response = await verify(PHONE, code);
    expect(response.statusCode, response.body).toBe(200);
    const cookie = citizenCookie(response);
    expect(response.cookies.find((c) => c.name === 'cqtt_citizen')).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
    });
    expect((await verify(PHONE, code)).statusCode).toBe(401);

    const me = await platform.app.inject({ method: 'GET', url: '/api/v1/citizen/me', headers: { cookie } });
    expect(me.json()).toMatchObject({
      fullName: null,
      phone: '0987***321',
      idNumber: null,
      signInMethod: 'otp',
    });
    const dossiers = await platform.app.inject({
      method: 'GET',
      url: '/api/v1/citizen/dossiers',
      headers: { cookie },
    });
    expect(dossiers.json().matchedBy).toBe('phone');
    const codes = dossiers.json().items.map((d: { code: string }) => d.code);
    expect(codes).toContain(mine);
    expect(codes).not.toContain(someoneElses);
  });

  it('keeps citizens and staff apart: each is refused the other’s routes', async () => {
    const citizen = await signInCitizenByPhone(platform.app, platform.database, freshPhone());
    const someDossier = await intake('031088007777', OTHER_PHONE);
    for (const url of ['/api/v1/auth/me', '/api/v1/dossiers', `/api/v1/dossiers/${someDossier}`]) {
      const response = await citizen.request('GET', url);
      expect(response.statusCode, url).toBe(401);
    }
    const staff = await signIn(platform.app, 'motcua');
    for (const url of ['/api/v1/citizen/me', '/api/v1/citizen/dossiers']) {
      const response = await staff.request('GET', url);
      expect(response.statusCode, url).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
    // A browser holding both sessions is the citizen on citizen routes.
    const both = await platform.app.inject({
      method: 'GET',
      url: '/api/v1/citizen/me',
      headers: { cookie: `${staff.cookie}; ${citizen.cookie}` },
    });
    expect(both.statusCode).toBe(200);
  });

  it('signs out with the CSRF token only', async () => {
    const citizen = await signInCitizenByPhone(platform.app, platform.database, freshPhone());
    const forged = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/citizen/auth/sign-out',
      headers: { cookie: citizen.cookie },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('CSRF_FAILED');
    expect((await citizen.request('POST', '/api/v1/citizen/auth/sign-out')).statusCode).toBe(204);
    expect((await citizen.request('GET', '/api/v1/citizen/me')).statusCode).toBe(401);
  });

  it('audits codes sent, refused tries, sign-ins and sign-outs without the phone', async () => {
    const rows = await platform.database.sql.query<{
      action: string;
      actor_role: string | null;
      summary: unknown;
    }>(
      "SELECT action, actor_role, summary, target_type, target_id FROM audit_log WHERE action LIKE 'citizen.%' ORDER BY id",
    );
    const actions = new Set(rows.map((r) => r.action));
    expect([...actions].sort()).toEqual([
      'citizen.login',
      'citizen.login_failed',
      'citizen.logout',
      'citizen.otp_sent',
    ]);
    expect(rows.find((r) => r.action === 'citizen.login')).toMatchObject({
      actor_role: 'citizen',
      summary: { method: 'otp' },
    });
    expect(rows.find((r) => r.action === 'citizen.login_failed')?.summary).toEqual({
      method: 'otp',
      reason: 'wrong_code',
    });
    expect(JSON.stringify(rows)).not.toMatch(/0987654321|987654321|0903\d{6}/);
  });

  it('writes no phone number nor code to the logs', async () => {
    const text = logs.join('');
    expect(text).toContain('/api/v1/citizen/auth/otp/verify');
    expect(text).not.toMatch(/0987654321|987654321|0903\d{6}|0978123456/);
    expect(text).not.toMatch(/\b\d{6} la ma dang nhap/);
  });
});

describe('citizen sign-in limits per address', () => {
  it('allows ten code requests a quarter of an hour from one address', async () => {
    const platform = await startTestPlatform({ rateLimitFactor: 1 });
    try {
      const statuses = [];
      for (let i = 0; i < 11; i++) {
        const phone = `0904${String(i).padStart(6, '0')}`;
        const response = await platform.app.inject({
          method: 'POST',
          url: '/api/v1/citizen/auth/otp',
          payload: { phone },
        });
        statuses.push(response.statusCode);
      }
      expect(statuses).toEqual([...Array(10).fill(200), 429]);
    } finally {
      await platform.close();
    }
  });
});
