import type { FastifyInstance, FastifyRequest } from 'fastify';
import { canAccessWard, hasPermission, type Policy } from '../auth/policies';
import { loadSession } from '../auth/store';
import { CITIZEN_SESSION_COOKIE } from '../citizens/session';
import { loadCitizenSession } from '../citizens/store';
import type { Clock } from '../clock';
import type { Db } from '../db/connect';
import { AppError } from './errors';

export const SESSION_COOKIE = 'cqtt_session';
/** Methods that change state: they need the CSRF token, and an Idempotency-Key makes them apply once. */
export const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface GuardOptions {
  db: Db;
  clock: Clock;
  /** Province of a ward, for the city reviewer's scope; null when the ward is unknown. */
  provinceOfWard(code: string): Promise<string | null>;
}

function policyOf(request: FastifyRequest): Policy {
  const policy = request.routeOptions.config.policy;
  // Unreachable for registered routes (onRoute refuses them); the 404 handler has no policy and needs none.
  return policy ?? 'public';
}

/**
 * Authentication (onRequest), then authorization and CSRF (preHandler, after validation) for every route,
 * from the route's declared policy. Handlers never check roles themselves.
 */
export function installGuard(app: FastifyInstance, options: GuardOptions): void {
  app.decorateRequest('session', null);
  app.decorateRequest('citizenSession', null);

  app.addHook('onRoute', (route) => {
    if (!route.config?.policy && !route.url.startsWith('/api/docs')) {
      throw new Error(`Route ${route.method} ${route.url} has no policy`);
    }
  });

  // Rate limit → authenticate (here) → validate → authorize (preHandler) → handler.
  // Callback hooks, so that a public request without a session cookie costs no promise.
  app.addHook('onRequest', (request, _reply, done) => {
    const token = request.cookies[SESSION_COOKIE];
    const policy = policyOf(request);
    if (!token && policy === 'public') return done();
    authenticate(request, token, policy).then(() => done(), done);
  });

  async function authenticate(request: FastifyRequest, token: string | undefined, policy: Policy) {
    request.session = token ? await loadSession(options.db, token, options.clock.now()) : null;
    if (policy === 'public') return;
    if (policy === 'citizen') return authenticateCitizen(request);
    const session = request.session;
    if (
      !session &&
      typeof policy === 'object' &&
      policy.orApplicant &&
      request.cookies[CITIZEN_SESSION_COOKIE]
    )
      return authenticateCitizen(request);
    if (!session) throw new AppError('UNAUTHENTICATED');
    if (MUTATING.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
      throw new AppError('CSRF_FAILED');
    }
    if (policy === 'password_stage') {
      if (session.stage !== 'password') throw new AppError('FORBIDDEN');
      return;
    }
    if (session.stage !== 'full')
      throw new AppError('UNAUTHENTICATED', 'Xin vui lòng nhập mã xác thực hai bước.');
  }

  /** A citizen's own session and CSRF token; a staff session alone is refused as forbidden. */
  async function authenticateCitizen(request: FastifyRequest) {
    const token = request.cookies[CITIZEN_SESSION_COOKIE];
    request.citizenSession = token ? await loadCitizenSession(options.db, token, options.clock.now()) : null;
    const session = request.citizenSession;
    if (!session) throw new AppError(request.session ? 'FORBIDDEN' : 'UNAUTHENTICATED');
    if (MUTATING.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
      throw new AppError('CSRF_FAILED');
    }
  }

  app.addHook('preHandler', (request, _reply, done) => {
    const policy = policyOf(request);
    if (typeof policy === 'string') return done();
    authorize(request, policy).then(() => done(), done);
  });

  async function authorize(request: FastifyRequest, policy: Exclude<Policy, string>) {
    // The citizen's own dossier: the handler checks it is theirs.
    if (policy.orApplicant && !request.session && request.citizenSession) return;
    const staff = request.session?.staff;
    if (!staff) throw new AppError('UNAUTHENTICATED');
    if (staff.mustEnrolTotp) throw new AppError('TOTP_ENROLMENT_REQUIRED');
    if (!hasPermission(staff.role, policy.permission)) throw new AppError('FORBIDDEN');
    if (policy.wardParam) {
      const wardCode = (request.params as Record<string, string>)[policy.wardParam] ?? '';
      const province = await options.provinceOfWard(wardCode);
      if (!province) throw new AppError('NOT_FOUND', 'Không tìm thấy phường, xã này.');
      if (!canAccessWard(staff, wardCode, province)) throw new AppError('FORBIDDEN');
    }
  }
}
