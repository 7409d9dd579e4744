/**
 * Dossier code (mã hồ sơ): agency code + local receipt date (yymmdd) + 4-digit sequence of that day, e.g.
 * '10507-260213-0001' (vn-rules §2.3; the separators and the use of the ward code are unconfirmed).
 */
import { addDays, type IsoDate } from '../../platform/calendar/rules';

const AGENCY = /^[0-9A-Za-z.]{1,32}$/;
const CODE = /^([0-9A-Za-z.]{1,32})-(\d{2})(\d{2})(\d{2})-(\d{4})$/;
export const SEQUENCE_DIGITS = 4;
export const MAX_DOSSIER_SEQUENCE = 10 ** SEQUENCE_DIGITS - 1;

export interface DossierCodeParts {
  wardCode: string;
  receivedOn: IsoDate;
  sequence: number;
}

function assertSequence(sequence: number): void {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_DOSSIER_SEQUENCE)
    throw new RangeError(`Số thứ tự hồ sơ phải từ 1 đến ${MAX_DOSSIER_SEQUENCE}: ${sequence}`);
}

/** The code up to its sequence ('10507-260213-'): the intake statement appends the number it takes. */
export function dossierCodePrefix(wardCode: string, receivedLocalDate: IsoDate): string {
  if (!AGENCY.test(wardCode)) throw new RangeError(`Mã cơ quan không hợp lệ: ${wardCode}`);
  addDays(receivedLocalDate, 0); // validates the date
  if (!receivedLocalDate.startsWith('20'))
    throw new RangeError(`Ngày tiếp nhận ngoài thế kỷ 21: ${receivedLocalDate}`);
  return `${wardCode}-${receivedLocalDate.slice(2).replaceAll('-', '')}-`;
}

export function dossierCode(wardCode: string, receivedLocalDate: IsoDate, sequence: number): string {
  const prefix = dossierCodePrefix(wardCode, receivedLocalDate);
  assertSequence(sequence);
  return `${prefix}${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;
}

export function parseDossierCode(code: string): DossierCodeParts {
  const m = CODE.exec(code);
  if (!m) throw new RangeError(`Mã hồ sơ không đúng định dạng: ${code}`);
  const receivedOn = `20${m[2]}-${m[3]}-${m[4]}`;
  addDays(receivedOn, 0);
  const sequence = Number(m[5]);
  assertSequence(sequence);
  return { wardCode: m[1], receivedOn, sequence };
}
