import type { FastifyRequest } from 'fastify';
import type { Session } from '../auth/store';
import type { Policy } from '../auth/policies';
import type { AuditContext } from '../audit/store';
import { AppError } from './errors';

declare module 'fastify' {
  interface FastifyRequest {
    session: Session | null;
  }
  interface FastifyContextConfig {
    /** Every route declares who may call it; a route without one refuses to register. */
    policy?: Policy;
  }
}

export function auditContext(request: FastifyRequest): AuditContext {
  const staff = request.session?.staff;
  return {
    actor: staff ? { id: staff.id, name: staff.fullName, role: staff.role } : null,
    ip: request.ip,
    userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
  };
}

/** The signed-in staff member; the guard has already refused the request when there is none. */
export function currentStaff(request: FastifyRequest) {
  const staff = request.session?.staff;
  if (!staff) throw new AppError('UNAUTHENTICATED');
  return staff;
}
