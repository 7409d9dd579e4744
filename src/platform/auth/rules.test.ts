import { describe, expect, it } from 'vitest';
import { afterFailedLogin, isLocked, LOCKOUT_MINUTES, MAX_FAILED_LOGINS, passwordProblem } from './rules';

describe('account rules', () => {
  const now = new Date('2026-03-10T03:00:00Z');

  it('locks the account on the fifth failed password, for fifteen minutes', () => {
    let state = { failedLogins: 0, lockedUntil: null as Date | null };
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      state = afterFailedLogin(state.failedLogins, now);
      expect(state.lockedUntil).toBeNull();
    }
    state = afterFailedLogin(state.failedLogins, now);
    expect(state.lockedUntil?.getTime()).toBe(now.getTime() + LOCKOUT_MINUTES * 60_000);
    expect(isLocked(state.lockedUntil, now)).toBe(true);
    expect(isLocked(state.lockedUntil, new Date(now.getTime() + 16 * 60_000))).toBe(false);
  });

  it('refuses short passwords, passwords containing the username, and letters-only passwords', () => {
    expect(passwordProblem('ngan1', 'canbo')).toMatch(/ít nhất 10/);
    expect(passwordProblem('canbo12345678', 'canbo')).toMatch(/tên đăng nhập/);
    expect(passwordProblem('chỉcóchữcái', 'canbo')).toMatch(/chữ và số/);
    expect(passwordProblem('Hải Phòng 2026', 'canbo')).toBeNull();
  });
});
