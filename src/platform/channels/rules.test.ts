import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  maskRecipient,
  MAX_ATTEMPTS,
  normaliseRecipient,
  scrubError,
  toSmsText,
} from './rules';

describe('channel rules', () => {
  const now = new Date('2026-03-10T03:00:00Z');
  const minutesLater = (m: number) => new Date(now.getTime() + m * 60_000);

  it('retries after 1 then 5 minutes, and fails for good after the third attempt', () => {
    expect(MAX_ATTEMPTS).toBe(3);
    expect(afterFailure(1, now)).toEqual({ status: 'pending', nextAttemptAt: minutesLater(1) });
    expect(afterFailure(2, now)).toEqual({ status: 'pending', nextAttemptAt: minutesLater(5) });
    expect(afterFailure(3, now)).toEqual({ status: 'failed' });
    expect(afterFailure(4, now)).toEqual({ status: 'failed' });
  });

  it('stores phones in national form and e-mail addresses trimmed; refuses what is neither', () => {
    expect(normaliseRecipient('sms', '+84 912 345 678')).toBe('0912345678');
    expect(normaliseRecipient('zalo', '0912.345.678')).toBe('0912345678');
    expect(normaliseRecipient('sms', 'hang@example.vn')).toBeNull();
    expect(normaliseRecipient('email', ' hang.nguyen@example.vn ')).toBe('hang.nguyen@example.vn');
    expect(normaliseRecipient('email', '0912345678')).toBeNull();
    expect(normaliseRecipient('email', 'a@b')).toBeNull();
    expect(normaliseRecipient('email', 'Hằng <hang@example.vn>')).toBeNull();
  });

  it('masks a phone like the dossier view does, and an e-mail address but for its first letters', () => {
    expect(maskRecipient('sms', '0912345678')).toBe('0912***678');
    expect(maskRecipient('zalo', '0912345678')).toBe('0912***678');
    expect(maskRecipient('email', 'hang.nguyen@example.vn')).toBe('ha***@example.vn');
    expect(maskRecipient('email', 'an@example.vn')).toBe('a***@example.vn');
  });

  it('takes the recipient out of a provider error, in any form the provider wrote it', () => {
    expect(
      scrubError(
        '550 5.1.1 <Hang.Nguyen@Example.vn>: mailbox unavailable',
        'email',
        'hang.nguyen@example.vn',
      ),
    ).toBe('550 5.1.1 <ha***@example.vn>: mailbox unavailable');
    expect(scrubError('number 84912345678 (+84912345678) blocked', 'sms', '0912345678')).toBe(
      'number 0912***678 (+0912***678) blocked',
    );
    expect(scrubError('x'.repeat(2000), 'sms', '0912345678')).toHaveLength(500);
  });

  it('writes SMS text in printable ASCII: no diacritics, đ as d, dashes and quotes plain', () => {
    expect(toSmsText('UBND phường Thành Đông: Hẹn trả kết quả ngày 13/03/2026.')).toBe(
      'UBND phuong Thanh Dong: Hen tra ket qua ngay 13/03/2026.',
    );
    expect(toSmsText('Đặng Thị Ngọc Ánh – “Ưu tiên”…\n')).toBe('Dang Thi Ngoc Anh - "Uu tien"...');
    // Decomposed input (NFD, as some keyboards send it) folds the same.
    expect(toSmsText('Hộ tịch'.normalize('NFD'))).toBe('Ho tich');
    expect(toSmsText('Giấy tờ ✓ đủ')).toBe('Giay to du');
  });
});
