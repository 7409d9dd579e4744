/* eslint-disable max-lines -- THE role × route table has one row per /api/v1 route and grows with the API */
import diagnostics from 'node:diagnostics_channel';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/platform/auth/roles';
import { DEMO_OFFICE_HOURS, DEMO_PASSWORD } from '../../src/platform/wards/demo-data';
import { signIn, startTestPlatform, type Agent, type TestPlatform } from '../support/app';

/**
 * THE role × route table: every /api/v1 route of the app and who may call it. A new route fails this file
 * until it has a row here (and a policy in its declaration); a row whose route disappeared fails too.
 */
type Access = 'public' | readonly Role[];

const EVERY_ROLE: readonly Role[] = [
  'counter_officer',
  'department_officer',
  'department_head',
  'ward_leader',
  'group_head',
  'supervisor',
  'city_reviewer',
  'ward_admin',
  'system_admin',
];
const NO_FULL_SESSION: readonly Role[] = []; // the TOTP step: only a session that passed the password alone
const DOSSIER_READERS: readonly Role[] = [
  'counter_officer',
  'department_officer',
  'department_head',
  'ward_leader',
  'ward_admin',
  'supervisor',
];
const ENROLLED_AT_SIGN_IN: readonly Role[] = ['ward_leader', 'ward_admin', 'system_admin'];

const DEMO_ACCOUNT: Record<Role, string> = {
  counter_officer: 'motcua',
  department_officer: 'chuyenvien',
  department_head: 'truongphong',
  ward_leader: 'chutich',
  group_head: 'totruong',
  supervisor: 'giamsat',
  city_reviewer: 'thanhpho',
  ward_admin: 'quantri',
  system_admin: 'hethong',
};

const WARD = '10507';
const ADJUSTED_DAY = '2030-01-07';
const TEMPORARY_PASSWORD = 'Tam-thoi-2030x';

type Send = (
  method: string,
  url: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<LightMyRequestResponse>;
interface Caller {
  role: Role | null;
  send: Send;
}
interface Row {
  route: string;
  access: Access;
  /** The status an allowed call answers with. */
  ok: number | ((role: Role | null) => number);
  call(caller: Caller): Promise<LightMyRequestResponse>;
}

let staffId = '';
let unitId = '';
let dossierCode = '';
let intakes = 0;
const enrolmentSecrets = new Map<Role, string>();

// Execution order matters: enrolment before its confirmation, the adjustment before its deletion, logout last.
const TABLE: Row[] = [
  { route: 'GET /api/v1/health', access: 'public', ok: 200, call: (c) => c.send('GET', '/api/v1/health') },
  {
    route: 'GET /api/v1/portal',
    access: 'public',
    ok: 200,
    call: (c) => c.send('GET', '/api/v1/portal'),
  },
  {
    route: 'GET /api/v1/calendar/due-date',
    access: 'public',
    ok: 200,
    call: (c) =>
      c.send('GET', '/api/v1/calendar/due-date?receivedAt=2026-03-10T10:00:00%2B07:00&workingDays=1'),
  },
  {
    route: 'GET /api/v1/calendar/days',
    access: 'public',
    ok: 200,
    call: (c) => c.send('GET', '/api/v1/calendar/days?year=2026'),
  },
  {
    route: 'POST /api/v1/auth/login',
    access: 'public',
    ok: 200,
    call: (c) => c.send('POST', '/api/v1/auth/login', { username: 'thanhpho', password: DEMO_PASSWORD }),
  },
  {
    route: 'POST /api/v1/auth/totp',
    access: NO_FULL_SESSION,
    ok: 200,
    call: (c) => c.send('POST', '/api/v1/auth/totp', { code: '123456' }),
  },
  {
    route: 'GET /api/v1/auth/me',
    access: EVERY_ROLE,
    ok: 200,
    call: (c) => c.send('GET', '/api/v1/auth/me'),
  },
  {
    route: 'POST /api/v1/auth/totp/enrolment',
    access: EVERY_ROLE,
    ok: (role) => (role && ENROLLED_AT_SIGN_IN.includes(role) ? 409 : 200),
    call: async (c) => {
      const response = await c.send('POST', '/api/v1/auth/totp/enrolment');
      if (c.role && response.statusCode === 200) enrolmentSecrets.set(c.role, response.json().secret);
      return response;
    },
  },
  {
    route: 'POST /api/v1/auth/totp/enrolment/confirm',
    access: EVERY_ROLE,
    ok: (role) => (role && ENROLLED_AT_SIGN_IN.includes(role) ? 409 : 204),
    call: async (c) => {
      const secret = c.role ? enrolmentSecrets.get(c.role) : undefined;
      const code = secret ? await generate({ secret }) : '123456';
      return c.send('POST', '/api/v1/auth/totp/enrolment/confirm', { code });
    },
  },
  {
    route: 'POST /api/v1/auth/password',
    access: EVERY_ROLE,
    ok: 204,
    call: async (c) => {
      const body = { currentPassword: DEMO_PASSWORD, newPassword: TEMPORARY_PASSWORD };
      const response = await c.send('POST', '/api/v1/auth/password', body);
      if (response.statusCode === 204) {
        // Put the demo password back so the account stays usable.
        const back = { currentPassword: TEMPORARY_PASSWORD, newPassword: DEMO_PASSWORD };
        expect((await c.send('POST', '/api/v1/auth/password', back)).statusCode).toBe(204);
      }
      return response;
    },
  },
  {
    route: 'POST /api/v1/calendar/adjustments',
    access: ['system_admin'],
    ok: 201,
    call: (c) =>
      c.send('POST', '/api/v1/calendar/adjustments', {
        date: ADJUSTED_DAY,
        kind: 'day_off',
        reason: 'Nghỉ thử nghiệm của bảng phân quyền',
        legalBasis: 'Quyết định thử nghiệm số 1/2030',
      }),
  },
  {
    route: 'DELETE /api/v1/calendar/adjustments/:date',
    access: ['system_admin'],
    ok: 204,
    call: (c) => c.send('DELETE', `/api/v1/calendar/adjustments/${ADJUSTED_DAY}`),
  },
  {
    route: 'GET /api/v1/wards/:code/settings',
    access: EVERY_ROLE,
    ok: 200,
    call: (c) => c.send('GET', `/api/v1/wards/${WARD}/settings`),
  },
  {
    route: 'PUT /api/v1/wards/:code/settings',
    access: ['ward_admin', 'system_admin'],
    ok: 200,
    call: (c) => c.send('PUT', `/api/v1/wards/${WARD}/settings`, { officeHours: DEMO_OFFICE_HOURS }),
  },
  {
    route: 'GET /api/v1/wards/:code/units',
    access: EVERY_ROLE,
    ok: 200,
    call: (c) => c.send('GET', `/api/v1/wards/${WARD}/units`),
  },
  {
    route: 'GET /api/v1/wards/:code/residential-groups',
    access: EVERY_ROLE,
    ok: 200,
    call: (c) => c.send('GET', `/api/v1/wards/${WARD}/residential-groups`),
  },
  {
    route: 'GET /api/v1/wards/:code/staff',
    access: [
      'counter_officer',
      'department_officer',
      'department_head',
      'ward_leader',
      'supervisor',
      'city_reviewer',
      'ward_admin',
      'system_admin',
    ],
    ok: 200,
    call: (c) => c.send('GET', `/api/v1/wards/${WARD}/staff`),
  },
  {
    route: 'GET /api/v1/wards/:code/staff/:staffId/contact',
    access: ['ward_leader', 'ward_admin', 'system_admin'],
    ok: 200,
    call: (c) => c.send('GET', `/api/v1/wards/${WARD}/staff/${staffId}/contact`),
  },
  {
    route: 'GET /api/v1/city/wards',
    access: ['city_reviewer', 'system_admin'],
    ok: 200,
    call: (c) => c.send('GET', '/api/v1/city/wards?q=thanh'),
  },
  {
    route: 'GET /api/v1/audit',
    access: ['ward_admin', 'system_admin'],
    ok: 200,
    call: (c) => c.send('GET', '/api/v1/audit?limit=5'),
  },
  {
    route: 'GET /api/v1/procedures',
    access: 'public',
    ok: 200,
    call: (c) => c.send('GET', '/api/v1/procedures?q=khai%20sinh'),
  },
  {
    route: 'GET /api/v1/procedures/:code',
    access: 'public',
    ok: 200,
    call: (c) => c.send('GET', '/api/v1/procedures/1.001193'),
  },
  {
    route: 'GET /api/v1/procedures/:code/versions',
    access: 'public',
    ok: 200,
    call: (c) => c.send('GET', '/api/v1/procedures/1.001193/versions'),
  },
  {
    route: 'PUT /api/v1/wards/:ward/procedures/:code',
    access: ['ward_admin'],
    ok: 200,
    call: async (c) => {
      const current = (await c.send('GET', '/api/v1/procedures/2.000635')).json();
      const { code: _code, version: _version, wardCode: _ward, ...definition } = current;
      return c.send('PUT', `/api/v1/wards/${WARD}/procedures/2.000635`, {
        definition,
        changeNote: 'Kiểm thử quyền sửa thủ tục',
      });
    },
  },
  {
    route: 'POST /api/v1/dossiers',
    access: ['counter_officer'],
    ok: 201,
    call: async (c) => {
      const response = await c.send(
        'POST',
        '/api/v1/dossiers',
        {
          procedureCode: '1.001193',
          applicant: {
            fullName: 'Nguyễn Thị Hằng',
            idNumber: '031095001234',
            phone: '0912345678',
            address: 'Số 5, Tổ dân phố số 1, phường Thành Đông',
          },
          documentsReceived: ['to-khai-dang-ky-khai-sinh', 'giay-chung-sinh'],
          channel: 'counter',
        },
        { 'idempotency-key': `policy-intake-${++intakes}` },
      );
      if (response.statusCode === 201) dossierCode = response.json().code;
      return response;
    },
  },
  {
    route: 'GET /api/v1/dossiers/:code/public',
    access: 'public',
    ok: 200,
    call: (c) => c.send('GET', `/api/v1/dossiers/${dossierCode}/public`),
  },
  {
    route: 'GET /api/v1/dossiers/:code',
    access: DOSSIER_READERS,
    ok: 200,
    call: (c) => c.send('GET', `/api/v1/dossiers/${dossierCode}`),
  },
  {
    route: 'GET /api/v1/dossiers',
    access: DOSSIER_READERS,
    ok: 200,
    call: (c) => c.send('GET', '/api/v1/dossiers'),
  },
  {
    route: 'GET /api/v1/indicators/one-stop',
    access: [...DOSSIER_READERS, 'city_reviewer'],
    ok: 200,
    call: (c) => c.send('GET', `/api/v1/indicators/one-stop?from=2026-01-01&to=2026-12-31&ward=${WARD}`),
  },
  {
    route: 'GET /api/v1/indicators/one-stop/dossiers',
    access: [...DOSSIER_READERS, 'city_reviewer'],
    ok: 200,
    call: (c) => c.send('GET', `/api/v1/indicators/one-stop/dossiers?figure=received&ward=${WARD}`),
  },
  {
    route: 'POST /api/v1/dossiers/:code/actions/:action',
    access: ['counter_officer', 'department_officer', 'department_head', 'ward_leader'],
    ok: 200, // any acting role may hand over; the server names the receiving unit's head
    call: (c) => c.send('POST', `/api/v1/dossiers/${dossierCode}/actions/hand_over`, { toUnit: unitId }),
  },
  {
    route: 'POST /api/v1/dossiers/:code/apology',
    access: ['department_head', 'ward_leader'],
    ok: 422, // a new date before the due date is always refused: the row checks access, not the rule
    call: (c) =>
      c.send('POST', `/api/v1/dossiers/${dossierCode}/apology`, { reason: 'Hẹn lại', newDate: '2000-01-03' }),
  },
  {
    route: 'GET /api/v1/dossiers/:code/payments',
    access: DOSSIER_READERS,
    ok: 200,
    call: (c) => c.send('GET', `/api/v1/dossiers/${dossierCode}/payments`),
  },
  {
    route: 'GET /api/v1/dossiers/:code/documents/:form',
    access: DOSSIER_READERS,
    ok: 200,
    call: (c) => c.send('GET', `/api/v1/dossiers/${dossierCode}/documents/control-sheet`),
  },
  {
    route: 'GET /api/v1/registers/dossiers',
    access: ['counter_officer', 'department_head', 'ward_leader', 'ward_admin'],
    ok: 200,
    call: (c) => c.send('GET', '/api/v1/registers/dossiers?from=2026-01-01&to=2026-12-31&format=xlsx'),
  },
  {
    route: 'POST /api/v1/auth/logout',
    access: EVERY_ROLE,
    ok: 204,
    call: (c) => c.send('POST', '/api/v1/auth/logout'),
  },
];

const FORBIDDEN = {
  error: { code: 'FORBIDDEN', message: 'Xin lỗi, tài khoản của bạn không có quyền thực hiện thao tác này.' },
};

// Every route the app registers, seen through Fastify's own `onRoute` hook: Fastify announces each new
// instance on the `fastify.initialization` diagnostics channel before any plugin or route is added.
const registered = new Set<string>();
let lastRoute = '';
function watchRoutes(message: unknown) {
  const { fastify } = message as { fastify: FastifyInstance };
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD' && route.url.startsWith('/api/v1')) registered.add(`${method} ${route.url}`);
    }
  });
  fastify.addHook('onRequest', async (request) => {
    lastRoute = `${request.method} ${request.routeOptions.url ?? '?'}`;
  });
}

describe('role × route table', () => {
  let platform: TestPlatform;
  const agents = new Map<Role, Agent>();

  beforeAll(async () => {
    diagnostics.subscribe('fastify.initialization', watchRoutes);
    platform = await startTestPlatform();
    for (const role of ROLES) agents.set(role, await signIn(platform.app, DEMO_ACCOUNT[role]));
    const [row] = await platform.database.sql.query<{ id: string; unit: string }>(
      "SELECT id, (SELECT id FROM org_units WHERE kind = 'culture' AND ward_code = '10507') AS unit FROM staff_accounts WHERE username = 'motcua'",
    );
    staffId = row?.id ?? '';
    unitId = row?.unit ?? '';
  });
  afterAll(async () => {
    diagnostics.unsubscribe('fastify.initialization', watchRoutes);
    await platform.close();
  });

  it('has exactly one row for every /api/v1 route the app registers', () => {
    const tabled = TABLE.map((r) => r.route);
    expect(new Set(tabled).size).toBe(tabled.length);
    expect(registered.size).toBeGreaterThan(10);
    const missingFromTable = [...registered].filter((r) => !tabled.includes(r));
    const notRegistered = tabled.filter((r) => !registered.has(r));
    expect(missingFromTable, 'routes without a row in the table').toEqual([]);
    expect(notRegistered, 'rows for routes the app does not have').toEqual([]);
  });

  it('has a demo account for every role', () => {
    expect(Object.keys(DEMO_ACCOUNT).sort()).toEqual([...ROLES].sort());
    expect([...EVERY_ROLE].sort()).toEqual([...ROLES].sort());
  });

  for (const row of TABLE) {
    it(row.route, async () => {
      const anonymous: Caller = {
        role: null,
        send: (method, url, body, headers) =>
          platform.app.inject({ method: method as never, url, payload: body as never, headers }),
      };
      const anonymousResponse = await row.call(anonymous);
      expect(lastRoute).toBe(row.route);
      if (row.access === 'public') {
        expect(anonymousResponse.statusCode, anonymousResponse.body).toBe(
          typeof row.ok === 'number' ? row.ok : row.ok(null),
        );
      } else {
        expect(anonymousResponse.statusCode, anonymousResponse.body).toBe(401);
        expect(anonymousResponse.json().error.code).toBe('UNAUTHENTICATED');
      }

      for (const role of ROLES) {
        const agent = agents.get(role);
        if (!agent) throw new Error(`no agent for ${role}`);
        const response = await row.call({
          role,
          send: (method, url, body, headers) => agent.request(method, url, body, headers),
        });
        expect(lastRoute, `${role} reached the route`).toBe(row.route);
        const allowed = row.access === 'public' || row.access.includes(role);
        const label = `${row.route} as ${role}: ${response.body}`;
        if (allowed) {
          expect(response.statusCode, label).not.toBe(401);
          expect(response.statusCode, label).not.toBe(403);
          expect(response.statusCode, label).toBe(typeof row.ok === 'number' ? row.ok : row.ok(role));
        } else {
          expect(response.statusCode, label).toBe(403);
          expect(response.json(), label).toEqual(FORBIDDEN);
        }
      }
    });
  }
});
