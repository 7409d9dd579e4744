/**
 * The server's workflow table (pure TypeScript, bundled as is), used only to offer the actions a status and a
 * role allow. The server checks every action again.
 */
import { ACTIONS, STATUSES, type ActionKey, type StatusKey } from '../../../src/modules/dossiers/workflow';

/** Actions with a form in the workspace, in the order they are offered. Intake actions live on the intake page. */
export const DOSSIER_ACTIONS = [
  'receive',
  'refuse',
  'hand_over',
  'request_supplement',
  'supplement_received',
  'approve',
  'request_payment',
  'payment_received',
  'mark_result_ready',
  'return_result',
  'withdraw',
  'stop',
] as const satisfies readonly ActionKey[];

export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

/** Statuses in which processing is still running or paused (an apology can still promise a new date). */
const OPEN_STATUSES: readonly string[] = [
  'received',
  'processing',
  'supplement_requested',
  'awaiting_payment',
];
const APOLOGY_ROLES: readonly string[] = ['department_head', 'ward_leader'];

function allows(action: ActionKey, status: string, role: string): boolean {
  const def = ACTIONS[action];
  return (def.from as readonly string[]).includes(status) && (def.roles as readonly string[]).includes(role);
}

/**
 * The actions a role may take on a dossier in this status. A dossier waiting for papers asked for at intake
 * (never received, so no original due date) is completed with `receive`; one asked after receipt, with
 * `supplement_received`.
 */
export function availableActions(
  dossier: { status: string; originalDueDate: string | null },
  role: string,
): DossierAction[] {
  const receivedOnce = dossier.originalDueDate !== null;
  return DOSSIER_ACTIONS.filter(
    (action) =>
      allows(action, dossier.status, role) &&
      !(action === 'receive' && receivedOnce) &&
      !(action === 'supplement_received' && !receivedOnce),
  );
}

/** A written apology with a new date (permission `dossiers.apologise`), while the dossier is open. */
export function mayApologise(
  dossier: { status: string; dueDate: string | null },
  role: string,
  permissions: readonly string[],
): boolean {
  const allowed = permissions.includes('dossiers.apologise') || APOLOGY_ROLES.includes(role);
  return allowed && dossier.dueDate !== null && OPEN_STATUSES.includes(dossier.status);
}

export type { StatusKey };

/** Whether the dossier's processing is over (refused, withdrawn, stopped, returned): nothing more may change. */
export function isFinal(status: string): boolean {
  return STATUSES.some((s) => s.key === status && s.final);
}
