import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { ratingPath } from '../../src/modules/ratings/api';
import type { manualClock } from '../../src/platform/clock';
import { readConfig } from '../../src/platform/config';
import { signIn, type Agent, type TestPlatform } from './app';

export const RESIDENCE = '1.004222'; // Đăng ký thường trú
export const BIRTH = '1.001193'; // Thủ tục đăng ký khai sinh
const DOCUMENTS: Record<string, string[]> = {
  [RESIDENCE]: ['to-khai-ct01'],
  [BIRTH]: ['to-khai-dang-ky-khai-sinh', 'giay-chung-sinh'],
};
export const APPLICANT = {
  fullName: 'Lê Thị Ngọc',
  idNumber: '031095004321',
  phone: '0912000111',
  address: 'Số 8, Tổ dân phố số 2, phường Thành Đông',
};
const SECRET = readConfig({}).ratingSecret;

export async function ok(response: Promise<LightMyRequestResponse>, status = 200) {
  const r = await response;
  expect(r.statusCode, r.body).toBe(status);
  return r.json();
}

/** The rating token of a dossier, as its printed link carries it. */
export function ratingTokenOf(code: string): string {
  return new URL(ratingPath(code, SECRET), 'http://localhost').searchParams.get('t') ?? '';
}

/**
 * Dossiers of phường Thành Đông taken through the API up to the return of their result (motcua, the counter
 * officer Trần Thị Hằng, receives and returns them), and their ballots, on a clock the test moves.
 */
export function ratingDesk(platform: TestPlatform, clock: ReturnType<typeof manualClock>) {
  let counter: Agent;
  let officer: Agent;
  let head: Agent;
  let cultureUnit = '';
  let keys = 0;

  const act = (agent: Agent, code: string, action: string, body: unknown) =>
    ok(agent.request('POST', `/api/v1/dossiers/${code}/actions/${action}`, body));

  const desk = {
    get counter() {
      return counter;
    },

    /** Moves the clock and signs in again: a session lasts 10 hours of the platform's clock. */
    async at(iso: string) {
      clock.set(new Date(iso));
      [counter, officer, head] = await Promise.all(
        ['motcua', 'chuyenvien', 'truongphong'].map((u) => signIn(platform.app, u)),
      );
      if (!cultureUnit) {
        const units = (await counter.request('GET', '/api/v1/wards/10507/units')).json().units;
        cultureUnit = units.find((u: { kind: string }) => u.kind === 'culture').id;
      }
    },

    async intake(procedureCode = RESIDENCE): Promise<string> {
      const body = {
        procedureCode,
        applicant: APPLICANT,
        documentsReceived: DOCUMENTS[procedureCode],
        channel: 'counter',
      };
      const headers = { 'idempotency-key': `ratings-intake-${++keys}` };
      return (await ok(counter.request('POST', '/api/v1/dossiers', body, headers), 201)).code;
    },

    async returned(procedureCode = RESIDENCE): Promise<string> {
      const code = await desk.intake(procedureCode);
      await act(counter, code, 'hand_over', { toUnit: cultureUnit });
      await act(head, code, 'approve', { outcome: 'granted' });
      await act(officer, code, 'mark_result_ready', { resultDocument: 'Kết quả số 12' });
      await act(counter, code, 'return_result', { channel: 'counter' });
      return code;
    },

    /** The API's ballot with the dossier's own token (a `token` in the body replaces it). */
    rate: (code: string, body: Record<string, unknown>) =>
      platform.app.inject({
        method: 'POST',
        url: `/api/v1/dossiers/${code}/ratings`,
        payload: { token: ratingTokenOf(code), ...body },
      }),

    rows: <T>(sql: string, params: unknown[] = []): Promise<T[]> =>
      platform.database.sql.query<T>(sql, params),

    async ratingCount(code: string): Promise<number | undefined> {
      const sql = 'SELECT count(*)::int AS n FROM ratings WHERE dossier_code = $1';
      return (await desk.rows<{ n: number }>(sql, [code]))[0]?.n;
    },
  };
  return desk;
}
