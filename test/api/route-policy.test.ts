/* eslint-disable max-lines -- THE role × route table has one row per /api/v1 route and grows with the API */
import diagnostics from 'node:diagnostics_channel';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ratingPath } from '../../src/modules/ratings/api';
import { ROLES, type Role } from '../../src/platform/auth/roles';
import { addDays } from '../../src/platform/calendar/rules';
import { readConfig } from '../../src/platform/config';
import { DEMO_OFFICE_HOURS, DEMO_PASSWORD } from '../../src/platform/wards/demo-data';
import { signIn, startTestPlatform, type Agent, type TestPlatform } from '../support/app';
import { lastOtpCode, signInCitizenByPhone, type CitizenAgent } from '../support/citizen';
import {
  complaintBody,
  complaintsFixture,
  denunciationBody,
  type ComplaintsFixture,
} from '../support/complaints';
import { feedbackBody, feedbackFixture, type FeedbackFixture } from '../support/feedback';

/**
 * THE role × route table: every /api/v1 route of the app and who may call it. A new route fails this file
 * until it has a row here (and a policy in its declaration); a row whose route disappeared fails too.
 */
/** `citizen`: a signed-in citizen only (staff get 403). A citizen calls every row too, after the staff roles. */
type Access = 'public' | 'citizen' | readonly Role[];

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
  /** Staff routes a citizen may call about their own dossier: what the citizen (not this one's applicant) gets. */
  applicant?: number;
  call(caller: Caller): Promise<LightMyRequestResponse>;
}

let staffId = '';
let unitId = '';
let dossierCode = '';
/** A copy certification (2.000 đ a page): a dossier with a fee to pay. */
let feeDossierCode = '';
let intakes = 0;
/** The signed-in citizen's draft of an online filing, once the row that starts it has run. */
let draftId = '';
/** The smallest PNG: a paper photographed on a phone, as far as its bytes tell. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==',
  'base64',
);
const enrolmentSecrets = new Map<Role, string>();
/** Each sign-in code goes to a phone of its own, so the per-phone limit on codes never answers instead. */
let citizenOtpPhones = 0;
const nextCitizenPhone = () => `0905${String(++citizenOtpPhones).padStart(6, '0')}`;
let otpCodeOf: (phone: string) => Promise<string> = () => Promise.resolve('');
/** Feedback items made fresh for each call (set up by the head of the culture department), and one shared item. */
let feedback: FeedbackFixture;
let feedbackCode = '';
/** Complaints and denunciations made fresh for each call, and one of each shared by the reading rows. */
let complaints: ComplaintsFixture;
let complaintCode = '';
let denunciationCode = '';
const COMPLAINT_RECORDERS: readonly Role[] = [
  'counter_officer',
  'department_officer',
  'department_head',
  'ward_leader',
];
const COMPLAINT_HANDLERS: readonly Role[] = ['department_officer', 'department_head', 'ward_leader'];
const FEEDBACK_READERS: readonly Role[] = [
  'counter_officer',
  'department_officer',
  'department_head',
  'ward_leader',
  'ward_admin',
  'supervisor',
];
const FEEDBACK_RULE = {
  days: 10,
  dayKind: 'working',
  legalBasis: 'Luật Tiếp công dân 2013 (42/2013/QH13), điều 28',
  confirmed: false,
  note: 'Chưa xác nhận.',
};
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const RECEPTION_SCHEDULE = {
  weekdays: [2],
  startsAt: '07:30',
  endsAt: '11:30',
  place: 'Phòng tiếp công dân, trụ sở UBND phường',
  rulesText: 'Công dân mang theo căn cước và giữ trật tự nơi tiếp công dân.',
};
const RECEPTION_VISIT = {
  visitorName: 'Trần Văn Bình',
  visitorIdNumber: '031095001234',
  matter: 'Hỏi về việc cấp giấy phép sửa chữa nhà ở trong ngõ.',
  classification: 'outside_competence',
};
const RECEPTION_LOGGERS: readonly Role[] = [
  'counter_officer',
  'department_officer',
  'department_head',
  'ward_leader',
];
const LISTENING_MANAGERS: readonly Role[] = ['department_head', 'ward_leader', 'ward_admin'];
let receptionExtraDays = 0;
let listeningSessions = 0;
/** A fresh reception-log entry, written by the counter officer. */
let receptionEntry: (classification?: string) => Promise<string> = () => Promise.resolve('');
/** A session already held (in the past), for the rows that record attendance and matters raised. */
let heldSessionId = '';
/** A home intake asked for an elderly resident (the citizen's row adds who asks). */
const HOME_VISIT_REQUEST = {
  contactPhone: '0912345678',
  person: { fullName: 'Nguyễn Văn An', address: 'Số 3, ngõ 5, Tổ dân phố số 1, phường Thành Đông' },
  reason: 'elderly',
  procedureCode: '1.001193',
  preferredTimes: 'Sáng thứ Ba',
};

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
    route: 'GET /api/v1/wards/:ward/same-day',
    access: 'public',
    ok: 200,
    call: (c) => c.send('GET', `/api/v1/wards/${WARD}/same-day`),
  },
  {
    route: 'POST /api/v1/wards/:ward/same-day',
    access: ['ward_admin'],
    ok: 200,
    call: (c) =>
      c.send(
        'POST',
        `/api/v1/wards/${WARD}/same-day`,
        { weekday: 3, procedureCodes: ['1.001193'], effectiveFrom: '2030-01-02' },
        { 'idempotency-key': 'policy-same-day' },
      ),
  },
  {
    route: 'GET /api/v1/home-visits',
    access: ['counter_officer', 'ward_leader', 'ward_admin'],
    ok: 200,
    call: (c) => c.send('GET', '/api/v1/home-visits'),
  },
  {
    route: 'GET /api/v1/home-visits/:id',
    access: ['counter_officer', 'ward_leader', 'ward_admin'],
    ok: 404, // no such request: the row checks access, not the request
    call: (c) => c.send('GET', `/api/v1/home-visits/${NO_SUCH_ID}`),
  },
  {
    route: 'POST /api/v1/home-visits',
    access: ['group_head'],
    ok: 201,
    call: (c) =>
      c.send('POST', '/api/v1/home-visits', HOME_VISIT_REQUEST, { 'idempotency-key': 'policy-home-visit' }),
  },
  {
    route: 'GET /api/v1/home-visits/requested',
    access: ['group_head'],
    ok: 200,
    call: (c) => c.send('GET', '/api/v1/home-visits/requested'),
  },
  {
    route: 'POST /api/v1/home-visits/:id/schedule',
    access: ['counter_officer'],
    ok: 404,
    call: (c) =>
      c.send(
        'POST',
        `/api/v1/home-visits/${NO_SUCH_ID}/schedule`,
        { day: '2030-01-08', from: '08:00', to: '09:00', officerId: staffId },
        { 'idempotency-key': 'policy-home-visit-schedule' },
      ),
  },
  {
    route: 'POST /api/v1/home-visits/:id/cancel',
    access: ['counter_officer'],
    ok: 404,
    call: (c) =>
      c.send(
        'POST',
        `/api/v1/home-visits/${NO_SUCH_ID}/cancel`,
        { reason: 'Kiểm thử quyền truy cập' },
        { 'idempotency-key': 'policy-home-visit-cancel' },
      ),
  },
  {
    route: 'POST /api/v1/home-visits/:id/dossier',
    access: ['counter_officer'],
    ok: 404,
    call: (c) =>
      c.send(
        'POST',
        `/api/v1/home-visits/${NO_SUCH_ID}/dossier`,
        { dossierCode: feeDossierCode },
        { 'idempotency-key': 'policy-home-visit-dossier' },
      ),
  },
  {
    route: 'POST /api/v1/citizen/home-visits',
    access: 'citizen',
    ok: 201,
    call: (c) =>
      c.send(
        'POST',
        '/api/v1/citizen/home-visits',
        { ...HOME_VISIT_REQUEST, requesterKind: 'relative', requesterName: 'Trần Văn Bình' },
        { 'idempotency-key': 'policy-citizen-home-visit' },
      ),
  },
  {
    route: 'GET /api/v1/citizen/home-visits',
    access: 'citizen',
    ok: 200,
    call: (c) => c.send('GET', '/api/v1/citizen/home-visits'),
  },
  {
    route: 'GET /api/v1/indicators/satisfaction',
    access: [...DOSSIER_READERS, 'city_reviewer'],
    ok: 200,
    call: (c) => c.send('GET', `/api/v1/indicators/satisfaction?quarter=2026-Q1&ward=${WARD}`),
  },
  {
    route: 'GET /api/v1/indicators/satisfaction/ratings',
    access: [...DOSSIER_READERS, 'city_reviewer'],
    ok: 200,
    call: (c) => c.send('GET', `/api/v1/indicators/satisfaction/ratings?figure=ballots&ward=${WARD}`),
  },
  {
    route: 'POST /api/v1/dossiers/:code/ratings',
    access: 'public',
    ok: 409, // the dossier's result is not returned yet: the row checks access, not the rule
    call: (c) => {
      const token = new URL(
        ratingPath(dossierCode, readConfig({}).ratingSecret),
        'http://x',
      ).searchParams.get('t');
      return c.send('POST', `/api/v1/dossiers/${dossierCode}/ratings`, { token, level: 'hai_long' });
    },
  },
  {
    route: 'POST /api/v1/counters/:id/rating-session',
    access: ['counter_officer'],
    ok: 409, // the dossier's result is not returned yet: the row checks access, not the rule
    call: (c) => c.send('POST', `/api/v1/counters/${WARD}-1/rating-session`, { dossierCode }),
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
    route: 'POST /api/v1/dossiers/:code/return-method',
    access: ['counter_officer'],
    ok: 200,
    call: (c) =>
      c.send('POST', `/api/v1/dossiers/${dossierCode}/return-method`, { returnChannel: 'counter' }),
  },
  {
    route: 'GET /api/v1/dossiers/:code/payments',
    access: DOSSIER_READERS,
    ok: 200,
    call: (c) => c.send('GET', `/api/v1/dossiers/${dossierCode}/payments`),
  },
  {
    route: 'GET /api/v1/dossiers/:code/files',
    access: DOSSIER_READERS,
    ok: 200,
    call: (c) => c.send('GET', `/api/v1/dossiers/${dossierCode}/files`),
  },
  {
    route: 'GET /api/v1/dossiers/:code/files/:id',
    access: DOSSIER_READERS,
    ok: 404, // no such file: the row checks access
    call: (c) => c.send('GET', `/api/v1/dossiers/${dossierCode}/files/00000000-0000-4000-8000-000000000000`),
  },
  {
    route: 'PUT /api/v1/dossiers/:code/result-file',
    access: ['counter_officer', 'department_officer', 'department_head', 'ward_leader'],
    ok: 415, // a PNG is not the PDF of a result: the row checks access
    call: (c) =>
      c.send('PUT', `/api/v1/dossiers/${dossierCode}/result-file?fileName=ket-qua.pdf`, PNG, {
        'content-type': 'application/octet-stream',
      }),
  },
  {
    route: 'GET /api/v1/dossiers/:code/documents/:form',
    access: DOSSIER_READERS,
    ok: 200,
    applicant: 404, // another person's dossier (and the control sheet is never the applicant's)
    call: (c) => c.send('GET', `/api/v1/dossiers/${dossierCode}/documents/control-sheet`),
  },
  {
    route: 'GET /api/v1/registers/dossiers',
    access: ['counter_officer', 'department_head', 'ward_leader', 'ward_admin'],
    ok: 200,
    call: (c) => c.send('GET', '/api/v1/registers/dossiers?from=2026-01-01&to=2026-12-31&format=xlsx'),
  },
  {
    route: 'GET /api/v1/messages',
    access: DOSSIER_READERS,
    ok: 200,
    call: (c) => c.send('GET', `/api/v1/messages?reference=${dossierCode}`),
  },
  {
    route: 'POST /api/v1/messages/:id/retry',
    access: ['counter_officer', 'ward_admin'],
    ok: 404, // no such message: the row checks access, not the retry
    call: (c) => c.send('POST', '/api/v1/messages/00000000-0000-4000-8000-000000000000/retry'),
  },
  {
    route: 'GET /api/v1/dossiers/:code/payment',
    access: DOSSIER_READERS,
    ok: 200,
    applicant: 404, // another person's dossier
    call: (c) => c.send('GET', `/api/v1/dossiers/${feeDossierCode}/payment`),
  },
  {
    route: 'GET /api/v1/dossiers/:code/payment/receipt',
    access: DOSSIER_READERS,
    ok: 404, // not paid yet: the row checks access, not the receipt
    applicant: 404, // another person's dossier
    call: (c) => c.send('GET', `/api/v1/dossiers/${feeDossierCode}/payment/receipt`),
  },
  {
    route: 'POST /api/v1/dossiers/:code/payment/gateway',
    access: ['counter_officer', 'department_officer', 'department_head', 'ward_leader'],
    ok: 201,
    applicant: 404, // another person's dossier
    call: (c) => c.send('POST', `/api/v1/dossiers/${feeDossierCode}/payment/gateway`),
  },
  {
    route: 'GET /api/v1/payments/gateway/ipn',
    access: 'public',
    ok: 200, // answered in the gateway's terms: RspCode 97, no valid signature
    call: (c) => c.send('GET', '/api/v1/payments/gateway/ipn?vnp_TxnRef=KHONGCO&vnp_SecureHash=00'),
  },
  {
    route: 'POST /api/v1/payments/reconciliation',
    access: ['counter_officer'],
    ok: 200,
    call: (c) =>
      c.send('POST', '/api/v1/payments/reconciliation', {
        lines: [
          {
            reference: 'FT-KIEM-THU',
            amount: 1000,
            note: 'khong co ma',
            bookedAt: '2026-03-09T10:00:00+07:00',
          },
        ],
      }),
  },
  {
    route: 'GET /api/v1/citizen/auth/vneid/start',
    access: 'public',
    ok: 302, // back to the sign-in page: under inject the server does not listen, so VNeID cannot be reached
    call: (c) => c.send('GET', '/api/v1/citizen/auth/vneid/start'),
  },
  {
    route: 'GET /api/v1/citizen/auth/vneid/callback',
    access: 'public',
    ok: 302, // back to the sign-in page: no VNeID sign-in under way
    call: (c) => c.send('GET', '/api/v1/citizen/auth/vneid/callback?code=khong-co&state=khong-co'),
  },
  {
    route: 'POST /api/v1/citizen/auth/otp',
    access: 'public',
    ok: 200,
    call: (c) => c.send('POST', '/api/v1/citizen/auth/otp', { phone: nextCitizenPhone() }),
  },
  {
    route: 'POST /api/v1/citizen/auth/otp/verify',
    access: 'public',
    ok: 200,
    call: async (c) => {
      const phone = nextCitizenPhone();
      await c.send('POST', '/api/v1/citizen/auth/otp', { phone });
      return c.send('POST', '/api/v1/citizen/auth/otp/verify', { phone, code: await otpCodeOf(phone) });
    },
  },
  {
    route: 'GET /api/v1/citizen/me',
    access: 'citizen',
    ok: 200,
    call: (c) => c.send('GET', '/api/v1/citizen/me'),
  },
  {
    route: 'PUT /api/v1/citizen/me/notifications',
    access: 'citizen',
    ok: 200,
    call: (c) => c.send('PUT', '/api/v1/citizen/me/notifications', { channels: ['sms', 'zalo'] }),
  },
  {
    route: 'GET /api/v1/citizen/dossiers',
    access: 'citizen',
    ok: 200,
    call: (c) => c.send('GET', '/api/v1/citizen/dossiers'),
  },
  {
    route: 'GET /api/v1/citizen/dossiers/:code',
    access: 'citizen',
    ok: 404, // not this citizen's dossier
    call: (c) => c.send('GET', `/api/v1/citizen/dossiers/${dossierCode}`),
  },
  {
    route: 'GET /api/v1/citizen/dossiers/:code/result',
    access: 'citizen',
    ok: 404, // not this citizen's dossier
    call: (c) => c.send('GET', `/api/v1/citizen/dossiers/${dossierCode}/result`),
  },
  {
    route: 'GET /api/v1/citizen/dossiers/:code/supplement',
    access: 'citizen',
    ok: 404, // not this citizen's dossier
    call: (c) => c.send('GET', `/api/v1/citizen/dossiers/${dossierCode}/supplement`),
  },
  {
    route: 'POST /api/v1/citizen/dossiers/:code/supplement/uploads',
    access: 'citizen',
    ok: 404,
    call: (c) =>
      c.send(
        'POST',
        `/api/v1/citizen/dossiers/${dossierCode}/supplement/uploads?documentId=ban-sao-can-chung-thuc&fileName=a.png`,
        PNG,
        { 'content-type': 'application/octet-stream' },
      ),
  },
  {
    route: 'DELETE /api/v1/citizen/dossiers/:code/supplement/uploads/:id',
    access: 'citizen',
    ok: 404,
    call: (c) =>
      c.send(
        'DELETE',
        `/api/v1/citizen/dossiers/${dossierCode}/supplement/uploads/00000000-0000-4000-8000-000000000000`,
      ),
  },
  {
    route: 'POST /api/v1/citizen/dossiers/:code/supplement/submit',
    access: 'citizen',
    ok: 404,
    call: (c) => c.send('POST', `/api/v1/citizen/dossiers/${dossierCode}/supplement/submit`),
  },
  {
    route: 'POST /api/v1/online/drafts',
    access: 'citizen',
    ok: 201,
    call: async (c) => {
      const response = await c.send('POST', '/api/v1/online/drafts', { procedureCode: '2.000815' });
      if (response.statusCode === 201) draftId = response.json().id;
      return response;
    },
  },
  {
    route: 'GET /api/v1/online/drafts',
    access: 'citizen',
    ok: 200,
    call: (c) => c.send('GET', '/api/v1/online/drafts'),
  },
  {
    route: 'GET /api/v1/online/drafts/:id',
    access: 'citizen',
    ok: 200,
    call: (c) => c.send('GET', `/api/v1/online/drafts/${draftId}`),
  },
  {
    route: 'PUT /api/v1/online/drafts/:id',
    access: 'citizen',
    ok: 200,
    call: (c) =>
      c.send('PUT', `/api/v1/online/drafts/${draftId}`, {
        address: 'Số 5, Tổ dân phố số 1, phường Thành Đông',
      }),
  },
  {
    route: 'POST /api/v1/online/drafts/:id/uploads',
    access: 'citizen',
    ok: 201,
    call: (c) =>
      c.send(
        'POST',
        `/api/v1/online/drafts/${draftId}/uploads?documentId=ban-sao-can-chung-thuc&fileName=a.png`,
        PNG,
        {
          'content-type': 'application/octet-stream',
        },
      ),
  },
  {
    route: 'DELETE /api/v1/online/drafts/:id/uploads/:uploadId',
    access: 'citizen',
    ok: 404, // no such upload: the row checks access
    call: (c) =>
      c.send('DELETE', `/api/v1/online/drafts/${draftId}/uploads/00000000-0000-4000-8000-000000000000`),
  },
  {
    route: 'POST /api/v1/online/drafts/:id/submit',
    access: 'citizen',
    ok: 422, // the applicant's details are missing
    call: (c) => c.send('POST', `/api/v1/online/drafts/${draftId}/submit`),
  },
  {
    route: 'DELETE /api/v1/online/drafts/:id',
    access: 'citizen',
    ok: 204,
    call: (c) => c.send('DELETE', `/api/v1/online/drafts/${draftId}`),
  },
  {
    route: 'POST /api/v1/citizen/auth/sign-out',
    access: 'citizen',
    ok: 204,
    call: (c) => c.send('POST', '/api/v1/citizen/auth/sign-out'),
  },
  {
    route: 'GET /api/v1/queue/counters',
    access: ['counter_officer', 'department_officer', 'department_head', 'ward_leader', 'ward_admin'],
    ok: 200,
    call: (c) => c.send('GET', '/api/v1/queue/counters'),
  },
  {
    route: 'PUT /api/v1/queue/counters/:id',
    access: ['ward_admin'],
    ok: 200,
    call: (c) =>
      c.send('PUT', `/api/v1/queue/counters/${WARD}-4`, { name: 'Chứng thực', groups: ['chung-thuc'] }),
  },
  {
    route: 'POST /api/v1/queue/counters/:id/call-next',
    access: ['counter_officer'],
    ok: 200, // nobody waits: the answer names no ticket
    call: (c) => c.send('POST', `/api/v1/queue/counters/${WARD}-1/call-next`),
  },
  {
    route: 'POST /api/v1/queue/tickets/:id/:action',
    access: ['counter_officer'],
    ok: 404, // no such ticket: the row checks access, not the step
    call: (c) => c.send('POST', '/api/v1/queue/tickets/00000000-0000-4000-8000-000000000000/served'),
  },
  {
    route: 'GET /api/v1/queue/today',
    access: ['counter_officer', 'department_officer', 'department_head', 'ward_leader', 'ward_admin'],
    ok: 200,
    call: (c) => c.send('GET', '/api/v1/queue/today'),
  },
  {
    route: 'GET /api/v1/indicators/queue',
    access: [...DOSSIER_READERS, 'city_reviewer'],
    ok: 200,
    call: (c) => c.send('GET', `/api/v1/indicators/queue?ward=${WARD}`),
  },
  {
    route: 'GET /api/v1/indicators/queue/tickets',
    access: [...DOSSIER_READERS, 'city_reviewer'],
    ok: 200,
    call: (c) => c.send('GET', `/api/v1/indicators/queue/tickets?figure=issued&ward=${WARD}`),
  },
  {
    route: 'POST /api/v1/feedback',
    access: 'public',
    ok: 201,
    call: (c) => c.send('POST', '/api/v1/feedback', feedbackBody()),
  },
  {
    route: 'GET /api/v1/feedback/:code/public',
    access: 'public',
    ok: 200,
    call: (c) => c.send('GET', `/api/v1/feedback/${feedbackCode}/public`),
  },
  {
    route: 'POST /api/v1/feedback/:code/rating',
    access: 'public',
    ok: 201,
    call: async (c) =>
      c.send('POST', `/api/v1/feedback/${await feedback.answered()}/rating`, { rating: 'hai_long' }),
  },
  {
    route: 'GET /api/v1/feedback/published',
    access: 'public',
    ok: 200,
    call: (c) => c.send('GET', '/api/v1/feedback/published'),
  },
  {
    route: 'POST /api/v1/feedback/recorded',
    access: ['counter_officer', 'department_officer', 'department_head', 'ward_leader', 'group_head'],
    ok: 201,
    call: (c) => c.send('POST', '/api/v1/feedback/recorded', { ...feedbackBody(), source: 'hotline' }),
  },
  {
    route: 'GET /api/v1/feedback',
    access: FEEDBACK_READERS,
    ok: 200,
    call: (c) => c.send('GET', '/api/v1/feedback?view=late'),
  },
  {
    route: 'GET /api/v1/feedback/:code',
    access: FEEDBACK_READERS,
    ok: 200,
    call: (c) => c.send('GET', `/api/v1/feedback/${feedbackCode}`),
  },
  {
    route: 'GET /api/v1/feedback/:code/photos/:n',
    access: FEEDBACK_READERS,
    ok: 200,
    call: (c) => c.send('GET', `/api/v1/feedback/${feedbackCode}/photos/1`),
  },
  {
    route: 'GET /api/v1/feedback/:code/duplicates',
    access: FEEDBACK_READERS,
    ok: 200,
    call: (c) => c.send('GET', `/api/v1/feedback/${feedbackCode}/duplicates`),
  },
  {
    route: 'POST /api/v1/feedback/:code/route',
    access: ['department_head', 'ward_leader'],
    ok: 200,
    call: async (c) => c.send('POST', `/api/v1/feedback/${await feedback.filed()}/route`, { unitId }),
  },
  {
    route: 'POST /api/v1/feedback/:code/answer',
    access: ['department_officer', 'department_head', 'ward_leader'],
    ok: 200,
    call: async (c) =>
      c.send('POST', `/api/v1/feedback/${await feedback.routed()}/answer`, {
        answer: 'Phường đã xử lý xong.',
      }),
  },
  {
    route: 'POST /api/v1/feedback/:code/publish',
    access: ['department_head', 'ward_leader'],
    ok: 200,
    call: async (c) => c.send('POST', `/api/v1/feedback/${await feedback.answered()}/publish`),
  },
  {
    route: 'POST /api/v1/feedback/:code/merge',
    access: ['department_head', 'ward_leader'],
    ok: 200,
    call: async (c) =>
      c.send('POST', `/api/v1/feedback/${await feedback.filed()}/merge`, { into: await feedback.filed() }),
  },
  {
    route: 'GET /api/v1/feedback/deadline-rules',
    access: FEEDBACK_READERS,
    ok: 200,
    call: (c) => c.send('GET', '/api/v1/feedback/deadline-rules'),
  },
  {
    route: 'GET /api/v1/feedback/deadline-rules/:key/due-date',
    access: FEEDBACK_READERS,
    ok: 200,
    call: (c) =>
      c.send(
        'GET',
        '/api/v1/feedback/deadline-rules/complaint.acceptance/due-date?from=2026-07-01T09:00:00%2B07:00',
      ),
  },
  {
    route: 'PUT /api/v1/feedback/deadline-rules/:key/:effectiveFrom',
    access: ['system_admin'],
    ok: 200,
    call: (c) => c.send('PUT', '/api/v1/feedback/deadline-rules/feedback.answer/2014-07-01', FEEDBACK_RULE),
  },
  {
    route: 'GET /api/v1/reception/schedule',
    access: FEEDBACK_READERS,
    ok: 200,
    call: (c) => c.send('GET', '/api/v1/reception/schedule'),
  },
  {
    route: 'PUT /api/v1/reception/schedule',
    access: ['ward_leader', 'ward_admin'],
    ok: 200,
    call: (c) => c.send('PUT', '/api/v1/reception/schedule', RECEPTION_SCHEDULE),
  },
  {
    route: 'POST /api/v1/reception/schedule/extra-days',
    access: ['ward_leader', 'ward_admin'],
    ok: 201,
    // Another Tuesday of the summer of 2030 (no holiday) per call: a day already added answers 409.
    call: (c) =>
      c.send('POST', '/api/v1/reception/schedule/extra-days', {
        date: addDays('2030-06-04', 7 * receptionExtraDays++),
        note: 'Tiếp công dân đột xuất',
      }),
  },
  {
    route: 'GET /api/v1/reception/log',
    access: FEEDBACK_READERS,
    ok: 200,
    call: (c) => c.send('GET', '/api/v1/reception/log?view=late'),
  },
  {
    route: 'POST /api/v1/reception/log',
    access: RECEPTION_LOGGERS,
    ok: 201,
    call: (c) => c.send('POST', '/api/v1/reception/log', RECEPTION_VISIT),
  },
  {
    route: 'GET /api/v1/reception/log/export',
    access: ['counter_officer', 'department_head', 'ward_leader', 'ward_admin'],
    ok: 200,
    call: (c) => c.send('GET', '/api/v1/reception/log/export?from=2026-01-01&to=2026-12-31&format=xlsx'),
  },
  {
    route: 'GET /api/v1/reception/log/:id',
    access: FEEDBACK_READERS,
    ok: 200,
    call: async (c) => c.send('GET', `/api/v1/reception/log/${await receptionEntry()}`),
  },
  {
    route: 'GET /api/v1/reception/log/:id/identity',
    access: ['ward_leader'], // the sealed identity of a visitor who came to denounce: the chairman alone
    ok: 200,
    call: async (c) =>
      c.send('GET', `/api/v1/reception/log/${await receptionEntry('denunciation')}/identity`),
  },
  {
    route: 'POST /api/v1/reception/log/:id/answer',
    access: RECEPTION_LOGGERS,
    ok: 200,
    call: async (c) =>
      c.send('POST', `/api/v1/reception/log/${await receptionEntry()}/answer`, {
        resultKind: 'forwarded',
        result: 'Hướng dẫn công dân gửi đơn đến Tòa án nhân dân khu vực.',
      }),
  },
  {
    route: 'GET /api/v1/listening-sessions',
    access: FEEDBACK_READERS,
    ok: 200,
    call: (c) => c.send('GET', '/api/v1/listening-sessions'),
  },
  {
    route: 'POST /api/v1/listening-sessions',
    access: LISTENING_MANAGERS,
    ok: 201,
    // Another Friday of the summer of 2030 per call: a day that already has a session answers 409.
    call: (c) =>
      c.send('POST', '/api/v1/listening-sessions', {
        heldOn: addDays('2030-06-07', 7 * listeningSessions++),
        place: 'Hội trường Tổ dân phố số 1',
        chairedBy: 'Chủ tịch UBND phường',
      }),
  },
  {
    route: 'POST /api/v1/listening-sessions/weekly',
    access: LISTENING_MANAGERS,
    ok: 201, // a Friday that already has a session is skipped, not refused
    call: (c) =>
      c.send('POST', '/api/v1/listening-sessions/weekly', {
        weeks: 2,
        place: 'Hội trường Tổ dân phố số 1',
        chairedBy: 'Chủ tịch UBND phường',
      }),
  },
  {
    route: 'GET /api/v1/listening-sessions/:id',
    access: FEEDBACK_READERS,
    ok: 200,
    call: (c) => c.send('GET', `/api/v1/listening-sessions/${heldSessionId}`),
  },
  {
    route: 'POST /api/v1/listening-sessions/:id/attendance',
    access: LISTENING_MANAGERS,
    ok: 200,
    call: (c) =>
      c.send('POST', `/api/v1/listening-sessions/${heldSessionId}/attendance`, {
        attendees: ['Bà Phạm Thị Lan'],
        attendeeCount: 20,
      }),
  },
  {
    route: 'POST /api/v1/listening-sessions/:id/items',
    access: LISTENING_MANAGERS,
    ok: 201,
    call: (c) =>
      c.send('POST', `/api/v1/listening-sessions/${heldSessionId}/items`, {
        kind: 'kien_nghi',
        category: 'van-hoa-xa-hoi',
        text: 'Đề nghị mở thêm lớp dạy bơi cho trẻ em trong hè.',
        raisedBy: 'Bà Phạm Thị Lan',
      }),
  },
  {
    route: 'POST /api/v1/complaints',
    access: COMPLAINT_RECORDERS,
    ok: 201,
    call: (c) => c.send('POST', '/api/v1/complaints', complaintBody()),
  },
  {
    route: 'GET /api/v1/complaints',
    access: FEEDBACK_READERS,
    ok: 200,
    call: (c) => c.send('GET', '/api/v1/complaints?view=open'),
  },
  {
    route: 'GET /api/v1/complaints/figures',
    access: FEEDBACK_READERS,
    ok: 200,
    call: (c) => c.send('GET', '/api/v1/complaints/figures'),
  },
  {
    route: 'GET /api/v1/complaints/:code',
    access: FEEDBACK_READERS,
    ok: 200,
    call: (c) => c.send('GET', `/api/v1/complaints/${complaintCode}`),
  },
  {
    route: 'GET /api/v1/complaints/:code/form.pdf',
    access: COMPLAINT_RECORDERS,
    ok: 200,
    call: (c) => c.send('GET', `/api/v1/complaints/${complaintCode}/form.pdf`),
  },
  {
    route: 'POST /api/v1/complaints/:code/accept',
    access: ['ward_leader'],
    ok: 200,
    call: async (c) =>
      c.send('POST', `/api/v1/complaints/${await complaints.complaint()}/accept`, {
        handlerId: await complaints.officerId(),
      }),
  },
  {
    route: 'POST /api/v1/complaints/:code/refuse',
    access: ['ward_leader'],
    ok: 200,
    call: async (c) =>
      c.send('POST', `/api/v1/complaints/${await complaints.complaint()}/refuse`, { reasons: ['unsigned'] }),
  },
  {
    route: 'POST /api/v1/complaints/:code/dialogue',
    access: COMPLAINT_HANDLERS,
    ok: 200,
    call: async (c) =>
      c.send('POST', `/api/v1/complaints/${await complaints.acceptedComplaint(c.role)}/dialogue`, {
        heldAt: '2026-03-02T09:00:00+07:00',
        participants: 'Người khiếu nại, cán bộ xác minh',
        minutes: 'Hai bên trình bày ý kiến; lập biên bản.',
      }),
  },
  {
    route: 'POST /api/v1/complaints/:code/decision',
    access: ['ward_leader'],
    ok: 200,
    call: async (c) =>
      c.send('POST', `/api/v1/complaints/${await complaints.acceptedComplaint(null)}/decision`, {
        number: '12/QĐ-UBND',
        summary: 'Giữ nguyên quyết định bị khiếu nại.',
        verificationDiffers: false,
      }),
  },
  {
    route: 'POST /api/v1/complaints/:code/sent',
    access: COMPLAINT_HANDLERS,
    ok: 200,
    call: async (c) => c.send('POST', `/api/v1/complaints/${await complaints.decidedComplaint()}/sent`, {}),
  },
  {
    route: 'POST /api/v1/denunciations',
    access: COMPLAINT_RECORDERS,
    ok: 201,
    call: (c) => c.send('POST', '/api/v1/denunciations', denunciationBody()),
  },
  {
    route: 'GET /api/v1/denunciations',
    access: FEEDBACK_READERS,
    ok: 200,
    call: (c) => c.send('GET', '/api/v1/denunciations?view=all&q=tiền'),
  },
  {
    route: 'GET /api/v1/denunciations/figures',
    access: FEEDBACK_READERS,
    ok: 200,
    call: (c) => c.send('GET', '/api/v1/denunciations/figures'),
  },
  {
    route: 'GET /api/v1/denunciations/register',
    access: FEEDBACK_READERS,
    ok: 200,
    call: (c) => c.send('GET', '/api/v1/denunciations/register?from=2026-01-01&to=2026-12-31&format=xlsx'),
  },
  {
    route: 'GET /api/v1/denunciations/:code',
    access: FEEDBACK_READERS,
    ok: 200,
    call: (c) => c.send('GET', `/api/v1/denunciations/${denunciationCode}`),
  },
  {
    route: 'GET /api/v1/denunciations/:code/identity',
    access: COMPLAINT_HANDLERS, // and only the chairman or the assigned handler: the fixture assigns the caller
    ok: 200,
    call: async (c) =>
      c.send('GET', `/api/v1/denunciations/${await complaints.assignedDenunciation(c.role)}/identity`),
  },
  {
    route: 'POST /api/v1/denunciations/:code/assign',
    access: ['ward_leader'],
    ok: 200,
    call: async (c) =>
      c.send('POST', `/api/v1/denunciations/${await complaints.denunciation()}/assign`, {
        handlerId: await complaints.officerId(),
      }),
  },
  {
    route: 'POST /api/v1/denunciations/:code/extend-initial',
    access: COMPLAINT_HANDLERS,
    ok: 200,
    call: async (c) =>
      c.send(
        'POST',
        `/api/v1/denunciations/${await complaints.assignedDenunciation(c.role)}/extend-initial`,
        {
          reason: 'Cần xác minh thêm.',
        },
      ),
  },
  {
    route: 'POST /api/v1/denunciations/:code/accept',
    access: COMPLAINT_HANDLERS,
    ok: 200,
    call: async (c) =>
      c.send('POST', `/api/v1/denunciations/${await complaints.assignedDenunciation(c.role)}/accept`, {
        complexity: 'normal',
      }),
  },
  {
    route: 'POST /api/v1/denunciations/:code/forward',
    access: COMPLAINT_HANDLERS,
    ok: 200,
    call: async (c) =>
      c.send('POST', `/api/v1/denunciations/${await complaints.assignedDenunciation(c.role)}/forward`, {
        to: 'Công an thành phố Hải Phòng',
      }),
  },
  {
    route: 'POST /api/v1/denunciations/:code/not-accept',
    access: COMPLAINT_HANDLERS,
    ok: 200,
    call: async (c) =>
      c.send('POST', `/api/v1/denunciations/${await complaints.assignedDenunciation(c.role)}/not-accept`, {
        reason: 'no_basis',
      }),
  },
  {
    route: 'POST /api/v1/denunciations/:code/extend',
    access: COMPLAINT_HANDLERS,
    ok: 200,
    call: async (c) =>
      c.send('POST', `/api/v1/denunciations/${await complaints.acceptedDenunciation(c.role)}/extend`, {
        days: 30,
        reason: 'Vụ việc phức tạp.',
      }),
  },
  {
    route: 'POST /api/v1/denunciations/:code/conclude',
    access: COMPLAINT_HANDLERS,
    ok: 200,
    call: async (c) =>
      c.send('POST', `/api/v1/denunciations/${await complaints.acceptedDenunciation(c.role)}/conclude`, {
        conclusion: 'Tố cáo không đúng.',
      }),
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
  let citizen: CitizenAgent;

  beforeAll(async () => {
    diagnostics.subscribe('fastify.initialization', watchRoutes);
    platform = await startTestPlatform();
    for (const role of ROLES) agents.set(role, await signIn(platform.app, DEMO_ACCOUNT[role]));
    otpCodeOf = (phone) => lastOtpCode(platform.database, phone);
    const head = agents.get('department_head');
    if (!head) throw new Error('no department head');
    feedback = feedbackFixture(platform, head);
    feedbackCode = await feedback.filed();
    const [counterAgent, chairmanAgent] = [agents.get('counter_officer'), agents.get('ward_leader')];
    if (!counterAgent || !chairmanAgent) throw new Error('no counter officer or chairman');
    complaints = complaintsFixture(platform, counterAgent, chairmanAgent);
    complaintCode = await complaints.complaint();
    denunciationCode = await complaints.denunciation();
    const counter = agents.get('counter_officer');
    receptionEntry = async (classification = RECEPTION_VISIT.classification) =>
      (
        await counter?.request('POST', '/api/v1/reception/log', { ...RECEPTION_VISIT, classification })
      )?.json().id ?? '';
    const [held] = await platform.database.sql.query<{ id: string }>(
      "INSERT INTO listening_sessions (ward_code, held_on, starts_at, place, chaired_by, status, attendees, created_by_name, updated_at) VALUES ('10507', '2026-01-09', '08:00', 'Hội trường Tổ dân phố số 1', 'Chủ tịch UBND phường', 'scheduled', '{}', 'Quản trị phường', now()) RETURNING id",
    );
    heldSessionId = held?.id ?? '';
    citizen = await signInCitizenByPhone(platform.app, platform.database, '0906000001');
    const [row] = await platform.database.sql.query<{ id: string; unit: string }>(
      "SELECT id, (SELECT id FROM org_units WHERE kind = 'culture' AND ward_code = '10507') AS unit FROM staff_accounts WHERE username = 'motcua'",
    );
    staffId = row?.id ?? '';
    unitId = row?.unit ?? '';
    const copyCertification = await agents.get('counter_officer')?.request(
      'POST',
      '/api/v1/dossiers',
      {
        procedureCode: '2.000815',
        applicant: {
          fullName: 'Nguyễn Thị Hằng',
          idNumber: '031095001234',
          phone: '0912345678',
          address: 'Số 5, Tổ dân phố số 1, phường Thành Đông',
        },
        documentsReceived: ['ban-sao-can-chung-thuc'],
        channel: 'counter',
        fee: { pages: 2 },
      },
      { 'idempotency-key': 'policy-fee-dossier' },
    );
    feeDossierCode = copyCertification?.json().code ?? '';
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
        const allowed = row.access === 'public' || (row.access !== 'citizen' && row.access.includes(role));
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

      // A citizen's session opens public and citizen routes only; to a staff route it is no session at all.
      const asCitizen = await row.call({ role: null, send: citizen.request });
      expect(lastRoute, 'the citizen reached the route').toBe(row.route);
      const label = `${row.route} as a citizen: ${asCitizen.body}`;
      if (row.access === 'public' || row.access === 'citizen') {
        expect(asCitizen.statusCode, label).toBe(typeof row.ok === 'number' ? row.ok : row.ok(null));
      } else if (row.applicant !== undefined) {
        expect(asCitizen.statusCode, label).toBe(row.applicant);
      } else {
        expect(asCitizen.statusCode, label).toBe(401);
        expect(asCitizen.json().error.code, label).toBe('UNAUTHENTICATED');
      }
    });
  }
});
