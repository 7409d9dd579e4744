import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../http/errors';
import { CITIZEN_SESSION_HOURS, VNEID_LOGIN_MINUTES } from './rules';

/** Not the staff cookie: a citizen's session is a different principal and can never pass a staff policy. */
export const CITIZEN_SESSION_COOKIE = 'cqtt_citizen';
/** Names the VNeID sign-in under way (its state, nonce and PKCE verifier stay on the server). */
export const VNEID_LOGIN_COOKIE = 'cqtt_vneid';

/**
 * Lax, not strict: the session cookie is set by the callback, a navigation from the provider, and the sign-in
 * cookie must come back with that navigation.
 */
function cookieOptions(production: boolean, maxAgeSeconds: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: production ? true : ('auto' as const),
    maxAge: maxAgeSeconds,
  };
}

export function setCitizenSessionCookie(reply: FastifyReply, token: string, production: boolean): void {
  reply.setCookie(CITIZEN_SESSION_COOKIE, token, cookieOptions(production, CITIZEN_SESSION_HOURS * 3600));
}

export function setVneidLoginCookie(reply: FastifyReply, token: string, production: boolean): void {
  reply.setCookie(VNEID_LOGIN_COOKIE, token, cookieOptions(production, VNEID_LOGIN_MINUTES * 60));
}

/** The signed-in citizen's session; the guard has already refused the request when there is none. */
export function currentCitizenSession(request: FastifyRequest) {
  const session = request.citizenSession;
  if (!session) throw new AppError('UNAUTHENTICATED');
  return session;
}
