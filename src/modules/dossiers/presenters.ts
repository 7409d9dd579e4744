import { maskIdNumber, maskName, maskPhone } from '../../platform/people/rules';
import { ACTIONS, statusOf, type ActionKey, type StatusKey } from './rules';
import type { DossierRow } from './store';

type EventRow = { action: string; toStatus: string; at: Date; toUnit: string | null; timing: string | null };

function actionLabel(action: string): string {
  return Object.hasOwn(ACTIONS, action) ? ACTIONS[action as ActionKey].label : action;
}

/** What anyone holding the receipt may see: where the dossier is and when; no personal data. */
export function publicView(dossier: DossierRow, events: readonly EventRow[]) {
  const status = statusOf(dossier.status as StatusKey);
  return {
    code: dossier.code,
    procedureName: dossier.procedureName,
    applicantName: maskName(dossier.applicantName),
    status: status.key,
    statusCode: status.code,
    statusLabel: status.label,
    receivedAt: dossier.receivedAt.toISOString(),
    dueDate: dossier.dueDate,
    timeline: events.map((e) => ({
      at: e.at.toISOString(),
      label: actionLabel(e.action),
      status: statusOf(e.toStatus as StatusKey).label,
      unit: e.toUnit,
    })),
  };
}

/** The staff view; the applicant's number and phone are masked unless the reader may see them. */
export function staffView(
  dossier: DossierRow,
  events: readonly (EventRow & { actorName: string; note: string | null })[],
  unmasked: boolean,
) {
  const status = statusOf(dossier.status as StatusKey);
  return {
    ...publicView(dossier, events),
    applicant: {
      fullName: dossier.applicantName,
      idNumber: unmasked ? dossier.applicantIdNumber : maskIdNumber(dossier.applicantIdNumber),
      phone: unmasked ? dossier.applicantPhone : maskPhone(dossier.applicantPhone),
      address: dossier.applicantAddress,
    },
    statusLabel: status.label,
    procedureCode: dossier.procedureCode,
    procedureVersion: dossier.procedureVersion,
    channel: dossier.channel,
    receiptDay: dossier.receiptDay,
    originalDueDate: dossier.originalDueDate,
    documentsReceived: dossier.documentsReceived,
    feeAmount: dossier.feeAmount,
    receivedByName: dossier.receivedByName,
    supplementRequests: dossier.supplementRequests,
    apologies: dossier.apologies,
    lateAt: dossier.lateAt?.toISOString() ?? null,
    events: events.map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      label: actionLabel(e.action),
      toStatus: e.toStatus,
      actorName: e.actorName,
      unit: e.toUnit,
      timing: e.timing,
      note: e.note,
    })),
  };
}
