import { describe, expect, it } from 'vitest';
import { idNumberProblem, maskIdNumber, maskName, maskPhone, normalisePhone } from './rules';

describe('citizen identifiers', () => {
  it('accepts a 12-digit căn cước number with a province code and refuses others', () => {
    expect(idNumberProblem('031095001234')).toBeNull();
    expect(idNumberProblem('03109500123')).toMatch(/12 chữ số/);
    expect(idNumberProblem('03109500123a')).toMatch(/12 chữ số/);
    expect(idNumberProblem('003095001234')).toMatch(/mã tỉnh/);
  });

  it('normalises Vietnamese phone numbers and refuses the rest', () => {
    expect(normalisePhone('0912 345 678')).toBe('0912345678');
    expect(normalisePhone('+84 912 345 678')).toBe('0912345678');
    expect(normalisePhone('84912345678')).toBe('0912345678');
    expect(normalisePhone('091234567')).toBeNull();
    expect(normalisePhone('1912345678')).toBeNull();
  });

  it('masks numbers and names', () => {
    expect(maskIdNumber('031095001234')).toBe('031******234');
    expect(maskPhone('0912345678')).toBe('0912***678');
    expect(maskName('Nguyễn Thị Hằng')).toBe('N***** T** H***');
  });
});
