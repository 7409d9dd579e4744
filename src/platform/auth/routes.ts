import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import { z } from 'zod';
import { recordAudit } from '../audit/store';
import { auditContext, currentStaff } from '../http/context';
import type { RouteOptions } from '../http/deps';
import { AppError } from '../http/errors';
import { SESSION_COOKIE } from '../http/guard';
import { findWard, listUnits } from '../wards/store';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords';
import { permissionsOf } from './policies';
import { afterFailedLogin, isLocked, passwordProblem, SESSION_HOURS } from './rules';
import * as store from './store';
import { checkTotp, newTotpSecret, totpUri } from './totp';

const LOGIN_LIMIT = { max: 10, timeWindow: '1 minute' };
const TOTP_CODE = z.string().regex(/^\d{6}$/, 'Mã xác thực gồm 6 chữ số');

export const authRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;

  function setSessionCookie(reply: FastifyReply, token: string) {
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.production ? true : 'auto',
      maxAge: SESSION_HOURS * 3600,
    });
  }

  app.post(
    '/auth/login',
    {
      config: { policy: 'public', rateLimit: LOGIN_LIMIT },
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập của cán bộ (mật khẩu; bước mã xác thực theo sau nếu đã thiết lập)',
        body: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }),
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const account = await store.findAccountByUsername(db, username.trim().toLowerCase());
      const now = deps.clock.now();
      if (account && isLocked(account.lockedUntil, now)) throw new AppError('ACCOUNT_LOCKED');
      const valid = await verifyPassword(account?.passwordHash ?? DUMMY_HASH, password);
      if (!account || !account.active || !valid) {
        if (account) {
          const next = afterFailedLogin(account.failedLogins, now);
          await db.transaction(async (tx) => {
            await store.updateAccount(tx, account.id, next);
            await recordAudit(tx, auditContext(request), {
              action: next.lockedUntil ? 'auth.locked' : 'auth.login_failed',
              targetType: 'staff_account',
              targetId: account.id,
              wardCode: account.wardCode,
            });
          });
        }
        throw new AppError('INVALID_CREDENTIALS');
      }
      const totpRequired = account.totpEnrolledAt !== null;
      const session = await db.transaction(async (tx) => {
        await store.updateAccount(tx, account.id, { failedLogins: 0, lockedUntil: null });
        await recordAudit(
          tx,
          { ...auditContext(request), actor: actorOf(account) },
          {
            action: totpRequired ? 'auth.password_ok' : 'auth.login',
            targetType: 'staff_account',
            targetId: account.id,
            wardCode: account.wardCode,
          },
        );
        return store.createSession(tx, account.id, totpRequired ? 'password' : 'full', now);
      });
      setSessionCookie(reply, session.token);
      return { csrfToken: session.csrfToken, totpRequired };
    },
  );

  app.post(
    '/auth/totp',
    {
      config: { policy: 'password_stage', rateLimit: LOGIN_LIMIT },
      schema: { tags: ['auth'], summary: 'Bước 2: mã xác thực TOTP', body: z.object({ code: TOTP_CODE }) },
    },
    async (request) => {
      const session = request.session;
      if (!session) throw new AppError('UNAUTHENTICATED');
      const account = await store.findAccount(db, session.staff.id);
      if (!account?.totpSecret) throw new AppError('INVALID_TOTP');
      if (isLocked(account.lockedUntil, deps.clock.now())) throw new AppError('ACCOUNT_LOCKED');
      const step = await checkTotp(account.totpSecret, request.body.code, account.totpLastStep);
      if (step === null) {
        // Wrong codes count towards the same lock-out as wrong passwords.
        await db.transaction(async (tx) => {
          const next = afterFailedLogin(account.failedLogins, deps.clock.now());
          await store.updateAccount(tx, account.id, next);
          await recordAudit(tx, auditContext(request), {
            action: next.lockedUntil ? 'auth.locked' : 'auth.totp_failed',
            targetType: 'staff_account',
            targetId: account.id,
            wardCode: account.wardCode,
          });
        });
        throw new AppError('INVALID_TOTP');
      }
      await db.transaction(async (tx) => {
        await store.updateAccount(tx, account.id, { totpLastStep: step, failedLogins: 0 });
        await store.promoteSession(tx, session.tokenHash);
        await recordAudit(tx, auditContext(request), {
          action: 'auth.login',
          targetType: 'staff_account',
          targetId: account.id,
          wardCode: account.wardCode,
        });
      });
      return { csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/auth/logout',
    { config: { policy: 'signed_in' }, schema: { tags: ['auth'], summary: 'Đăng xuất' } },
    async (request, reply) => {
      const session = request.session;
      if (session) await store.deleteSession(db, session.tokenHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/auth/me',
    {
      config: { policy: 'signed_in' },
      schema: { tags: ['auth'], summary: 'Tài khoản đang đăng nhập và quyền' },
    },
    async (request) => {
      const staff = currentStaff(request);
      const ward = staff.wardCode ? await findWard(db, staff.wardCode) : undefined;
      const unit =
        staff.wardCode && staff.orgUnitId
          ? (await listUnits(db, staff.wardCode)).find((u) => u.id === staff.orgUnitId)
          : undefined;
      return {
        id: staff.id,
        username: staff.username,
        fullName: staff.fullName,
        role: staff.role,
        ward: ward ? { code: ward.ward.code, name: ward.name } : null,
        unit: unit ? { id: unit.id, name: unit.name } : null,
        provinceCode: staff.provinceCode,
        permissions: staff.mustEnrolTotp ? [] : permissionsOf(staff.role),
        mustEnrolTotp: staff.mustEnrolTotp,
        csrfToken: request.session?.csrfToken ?? '',
      };
    },
  );

  app.post(
    '/auth/password',
    {
      config: { policy: 'signed_in', rateLimit: LOGIN_LIMIT },
      schema: {
        tags: ['auth'],
        summary: 'Đổi mật khẩu',
        body: z.object({
          currentPassword: z.string().min(1).max(200),
          newPassword: z.string().min(1).max(200),
        }),
      },
    },
    async (request, reply) => {
      const staff = currentStaff(request);
      const account = await store.findAccount(db, staff.id);
      if (!account || !(await verifyPassword(account.passwordHash, request.body.currentPassword))) {
        throw new AppError('VALIDATION_FAILED', 'Mật khẩu hiện tại không đúng.', {
          currentPassword: 'Mật khẩu hiện tại không đúng.',
        });
      }
      const problem = passwordProblem(request.body.newPassword, account.username);
      if (problem) throw new AppError('VALIDATION_FAILED', problem, { newPassword: problem });
      const passwordHash = await hashPassword(request.body.newPassword);
      await db.transaction(async (tx) => {
        await store.updateAccount(tx, account.id, { passwordHash, passwordChangedAt: deps.clock.now() });
        await store.deleteOtherSessions(tx, account.id, request.session?.tokenHash ?? '');
        await recordAudit(tx, auditContext(request), {
          action: 'auth.password_changed',
          targetType: 'staff_account',
          targetId: account.id,
          wardCode: account.wardCode,
        });
      });
      return reply.status(204).send();
    },
  );

  app.post(
    '/auth/totp/enrolment',
    {
      config: { policy: 'signed_in' },
      schema: { tags: ['auth'], summary: 'Bắt đầu thiết lập xác thực hai bước (tạo khóa bí mật)' },
    },
    async (request) => {
      const staff = currentStaff(request);
      const account = await store.findAccount(db, staff.id);
      if (account?.totpEnrolledAt)
        throw new AppError('CONFLICT', 'Tài khoản đã thiết lập xác thực hai bước.');
      const secret = newTotpSecret();
      await db.transaction(async (tx) => {
        await store.updateAccount(tx, staff.id, { totpSecret: secret });
        await recordAudit(tx, auditContext(request), {
          action: 'auth.totp_enrolment_started',
          targetType: 'staff_account',
          targetId: staff.id,
          wardCode: staff.wardCode,
        });
      });
      const otpauthUrl = totpUri(secret, staff.username);
      return { secret, otpauthUrl, qrSvg: await QRCode.toString(otpauthUrl, { type: 'svg', margin: 1 }) };
    },
  );

  app.post(
    '/auth/totp/enrolment/confirm',
    {
      config: { policy: 'signed_in', rateLimit: LOGIN_LIMIT },
      schema: {
        tags: ['auth'],
        summary: 'Xác nhận thiết lập xác thực hai bước bằng mã đầu tiên',
        body: z.object({ code: TOTP_CODE }),
      },
    },
    async (request, reply) => {
      const staff = currentStaff(request);
      const account = await store.findAccount(db, staff.id);
      if (!account?.totpSecret || account.totpEnrolledAt) {
        throw new AppError('CONFLICT', 'Xin vui lòng bắt đầu lại việc thiết lập xác thực hai bước.');
      }
      const step = await checkTotp(account.totpSecret, request.body.code, null);
      if (step === null) throw new AppError('INVALID_TOTP');
      await db.transaction(async (tx) => {
        await store.updateAccount(tx, staff.id, { totpEnrolledAt: deps.clock.now(), totpLastStep: step });
        await recordAudit(tx, auditContext(request), {
          action: 'auth.totp_enrolled',
          targetType: 'staff_account',
          targetId: staff.id,
          wardCode: staff.wardCode,
        });
      });
      return reply.status(204).send();
    },
  );
};

function actorOf(account: store.StaffAccount) {
  return { id: account.id, name: account.fullName, role: account.role };
}
