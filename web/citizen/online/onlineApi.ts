/** The online filing API (src/modules/online) and the portal's pages for it. */

export const DRAFTS_PATH = '/api/v1/online/drafts';
export const draftPath = (id: string) => `${DRAFTS_PATH}/${id}`;

/** `/nop-truc-tuyen/<procedure code>` starts or resumes a filing; the pages of a draft follow. */
export const START_PAGE = '/nop-truc-tuyen/:procedureCode';
export const STEP_PAGE = '/nop-truc-tuyen/ho-so/:draftId/:step';
export const SUBMITTED_PAGE = '/nop-truc-tuyen/da-nop/:code';
export const stepPage = (draftId: string, step: string) => `/nop-truc-tuyen/ho-so/${draftId}/${step}`;
export const submittedPage = (code: string) => `/nop-truc-tuyen/da-nop/${code}`;

export type Channel = 'sms' | 'zalo' | 'email';
export type ReturnChannel = 'counter' | 'post' | 'online';

export interface Applicant {
  fullName: string;
  idNumber: string;
  phone: string;
}

export interface Step {
  key: string;
  kind: 'applicant' | 'address' | 'document' | 'return' | 'notify' | 'summary';
  documentId?: string;
  complete: boolean;
}

export interface Upload {
  id: string;
  documentId: string;
  fileName: string;
  mediaType: string;
  size: number;
  pages: number;
}

/** `GET /api/v1/online/drafts/:id` */
export interface Draft {
  id: string;
  status: 'open' | 'submitted';
  dossierCode: string | null;
  procedure: { code: string; name: string; resultType: string };
  steps: Step[];
  currentStep: string;
  answers: {
    applicant?: Applicant;
    address?: string;
    returnChannel?: ReturnChannel;
    notify?: { channels: Channel[]; email?: string };
  };
  prefill: {
    fullName: string | null;
    idNumber: string | null;
    phone: string | null;
    email: string | null;
    channels: Channel[];
  };
  /** The ways the result of this procedure can be received. */
  returnChannels: ReturnChannel[];
  documents: {
    id: string;
    name: string;
    condition: string | null;
    required: boolean;
    originals: number;
    copies: number;
  }[];
  uploads: Upload[];
  pages: number;
  fee: { amount: number; amountText: string; basis: string } | null;
  missing: { field: string; step: string; message: string }[];
  uploadRules: { maxFiles: number; maxBytes: number; accepted: string[] };
}

/** `POST /api/v1/online/drafts/:id/submit` */
export interface Submitted {
  code: string;
  statusLabel: string;
  receiptDay: string;
  fee: { amount: number; amountText: string };
}
