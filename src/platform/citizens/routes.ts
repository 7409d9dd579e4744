import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit/store';
import { NOTIFY_CHOICE } from '../channels/choice';
import { auditContext } from '../http/context';
import type { RouteOptions } from '../http/deps';
import { AppError } from '../http/errors';
import { IDEMPOTENCY_HEADERS } from '../http/schemas';
import { maskIdNumber, maskPhone, normalisePhone, PHONE_MESSAGE } from '../people/rules';
import { sendOtp } from './otp';
import { OTP_MAX_TRIES, OTP_TTL_MINUTES, otpRefusal } from './rules';
import { CITIZEN_SESSION_COOKIE, currentCitizenSession, setCitizenSessionCookie } from './session';
import { openCitizenSession, recordRefusedSignIn } from './sign-in';
import * as store from './store';

const PHONE = z
  .string()
  .max(30)
  .transform(
    (v, ctx) => normalisePhone(v) ?? (ctx.addIssue({ code: 'custom', message: PHONE_MESSAGE }), z.NEVER),
  );
const CODE = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'Xin vui lòng nhập mã xác thực gồm 6 chữ số.');

const REQUEST_LIMIT = { max: 10, timeWindow: '15 minutes' };
const VERIFY_LIMIT = { max: 10, timeWindow: '1 minute' };

const EXPIRED = 'Mã xác thực đã hết hạn. Xin vui lòng yêu cầu mã mới.';
const NO_CODE = 'Mã xác thực không đúng hoặc đã hết hạn. Xin vui lòng yêu cầu mã mới.';
const EXHAUSTED = `Mã xác thực đã bị nhập sai ${OTP_MAX_TRIES} lần. Xin vui lòng yêu cầu mã mới.`;

function wrongCodeMessage(triesLeft: number): string {
  return triesLeft > 0 ? `Mã xác thực không đúng. Bạn còn ${triesLeft} lần thử.` : EXHAUSTED;
}

/** Citizens' sign-in by phone and one-time code, their account, and sign-out (VNeID: vneid-routes.ts). */
export const citizenRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;
  const wardCode = deps.config.portalWard;

  app.post(
    '/citizen/auth/otp',
    {
      config: { policy: 'public', rateLimit: REQUEST_LIMIT },
      schema: {
        tags: ['citizen'],
        summary: `Người dân: gửi mã đăng nhập gồm 6 chữ số qua SMS (hiệu lực ${OTP_TTL_MINUTES} phút)`,
        body: z.object({ phone: PHONE }),
      },
    },
    async (request) => {
      const { phone } = request.body;
      const { expiresAt } = await sendOtp(db, request, { wardCode, now: deps.clock.now() }, phone);
      return { phone: maskPhone(phone), expiresAt: expiresAt.toISOString(), maxTries: OTP_MAX_TRIES };
    },
  );

  app.post(
    '/citizen/auth/otp/verify',
    {
      config: { policy: 'public', rateLimit: VERIFY_LIMIT },
      schema: {
        tags: ['citizen'],
        summary: 'Người dân: đăng nhập bằng số điện thoại và mã vừa nhận',
        body: z.object({ phone: PHONE, code: CODE }),
      },
    },
    async (request, reply) => {
      const { phone, code } = request.body;
      const now = deps.clock.now();
      const latest = await store.latestOtp(db, phone);
      const refusal = otpRefusal(latest, now);
      if (refusal === 'too_many') throw new AppError('OTP_EXHAUSTED', EXHAUSTED, { code: EXHAUSTED });
      if (refusal || !latest) {
        const message = refusal === 'expired' ? EXPIRED : NO_CODE;
        throw new AppError('OTP_INVALID', message, { code: message });
      }
      const outcome = await db.transaction(async (tx) => {
        const tried = await store.tryOtp(tx, latest.id, code, now);
        if (tried !== 'right') {
          await recordRefusedSignIn(tx, request, wardCode, {
            method: 'otp',
            reason: tried === 'wrong' ? 'wrong_code' : 'code_used_up',
            target: { type: 'citizen_otp', id: latest.id },
          });
          return { tried } as const;
        }
        const citizen = await store.phoneCitizen(tx, phone, now);
        return { tried, session: await openCitizenSession(tx, request, { wardCode, now }, citizen, 'otp') };
      });
      if (!outcome.session) {
        const message =
          outcome.tried === 'wrong' ? wrongCodeMessage(OTP_MAX_TRIES - latest.attempts - 1) : NO_CODE;
        throw new AppError('OTP_INVALID', message, { code: message });
      }
      setCitizenSessionCookie(reply, outcome.session.token, deps.config.production);
      return { csrfToken: outcome.session.csrfToken };
    },
  );

  app.get(
    '/citizen/me',
    {
      config: { policy: 'citizen' },
      schema: { tags: ['citizen'], summary: 'Người dân đang đăng nhập (số căn cước và điện thoại che bớt)' },
    },
    async (request) => {
      const { citizen, method, csrfToken } = currentCitizenSession(request);
      return {
        id: citizen.id,
        fullName: citizen.fullName,
        idNumber: citizen.idNumber && maskIdNumber(citizen.idNumber),
        phone: citizen.phone && maskPhone(citizen.phone),
        email: citizen.email,
        preferredChannels: citizen.preferredChannels,
        signInMethod: method,
        csrfToken,
      };
    },
  );

  app.put(
    '/citizen/me/notifications',
    {
      config: { policy: 'citizen' },
      schema: {
        tags: ['citizen'],
        summary:
          'Người dân: các kênh nhận thông báo về hồ sơ (SMS, Zalo, thư điện tử; ít nhất một), gợi ý sẵn khi nộp hồ sơ trực tuyến',
        headers: IDEMPOTENCY_HEADERS,
        body: NOTIFY_CHOICE,
      },
    },
    async (request) => {
      const { citizen } = currentCitizenSession(request);
      const choice = request.body;
      if (!citizen.phone && choice.channels.some((c) => c !== 'email')) {
        const message = 'Tài khoản chưa có số điện thoại: xin vui lòng chọn nhận thông báo qua thư điện tử.';
        throw new AppError('VALIDATION_FAILED', message, { channels: message });
      }
      const saved = await db.transaction(async (tx) => {
        const row = await store.setNotifyChoice(tx, citizen.id, choice, deps.clock.now());
        await recordAudit(tx, auditContext(request), {
          action: 'citizen.notifications_set',
          targetType: 'citizen',
          targetId: citizen.id,
          wardCode,
          summary: { channels: row.preferredChannels },
        });
        return row;
      });
      return { preferredChannels: saved.preferredChannels, email: saved.email };
    },
  );

  app.post(
    '/citizen/auth/sign-out',
    { config: { policy: 'citizen' }, schema: { tags: ['citizen'], summary: 'Người dân: đăng xuất' } },
    async (request, reply) => {
      const session = currentCitizenSession(request);
      await db.transaction(async (tx) => {
        await store.deleteCitizenSession(tx, session.tokenHash);
        await recordAudit(tx, auditContext(request), {
          action: 'citizen.logout',
          targetType: 'citizen',
          targetId: session.citizen.id,
          wardCode,
        });
      });
      reply.clearCookie(CITIZEN_SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );
};
