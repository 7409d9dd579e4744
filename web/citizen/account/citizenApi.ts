/** The citizen's own API (src/platform/citizens, src/modules/online). */

export const CITIZEN_ME_PATH = '/api/v1/citizen/me';
export const NOTIFICATIONS_PATH = '/api/v1/citizen/me/notifications';
export const MY_DOSSIERS_API_PATH = '/api/v1/citizen/dossiers';
export const VNEID_START_PATH = '/api/v1/citizen/auth/vneid/start';
export const OTP_PATH = '/api/v1/citizen/auth/otp';
export const OTP_VERIFY_PATH = '/api/v1/citizen/auth/otp/verify';
export const SIGN_OUT_PATH = '/api/v1/citizen/auth/sign-out';

/** The portal's own pages. */
export const SIGN_IN_PAGE = '/dang-nhap';
export const MY_DOSSIERS_PAGE = '/ho-so-cua-toi';

/** `GET /api/v1/citizen/me` */
export interface CitizenMe {
  id: string;
  fullName: string | null;
  /** Masked: 031******234. */
  idNumber: string | null;
  /** Masked: 0912***678. */
  phone: string | null;
  email: string | null;
  /** The channels the citizen hears by (SMS, Zalo, e-mail), offered again at each online filing. */
  preferredChannels: ('sms' | 'zalo' | 'email')[];
  signInMethod: 'vneid' | 'otp';
  csrfToken: string;
}

/** `GET /api/v1/citizen/dossiers` */
export interface MyDossiers {
  matchedBy: 'idNumber' | 'phone' | null;
  items: {
    code: string;
    procedureName: string;
    statusLabel: string;
    receivedAt: string;
    dueDate: string | null;
  }[];
}

/** `POST /api/v1/citizen/auth/otp` */
export interface OtpSent {
  phone: string;
  expiresAt: string;
}

/** `/ho-so-cua-toi/<code>`: one of the citizen's dossiers. */
export const DOSSIER_PAGE = '/ho-so-cua-toi/:code';
export const dossierPage = (code: string) => `/ho-so-cua-toi/${code}`;
export const ownDossierPath = (code: string) => `/api/v1/citizen/dossiers/${code}`;
export const paymentPath = (code: string) => `/api/v1/dossiers/${code}/payment`;

/** `GET /api/v1/citizen/dossiers/:code` */
export interface OwnDossier {
  code: string;
  procedureName: string;
  status: string;
  statusLabel: string;
  receivedAt: string;
  dueDate: string | null;
  channel: string;
  feeAmount: number;
  timeline: { at: string; label: string; status: string; unit: string | null }[];
  ratingUrl: string | null;
  /** The electronic result to download (result returned online), once it is ready. */
  result: { fileName: string; size: number; url: string } | null;
  /** The one-stop forms issued to the applicant, each a PDF (formPath). */
  forms: ('receipt' | 'supplement' | 'refusal' | 'apology')[];
}

export const formPath = (code: string, form: OwnDossier['forms'][number]) =>
  `/api/v1/dossiers/${encodeURIComponent(code)}/documents/${form}`;

/** `GET /api/v1/dossiers/:code/payment` */
export interface Payment {
  amount: number;
  amountText: string;
  status: 'paid' | 'unpaid';
  vietqr: string | null;
  transferNote: string;
  account: { bankName: string; accountNumber: string; accountName: string; demo: boolean } | null;
  receipt: { number: string; paidAt: string | null; methodLabel: string } | null;
}

/** `/ho-so-cua-toi/<code>/bo-sung`: the supplement notice of an online dossier, answered online. */
export const SUPPLEMENT_PAGE = '/ho-so-cua-toi/:code/bo-sung';
export const supplementPage = (code: string) => `/ho-so-cua-toi/${code}/bo-sung`;
export const supplementApiPath = (code: string) => `/api/v1/citizen/dossiers/${code}/supplement`;

/** `GET /api/v1/citizen/dossiers/:code/supplement` */
export interface SupplementNotice {
  code: string;
  requestedAt: string;
  reason: string | null;
  documents: { id: string; name: string }[];
  uploads: { id: string; documentId: string; fileName: string; size: number }[];
  sentAt: string | null;
  uploadRules: { maxFiles: number; maxBytes: number; accepted: string[] };
}
