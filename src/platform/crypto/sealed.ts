/**
 * Application-level sealing of the most sensitive personal data (a denouncer's identity, Luật Tố cáo 2018
 * điều 8, 56): AES-256-GCM with a fresh 96-bit nonce per value, bound to the record it belongs to by the
 * additional authenticated data, so a sealed value copied onto another record does not open. The database,
 * its backups and anyone who reads the tables see only `v1.<key id>.<nonce>.<tag>.<ciphertext>`.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';

/** A short fingerprint of the key, stored beside each value: opening with another key says so plainly. */
export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

export function seal(key: Buffer, plaintext: string, boundTo: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, nonce);
  cipher.setAAD(Buffer.from(boundTo, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const parts = [nonce, cipher.getAuthTag(), body].map((b) => b.toString('base64url'));
  return [VERSION, keyId(key), ...parts].join('.');
}

export class SealError extends Error {}

/** The plaintext, or SealError when the value was sealed with another key, for another record, or altered. */
export function unseal(key: Buffer, sealed: string, boundTo: string): string {
  const [version, id, nonce, tag, body] = sealed.split('.');
  if (version !== VERSION || !nonce || !tag || body === undefined) throw new SealError('not a sealed value');
  if (id !== keyId(key)) throw new SealError(`sealed with key ${id}, not with the configured key`);
  const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(nonce, 'base64url'));
  decipher.setAAD(Buffer.from(boundTo, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new SealError('the sealed value was altered or belongs to another record');
  }
}
