import { maskIdNumber, maskName, maskPhone } from '../../platform/people/rules';
import {
  ACTIONS,
  postalReturnAddress,
  registeredReturn,
  statusOf,
  type ActionKey,
  type StatusKey,
} from './rules';
import type { DossierRow } from './store';

type EventRow = { action: string; toStatus: string; at: Date; toUnit: string | null; timing: string | null };

/** Events that are not workflow actions: the apology, and what the platform itself records. */
const EVENT_LABELS: Record<string, string> = {
  submit_online: 'Nộp hồ sơ trực tuyến',
  supplement_submitted: 'Gửi giấy tờ bổ sung trực tuyến',
  change_return: 'Đổi cách nhận kết quả',
  apology: 'Xin lỗi và hẹn lại ngày trả kết quả',
  late_twice: 'Trễ hẹn lần thứ hai — chuyển Chủ tịch UBND xử lý',
  marked_late: 'Quá hạn giải quyết',
  apology_drafted: 'Dự thảo văn bản xin lỗi',
  reminder_sent: 'Nhắc hạn giải quyết',
  escalated: 'Chuyển Chủ tịch UBND xử lý',
};

/** Internal records the citizen's tracking page does not show. */
const INTERNAL_EVENTS = new Set([
  'late_twice',
  'marked_late',
  'apology_drafted',
  'reminder_sent',
  'escalated',
]);

function actionLabel(action: string): string {
  if (Object.hasOwn(ACTIONS, action)) return ACTIONS[action as ActionKey].label;
  return EVENT_LABELS[action] ?? action;
}

/** What anyone holding the receipt may see: where the dossier is and when; no personal data. */
export function publicView(
  dossier: Pick<DossierRow, 'code' | 'procedureName' | 'applicantName' | 'status' | 'receivedAt' | 'dueDate'>,
  events: readonly EventRow[],
) {
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
    timeline: events
      .filter((e) => !INTERNAL_EVENTS.has(e.action))
      .map((e) => ({
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
    returnChannel: registeredReturn(dossier),
    returnAddress: postalReturnAddress(dossier),
    notifyChannels: dossier.notifyChannels,
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
