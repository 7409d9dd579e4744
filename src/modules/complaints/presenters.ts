/**
 * What staff see of complaints (the complainant masked unless the role reads personal data) and of denunciations
 * (never the denouncer: `identity` says only whether this viewer may open it, through its own audited route).
 */
import type { Role } from '../../platform/auth/roles';
import type { IsoDate, WorkingCalendar } from '../../platform/calendar/rules';
import { maskIdNumber, maskName, maskPhone } from '../../platform/people/rules';
import { timeliness, TIMELINESS_LABELS } from '../feedback/register';
import {
  COMPLAINT_STATUSES,
  COMPLEXITY_LABELS,
  DENUNCIATION_STATUSES,
  mayOpenIdentity,
  NOT_ACCEPTED_REASONS,
  OPEN_COMPLAINT_STATUSES,
  OPEN_DENUNCIATION_STATUSES,
  REFUSAL_REASONS,
  type ComplaintStatus,
  type DenunciationStatus,
  type NotAcceptedReason,
  type RefusalReason,
} from './rules';
import type { ComplaintRow, DenunciationRow } from './store';
import type { Complexity } from '../feedback/deadlines';

const iso = (at: Date | null) => at?.toISOString() ?? null;

/** The deadline the record is working against now, and how close it is. */
function current(
  open: boolean,
  due: IsoDate | null,
  label: string,
  today: IsoDate,
  calendar: WorkingCalendar,
) {
  if (!open || !due) return null;
  const t = timeliness(due, today, calendar);
  return { label, dueDate: due, timeliness: t, timelinessLabel: TIMELINESS_LABELS[t] };
}

type CurrentDeadline = ReturnType<typeof current>;

/** Open, due soon and late among records' current deadlines (null: the record is closed). */
export function deadlineCounts(deadlines: readonly CurrentDeadline[]) {
  return {
    open: deadlines.filter((d) => d).length,
    dueSoon: deadlines.filter((d) => d?.timeliness === 'due_soon').length,
    late: deadlines.filter((d) => d?.timeliness === 'late').length,
  };
}

/** Records resolved and resolved on time, with the on-time share in percent to one decimal (null: none yet). */
export function resolutionRate(rate: { resolved: number; onTime: number }) {
  return {
    ...rate,
    onTimePercent: rate.resolved > 0 ? Math.round((1000 * rate.onTime) / rate.resolved) / 10 : null,
  };
}

/** The stage a complaint is at: acceptance, resolution, then sending the decision. */
export function complaintDeadline(
  row: Pick<ComplaintRow, 'status' | 'acceptanceDue' | 'resolutionDue' | 'sendDue'>,
  today: IsoDate,
  calendar: WorkingCalendar,
) {
  const status = row.status as ComplaintStatus;
  const [label, due] =
    status === 'received'
      ? ['Thụ lý', row.acceptanceDue]
      : status === 'accepted'
        ? ['Giải quyết', row.resolutionDue]
        : ['Gửi quyết định', row.sendDue];
  return current(OPEN_COMPLAINT_STATUSES.includes(status), due, label, today, calendar);
}

/** The stage a denunciation is at: initial processing, then resolution (its due day moved by extensions). */
export function denunciationDeadline(
  row: Pick<DenunciationRow, 'status' | 'initialDue' | 'resolutionDue'>,
  today: IsoDate,
  calendar: WorkingCalendar,
) {
  const status = row.status as DenunciationStatus;
  const open = OPEN_DENUNCIATION_STATUSES.includes(status);
  return status === 'received'
    ? current(open, row.initialDue, 'Xử lý ban đầu', today, calendar)
    : current(open, row.resolutionDue, 'Giải quyết', today, calendar);
}

export function complaintSummary(row: ComplaintRow, today: IsoDate, calendar: WorkingCalendar) {
  const status = row.status as ComplaintStatus;
  return {
    code: row.code,
    status,
    statusLabel: COMPLAINT_STATUSES[status],
    complainant: maskName(row.complainantName),
    subject: row.subject,
    receivedAt: row.receivedAt.toISOString(),
    timely: row.timely,
    handlerName: row.handlerName,
    deadline: complaintDeadline(row, today, calendar),
  };
}

export function complaintDetail(
  row: ComplaintRow,
  unmasked: boolean,
  today: IsoDate,
  calendar: WorkingCalendar,
  appealDue: IsoDate | null,
) {
  return {
    ...complaintSummary(row, today, calendar),
    complainant: {
      fullName: unmasked ? row.complainantName : maskName(row.complainantName),
      address: unmasked ? row.complainantAddress : null,
      phone: row.complainantPhone && (unmasked ? row.complainantPhone : maskPhone(row.complainantPhone)),
      idNumber:
        row.complainantIdNumber &&
        (unmasked ? row.complainantIdNumber : maskIdNumber(row.complainantIdNumber)),
      masked: !unmasked,
    },
    channel: row.channel,
    complaintDate: row.complaintDate,
    respondent: row.respondent,
    content: row.content,
    reasons: row.reasons,
    requests: row.requests,
    evidence: row.evidence,
    signed: row.signed,
    knownOn: row.knownOn,
    obstacleDays: row.obstacleDays,
    limitationDue: row.limitationDue,
    acceptanceDue: row.acceptanceDue,
    acceptanceBasis: row.acceptanceBasis,
    complex: row.complex,
    acceptedAt: iso(row.acceptedAt),
    resolutionDue: row.resolutionDue,
    resolutionBasis: row.resolutionBasis,
    refusal: row.refusedAt
      ? {
          at: iso(row.refusedAt),
          reasons: (row.refusalReasons ?? []).map((r) => REFUSAL_REASONS[r as RefusalReason] ?? r),
          note: row.refusalNote,
        }
      : null,
    dialogue: row.dialogueAt
      ? { heldAt: iso(row.dialogueAt), participants: row.dialogueParticipants, minutes: row.dialogueMinutes }
      : null,
    decision: row.decidedAt
      ? {
          number: row.decisionNumber,
          summary: row.decisionSummary,
          decidedAt: iso(row.decidedAt),
          decidedByName: row.decidedByName,
          sendDue: row.sendDue,
          sentAt: iso(row.sentAt),
        }
      : null,
    appealDue,
    recordedByName: row.recordedByName,
  };
}

export function denunciationSummary(
  row: DenunciationRow,
  viewer: { id: string; role: Role },
  today: IsoDate,
  calendar: WorkingCalendar,
) {
  const status = row.status as DenunciationStatus;
  return {
    code: row.code,
    status,
    statusLabel: DENUNCIATION_STATUSES[status],
    accused: row.accused,
    receivedAt: row.receivedAt.toISOString(),
    handlerName: row.handlerName,
    identity: { sealed: true as const, mayOpen: mayOpenIdentity(viewer, row.handlerId) },
    deadline: denunciationDeadline(row, today, calendar),
  };
}

export function denunciationDetail(
  row: DenunciationRow,
  viewer: { id: string; role: Role },
  today: IsoDate,
  calendar: WorkingCalendar,
) {
  return {
    ...denunciationSummary(row, viewer, today, calendar),
    channel: row.channel,
    content: row.content,
    evidence: row.evidence,
    signed: row.signed,
    initialDue: row.initialDue,
    initialBasis: row.initialBasis,
    initialExtended: row.initialExtended,
    initialExtensionReason: row.initialExtensionReason,
    forwardDue: row.forwardDue,
    complexity: row.complexity,
    complexityLabel: row.complexity ? COMPLEXITY_LABELS[row.complexity as Complexity] : null,
    acceptedAt: iso(row.acceptedAt),
    notifyDue: row.notifyDue,
    resolutionDue: row.resolutionDue,
    resolutionBasis: row.resolutionBasis,
    extensions: row.extensions,
    forwarded: row.forwardedAt ? { to: row.forwardedTo, at: iso(row.forwardedAt) } : null,
    notAccepted: row.notAcceptedAt
      ? {
          reason: NOT_ACCEPTED_REASONS[row.notAcceptedReason as NotAcceptedReason],
          at: iso(row.notAcceptedAt),
        }
      : null,
    conclusion: row.concludedAt ? { text: row.conclusion, at: iso(row.concludedAt) } : null,
    recordedByName: row.recordedByName,
  };
}
