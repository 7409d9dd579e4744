import type { FastifyRequest } from 'fastify';
import type { Session } from '../auth/store';
import type { CitizenSession } from '../citizens/store';
import type { Policy } from '../auth/policies';
import type { AuditContext } from '../audit/store';
import { AppError } from './errors';

declare module 'fastify' {
  interface FastifyRequest {
    session: Session | null;
    /** Loaded by the guard on routes of the `citizen` policy only. */
    citizenSession: CitizenSession | null;
  }
  interface FastifyContextConfig {
    /** Every route declares who may call it; a route without one refuses to register. */
    policy?: Policy;
  }
}

export function auditContext(request: FastifyRequest): AuditContext {
  const staff = request.session?.staff;
  const citizen = request.citizenSession?.citizen;
  let actor: AuditContext['actor'] = null;
  // On a citizen route the citizen acts, even from a browser that also holds a staff session.
  if (citizen) actor = { id: citizen.id, name: citizen.fullName ?? 'Người dân', role: 'citizen' };
  else if (staff) actor = { id: staff.id, name: staff.fullName, role: staff.role };
  return {
    actor,
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
