import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestPlatform, type Agent, type TestPlatform } from '../support/app';

const URL = '/api/v1/calendar/adjustments';

function adjustment(date: string, reason = 'Nghỉ thử nghiệm khóa lặp') {
  return { date, kind: 'day_off', reason, legalBasis: 'Quyết định thử nghiệm số 3/2030' };
}

describe('Idempotency-Key on mutations', () => {
  let platform: TestPlatform;
  let hethong: Agent;

  async function auditCount(targetId: string): Promise<number> {
    const [row] = await platform.database.sql.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM audit_log WHERE target_id = $1',
      [targetId],
    );
    return row?.n ?? 0;
  }

  beforeAll(async () => {
    platform = await startTestPlatform();
    hethong = await signIn(platform.app, 'hethong');
  });
  afterAll(() => platform.close());

  it('a retry with the same key is answered from the store and applied once', async () => {
    const headers = { 'idempotency-key': 'dieu-chinh-2030-04-01-a' };
    const first = await hethong.request('POST', URL, adjustment('2030-04-01'), headers);
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replay']).toBeUndefined();

    const second = await hethong.request('POST', URL, adjustment('2030-04-01'), headers);
    expect(second.statusCode).toBe(first.statusCode);
    expect(second.headers['idempotent-replay']).toBe('true');
    expect(second.json()).toEqual(first.json());
    expect(second.json()).toEqual(adjustment('2030-04-01'));

    expect(await auditCount('2030-04-01')).toBe(1);
    const [stored] = await platform.database.sql.query<{ status_code: number }>(
      "SELECT status_code FROM idempotency_keys WHERE key = 'dieu-chinh-2030-04-01-a'",
    );
    expect(stored?.status_code).toBe(201);
  });

  it('the same key on a different request is refused with 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const headers = { 'idempotency-key': 'dieu-chinh-2030-04-01-a' };
    const other = await hethong.request('POST', URL, adjustment('2030-04-01', 'Một lý do khác hẳn'), headers);
    expect(other.statusCode).toBe(422);
    expect(other.json()).toEqual({
      error: {
        code: 'IDEMPOTENCY_KEY_REUSED',
        message: 'Khóa Idempotency-Key đã được dùng cho một yêu cầu khác.',
      },
    });
    // Nothing was applied: the stored reason and the single audit record stand.
    const [row] = await platform.database.sql.query<{ reason: string }>(
      "SELECT reason FROM calendar_adjustments WHERE date = '2030-04-01'",
    );
    expect(row?.reason).toBe('Nghỉ thử nghiệm khóa lặp');
    expect(await auditCount('2030-04-01')).toBe(1);

    // Another route with the same key is a different request too.
    const deletion = await hethong.request('DELETE', `${URL}/2030-04-01`, undefined, headers);
    expect(deletion.statusCode).toBe(422);
  });

  it('a 204 answer is replayed as 204 and the deletion is not repeated', async () => {
    const headers = { 'idempotency-key': 'xoa-2030-04-01' };
    const first = await hethong.request('DELETE', `${URL}/2030-04-01`, undefined, headers);
    expect(first.statusCode).toBe(204);
    const second = await hethong.request('DELETE', `${URL}/2030-04-01`, undefined, headers);
    expect(second.statusCode).toBe(204);
    expect(second.headers['idempotent-replay']).toBe('true');
    expect(second.body).toBe('');
    // Without the key the same deletion is a new request: there is nothing left to delete.
    expect((await hethong.request('DELETE', `${URL}/2030-04-01`)).statusCode).toBe(404);
    expect(await auditCount('2030-04-01')).toBe(2); // saved once, deleted once
  });

  it('keys are per account, and a malformed key is refused', async () => {
    const other = await signIn(platform.app, 'motcua');
    const headers = { 'idempotency-key': 'dieu-chinh-2030-04-01-a' };
    // The same key from another account is not a replay of hethong's answer (and motcua may not adjust).
    const response = await other.request('POST', URL, adjustment('2030-04-01'), headers);
    expect(response.statusCode).toBe(403);
    expect(response.headers['idempotent-replay']).toBeUndefined();
    // A request refused before its handler ran does not use up the key.
    const [refused] = await platform.database.sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM idempotency_keys WHERE scope = 'staff:' || $1",
      [(await other.request('GET', '/api/v1/auth/me')).json().id],
    );
    expect(refused?.n).toBe(0);

    const bad = await hethong.request('POST', URL, adjustment('2030-04-02'), { 'idempotency-key': 'ngan' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: 'BAD_REQUEST',
      fields: { 'header idempotency-key': expect.any(String) },
    });
    expect(await auditCount('2030-04-02')).toBe(0);
  });

  it('concurrent retries with the same key apply the change once', async () => {
    const headers = { 'idempotency-key': 'dong-thoi-2030-05-01' };
    const body = adjustment('2030-05-01');
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => hethong.request('POST', URL, body, headers)),
    );
    expect(await auditCount('2030-05-01')).toBe(1);
    const applied = responses.filter((r) => r.statusCode === 201 && !r.headers['idempotent-replay']);
    expect(applied).toHaveLength(1);
    for (const response of responses) {
      if (response.statusCode === 201) {
        expect(response.json()).toEqual(body);
      } else {
        // Still running when the retry came: the client is told to try again, nothing is applied.
        expect(response.statusCode).toBe(409);
        expect(response.json().error).toEqual({
          code: 'CONFLICT',
          message: 'Yêu cầu với khóa Idempotency-Key này đang được xử lý. Xin vui lòng thử lại sau ít giây.',
        });
      }
    }
    // Once the first has finished, a retry is a replay.
    const later = await hethong.request('POST', URL, body, headers);
    expect(later.statusCode).toBe(201);
    expect(later.headers['idempotent-replay']).toBe('true');
    expect(await auditCount('2030-05-01')).toBe(1);
  });
});
