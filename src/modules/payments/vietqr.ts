/**
 * VietQR payloads (NAPAS 247 fast transfer to an account): the EMVCo Merchant-Presented QR format, a string of
 * TLV fields (two-digit id, two-digit length, value) closed by a CRC. Any Vietnamese bank app that scans it
 * fills in the ward's account, the exact amount and the transfer note.
 */
import { searchKey } from '../procedures/rules';

/** NAPAS's identifier in field 38 (merchant account information) and its "transfer to an account" service. */
export const NAPAS_GUID = 'A000000727';
export const TRANSFER_TO_ACCOUNT = 'QRIBFTTA';
/** EMVCo caps field 62-08 (purpose of transaction) at 25 characters. */
export const MAX_PURPOSE_LENGTH = 25;

export class VietQrError extends Error {}

function field(id: string, value: string): string {
  if (value.length === 0 || value.length > 99)
    throw new VietQrError(`Trường ${id} dài ${value.length} ký tự`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/** CRC-16/CCITT-FALSE (initial 0xFFFF, polynomial 0x1021, no reflection) over the UTF-8 bytes, 4 hex digits. */
export function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++)
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * A transfer note bank apps accept: upper-case ASCII without diacritics ('Nộp phí' → 'NOP PHI'); anything else
 * that is not printable ASCII is dropped.
 */
export function asciiText(text: string): string {
  return searchKey(text)
    .toUpperCase()
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/ +/g, ' ')
    .trim();
}

export interface VietQrInput {
  /** The bank's six-digit NAPAS BIN (e.g. 970415). */
  bankBin: string;
  accountNumber: string;
  /** Whole đồng. */
  amount: number;
  /** The transfer note; made ASCII here. */
  purpose: string;
}

/** A dynamic VietQR payload (method 12: one amount, one note), CRC included. */
export function vietQrPayload(input: VietQrInput): string {
  if (!/^\d{6}$/.test(input.bankBin)) throw new VietQrError('Mã BIN ngân hàng gồm 6 chữ số.');
  if (!/^[0-9A-Za-z]{1,19}$/.test(input.accountNumber))
    throw new VietQrError('Số tài khoản gồm tối đa 19 chữ hoặc số.');
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0 || input.amount > 9_999_999_999_999)
    throw new VietQrError(`Số tiền không hợp lệ: ${input.amount}`);
  const purpose = asciiText(input.purpose);
  if (purpose.length === 0 || purpose.length > MAX_PURPOSE_LENGTH)
    throw new VietQrError(`Nội dung chuyển khoản phải có 1–${MAX_PURPOSE_LENGTH} ký tự: "${purpose}"`);
  const beneficiary = field('00', input.bankBin) + field('01', input.accountNumber);
  const payload =
    field('00', '01') +
    field('01', '12') +
    field('38', field('00', NAPAS_GUID) + field('01', beneficiary) + field('02', TRANSFER_TO_ACCOUNT)) +
    field('53', '704') +
    field('54', String(input.amount)) +
    field('58', 'VN') +
    field('62', field('08', purpose)) +
    '6304';
  return payload + crc16(payload);
}
