import { maskName, maskPhone } from '../../platform/people/rules';
import {
  REASON_LABELS,
  REQUESTER_LABELS,
  STATUS_LABELS,
  type Reason,
  type Requester,
  type Status,
} from './rules';
import type { HomeVisitRow } from './store';

/** The personal fields a role without `homeVisits.personal.read` never sees in full. */
export const PERSONAL_FIELDS = [
  'requesterName',
  'contactPhone',
  'personName',
  'personAddress',
  'personPhone',
  'note',
];

function common(row: HomeVisitRow) {
  return {
    id: row.id,
    code: row.code,
    status: row.status,
    statusLabel: STATUS_LABELS[row.status as Status],
    reason: row.reason,
    reasonLabel: REASON_LABELS[row.reason as Reason],
    procedure: { code: row.procedureCode, name: row.procedureName },
    preferredTimes: row.preferredTimes,
    visit: row.visitDay && {
      day: row.visitDay,
      from: row.visitFrom,
      to: row.visitTo,
      officerId: row.officerId,
      officerName: row.officerName,
    },
    dossierCode: row.dossierCode,
    cancelReason: row.cancelReason,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A request as the workspace shows it; masked for the roles that do not serve it (address withheld). */
export function staffView(row: HomeVisitRow, unmasked: boolean) {
  const phone = (value: string) => (unmasked ? value : maskPhone(value));
  const name = (value: string) => (unmasked ? value : maskName(value));
  return {
    ...common(row),
    requesterKind: row.requesterKind,
    requesterLabel: REQUESTER_LABELS[row.requesterKind as Requester],
    requesterName: name(row.requesterName),
    contactPhone: phone(row.contactPhone),
    person: {
      fullName: name(row.personName),
      address: unmasked ? row.personAddress : null,
      phone: row.personPhone && phone(row.personPhone),
    },
    note: unmasked ? row.note : null,
    masked: !unmasked,
  };
}

/** A request as its requester follows it on the portal: what was asked, and when the officer will come. */
export function requesterView(row: HomeVisitRow) {
  return { ...common(row), personName: row.personName };
}
