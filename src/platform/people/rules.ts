/**
 * Citizens' identifiers: shape checks and masking. Căn cước numbers follow Circular 59/2021/TT-BCA art. 7:
 * 3 digits for the province where the birth was registered, 1 for gender and century, 2 for the year of
 * birth, 6 random digits.
 */

/** Province codes of the 63 provinces as they stood when the numbering was set (Circular 07/2016/TT-BCA). */
const BIRTH_PROVINCE_CODES = new Set(
  '001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096'.split(
    ' ',
  ),
);

export const ID_NUMBER_MESSAGE = 'Xin vui lòng nhập số căn cước gồm 12 chữ số.';
export const ID_PROVINCE_MESSAGE = 'Ba chữ số đầu của số căn cước không phải mã tỉnh, thành phố.';
export const PHONE_MESSAGE =
  'Xin vui lòng nhập số điện thoại gồm 10 chữ số, bắt đầu bằng 0 (ví dụ 0912 345 678).';

/** Null when the number is well formed, else the Vietnamese message to show. */
export function idNumberProblem(value: string): string | null {
  if (!/^\d{12}$/.test(value)) return ID_NUMBER_MESSAGE;
  if (!BIRTH_PROVINCE_CODES.has(value.slice(0, 3))) return ID_PROVINCE_MESSAGE;
  return null;
}

/** '0912 345 678', '+84 912 345 678', '84912345678' → '0912345678'; null when it is not a Vietnamese number. */
export function normalisePhone(value: string): string | null {
  const digits = value.replace(/[\s.()-]/g, '');
  const national = digits.replace(/^\+?84(?=\d{9}$)/, '0');
  return /^0\d{9}$/.test(national) ? national : null;
}

/** '031095001234' → '031******234' */
export function maskIdNumber(value: string): string {
  return value.length < 7
    ? '*'.repeat(value.length)
    : `${value.slice(0, 3)}${'*'.repeat(value.length - 6)}${value.slice(-3)}`;
}

/** '0912345678' → '0912***678' */
export function maskPhone(value: string): string {
  return value.length < 7 ? '*'.repeat(value.length) : `${value.slice(0, 4)}***${value.slice(-3)}`;
}

/** 'Nguyễn Thị Hằng' → 'N*** T** H***': the shape of a name without the name. */
export function maskName(value: string): string {
  return value
    .trim()
    .split(/\s+/)
    .map((word) => `${Array.from(word)[0] ?? ''}${'*'.repeat(Math.max(2, Array.from(word).length - 1))}`)
    .join(' ');
}
