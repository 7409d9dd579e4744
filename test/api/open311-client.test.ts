import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/platform/clock';
import { startTestPlatform, type TestPlatform } from '../support/app';

/**
 * A third-party GeoReport v2 client, Code for America's `open311` npm package (JSON format), lists the services,
 * files a request and reads it back from the running server. Its XML parsers, unused in JSON format, are
 * replaced in package.json `overrides` (one is a git dependency the registry cannot serve).
 */
type Callback<T> = (error: unknown, data: T) => void;
interface Open311Client {
  serviceList(callback: Callback<{ service_code: string; service_name: string }[]>): void;
  submitRequest(data: Record<string, string>, callback: Callback<{ service_request_id: string }[]>): void;
  serviceRequests(id: string, callback: Callback<Record<string, unknown>[]>): void;
}
const Open311 = createRequire(import.meta.url)('open311') as new (options: {
  endpoint: string;
  jurisdiction: string;
  apiKey: string;
}) => Open311Client;

const clock = manualClock(new Date('2026-03-02T09:00:00+07:00'));

describe('the open311 npm client against the running server', () => {
  let platform: TestPlatform;
  let client: Open311Client;

  beforeAll(async () => {
    platform = await startTestPlatform({ clock });
    await platform.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = platform.app.server.address() as AddressInfo;
    client = new Open311({
      endpoint: `http://127.0.0.1:${port}/open311/v2/`,
      jurisdiction: '10507',
      apiKey: 'khong-can',
    });
  });
  afterAll(() => platform.close());

  it('lists the services, files a request in Vietnamese and reads it back', async () => {
    const services = await promisify(client.serviceList.bind(client))();
    expect(services.map((s) => s.service_code)).toContain('moi-truong');
    expect(services.find((s) => s.service_code === 'moi-truong')?.service_name).toBe('Vệ sinh môi trường');

    const description = 'Đèn đường trước số 8 phố Lạch Tray tắt đã một tuần, buổi tối rất tối.';
    const [filed] = await promisify(client.submitRequest.bind(client))({
      service_code: 'moi-truong',
      description,
      address_string: 'Số 8 phố Lạch Tray',
      first_name: 'Lan',
      last_name: 'Trần Thị',
    });
    expect(filed?.service_request_id).toMatch(/^PA-/);

    const [read] = await promisify(client.serviceRequests.bind(client))(filed?.service_request_id ?? '');
    expect(read).toMatchObject({
      service_request_id: filed?.service_request_id,
      service_code: 'moi-truong',
      status: 'open',
      // The text and the place are public only once the ward publishes its answer.
      description: null,
      address: null,
    });
    // The client turns the timestamps into dates: the server's are ISO 8601 with the offset.
    expect((read?.requested_datetime as Date).toISOString()).toBe('2026-03-02T02:00:00.000Z');
  });
});
