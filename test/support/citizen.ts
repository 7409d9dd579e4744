import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Database } from '../../src/platform/db/connect';

/** The code in the last sign-in SMS the outbox holds for the phone (the local SMS adapter's "inbox"). */
export async function lastOtpCode(database: Database, phone: string): Promise<string> {
  const [row] = await database.sql.query<{ body: string }>(
    "SELECT body FROM outbox_messages WHERE recipient = $1 AND template_key = 'citizen.otp' ORDER BY created_at DESC, id LIMIT 1",
    [phone],
  );
  const code = /^(\d{6}) /.exec(row?.body ?? '')?.[1];
  if (!code) throw new Error('no sign-in code in the outbox for this phone');
  return code;
}

export interface CitizenAgent {
  cookie: string;
  csrfToken: string;
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

export function citizenCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'cqtt_citizen');
  if (!cookie) throw new Error(`no citizen session cookie: ${response.statusCode} ${response.body}`);
  return `${cookie.name}=${cookie.value}`;
}

/** Signs a citizen in by phone: asks for a code, reads it from the outbox, sends it back. */
export async function signInCitizenByPhone(
  app: FastifyInstance,
  database: Database,
  phone: string,
): Promise<CitizenAgent> {
  const sent = await app.inject({ method: 'POST', url: '/api/v1/citizen/auth/otp', payload: { phone } });
  if (sent.statusCode !== 200) throw new Error(`OTP request: ${sent.statusCode} ${sent.body}`);
  const verify = await app.inject({
    method: 'POST',
    url: '/api/v1/citizen/auth/otp/verify',
    payload: { phone, code: await lastOtpCode(database, phone) },
  });
  if (verify.statusCode !== 200) throw new Error(`OTP verify: ${verify.statusCode} ${verify.body}`);
  const agent: CitizenAgent = {
    cookie: citizenCookie(verify),
    csrfToken: verify.json<{ csrfToken: string }>().csrfToken,
    request: (method, url, body, headers = {}) =>
      app.inject({
        method: method as never,
        url,
        payload: body as never,
        headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrfToken, ...headers },
      }),
  };
  return agent;
}
