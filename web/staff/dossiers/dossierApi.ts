/** Contracts of the procedure, dossier, document and indicator routes the workspace uses. */

export type TimeLimit = { kind: 'working_days'; days: number } | { kind: 'same_day'; cutoff: string };

/** `GET /api/v1/procedures` item */
export interface ProcedureSummary {
  code: string;
  name: string;
  field: string;
  timeLimit: TimeLimit;
  free: boolean;
  onlineLevel: string;
}

export interface ProcedureDocument {
  id: string;
  name: string;
  originals: number;
  copies: number;
  form?: string;
  condition?: string;
  presentOnly?: true;
}

export type FeeItem =
  | { id: string; label: string; kind: 'fixed'; amount: number }
  | { id: string; label: string; kind: 'per_unit'; unit: string; amount: number }
  | {
      id: string;
      label: string;
      kind: 'per_page';
      tiers: { fromPage: number; price: number }[];
      maxPerCopy?: number;
    };

export interface FeeSchedule {
  free: boolean;
  basis: string;
  items: FeeItem[];
  exemptions: { code: string; label: string }[];
  unconfirmed?: true;
  note?: string;
}

/** `GET /api/v1/procedures/<code>` */
export interface ProcedureDetail extends ProcedureSummary {
  documents: ProcedureDocument[];
  fees: FeeSchedule;
  resultType?: string;
}

export type IntakeOutcome = 'receive' | 'request_supplement' | 'refuse';

export interface FeeInput {
  item?: string;
  pages?: number;
  copies?: number;
  quantity?: number;
  exemption?: string;
}

/** `POST /api/v1/dossiers` body */
export interface IntakeBody {
  procedureCode: string;
  applicant: { fullName: string; idNumber: string; phone: string; address: string };
  documentsReceived: string[];
  /** 'home': taken at the home of a person who cannot travel (a home visit). */
  channel: 'counter' | 'home';
  outcome: IntakeOutcome;
  missingDocuments?: string[];
  reasons?: string[];
  fee?: FeeInput;
  /** Paid in cash at the counter now: the server records the scheduled fee with a receipt. */
  payment?: { method: 'cash' };
  /** How the applicant receives the result (Mẫu 01); absent: at the centre. */
  returnChannel?: ReturnChannel;
  /** By post to another address than the applicant's. */
  returnAddress?: string;
}

export type ReturnChannel = 'counter' | 'post' | 'online';

/** `POST /api/v1/dossiers` answer (201) */
export interface IntakeResult {
  code: string;
  status: string;
  receivedAt: string;
  receiptDay: string;
  dueDate: string | null;
  fee: { amount: number; lines: { label: string; amount: number }[] };
  /** The cash receipt, when the fee was paid at intake. */
  payment: { receiptNumber: string; amount: number; receiptUrl: string } | null;
  trackingUrl: string;
}

export type Urgency = 'overdue' | 'due_today' | 'at_risk' | 'on_track';
export const URGENCIES: readonly Urgency[] = ['overdue', 'due_today', 'at_risk', 'on_track'];

/** `GET /api/v1/dossiers` item; also the shape of the records behind an indicator. */
export interface DossierListItem {
  code: string;
  procedureName: string;
  /** Absent from the lists behind indicators. */
  applicantName?: string;
  status: string;
  statusLabel: string;
  receivedAt: string;
  dueDate: string | null;
  /** When processing ended (lists behind indicators). */
  finishedAt?: string | null;
  urgency?: Urgency;
  urgencyLabel?: string;
  lateTwice?: boolean;
  /** Due the day it was received ("không hẹn, không chờ"): in the same-day lane of the queue. */
  sameDay?: boolean;
  /** The citizen sent the requested papers online; the officer checks and records them (the queue only). */
  supplementArrived?: boolean;
}

export interface DossierQueue {
  today: string;
  items: DossierListItem[];
}

export interface DossierEvent {
  at: string;
  action: string;
  label: string;
  toStatus: string;
  actorName: string;
  unit: string | null;
  timing: string | null;
  note: string | null;
}

/** `GET /api/v1/dossiers/<code>` (staff view) */
export interface DossierDetail {
  code: string;
  procedureCode: string;
  procedureName: string;
  status: string;
  statusLabel: string;
  receivedAt: string;
  receiptDay: string | null;
  dueDate: string | null;
  originalDueDate: string | null;
  applicant: { fullName: string; idNumber: string; phone: string; address: string };
  channel: string;
  /** How the applicant receives the result, as registered (or as it was returned). */
  returnChannel: ReturnChannel;
  /** By post: where to. */
  returnAddress: string | null;
  /** The channels the applicant hears of each change by: 'sms', 'zalo', 'email'. */
  notifyChannels: string[];
  documentsReceived: string[];
  feeAmount: number;
  receivedByName: string | null;
  supplementRequests: number;
  apologies: number;
  lateAt: string | null;
  events: DossierEvent[];
}

export type DocumentKind = 'receipt' | 'supplement' | 'refusal' | 'apology' | 'control-sheet';

/** `GET /api/v1/indicators/one-stop` figure; `href` lists the dossiers behind it. */
export interface Figure {
  key: string;
  label: string;
  /** Null for a percentage with nothing to divide by. */
  value: number | null;
  unit: 'count' | 'percent';
  /** The value as the server words it ("12", "66,7 %", "chưa có hồ sơ"). */
  display?: string;
  numerator?: number;
  denominator?: number;
  href: string;
}

export const PROCEDURES_PATH = '/api/v1/procedures';
export const DOSSIERS_PATH = '/api/v1/dossiers';

export function proceduresPath(wardCode: string | undefined): string {
  return wardCode ? `${PROCEDURES_PATH}?ward=${encodeURIComponent(wardCode)}` : PROCEDURES_PATH;
}

export function procedurePath(code: string, wardCode: string | undefined): string {
  const base = `${PROCEDURES_PATH}/${encodeURIComponent(code)}`;
  return wardCode ? `${base}?ward=${encodeURIComponent(wardCode)}` : base;
}

export function dossierPath(code: string): string {
  return `${DOSSIERS_PATH}/${encodeURIComponent(code)}`;
}

export function actionPath(code: string, action: string): string {
  return `${dossierPath(code)}/actions/${encodeURIComponent(action)}`;
}

export function apologyPath(code: string): string {
  return `${dossierPath(code)}/apology`;
}

export function documentPath(code: string, kind: DocumentKind): string {
  return `${dossierPath(code)}/documents/${kind}`;
}

export function registerPath(from: string, to: string, format: 'pdf' | 'xlsx'): string {
  return `/api/v1/registers/dossiers?${new URLSearchParams({ from, to, format }).toString()}`;
}

export interface Period {
  from: string;
  to: string;
}

/** `GET /api/v1/indicators/one-stop` */
export interface Indicators {
  /** The period counted (this month on the server's calendar when none is asked for). */
  period?: Period;
  figures: Figure[];
}

/**
 * Without a period the server counts this month, on its own calendar; `ward` is for accounts outside any ward
 * (the city reviewer), the others see their own.
 */
export function indicatorsPath(period: Period | null, ward?: string): string {
  const query = new URLSearchParams(period ? { from: period.from, to: period.to } : {});
  if (ward) query.set('ward', ward);
  const text = query.toString();
  return `/api/v1/indicators/one-stop${text ? `?${text}` : ''}`;
}
