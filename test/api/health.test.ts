import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../support/app';
import { TEST_DATABASE_KIND } from '../support/db';

describe('health', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform();
  });
  afterAll(() => platform.close());

  it('answers ok with the kind of database it runs on and the state of the background jobs', async () => {
    const response = await platform.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: TEST_DATABASE_KIND, jobs: 'off' });
    expect(response.headers['x-request-id']).toBeTruthy();
  });
});
