/**
 * Denunciations (tố cáo, Luật Tố cáo 2018, 25/2018/QH14; vn-rules §5.2): named denouncers only (điều 25: an
 * anonymous one is a feedback item), initial processing within 07 working days, 10 when extended (điều 24
 * khoản 1), forwarding within 05 working days when outside competence (khoản 2), notice of acceptance within
 * 05 working days (điều 29), resolution within 30 days extended once (complex) or twice (very complex), each
 * extension at most 30 days with a reason (điều 30, the feedback module's `denunciationResolution`). The
 * denouncer's identity is sealed (điều 8 khoản 3, điều 56): only the chairman and the assigned handler open it.
 */
import type { Role } from '../../platform/auth/roles';
import { deadline, LAW, type Complexity, type Deadline, type DeadlineContext } from '../feedback/deadlines';

export const DENUNCIATION_STATUSES = {
  received: 'Đang xử lý ban đầu',
  accepted: 'Đã thụ lý, đang giải quyết',
  forwarded: 'Đã chuyển cơ quan có thẩm quyền',
  not_accepted: 'Không thụ lý',
  concluded: 'Đã kết luận',
} as const;
export type DenunciationStatus = keyof typeof DENUNCIATION_STATUSES;
export const OPEN_DENUNCIATION_STATUSES: readonly DenunciationStatus[] = ['received', 'accepted'];

export const COMPLEXITY_LABELS: Record<Complexity, string> = {
  normal: 'Thông thường',
  complex: 'Phức tạp (gia hạn một lần)',
  very_complex: 'Đặc biệt phức tạp (gia hạn hai lần)',
};

/**
 * Why a denunciation is not accepted: a condition of acceptance that fails (Luật Tố cáo 2018, điều 29 khoản 1,
 * điểm a, b, d; điểm c, competence, is the forwarding step). Not listed in vn-rules: to check with the text.
 */
export const NOT_ACCEPTED_REASONS = {
  form: 'Tố cáo không thực hiện đúng hình thức, nội dung quy định tại điều 22, 23 (điểm a)',
  capacity: 'Người tố cáo không có đủ năng lực hành vi dân sự và không có người đại diện (điểm b)',
  no_basis: 'Nội dung tố cáo không có cơ sở để xác định người vi phạm, hành vi vi phạm pháp luật (điểm d)',
} as const;
export type NotAcceptedReason = keyof typeof NOT_ACCEPTED_REASONS;
export const NOT_ACCEPTED_CODES = Object.keys(NOT_ACCEPTED_REASONS) as [
  NotAcceptedReason,
  ...NotAcceptedReason[],
];
export const NOT_ACCEPTED_BASIS = `${LAW.denunciations}, điều 29 khoản 1`;
export const ANONYMOUS_BASIS = `${LAW.denunciations}, điều 25`;

/** Last day of the initial processing: 07 working days from receipt, 10 once extended (điều 24 khoản 1). */
export function initialProcessing(receivedAt: Date, extended: boolean, ctx: DeadlineContext): Deadline {
  return deadline(extended ? 'denunciation.initial_extended' : 'denunciation.initial', receivedAt, ctx);
}

/** Last day to forward a denunciation outside the ward's competence (điều 24 khoản 2). */
export function forwarding(receivedAt: Date, ctx: DeadlineContext): Deadline {
  return deadline('denunciation.forward', receivedAt, ctx);
}

/** Last day to tell the denouncer of the acceptance (điều 29 khoản 3). */
export function acceptanceNotice(acceptedAt: Date, ctx: DeadlineContext): Deadline {
  return deadline('denunciation.notify_acceptance', acceptedAt, ctx);
}

/** What every view, printout and export shows in place of a denouncer's identity. */
export const SEALED_LABEL = 'Đã niêm phong';

/** The sealed part of a denunciation (điều 23 khoản 2: name, address, contact; the ID number if given). */
export interface DenouncerIdentity {
  fullName: string;
  address: string;
  phone: string | null;
  idNumber: string | null;
}

/**
 * Who may open the sealed identity: the chairman (the ward leader who resolves denunciations in the ward's
 * competence) and the officer assigned to handle this one; nobody else, whatever their other rights.
 */
export function mayOpenIdentity(viewer: { id: string; role: Role }, handlerId: string | null): boolean {
  return viewer.role === 'ward_leader' || (handlerId !== null && viewer.id === handlerId);
}

export type DenunciationStep = 'extend_initial' | 'accept' | 'forward' | 'not_accept' | 'extend' | 'conclude';

export interface DenunciationState {
  status: DenunciationStatus;
  initialExtended: boolean;
}

/** Null when the step is allowed, else why not (Vietnamese). */
export function denunciationStepProblem(step: DenunciationStep, d: DenunciationState): string | null {
  switch (step) {
    case 'extend_initial':
      if (d.status !== 'received') return 'Chỉ kéo dài thời hạn xử lý ban đầu khi tố cáo đang xử lý ban đầu.';
      return d.initialExtended ? 'Thời hạn xử lý ban đầu đã được kéo dài đến 10 ngày làm việc.' : null;
    case 'accept':
    case 'forward':
    case 'not_accept':
      return d.status === 'received' ? null : 'Tố cáo này đã qua bước xử lý ban đầu.';
    case 'extend':
    case 'conclude':
      return d.status === 'accepted' ? null : 'Chỉ thực hiện được với tố cáo đã thụ lý, chưa kết luận.';
  }
}
