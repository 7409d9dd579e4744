import { useCallback, useRef } from 'react';
import { api } from '../../shared/api';

/**
 * A random key for `Idempotency-Key`. `crypto.randomUUID` exists only on secure pages (HTTPS or localhost);
 * the ward's office network may serve plain HTTP, so fall back to `getRandomValues`, available everywhere.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * POSTs with an `Idempotency-Key`: a retry of the same request (after a network failure, a double press)
 * reuses the key, so the server applies it once; a changed request gets a new key, because the server refuses
 * a key reused for a different body. `reset` after a success, so that the next submission is a new one.
 */
export function useIdempotentPost() {
  const last = useRef<{ request: string; key: string } | null>(null);

  const post = useCallback(<T>(path: string, body: unknown): Promise<T> => {
    const request = JSON.stringify([path, body]);
    if (last.current?.request !== request) last.current = { request, key: newIdempotencyKey() };
    return api.post<T>(path, body, { headers: { 'Idempotency-Key': last.current.key } });
  }, []);

  const reset = useCallback(() => {
    last.current = null;
  }, []);

  return { post, reset };
}
