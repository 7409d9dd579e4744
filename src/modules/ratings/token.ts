/**
 * The capabilities of the rating pages, derived from the server's secret (`RATING_SECRET`) with HMAC-SHA-256 and
 * stored nowhere:
 * - the rating token of a dossier: printable on any paper of the dossier (the receipt at intake, the result),
 *   valid for that dossier only; whoever holds the paper may rate it once, after the result is returned;
 * - the kiosk key of a counter: the tablet at the counter opens its page with it, once, and keeps the address.
 * 128 bits each: not guessable; compared in constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const BYTES = 16;

function mac(secret: string, purpose: 'rating' | 'kiosk', subject: string): string {
  return createHmac('sha256', secret)
    .update(`${purpose}\n${subject}`)
    .digest()
    .subarray(0, BYTES)
    .toString('base64url');
}

function same(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const ratingToken = (secret: string, dossierCode: string) => mac(secret, 'rating', dossierCode);

export const isRatingToken = (secret: string, dossierCode: string, given: string) =>
  same(ratingToken(secret, dossierCode), given);

export const kioskKey = (secret: string, counterId: string) => mac(secret, 'kiosk', counterId);

export const isKioskKey = (secret: string, counterId: string, given: string) =>
  same(kioskKey(secret, counterId), given);
