import { describe, expect, it } from 'vitest';
import { DEMO_CITIZENS } from './demo-citizens';
import { idNumberProblem } from '../people/rules';
import { applicantKey, identityFromClaims, OTP_MAX_TRIES, otpRefusal, otpText } from './rules';

describe('citizen sign-in rules', () => {
  const now = new Date('2026-03-10T02:00:00Z');
  const code = (minutesLeft: number, attempts = 0, consumedAt: Date | null = null) => ({
    expiresAt: new Date(now.getTime() + minutesLeft * 60_000),
    attempts,
    consumedAt,
  });

  it('lets a code be tried five times until it expires, and never once used', () => {
    expect(otpRefusal(code(5), now)).toBeNull();
    expect(otpRefusal(code(1, OTP_MAX_TRIES - 1), now)).toBeNull();
    expect(otpRefusal(code(1, OTP_MAX_TRIES), now)).toBe('too_many');
    expect(otpRefusal(code(0), now)).toBe('expired');
    expect(otpRefusal(code(5, 0, now), now)).toBe('missing');
    expect(otpRefusal(undefined, now)).toBe('missing');
  });

  it('writes the SMS as one plain-ASCII segment that starts with the code', () => {
    const text = otpText('012345');
    expect(text.startsWith('012345 ')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(160);
    expect(text).toMatch(/^[\x20-\x7e]+$/);
  });

  it('keeps the claims VNeID sends only when they are well formed', () => {
    expect(
      identityFromClaims({
        sub: 'abc',
        name: ' Nguyễn Thị Hằng ',
        citizen_id: '031195001234',
        phone_number: '+84912345678',
        email: 'hang@example.vn',
      }),
    ).toEqual({
      subject: 'abc',
      fullName: 'Nguyễn Thị Hằng',
      idNumber: '031195001234',
      phone: '0912345678',
      email: 'hang@example.vn',
    });
    expect(
      identityFromClaims({ sub: 'abc', citizen_id: '12345', phone_number: '12', email: 'khong' }),
    ).toEqual({
      subject: 'abc',
      fullName: null,
      idNumber: null,
      phone: null,
      email: null,
    });
  });

  it('finds a VNeID account’s dossiers by its căn cước number and a phone account’s by its phone', () => {
    const vneid = { vneidSubject: 's', idNumber: '031195001234', phone: '0912345678' };
    expect(applicantKey(vneid)).toEqual({ idNumber: '031195001234' });
    // A VNeID account without a number is not matched by its phone: that phone was never proved here.
    expect(applicantKey({ ...vneid, idNumber: null })).toBeNull();
    expect(applicantKey({ vneidSubject: null, idNumber: null, phone: '0912345678' })).toEqual({
      phone: '0912345678',
    });
  });

  it('gives the demo citizens well-formed, distinct căn cước numbers', () => {
    for (const person of DEMO_CITIZENS) expect(idNumberProblem(person.idNumber)).toBeNull();
    expect(new Set(DEMO_CITIZENS.map((p) => p.idNumber)).size).toBe(DEMO_CITIZENS.length);
  });
});
