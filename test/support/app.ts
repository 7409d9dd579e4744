import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import { CalendarService } from '../../src/platform/calendar/service';
import { systemClock, type Clock } from '../../src/platform/clock';
import { readConfig } from '../../src/platform/config';
import type { Database } from '../../src/platform/db/connect';
import { buildApp } from '../../src/platform/http/app';
import { ROUTES } from '../../src/routes';
import { runSeeds } from '../../src/seed';
import { DEMO_PASSWORD } from '../../src/platform/wards/demo-data';
import { openTestDatabase } from './db';

export interface TestPlatform {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

/** The whole platform on a fresh database with the demo wards seeded, driven through `app.inject`. */
export async function startTestPlatform(
  options: { rateLimitFactor?: number; clock?: Clock; logStream?: { write(line: string): void } } = {},
): Promise<TestPlatform> {
  const database = await openTestDatabase();
  await runSeeds(database, { demo: true });
  // With a log stream, every line down to debug is written to it (tests that check what logs hold).
  const config = { ...readConfig({ LOG_LEVEL: 'debug' }), production: false };
  const app = await buildApp(
    { database, config, calendar: new CalendarService(database.db), clock: options.clock ?? systemClock },
    ROUTES,
    {
      logger: options.logStream !== undefined,
      logStream: options.logStream,
      rateLimitFactor: options.rateLimitFactor ?? 1000,
    },
  );
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export interface Agent {
  username: string;
  cookie: string;
  csrfToken: string;
  totpSecret?: string;
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'cqtt_session');
  if (!cookie) throw new Error(`no session cookie: ${response.statusCode} ${response.body}`);
  return `${cookie.name}=${cookie.value}`;
}

/**
 * A TOTP code for the current 30-second step, or for a later one: the server accepts one step of drift and
 * refuses a code it has already accepted, so a second sign-in within the same step uses the next step's code.
 */
export function totpCode(secret: string, stepsAhead = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 * stepsAhead });
}

/**
 * Signs a demo account in, enrolling TOTP on the way when its role requires it (as a new leader would on
 * first sign-in), and returns an agent that sends the cookie and the CSRF token.
 */
export async function signIn(
  app: FastifyInstance,
  username: string,
  password = DEMO_PASSWORD,
): Promise<Agent> {
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  if (login.statusCode !== 200) throw new Error(`login ${username}: ${login.statusCode} ${login.body}`);
  const { csrfToken } = login.json<{ csrfToken: string }>();
  const agent: Agent = {
    username,
    cookie: sessionCookie(login),
    csrfToken,
    request: (method, url, body, headers = {}) =>
      app.inject({
        method: method as never,
        url,
        payload: body as never,
        headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrfToken, ...headers },
      }),
  };
  const me = (await agent.request('GET', '/api/v1/auth/me')).json<{ mustEnrolTotp: boolean }>();
  if (me.mustEnrolTotp) {
    const enrolment = await agent.request('POST', '/api/v1/auth/totp/enrolment');
    const { secret } = enrolment.json<{ secret: string }>();
    const confirm = await agent.request('POST', '/api/v1/auth/totp/enrolment/confirm', {
      code: await totpCode(secret),
    });
    if (confirm.statusCode !== 204) throw new Error(`TOTP enrolment ${username}: ${confirm.body}`);
    agent.totpSecret = secret;
  }
  return agent;
}
