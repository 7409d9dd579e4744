/** Account security rules: pure, so the numbers are in one place and tested without a database. */

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
export const SESSION_HOURS = 10;
export const PASSWORD_MIN_LENGTH = 10;

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/** After a failed password: the new counter and, at the limit, when the lock ends. */
export function afterFailedLogin(
  failedLogins: number,
  now: Date,
): { failedLogins: number; lockedUntil: Date | null } {
  const next = failedLogins + 1;
  if (next < MAX_FAILED_LOGINS) return { failedLogins: next, lockedUntil: null };
  return { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) };
}

/** Returns a Vietnamese reason when the new password is not acceptable, or null. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Mật khẩu cần ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`;
  if (password.toLowerCase().includes(username.toLowerCase()))
    return 'Mật khẩu không được chứa tên đăng nhập.';
  if (!/\d/.test(password) || !/\p{L}/u.test(password)) return 'Mật khẩu cần có cả chữ và số.';
  return null;
}
