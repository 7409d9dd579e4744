import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../config';
import { keyId, seal, SealError, unseal } from './sealed';

const key = randomBytes(32);
const identity = JSON.stringify({ fullName: 'Lò Thị Bích Khuê', phone: '0968123457' });

describe('sealed values (AES-256-GCM)', () => {
  it('opens with the same key for the same record, and shows nothing of the plaintext', () => {
    const sealed = seal(key, identity, 'record-1');
    expect(sealed).toMatch(new RegExp(`^v1\\.${keyId(key)}\\.`));
    expect(sealed).not.toContain('0968123457');
    expect(Buffer.from(sealed.split('.')[4] ?? '', 'base64url').toString('latin1')).not.toContain('0968');
    expect(unseal(key, sealed, 'record-1')).toBe(identity);
    expect(seal(key, identity, 'record-1')).not.toBe(sealed); // a fresh nonce each time
  });

  it('refuses another key, another record, and an altered value', () => {
    const sealed = seal(key, identity, 'record-1');
    expect(() => unseal(randomBytes(32), sealed, 'record-1')).toThrow(SealError);
    expect(() => unseal(key, sealed, 'record-2')).toThrow(SealError);
    const parts = sealed.split('.');
    const body = Buffer.from(parts[4] ?? '', 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    parts[4] = body.toString('base64url');
    expect(() => unseal(key, parts.join('.'), 'record-1')).toThrow(SealError);
  });
});

describe('IDENTITY_KEY', () => {
  const production = { NODE_ENV: 'production', RATING_SECRET: 'x'.repeat(32) };
  it('is required in production, 32 bytes in hex or base64', () => {
    expect(() => readConfig(production)).toThrow(ConfigError);
    expect(() => readConfig({ ...production, IDENTITY_KEY: 'ab'.repeat(16) })).toThrow(/32 bytes/);
    expect(readConfig({ ...production, IDENTITY_KEY: 'ab'.repeat(32) }).identityKey).toEqual(
      Buffer.alloc(32, 0xab),
    );
    expect(readConfig({ ...production, IDENTITY_KEY: key.toString('base64') }).identityKey).toEqual(key);
  });

  it('outside production, unset, is a development key derived from a fixed phrase (the same every start)', () => {
    expect(readConfig({}).identityKey).toHaveLength(32);
    expect(readConfig({}).identityKey).toEqual(readConfig({}).identityKey);
  });
});
