/**
 * Files people hand in (uploads, scans, results, photos): known by their bytes, not by their name or what the
 * browser claimed; refused with a message that says what to do; stored under a name safe to show.
 */
export const MEDIA_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

export const ACCEPTED_FILES = 'ảnh JPEG, PNG hoặc tệp PDF';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

/** Length, type and the width and height of the first chunk: a PNG's is always IHDR. */
const isPngHeader = (chunk: Uint8Array) =>
  chunk.length === 16 && String.fromCharCode(...chunk.subarray(4, 8)) === 'IHDR';

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

/**
 * The type the bytes are: JPEG (FF D8 FF), PNG (its 8-byte signature, then the IHDR chunk every PNG starts
 * with, width and height included) or PDF ('%PDF-'); null for anything else.
 */
export function sniffMediaType(bytes: Uint8Array): MediaType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, PNG_SIGNATURE) && isPngHeader(bytes.subarray(8, 24))) return 'image/png';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return null;
}

export function fileRefusal(size: number, maxBytes: number, type: MediaType | null): string | null {
  if (size === 0) return 'Tệp rỗng. Xin vui lòng chọn lại tệp.';
  if (size > maxBytes)
    return `Tệp lớn hơn ${formatMegabytes(maxBytes)}. Xin vui lòng chụp lại với độ phân giải thấp hơn hoặc chia nhỏ tệp PDF.`;
  if (!type) return `Tệp không phải ${ACCEPTED_FILES}. Xin vui lòng chọn tệp khác.`;
  return null;
}

export function formatMegabytes(bytes: number): string {
  return `${Number((bytes / 1_048_576).toFixed(1)).toLocaleString('vi-VN')} MB`;
}

/** A file name safe to store and show: no folders, no control characters, at most 120 characters. */
export function safeFileName(name: string, type: MediaType): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[\p{Cc}\p{Cf}"<>|*?:]/gu, '')
    .trim()
    .slice(-120);
  if (clean && clean !== '.' && clean !== '..') return clean;
  return type === 'application/pdf' ? 'tai-lieu.pdf' : type === 'image/png' ? 'anh.png' : 'anh.jpg';
}
