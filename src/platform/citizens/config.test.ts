import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../config';

describe('VNeID configuration', () => {
  const issuer = 'https://vneid.example.vn/oidc';

  it('is absent without VNEID_ISSUER: the local stand-in serves outside production', () => {
    expect(readConfig({}).vneid).toBeUndefined();
  });

  it('reads the issuer as given, the client id and the optional secret', () => {
    expect(readConfig({ VNEID_ISSUER: `${issuer}/`, VNEID_CLIENT_ID: 'phuong-10507' }).vneid).toEqual({
      issuer: `${issuer}/`,
      clientId: 'phuong-10507',
      clientSecret: undefined,
    });
    expect(
      readConfig({ VNEID_ISSUER: issuer, VNEID_CLIENT_ID: 'phuong-10507', VNEID_CLIENT_SECRET: 'bi-mat' })
        .vneid?.clientSecret,
    ).toBe('bi-mat');
  });

  it('refuses a missing client id, a plain-HTTP issuer in production and anything but HTTP(S)', () => {
    expect(() => readConfig({ VNEID_ISSUER: issuer })).toThrow(ConfigError);
    const plain = { VNEID_ISSUER: 'http://10.0.0.5:8080', VNEID_CLIENT_ID: 'thu' };
    expect(readConfig(plain).vneid?.issuer).toBe('http://10.0.0.5:8080');
    expect(() => readConfig({ ...plain, NODE_ENV: 'production', RATING_SECRET: 'x'.repeat(32) })).toThrow(
      /https/,
    );
    expect(() => readConfig({ VNEID_ISSUER: 'ftp://vneid', VNEID_CLIENT_ID: 'thu' })).toThrow(ConfigError);
    expect(() => readConfig({ VNEID_ISSUER: 'khong phai url', VNEID_CLIENT_ID: 'thu' })).toThrow(ConfigError);
  });
});
