/** Contracts of the complaint and denunciation routes (src/modules/complaints) the workspace uses. */
import type { Urgency } from '../../dossiers/dossierApi';

export const COMPLAINTS_PATH = '/api/v1/complaints';
export const DENUNCIATIONS_PATH = '/api/v1/denunciations';
export const complaintPath = (code: string) => `${COMPLAINTS_PATH}/${encodeURIComponent(code)}`;
export const denunciationPath = (code: string) => `${DENUNCIATIONS_PATH}/${encodeURIComponent(code)}`;
export const COMPLAINT_FIGURES_PATH = `${COMPLAINTS_PATH}/figures`;
export const DENUNCIATION_FIGURES_PATH = `${DENUNCIATIONS_PATH}/figures`;

export type Timeliness = 'late' | 'due_soon' | 'on_time';
/** The register's words for how close a deadline is, on the dossiers' coloured labels. */
export const URGENCY_OF: Record<Timeliness, Urgency> = {
  late: 'overdue',
  due_soon: 'at_risk',
  on_time: 'on_track',
};

export interface CurrentDeadline {
  label: string;
  dueDate: string;
  timeliness: Timeliness;
  timelinessLabel: string;
}

export interface Register<T> {
  today: string;
  counts: { open: number; dueSoon: number; late: number };
  items: T[];
}

/** The dashboard's figures of a register (no personal data): the current stage's deadlines, resolved on time. */
export interface RegisterFigures {
  today: string;
  counts: Register<unknown>['counts'];
  resolutionRate: { resolved: number; onTime: number; onTimePercent: number | null };
}

export interface ComplaintSummary {
  code: string;
  status: 'received' | 'accepted' | 'refused' | 'decided' | 'sent';
  statusLabel: string;
  complainant: string;
  subject: string;
  receivedAt: string;
  timely: boolean;
  handlerName: string | null;
  deadline: CurrentDeadline | null;
}

export interface Complaint extends Omit<ComplaintSummary, 'complainant'> {
  complainant: {
    fullName: string;
    address: string | null;
    phone: string | null;
    idNumber: string | null;
    masked: boolean;
  };
  respondent: string;
  content: string;
  reasons: string;
  requests: string;
  evidence: string[];
  signed: boolean;
  knownOn: string;
  limitationDue: string;
  acceptanceDue: string;
  acceptanceBasis: string;
  complex: boolean;
  resolutionDue: string | null;
  resolutionBasis: string | null;
  refusal: { reasons: string[]; note: string | null } | null;
  dialogue: { heldAt: string; participants: string; minutes: string } | null;
  decision: { number: string; summary: string; sendDue: string; sentAt: string | null } | null;
  appealDue: string | null;
}

export interface DenunciationSummary {
  code: string;
  status: 'received' | 'accepted' | 'forwarded' | 'not_accepted' | 'concluded';
  statusLabel: string;
  accused: string;
  receivedAt: string;
  handlerName: string | null;
  identity: { sealed: true; mayOpen: boolean };
  deadline: CurrentDeadline | null;
}

export interface Denunciation extends DenunciationSummary {
  content: string;
  evidence: string[];
  initialDue: string;
  initialBasis: string;
  initialExtended: boolean;
  forwardDue: string;
  complexity: 'normal' | 'complex' | 'very_complex' | null;
  complexityLabel: string | null;
  notifyDue: string | null;
  resolutionDue: string | null;
  resolutionBasis: string | null;
  extensions: { days: number; reason: string; at: string; byName: string }[];
  forwarded: { to: string; at: string } | null;
  notAccepted: { reason: string; at: string } | null;
  conclusion: { text: string; at: string } | null;
}

/** Art. 11 of the Law on Complaints: the reasons a complaint is not accepted (labels in the locale files). */
export const REFUSAL_REASONS = [
  'internal_act',
  'no_direct_interest',
  'no_capacity',
  'invalid_representative',
  'unsigned',
  'time_barred',
  'second_decided',
  'suspended_not_continued',
  'court',
] as const;

export const NOT_ACCEPTED_REASONS = ['form', 'capacity', 'no_basis'] as const;
