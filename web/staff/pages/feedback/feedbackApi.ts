/** Contracts of the feedback register's staff routes (src/modules/feedback/staff-routes.ts) the workspace uses. */

export const FEEDBACK_VIEWS = ['open', 'due_soon', 'late', 'answered'] as const;
export type FeedbackView = (typeof FEEDBACK_VIEWS)[number];

export const feedbackListPath = (view: FeedbackView) => `/api/v1/feedback?view=${view}`;
export const feedbackItemPath = (code: string) => `/api/v1/feedback/${encodeURIComponent(code)}`;
export const unitsPath = (ward: string) => `/api/v1/wards/${ward}/units`;

export type Timeliness = 'late' | 'due_soon' | 'on_time';

export interface FeedbackSummary {
  code: string;
  kind: string;
  kindLabel: string;
  categoryName: string;
  status: string;
  statusLabel: string;
  text: string;
  sourceLabel: string;
  receivedAt: string;
  dueDate: string;
  timeliness: Timeliness | null;
  timelinessLabel: string | null;
  responsibleUnitId: string | null;
  responsibleUnitName: string | null;
  answeredAt: string | null;
  published: boolean;
}

/** `GET /api/v1/feedback` */
export interface FeedbackList {
  today: string;
  counts: { open: number; dueSoon: number; late: number };
  answerRates: {
    kind: string;
    kindLabel: string;
    answered: number;
    onTime: number;
    onTimePercent: number | null;
  }[];
  items: FeedbackSummary[];
}

/** `GET /api/v1/feedback/<code>` */
export interface FeedbackItem extends FeedbackSummary {
  address: string | null;
  anonymous: boolean;
  contact: { name: string | null; phone: string | null; email: string | null } | null;
  contactMasked: boolean;
  sourceNote: string | null;
  recordedByName: string | null;
  dueBasis: string;
  answer: {
    text: string;
    answeredAt: string | null;
    officerName: string | null;
    unitName: string | null;
  } | null;
  publishConsent: boolean;
  publishedAt: string | null;
  ratingLabel: string | null;
  ratingComment: string | null;
  photos: { position: number; url: string }[];
  mergedInto: string | null;
}
