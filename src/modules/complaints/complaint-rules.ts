/**
 * Complaints (khiếu nại, Luật Khiếu nại 2011, 02/2011/QH13; vn-rules §5.1): what a complaint must state (điều 8),
 * the 90-day limitation (điều 9), acceptance or refusal (điều 11, 27), resolution within 30 days or 45 when
 * complex (điều 28), dialogue when the request and the verification differ (điều 30), the decision sent within
 * 03 working days and the window to complain again or sue (điều 33). The deadlines are the feedback module's
 * versioned rules (the 01/07/2026 amendment: acceptance 10 → 07 working days); a complaint keeps the versions
 * in force on the day it was received.
 */
import type { IsoDate } from '../../platform/calendar/rules';
import {
  complaintLimitation,
  deadline,
  DEADLINE_KEYS,
  DEADLINE_RULES,
  LAW,
  withinLimitation,
  type Deadline,
  type DeadlineContext,
  type RuleVersion,
} from '../feedback/deadlines';

export const COMPLAINT_STATUSES = {
  received: 'Đã tiếp nhận, chờ thụ lý',
  accepted: 'Đã thụ lý, đang giải quyết',
  refused: 'Không thụ lý',
  decided: 'Đã ban hành quyết định, chờ gửi',
  sent: 'Đã gửi quyết định',
} as const;
export type ComplaintStatus = keyof typeof COMPLAINT_STATUSES;
export const OPEN_COMPLAINT_STATUSES: readonly ComplaintStatus[] = ['received', 'accepted', 'decided'];

/** Why a complaint is not accepted: Luật Khiếu nại 2011, điều 11, khoản 1–9. */
export const REFUSAL_REASONS = {
  internal_act:
    'Quyết định, hành vi hành chính trong nội bộ cơ quan nhà nước, chỉ đạo điều hành cấp trên với cấp dưới, có chứa quy phạm pháp luật hoặc thuộc bí mật nhà nước (khoản 1)',
  no_direct_interest:
    'Quyết định, hành vi hành chính không liên quan trực tiếp đến quyền, lợi ích hợp pháp của người khiếu nại (khoản 2)',
  no_capacity:
    'Người khiếu nại không có năng lực hành vi dân sự đầy đủ mà không có người đại diện hợp pháp (khoản 3)',
  invalid_representative: 'Người đại diện không hợp pháp thực hiện khiếu nại (khoản 4)',
  unsigned: 'Đơn khiếu nại không có chữ ký hoặc điểm chỉ của người khiếu nại (khoản 5)',
  time_barred: 'Thời hiệu, thời hạn khiếu nại đã hết mà không có lý do chính đáng (khoản 6)',
  second_decided: 'Khiếu nại đã có quyết định giải quyết khiếu nại lần hai (khoản 7)',
  suspended_not_continued:
    'Có văn bản thông báo đình chỉ việc giải quyết khiếu nại mà sau 30 ngày người khiếu nại không tiếp tục khiếu nại (khoản 8)',
  court:
    'Việc khiếu nại đã được Tòa án thụ lý hoặc đã được giải quyết bằng bản án, quyết định của Tòa án (khoản 9)',
} as const;
export type RefusalReason = keyof typeof REFUSAL_REASONS;
export const REFUSAL_REASON_CODES = Object.keys(REFUSAL_REASONS) as [RefusalReason, ...RefusalReason[]];
export const REFUSAL_BASIS = `${LAW.complaints}, điều 11`;

/**
 * The versions of every deadline rule in force on the receipt day, stretched over the rest of the record's
 * life: an acceptance, a decision or a sending after a change of the law still counts by the receipt day's law.
 */
export function rulesOfReceipt(
  receiptDay: IsoDate,
  rules: readonly RuleVersion[] = DEADLINE_RULES,
): RuleVersion[] {
  return DEADLINE_KEYS.flatMap((key) => {
    const version = rules.find(
      (r) =>
        r.key === key &&
        r.effectiveFrom <= receiptDay &&
        (r.effectiveTo === null || receiptDay < r.effectiveTo),
    );
    return version ? [{ ...version, effectiveTo: null }] : [];
  });
}

/** The content điều 8 requires of a complaint, as recorded; evidence is attached "if any". */
export interface ComplaintContent {
  complainantName: string;
  complainantAddress: string;
  complaintDate: IsoDate;
  subject: string;
  content: string;
  reasons: string;
  requests: string;
  signed: boolean;
}

const CONTENT_LABELS: Record<keyof ComplaintContent, string> = {
  complainantName: 'họ tên người khiếu nại',
  complainantAddress: 'địa chỉ người khiếu nại',
  complaintDate: 'ngày, tháng, năm khiếu nại',
  subject: 'quyết định, hành vi hành chính bị khiếu nại',
  content: 'nội dung khiếu nại',
  reasons: 'lý do khiếu nại',
  requests: 'yêu cầu của người khiếu nại',
  signed: 'chữ ký hoặc điểm chỉ của người khiếu nại',
};

/** What điều 8 khoản 2–3 requires and the record lacks, as Vietnamese labels (empty: complete). */
export function missingContent(c: ComplaintContent): string[] {
  return (Object.keys(CONTENT_LABELS) as (keyof ComplaintContent)[])
    .filter((k) => (k === 'signed' ? !c.signed : String(c[k]).trim() === ''))
    .map((k) => CONTENT_LABELS[k]);
}

export interface ComplaintFiling {
  /** Last day to complain (điều 9): 90 days from knowing, plus the days of an objective obstacle. */
  limitation: Deadline;
  timely: boolean;
  /** Last day to accept or refuse (điều 27): 10 working days, 07 from 01/07/2026. */
  acceptance: Deadline;
}

export function complaintFiling(
  receivedAt: Date,
  knownOn: IsoDate,
  obstacleDays: number,
  ctx: DeadlineContext,
): ComplaintFiling {
  const known = new Date(`${knownOn}T12:00:00+07:00`);
  const acceptance = deadline('complaint.acceptance', receivedAt, ctx);
  const pinned = { ...ctx, rules: rulesOfReceipt(acceptance.receiptDay, ctx.rules) };
  const limitation = complaintLimitation(known, obstacleDays, pinned);
  return { limitation, timely: withinLimitation(receivedAt, limitation), acceptance };
}

export interface ComplaintState {
  status: ComplaintStatus;
  timely: boolean;
  signed: boolean;
  dialogueHeld: boolean;
}

export type ComplaintStep = 'accept' | 'refuse' | 'dialogue' | 'decide' | 'send';

/** Null when the step is allowed, else why not (Vietnamese). */
export function complaintStepProblem(step: ComplaintStep, c: ComplaintState): string | null {
  switch (step) {
    case 'accept':
      if (c.status !== 'received') return 'Chỉ thụ lý khiếu nại đang chờ thụ lý.';
      if (!c.timely)
        return 'Khiếu nại đã hết thời hiệu 90 ngày (Luật Khiếu nại 2011, điều 9): không thụ lý, trừ khi ghi nhận thêm ngày trở ngại khách quan.';
      return c.signed
        ? null
        : 'Đơn chưa có chữ ký hoặc điểm chỉ của người khiếu nại (điều 8): chưa thụ lý được.';
    case 'refuse':
      return c.status === 'received' ? null : 'Chỉ quyết định không thụ lý khiếu nại đang chờ thụ lý.';
    case 'dialogue':
      return c.status === 'accepted' ? null : 'Chỉ đối thoại khi khiếu nại đã thụ lý và chưa có quyết định.';
    case 'decide':
      return c.status === 'accepted' ? null : 'Chỉ ban hành quyết định cho khiếu nại đã thụ lý.';
    case 'send':
      return c.status === 'decided' ? null : 'Chỉ gửi quyết định đã ban hành và chưa gửi.';
  }
}

/**
 * Điều 30: in the first resolution, when the complainant's request and the verification result differ, the
 * resolver must hold a dialogue (minutes signed or fingerprinted) before deciding.
 */
export function decisionProblem(verificationDiffers: boolean, dialogueHeld: boolean): string | null {
  return verificationDiffers && !dialogueHeld
    ? 'Yêu cầu của người khiếu nại và kết quả xác minh khác nhau: phải tổ chức đối thoại và lập biên bản trước khi ra quyết định (Luật Khiếu nại 2011, điều 30).'
    : null;
}

/** Resolution due date from the acceptance: 30 days, 45 for a complex case (điều 28). */
export function complaintResolution(acceptedAt: Date, complex: boolean, ctx: DeadlineContext): Deadline {
  return deadline(complex ? 'complaint.resolution_complex' : 'complaint.resolution', acceptedAt, ctx);
}

/** The decision goes to the complainant within 03 working days of being issued. */
export function decisionSending(decidedAt: Date, ctx: DeadlineContext): Deadline {
  return deadline('complaint.send_decision', decidedAt, ctx);
}

/**
 * The complainant may complain a second time or sue within 30 days (điều 33) of receiving the first decision
 * or, when none came, of the end of the resolution period. Null while neither has happened.
 */
export function appealWindow(
  on: { sentAt: Date | null; resolutionDue: IsoDate | null },
  today: IsoDate,
  ctx: DeadlineContext,
): Deadline | null {
  if (on.sentAt) return deadline('complaint.appeal', on.sentAt, ctx);
  if (on.resolutionDue && today > on.resolutionDue)
    return deadline('complaint.appeal', new Date(`${on.resolutionDue}T12:00:00+07:00`), ctx);
  return null;
}
