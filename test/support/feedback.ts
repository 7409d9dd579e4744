import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Agent, TestPlatform } from './app';

/** A real 1×1 PNG and the first bytes of a JPEG (the platform checks the signature, not the picture). */
export const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
export const JPEG_BASE64 = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]).toString(
  'base64',
);

export const CITIZEN = { name: 'Nguyễn Thị Hằng', phone: '0912 345 678', email: 'hang.nguyen@example.com' };
export const STREETLIGHT =
  'Đèn chiếu sáng ở ngõ 5 phố Trần Phú bị hỏng từ tuần trước, buổi tối rất tối, người đi bộ dễ ngã.';

export function feedbackBody(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'phan_anh',
    category: 'ha-tang',
    text: STREETLIGHT,
    address: 'Ngõ 5 phố Trần Phú, Tổ dân phố số 1',
    contact: CITIZEN,
    publishConsent: true,
    photos: [PNG_BASE64],
    ...overrides,
  };
}

export function ok(response: LightMyRequestResponse, status: number) {
  expect(response.statusCode, response.body).toBe(status);
  return response.json();
}

/** Files an item from the portal and returns its tracking code. */
export async function fileFeedback(platform: TestPlatform, overrides: Record<string, unknown> = {}) {
  const response = await platform.app.inject({
    method: 'POST',
    url: '/api/v1/feedback',
    payload: feedbackBody(overrides),
  });
  return ok(response, 201).code as string;
}

/** The id of a unit of the demo ward by its kind ('culture', 'economy'…). */
export async function unitId(platform: TestPlatform, kind: string): Promise<string> {
  const [row] = await platform.database.sql.query<{ id: string }>(
    `SELECT id FROM org_units WHERE ward_code = '10507' AND kind = '${kind}'`,
  );
  if (!row) throw new Error(`no ${kind} unit`);
  return row.id;
}

/** Items in each state, made on demand for tests that need a fresh one per call (the role × route table). */
export function feedbackFixture(platform: TestPlatform, head: Agent) {
  const route = async (code: string, kind = 'culture') =>
    ok(
      await head.request('POST', `/api/v1/feedback/${code}/route`, { unitId: await unitId(platform, kind) }),
      200,
    );
  return {
    filed: () => fileFeedback(platform),
    routed: async () => {
      const code = await fileFeedback(platform);
      await route(code);
      return code;
    },
    answered: async () => {
      const code = await fileFeedback(platform);
      await route(code);
      ok(
        await head.request('POST', `/api/v1/feedback/${code}/answer`, { answer: 'Phường đã xử lý xong.' }),
        200,
      );
      return code;
    },
  };
}
export type FeedbackFixture = ReturnType<typeof feedbackFixture>;
