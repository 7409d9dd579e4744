import { describe, expect, it } from 'vitest';
import { clockVn, dateTimeVn, longDateVn, placeDateVn, placeName, spokenDateTimeVn } from './dates';

describe('dates as Decree 30/2020 writes them', () => {
  it('pads days below 10 and the months 1 and 2 only', () => {
    expect(longDateVn('2026-02-13')).toBe('ngày 13 tháng 02 năm 2026');
    expect(longDateVn('2026-01-05')).toBe('ngày 05 tháng 01 năm 2026');
    expect(longDateVn('2026-03-09')).toBe('ngày 09 tháng 3 năm 2026');
    expect(longDateVn('2026-12-31')).toBe('ngày 31 tháng 12 năm 2026');
    expect(() => longDateVn('2026-02-30')).toThrow(RangeError);
  });

  it('writes the place-and-date line', () => {
    expect(placeDateVn('Thành Đông', '2026-02-13')).toBe('Thành Đông, ngày 13 tháng 02 năm 2026');
    expect(placeName('Phường Thành Đông')).toBe('Thành Đông');
    expect(placeName('Xã An Thượng')).toBe('An Thượng');
    expect(placeName('Đặc khu Cát Hải')).toBe('Cát Hải');
  });

  it('reads times in Vietnam (UTC+7) whatever the machine', () => {
    const at = new Date('2026-02-13T03:05:00Z');
    expect(clockVn(at)).toBe('10:05');
    expect(dateTimeVn(at)).toBe('10:05 ngày 13/02/2026');
    expect(spokenDateTimeVn(at)).toBe('10 giờ 05 phút, ngày 13 tháng 02 năm 2026');
    // 23:30 UTC is already the next day in Vietnam.
    expect(dateTimeVn(new Date('2026-02-28T23:30:00Z'))).toBe('06:30 ngày 01/03/2026');
  });
});
