/** Contracts of the citizen-reception routes (src/modules/reception) the workspace uses. */

export const SCHEDULE_PATH = '/api/v1/reception/schedule';
export const EXTRA_DAYS_PATH = '/api/v1/reception/schedule/extra-days';
export const LOG_PATH = '/api/v1/reception/log';
export const SESSIONS_PATH = '/api/v1/listening-sessions';

export const LOG_VIEWS = ['period', 'open', 'due_soon', 'late'] as const;
export type LogView = (typeof LOG_VIEWS)[number];

/** The counts and the on-time rate without the entries (no personal data read). */
export const LOG_FIGURES_PATH = `${LOG_PATH}?view=figures`;
export const logListPath = (view: LogView, from?: string, to?: string) =>
  `${LOG_PATH}?view=${view}${from && to ? `&from=${from}&to=${to}` : ''}`;
export const logExportPath = (from: string, to: string, format: 'pdf' | 'xlsx') =>
  `${LOG_PATH}/export?from=${from}&to=${to}&format=${format}`;
export const logAnswerPath = (id: string) => `${LOG_PATH}/${encodeURIComponent(id)}/answer`;
export const logIdentityPath = (id: string) => `${LOG_PATH}/${encodeURIComponent(id)}/identity`;
export const sessionPath = (id: string) => `${SESSIONS_PATH}/${encodeURIComponent(id)}`;

export interface ReceptionSchedule {
  weekdays: number[];
  startsAt: string;
  endsAt: string;
  place: string;
  rulesText: string;
}

/** `GET /api/v1/reception/schedule` */
export interface ScheduleOutlook {
  today: string;
  basis: string;
  schedule: ReceptionSchedule | null;
  updatedByName: string | null;
  days: { date: string; weekdayName: string; origin: 'schedule' | 'extra'; note: string | null }[];
  skipped: { date: string; weekdayName: string; reason: string }[];
  warnings: { weekStart: string; weekEnd: string; message: string }[];
}

export const CLASSIFICATIONS = [
  'feedback',
  'petition',
  'complaint',
  'denunciation',
  'outside_competence',
] as const;
export const RESULT_KINDS = ['accepted', 'needs_time', 'refused', 'forwarded'] as const;

export interface LogEntry {
  id: string;
  number: number;
  year: number;
  receivedAt: string;
  receiptDay: string;
  visitorName: string;
  visitorIdNumber: string | null;
  visitorPhone: string | null;
  visitorAddress: string | null;
  personalMasked: boolean;
  /** A denouncing visitor: name and papers sealed; only the chairman opens them. */
  visitorSealed: boolean;
  groupSize: number;
  representatives: string[];
  matter: string;
  classification: string;
  classificationLabel: string;
  receivedByName: string;
  dueDate: string;
  dueBasis: string;
  timeliness: 'late' | 'due_soon' | 'on_time' | null;
  timelinessLabel: string | null;
  resultKindLabel: string | null;
  result: string | null;
  answeredAt: string | null;
  feedbackCode: string | null;
}

/** `GET /api/v1/reception/log` */
export interface LogList {
  today: string;
  from: string;
  to: string;
  counts: { open: number; dueSoon: number; late: number };
  answerRate: { answered: number; onTime: number; onTimePercent: number | null };
  entries: LogEntry[];
}

export interface Session {
  id: string;
  heldOn: string;
  startsAt: string;
  place: string;
  chairedBy: string;
  status: string;
  statusLabel: string;
  attendees: string[];
  attendeeCount: number | null;
  notes: string | null;
}

/** `GET /api/v1/listening-sessions` */
export interface SessionList {
  today: string;
  basis: string;
  coming: Session[];
  past: Session[];
  fridaysWithout: { date: string; working: boolean; note: string | null }[];
}

/** `GET /api/v1/listening-sessions/<id>` */
export interface SessionDetail extends Session {
  items: {
    raisedBy: string;
    code?: string;
    text?: string;
    dueDate?: string;
    statusLabel?: string;
    timelinessLabel?: string | null;
  }[];
}
