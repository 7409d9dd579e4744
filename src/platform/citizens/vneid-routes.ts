import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as oidc from 'openid-client';
import type { RouteOptions } from '../http/deps';
import { siteOrigin } from '../http/html';
import { localVneid } from './local-vneid';
import { minutesAfter, VNEID_LOGIN_MINUTES } from './rules';
import { setCitizenSessionCookie, setVneidLoginCookie, VNEID_LOGIN_COOKIE } from './session';
import { openCitizenSession, recordRefusedSignIn } from './sign-in';
import * as store from './store';
import { VNEID_CALLBACK_PATH, VneidClient } from './vneid';

const START_PATH = '/api/v1/citizen/auth/vneid/start';
/** The portal's pages (web/citizen): where a sign-in ends, and where a failed one is explained. */
const MY_DOSSIERS_PAGE = '/ho-so-cua-toi';
const SIGN_IN_PAGE = '/dang-nhap';

type Failure = 'vneid_unavailable' | 'vneid_failed' | 'vneid_cancelled';

/** Why openid-client refused an answer, as a code safe to log and audit (its messages may quote the answer). */
function reasonOf(error: unknown): string {
  if (error instanceof oidc.AuthorizationResponseError || error instanceof oidc.ResponseBodyError) {
    return `provider:${error.error}`.slice(0, 80);
  }
  const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : '';
  return code.slice(0, 80) || 'error';
}

/**
 * VNeID sign-in (OpenID Connect, authorization code with PKCE). Both routes are browser navigations: failures
 * go back to the sign-in page, which explains them, rather than answering JSON.
 */
export const vneidRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;
  const { config } = deps;
  const local = localVneid(deps, app.server);
  const vneid = new VneidClient(() =>
    config.vneid ? { ...config.vneid, appUrl: config.publicUrl } : (local?.settings() ?? null),
  );
  const fail = (reply: FastifyReply, failure: Failure) => reply.redirect(`${SIGN_IN_PAGE}?loi=${failure}`);

  app.get(
    '/citizen/auth/vneid/start',
    {
      config: { policy: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['citizen'],
        summary: 'Người dân: chuyển sang VNeID để đăng nhập (PKCE S256, state, nonce)',
      },
    },
    async (request, reply) => {
      const settings = vneid.settings();
      if (!settings) return fail(reply, 'vneid_unavailable');
      const origin = siteOrigin(request, settings.appUrl);
      // The local provider knows one callback address, where the server listens: a sign-in started at another
      // address moves there first, so that its cookie comes back with the callback.
      if (local && !config.publicUrl && new URL(origin).origin !== siteOrigin(request, undefined)) {
        return reply.redirect(`${origin}${START_PATH}`);
      }
      let started;
      try {
        started = await vneid.start(settings, `${origin}${VNEID_CALLBACK_PATH}`);
      } catch (error) {
        request.log.warn({ reason: reasonOf(error) }, 'VNeID: the provider could not be reached');
        return fail(reply, 'vneid_unavailable');
      }
      const now = deps.clock.now();
      const token = await store.saveOidcLogin(
        db,
        { ...started.pending, expiresAt: minutesAfter(now, VNEID_LOGIN_MINUTES) },
        now,
      );
      setVneidLoginCookie(reply, token, config.production);
      return reply.redirect(started.url.href);
    },
  );

  app.get(
    '/citizen/auth/vneid/callback',
    {
      config: { policy: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags: ['citizen'], summary: 'Người dân: VNeID trả về sau khi đăng nhập (mã ủy quyền)' },
    },
    async (request, reply) => {
      const now = deps.clock.now();
      const token = request.cookies[VNEID_LOGIN_COOKIE];
      reply.clearCookie(VNEID_LOGIN_COOKIE, { path: '/' });
      const pending = token ? await store.takeOidcLogin(db, token, now) : undefined;
      const settings = vneid.settings();
      let identity;
      let reason = 'no_sign_in_under_way';
      try {
        if (pending && settings)
          identity = await vneid.finish(settings, pending, request.url.split('?')[1] ?? '');
      } catch (error) {
        reason = reasonOf(error);
      }
      if (!identity) {
        request.log.warn({ reason }, 'VNeID: sign-in refused');
        await db.transaction((tx) =>
          recordRefusedSignIn(tx, request, config.portalWard, { method: 'vneid', reason }),
        );
        return fail(reply, reason === 'provider:access_denied' ? 'vneid_cancelled' : 'vneid_failed');
      }
      const signedIn = identity;
      const session = await db.transaction(async (tx) => {
        const citizen = await store.upsertVneidCitizen(tx, signedIn, now);
        return openCitizenSession(tx, request, { wardCode: config.portalWard, now }, citizen, 'vneid');
      });
      setCitizenSessionCookie(reply, session.token, config.production);
      return reply.redirect(MY_DOSSIERS_PAGE);
    },
  );
};
