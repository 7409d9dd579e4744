import { generateSecret, generateURI, verify } from 'otplib';

export const TOTP_ISSUER = 'Chính quyền thân thiện';

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, username: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: username, secret });
}

/** One 30-second step of clock drift either way is accepted. */
export async function checkTotp(secret: string, code: string): Promise<boolean> {
  if (!/^\d{6}$/.test(code)) return false;
  return (await verify({ secret, token: code, epochTolerance: 30 })).valid;
}
