import { generateSecret, generateURI, verify } from 'otplib';

export const TOTP_ISSUER = 'Chính quyền thân thiện';
const PERIOD_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, username: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: username, secret });
}

/**
 * Checks a code, accepting one 30-second step of clock drift either way. Returns the time step the code
 * belongs to (so a used code can be refused the second time), or null when it is wrong.
 */
export async function checkTotp(
  secret: string,
  code: string,
  lastUsedStep: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({ secret, token: code, epochTolerance: PERIOD_SECONDS });
  if (!result.valid) return null;
  const step = Math.floor(Date.now() / 1000 / PERIOD_SECONDS) + result.delta;
  return lastUsedStep !== null && step <= lastUsedStep ? null : step;
}
