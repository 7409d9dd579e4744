import { describe, expect, it } from 'vitest';
import { fileRefusal, safeFileName, sniffMediaType } from './files';

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => new TextEncoder().encode(text);
/** The PNG signature, then the IHDR chunk's length, type, width and height (1 × 1). */
const PNG_HEADER = [
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1,
];

describe('files handed in', () => {
  it('knows a paper by its bytes: JPEG, PNG, PDF, and nothing else', () => {
    expect(sniffMediaType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toBe('image/jpeg');
    expect(sniffMediaType(bytes(...PNG_HEADER))).toBe('image/png');
    // The signature without the IHDR chunk after it, or cut short, is not a picture.
    expect(sniffMediaType(bytes(...PNG_HEADER.slice(0, 12), 0, 0, 0, 0, ...PNG_HEADER.slice(16)))).toBeNull();
    expect(sniffMediaType(bytes(...PNG_HEADER.slice(0, 20)))).toBeNull();
    expect(sniffMediaType(ascii('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffMediaType(ascii('Tệp văn bản đổi tên thành .pdf'))).toBeNull();
    expect(sniffMediaType(ascii('GIF89a'))).toBeNull();
    expect(sniffMediaType(bytes(0xff, 0xd8))).toBeNull();
    expect(sniffMediaType(ascii(' %PDF-1.7'))).toBeNull();
  });

  it('refuses an empty, too large or unknown file with a message that says what to do', () => {
    const max = 10 * 1_048_576;
    expect(fileRefusal(0, max, 'image/png')).toMatch(/rỗng/);
    expect(fileRefusal(max + 1, max, 'application/pdf')).toMatch(/lớn hơn 10 MB/);
    expect(fileRefusal(100, max, null)).toMatch(/không phải ảnh JPEG, PNG hoặc tệp PDF/);
    expect(fileRefusal(max, max, 'image/jpeg')).toBeNull();
  });

  it('keeps a file name without folders or control characters', () => {
    expect(safeFileName('C:\\Users\\An\\Ảnh chụp 1.jpg', 'image/jpeg')).toBe('Ảnh chụp 1.jpg');
    expect(safeFileName('../../etc/passwd', 'application/pdf')).toBe('passwd');
    expect(safeFileName('a\u0000b\u202e.pdf', 'application/pdf')).toBe('ab.pdf');
    expect(safeFileName('..', 'image/png')).toBe('anh.png');
  });
});
