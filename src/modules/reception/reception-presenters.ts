/**
 * A reception-log entry as staff see it: CCCD number, phone and address masked unless the role needs them; a
 * denouncer's identity never (sealed: only the chairman opens it, through its own audited route).
 */
import type { IsoDate, WorkingCalendar } from '../../platform/calendar/rules';
import { maskIdNumber, maskPhone } from '../../platform/people/rules';
import { timeliness, TIMELINESS_LABELS } from '../feedback/rules';
import { trackingPath } from '../feedback/api';
import { SEALED_LABEL } from '../complaints/rules';
import { CLASSIFICATIONS, RESULT_KINDS, type Classification, type ResultKind } from './rules';
import type { LogRow } from './store';

/** The address is kept to its last parts (tổ dân phố, phường…) when masked: where from, not where exactly. */
function maskAddress(address: string): string {
  const parts = address.split(',').map((p) => p.trim());
  return parts.length > 2 ? `***, ${parts.slice(-2).join(', ')}` : '***';
}

export function logView(
  row: LogRow,
  options: { unmasked: boolean; today: IsoDate; calendar: WorkingCalendar },
) {
  const sealed = row.visitorSealed !== null;
  const unmasked = options.unmasked && !sealed;
  const standing = row.answeredAt ? null : timeliness(row.dueDate, options.today, options.calendar);
  return {
    id: row.id,
    number: row.number,
    year: row.year,
    receivedAt: row.receivedAt.toISOString(),
    receiptDay: row.receiptDay,
    visitorName: sealed ? SEALED_LABEL : row.visitorName,
    visitorIdNumber:
      row.visitorIdNumber && (unmasked ? row.visitorIdNumber : maskIdNumber(row.visitorIdNumber)),
    visitorPhone: row.visitorPhone && (unmasked ? row.visitorPhone : maskPhone(row.visitorPhone)),
    visitorAddress: row.visitorAddress && (unmasked ? row.visitorAddress : maskAddress(row.visitorAddress)),
    personalMasked: !unmasked,
    visitorSealed: sealed,
    groupSize: row.groupSize,
    representatives: row.representatives,
    matter: row.matter,
    classification: row.classification,
    classificationLabel: CLASSIFICATIONS[row.classification as Classification],
    receivedByName: row.receivedByName,
    dueDate: row.dueDate,
    dueBasis: row.dueBasis,
    timeliness: standing,
    timelinessLabel: standing && TIMELINESS_LABELS[standing],
    resultKind: row.resultKind,
    resultKindLabel: row.resultKind ? RESULT_KINDS[row.resultKind as ResultKind] : null,
    result: row.result,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    answeredByName: row.answeredByName,
    feedbackCode: row.feedbackCode,
    feedbackUrl: row.feedbackCode && trackingPath(row.feedbackCode),
  };
}
export type LogView = ReturnType<typeof logView>;
