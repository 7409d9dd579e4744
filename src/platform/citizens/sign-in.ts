/** The audit records of citizen sign-ins, whatever the method; called inside the caller's transaction. */
import type { FastifyRequest } from 'fastify';
import { recordAudit } from '../audit/store';
import type { Db } from '../db/connect';
import { auditContext } from '../http/context';
import { createCitizenSession, type Citizen, type SignInMethod } from './store';

/** Opens a session for the citizen with the audit record of the sign-in; returns the cookie and CSRF tokens. */
export async function openCitizenSession(
  tx: Db,
  request: FastifyRequest,
  where: { wardCode: string; now: Date },
  citizen: Citizen,
  method: SignInMethod,
): Promise<{ token: string; csrfToken: string }> {
  const actor = { id: citizen.id, name: citizen.fullName ?? 'Người dân', role: 'citizen' };
  await recordAudit(
    tx,
    { ...auditContext(request), actor },
    {
      action: 'citizen.login',
      targetType: 'citizen',
      targetId: citizen.id,
      wardCode: where.wardCode,
      summary: { method },
    },
  );
  return createCitizenSession(tx, citizen.id, method, where.now);
}

/** A refused sign-in: the method and the reason, never who tried (no number, no phone). */
export function recordRefusedSignIn(
  tx: Db,
  request: FastifyRequest,
  wardCode: string,
  refusal: { method: SignInMethod; reason: string; target?: { type: string; id: string } },
): Promise<void> {
  return recordAudit(tx, auditContext(request), {
    action: 'citizen.login_failed',
    targetType: refusal.target?.type ?? 'citizen',
    targetId: refusal.target?.id ?? null,
    wardCode,
    summary: { method: refusal.method, reason: refusal.reason },
  });
}
