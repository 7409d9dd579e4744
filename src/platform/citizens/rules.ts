/** Citizen sign-in rules: pure, so the numbers are in one place and tested without a database. */
import { idNumberProblem, normalisePhone } from '../people/rules';

/** A one-time code is good for five minutes and five tries (the right one included). */
export const OTP_TTL_MINUTES = 5;
export const OTP_MAX_TRIES = 5;
/** At most three codes to one phone in fifteen minutes: SMS cost a ward money and annoy the wrong person. */
export const OTP_SENDS_PER_WINDOW = 3;
export const OTP_SEND_WINDOW_MINUTES = 15;

/** Citizens often sign in on a shared or borrowed phone: a shorter session than staff have. */
export const CITIZEN_SESSION_HOURS = 2;
/** Time to finish a VNeID sign-in once it has started. */
export const VNEID_LOGIN_MINUTES = 10;

/** The VNeID claim that carries the căn cước number (a custom claim; `sub` is an opaque identifier). */
export const ID_NUMBER_CLAIM = 'citizen_id';

const MINUTE_MS = 60_000;

export function minutesAfter(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * MINUTE_MS);
}

export interface OtpState {
  expiresAt: Date;
  attempts: number;
  consumedAt: Date | null;
}

/** Whether a code may still be tried; `attempts` counts the tries before this one. */
export function otpRefusal(code: OtpState | undefined, now: Date): 'missing' | 'expired' | 'too_many' | null {
  if (!code || code.consumedAt) return 'missing';
  if (code.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (code.attempts >= OTP_MAX_TRIES) return 'too_many';
  return null;
}

/** The SMS: without diacritics (one GSM segment), the code first so a phone can offer to fill it in. */
export function otpText(code: string): string {
  return (
    `${code} la ma dang nhap Chinh quyen than thien, co hieu luc ${OTP_TTL_MINUTES} phut. ` +
    'Xin dung dua ma nay cho bat ky ai.'
  );
}

/**
 * What a citizen's dossiers are found by, from how their account was proved: a VNeID account by the căn cước
 * number VNeID asserts (nothing without one), a phone account by the phone its code was sent to, which is the
 * phone the ward already writes to about those dossiers.
 */
export function applicantKey(account: {
  vneidSubject: string | null;
  idNumber: string | null;
  phone: string | null;
}): { idNumber: string } | { phone: string } | null {
  if (account.vneidSubject !== null) return account.idNumber ? { idNumber: account.idNumber } : null;
  return account.phone ? { phone: account.phone } : null;
}

/** Whose dossiers the citizen may follow: those filed from their account, and those of their applicantKey. */
export function dossierOwner(account: {
  id: string;
  vneidSubject: string | null;
  idNumber: string | null;
  phone: string | null;
}) {
  return { citizenId: account.id, applicant: applicantKey(account) };
}

export interface VneidIdentity {
  subject: string;
  fullName: string | null;
  /** Null when VNeID did not send a well-formed căn cước number. */
  idNumber: string | null;
  phone: string | null;
  email: string | null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

/** What the platform keeps of VNeID's claims, each checked for shape. */
export function identityFromClaims(claims: Record<string, unknown>): VneidIdentity {
  const idNumber = text(claims[ID_NUMBER_CLAIM]);
  const phone = text(claims.phone_number);
  const email = text(claims.email);
  return {
    subject: String(claims.sub),
    fullName: text(claims.name),
    idNumber: idNumber && !idNumberProblem(idNumber) ? idNumber : null,
    phone: phone ? normalisePhone(phone) : null,
    email: email && email.length <= 254 && /^[^\s@]+@[^\s@]+$/.test(email) ? email : null,
  };
}
