/**
 * Dossier workflow as data (statuses, actions, roles), after the national status codes of vn-rules §1.4 and the
 * lifecycle of §1.1: receipt (Mẫu 01) / supplement (Mẫu 02) / refusal (Mẫu 03) → hand-overs → approval →
 * result → return at the counter, by public post or online.
 */
import { BASIS } from './basis';
import type { FormKey } from './forms';

export const ROLES = ['counter_officer', 'department_officer', 'department_head', 'ward_leader'] as const;
export type Role = (typeof ROLES)[number];

/** not_started: no valid dossier yet; paused: the citizen is supplementing; ended: processing is over. */
export type ClockState = 'not_started' | 'running' | 'paused' | 'ended';

export const STATUSES = [
  { code: 1, key: 'submitted', label: 'Mới đăng ký', clock: 'not_started', final: false },
  { code: 2, key: 'received', label: 'Được tiếp nhận', clock: 'running', final: false },
  { code: 3, key: 'refused', label: 'Không được tiếp nhận', clock: 'ended', final: true },
  { code: 4, key: 'processing', label: 'Đang xử lý', clock: 'running', final: false },
  { code: 5, key: 'supplement_requested', label: 'Yêu cầu bổ sung giấy tờ', clock: 'paused', final: false },
  // Waiting for the fee keeps the clock running: the law read so far does not pause it (vn-rules §1.4 pauses
  // only for supplements), and an alert too many is better than a late dossier nobody saw.
  {
    code: 6,
    key: 'awaiting_payment',
    label: 'Yêu cầu thực hiện nghĩa vụ tài chính',
    clock: 'running',
    final: false,
  },
  { code: 7, key: 'withdrawn', label: 'Công dân yêu cầu rút hồ sơ', clock: 'ended', final: true },
  { code: 8, key: 'stopped', label: 'Dừng xử lý', clock: 'ended', final: true },
  { code: 9, key: 'result_ready', label: 'Đã xử lý xong', clock: 'ended', final: false },
  { code: 10, key: 'returned', label: 'Đã trả kết quả', clock: 'ended', final: true },
] as const satisfies readonly {
  code: number;
  key: string;
  label: string;
  clock: ClockState;
  final: boolean;
}[];

export type StatusKey = (typeof STATUSES)[number]['key'];
export type Status = (typeof STATUSES)[number];

export const RETURN_CHANNELS = ['counter', 'post', 'online'] as const;
export type ReturnChannel = (typeof RETURN_CHANNELS)[number];

/** The ways of receiving the result in the words of the receipt (Mẫu 01 "Đăng ký nhận kết quả"). */
export const RETURN_CHANNEL_LABELS: Record<ReturnChannel, string> = {
  counter: 'Nhận trực tiếp tại Trung tâm Phục vụ hành chính công',
  post: 'Qua dịch vụ bưu chính công ích',
  online: 'Trực tuyến, trên Cổng Dịch vụ công',
};

/**
 * How the applicant receives the result (Mẫu 01 "Đăng ký nhận kết quả"): the method they registered, or by which
 * it was handed over; a dossier that registered none gets it where it was filed (online, or at the counter).
 */
export function registeredReturn(dossier: { returnChannel: string | null; channel: string }): ReturnChannel {
  const registered = RETURN_CHANNELS.find((c) => c === dossier.returnChannel);
  return registered ?? (dossier.channel === 'online' ? 'online' : 'counter');
}

/** Where a result returned by post goes: the address registered for it, else the applicant's; null otherwise. */
export function postalReturnAddress(dossier: {
  returnChannel: string | null;
  channel: string;
  returnAddress: string | null;
  applicantAddress: string;
}): string | null {
  return registeredReturn(dossier) === 'post' ? (dossier.returnAddress ?? dossier.applicantAddress) : null;
}

/**
 * How a procedure's result may be received (Nghị định 42/2022/NĐ-CP): at the centre or by public post, and
 * online only for a fully online (toàn trình) procedure — whether it was filed online or at the counter.
 */
export function returnChannelsFor(procedure: { onlineLevel: string }): ReturnChannel[] {
  return RETURN_CHANNELS.filter((c) => c !== 'online' || procedure.onlineLevel === 'toan_trinh');
}

export interface ActionDef {
  label: string;
  from: readonly StatusKey[];
  to: StatusKey;
  roles: readonly Role[];
  requiredFields: readonly string[];
  /** Fields restricted to a list of values. */
  fieldValues?: Readonly<Record<string, readonly string[]>>;
  form?: FormKey;
  basis: string;
}

const OPEN: readonly StatusKey[] = ['received', 'processing', 'supplement_requested', 'awaiting_payment'];
const ALL_ROLES = ROLES;

export const ACTIONS = {
  receive: {
    label: 'Tiếp nhận hồ sơ',
    // From supplement_requested when the Mẫu 02 was issued at intake: the completed file is then received.
    from: ['submitted', 'supplement_requested'],
    to: 'received',
    roles: ['counter_officer'],
    requiredFields: ['procedureCode', 'applicantName', 'receivedDocumentIds', 'dueDate'],
    form: 'receipt',
    basis: BASIS.oneStop,
  },
  request_supplement: {
    label: 'Yêu cầu bổ sung, hoàn thiện hồ sơ',
    from: ['submitted', 'received', 'processing'],
    to: 'supplement_requested',
    roles: ['counter_officer', 'department_officer'],
    requiredFields: ['requestedDocumentIds', 'reason'],
    form: 'supplement',
    basis: BASIS.supplementOnce,
  },
  refuse: {
    label: 'Từ chối tiếp nhận hồ sơ',
    from: ['submitted'],
    to: 'refused',
    roles: ['counter_officer'],
    requiredFields: ['reasons'],
    form: 'refusal',
    basis: BASIS.oneStop,
  },
  supplement_received: {
    label: 'Nhận hồ sơ bổ sung',
    // For a supplement requested after receipt; one requested at intake ends with `receive` instead.
    from: ['supplement_requested'],
    to: 'processing',
    roles: ['counter_officer'],
    requiredFields: ['receivedDocumentIds'],
    basis: BASIS.clock,
  },
  hand_over: {
    label: 'Chuyển hồ sơ',
    from: ['received', 'processing'],
    to: 'processing',
    roles: ALL_ROLES,
    requiredFields: ['toUnit', 'toOfficerId'],
    form: 'control',
    basis: BASIS.controlSheet,
  },
  request_payment: {
    label: 'Yêu cầu thực hiện nghĩa vụ tài chính',
    from: ['received', 'processing'],
    to: 'awaiting_payment',
    roles: ['counter_officer', 'department_officer'],
    // The amount comes from computeFee on the procedure's schedule, never typed in.
    requiredFields: ['feeInput'],
    basis: BASIS.oneStop,
  },
  payment_received: {
    label: 'Xác nhận đã nộp phí, lệ phí',
    from: ['awaiting_payment'],
    to: 'processing',
    roles: ['counter_officer'],
    requiredFields: ['receiptNumber'],
    basis: BASIS.oneStop,
  },
  approve: {
    label: 'Phê duyệt, ký kết quả',
    from: ['processing'],
    to: 'processing',
    roles: ['department_head', 'ward_leader'],
    requiredFields: ['outcome'],
    fieldValues: { outcome: ['granted', 'denied'] },
    basis: BASIS.oneStop,
  },
  mark_result_ready: {
    label: 'Có kết quả giải quyết',
    from: ['processing'],
    to: 'result_ready',
    roles: ['department_officer', 'counter_officer'],
    requiredFields: ['resultDocument'],
    basis: BASIS.oneStop,
  },
  return_result: {
    label: 'Trả kết quả',
    from: ['result_ready'],
    to: 'returned',
    roles: ['counter_officer'],
    requiredFields: ['channel'],
    fieldValues: { channel: RETURN_CHANNELS },
    basis: BASIS.oneStop,
  },
  withdraw: {
    label: 'Rút hồ sơ theo yêu cầu của công dân',
    from: ['submitted', ...OPEN],
    to: 'withdrawn',
    roles: ['counter_officer'],
    requiredFields: ['reason'],
    basis: BASIS.oneStop,
  },
  stop: {
    label: 'Dừng giải quyết hồ sơ',
    from: OPEN,
    to: 'stopped',
    roles: ['department_head', 'ward_leader'],
    requiredFields: ['reason'],
    form: 'stop',
    basis: BASIS.oneStop,
  },
} as const satisfies Record<string, ActionDef>;

export type ActionKey = keyof typeof ACTIONS;

export type WorkflowErrorCode =
  'INVALID_TRANSITION' | 'ROLE_NOT_ALLOWED' | 'MISSING_FIELDS' | 'INVALID_FIELD';

export class WorkflowError extends Error {
  override readonly name = 'WorkflowError';
  constructor(
    readonly code: WorkflowErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const STATUS_BY_KEY = new Map<string, Status>(STATUSES.map((s) => [s.key, s]));

export function statusOf(key: StatusKey): Status {
  const status = STATUS_BY_KEY.get(key);
  if (!status) throw new RangeError(`Trạng thái không tồn tại: ${key}`);
  return status;
}

function actionOf(action: ActionKey): ActionDef | undefined {
  return Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
}

/** The status after `action`; WorkflowError INVALID_TRANSITION when the table does not allow it. */
export function nextStatus(status: StatusKey, action: ActionKey): StatusKey {
  const def = actionOf(action);
  const current = STATUS_BY_KEY.get(status);
  if (!def || !current || !def.from.includes(status)) {
    const what = def ? `"${def.label}"` : `"${action}"`;
    const where = current ? `"${current.label}"` : `"${status}"`;
    throw new WorkflowError(
      'INVALID_TRANSITION',
      `Không thể thực hiện ${what} khi hồ sơ ở trạng thái ${where}`,
    );
  }
  return def.to;
}

const isBlank = (v: unknown): boolean =>
  v === undefined ||
  v === null ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && v.length === 0);

/** Full check of one step: transition, role, required fields and restricted values. Returns the next status. */
export function checkAction(input: {
  status: StatusKey;
  action: ActionKey;
  role: Role;
  fields: Readonly<Record<string, unknown>>;
}): StatusKey {
  const to = nextStatus(input.status, input.action);
  const def: ActionDef = ACTIONS[input.action];
  if (!def.roles.includes(input.role))
    throw new WorkflowError(
      'ROLE_NOT_ALLOWED',
      `Vai trò "${input.role}" không được thực hiện "${def.label}"`,
    );
  const missing = def.requiredFields.filter((f) => isBlank(input.fields[f]));
  if (missing.length > 0)
    throw new WorkflowError(
      'MISSING_FIELDS',
      `"${def.label}" thiếu thông tin bắt buộc: ${missing.join(', ')}`,
    );
  for (const [field, allowed] of Object.entries(def.fieldValues ?? {})) {
    const value = input.fields[field];
    if (typeof value !== 'string' || !allowed.includes(value))
      throw new WorkflowError('INVALID_FIELD', `"${field}" phải là một trong: ${allowed.join(', ')}`);
  }
  return to;
}
