import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSecurityHeaders, pageSecurityHeaders } from '../../src/platform/http/security-headers';
import { startTestPlatform, type TestPlatform } from '../support/app';

describe('security headers', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform();
  });
  afterAll(() => platform.close());

  it('gives pages the CSP that forbids inline and foreign scripts, and the other browser protections', async () => {
    const response = await platform.app.inject({ method: 'GET', url: '/thu-tuc' });
    expect(response.statusCode).toBe(200);
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(response.headers['x-download-options']).toBeUndefined();
    // Plain HTTP outside production: no HSTS.
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('gives API answers, errors included, the short set for data: nothing loads from them or frames them', async () => {
    for (const url of ['/api/v1/health', '/api/v1/dossiers/10507-260101-0001/public']) {
      const response = await platform.app.inject({ method: 'GET', url });
      expect(response.headers).toMatchObject({
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'cross-origin-resource-policy': 'same-origin',
      });
      expect(response.headers['x-request-id']).toBeTruthy();
      expect(response.headers['referrer-policy']).toBeUndefined();
    }
  });

  it('adds HSTS to both in production', () => {
    expect(pageSecurityHeaders(true)['strict-transport-security']).toMatch(/^max-age=\d+/);
    expect(apiSecurityHeaders(true)['strict-transport-security']).toBe(
      pageSecurityHeaders(true)['strict-transport-security'],
    );
    expect(pageSecurityHeaders(true)['content-security-policy']).toContain('upgrade-insecure-requests');
  });
});
