/**
 * The key of a ward's ticket kiosk (máy lấy số): the kiosk opens `/lay-so?may=<key>` and keeps the address. A
 * kiosk serves everyone who comes in, so its takes are not limited per address as a phone's are. Derived from
 * the server's secret (`RATING_SECRET`, which also signs the rating links) with HMAC-SHA-256 under its own
 * purpose, stored nowhere; 128 bits, compared in constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function kioskKey(secret: string, wardCode: string): string {
  return createHmac('sha256', secret)
    .update(`queue-kiosk\n${wardCode}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}

export function isKioskKey(secret: string, wardCode: string, given: string): boolean {
  const expected = Buffer.from(kioskKey(secret, wardCode));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
