import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OFFICE_HOURS } from '../../src/platform/wards/demo-data';
import { signIn, startTestPlatform, type Agent, type TestPlatform } from '../support/app';

const THANH_DONG = '10507';
const HAI_DUONG = '10525';

const FORBIDDEN = {
  error: { code: 'FORBIDDEN', message: 'Xin lỗi, tài khoản của bạn không có quyền thực hiện thao tác này.' },
};

interface AuditRecord {
  id: number;
  action: string;
  wardCode: string | null;
  actorName: string | null;
}

describe('no data crosses wards', () => {
  let platform: TestPlatform;
  let motcua: Agent;
  let quantri: Agent;
  let hdMotcua: Agent;
  let hdQuantri: Agent;
  let thanhpho: Agent;
  let hethong: Agent;
  const staffIds: Record<string, string> = {};

  /** The ward-scoped routes, each for one ward; the contact route reads someone of that same ward. */
  const wardReads = (ward: string) => {
    const someone = ward === THANH_DONG ? staffIds.motcua : staffIds['hd.motcua'];
    return [
      `/api/v1/wards/${ward}/units`,
      `/api/v1/wards/${ward}/residential-groups`,
      `/api/v1/wards/${ward}/staff`,
      `/api/v1/wards/${ward}/settings`,
      `/api/v1/wards/${ward}/staff/${someone}/contact`,
    ];
  };

  async function expectForbidden(agent: Agent, method: string, url: string, body?: unknown) {
    const response = await agent.request(method, url, body);
    expect(response.statusCode, `${agent.username} ${method} ${url}: ${response.body}`).toBe(403);
    expect(response.json()).toEqual(FORBIDDEN);
  }

  beforeAll(async () => {
    platform = await startTestPlatform();
    const rows = await platform.database.sql.query<{ id: string; username: string }>(
      'SELECT id, username FROM staff_accounts',
    );
    for (const row of rows) staffIds[row.username] = row.id;
    motcua = await signIn(platform.app, 'motcua');
    quantri = await signIn(platform.app, 'quantri');
    hdMotcua = await signIn(platform.app, 'hd.motcua');
    hdQuantri = await signIn(platform.app, 'hd.quantri');
    thanhpho = await signIn(platform.app, 'thanhpho');
    hethong = await signIn(platform.app, 'hethong');
  });
  afterAll(() => platform.close());

  it('staff of Hải Dương (10525) get 403 on every route of Thành Đông (10507)', async () => {
    for (const url of wardReads(THANH_DONG)) {
      await expectForbidden(hdMotcua, 'GET', url);
      await expectForbidden(hdQuantri, 'GET', url);
    }
    await expectForbidden(hdQuantri, 'PUT', `/api/v1/wards/${THANH_DONG}/settings`, {
      officeHours: DEMO_OFFICE_HOURS,
    });
  });

  it('staff of Thành Đông (10507) get 403 on every route of Hải Dương (10525)', async () => {
    for (const url of wardReads(HAI_DUONG)) {
      await expectForbidden(motcua, 'GET', url);
      await expectForbidden(quantri, 'GET', url);
    }
    await expectForbidden(quantri, 'PUT', `/api/v1/wards/${HAI_DUONG}/settings`, {
      officeHours: DEMO_OFFICE_HOURS,
    });
  });

  it('each ward administrator reads their own ward, and only its people', async () => {
    const own = await quantri.request('GET', `/api/v1/wards/${THANH_DONG}/staff`);
    expect(own.statusCode).toBe(200);
    const names = own.json<{ staff: { fullName: string }[] }>().staff.map((s) => s.fullName);
    expect(names).toContain('Trần Thị Hằng');
    expect(names).not.toContain('Ngô Thị Mai');

    const theirs = await hdQuantri.request('GET', `/api/v1/wards/${HAI_DUONG}/staff`);
    expect(theirs.statusCode).toBe(200);
    const theirNames = theirs.json<{ staff: { fullName: string }[] }>().staff.map((s) => s.fullName);
    expect(theirNames.sort()).toEqual(['Ngô Thị Mai', 'Trịnh Văn Nam']);

    const contact = await hdQuantri.request(
      'GET',
      `/api/v1/wards/${HAI_DUONG}/staff/${staffIds['hd.motcua']}/contact`,
    );
    expect(contact.statusCode).toBe(200);
    expect(contact.json()).toMatchObject({ fullName: 'Ngô Thị Mai', phone: '0921234567' });
  });

  it('a staff member of another ward cannot be reached through one’s own ward code', async () => {
    // quantri may read contacts of 10507; the Hải Dương officer is not one of them.
    const response = await quantri.request(
      'GET',
      `/api/v1/wards/${THANH_DONG}/staff/${staffIds['hd.motcua']}/contact`,
    );
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toEqual({ code: 'NOT_FOUND', message: 'Không tìm thấy cán bộ này.' });
    expect(response.body).not.toContain('0921234567');
  });

  it('the city reviewer of Hải Phòng (31) reads the structure and directory of both wards', async () => {
    for (const ward of [THANH_DONG, HAI_DUONG]) {
      const units = await thanhpho.request('GET', `/api/v1/wards/${ward}/units`);
      expect(units.statusCode).toBe(200);
      expect(units.json<{ units: unknown[] }>().units).toHaveLength(5);
      const groups = await thanhpho.request('GET', `/api/v1/wards/${ward}/residential-groups`);
      expect(groups.statusCode).toBe(200);
      expect(groups.json<{ groups: unknown[] }>().groups).toHaveLength(10);
      const staff = await thanhpho.request('GET', `/api/v1/wards/${ward}/staff`);
      expect(staff.statusCode).toBe(200);
      expect(staff.json<{ staff: unknown[] }>().staff.length).toBeGreaterThan(0);
    }
    // Reading is not editing, and personal contacts stay with the ward.
    await expectForbidden(thanhpho, 'PUT', `/api/v1/wards/${HAI_DUONG}/settings`, {
      officeHours: DEMO_OFFICE_HOURS,
    });
    await expectForbidden(thanhpho, 'GET', wardReads(HAI_DUONG)[4] ?? '');
  });

  it("a ward administrator's audit list holds only their ward's records", async () => {
    // Hải Dương staff have signed in and read a contact (above); more actions of theirs now.
    await hdQuantri.request('GET', `/api/v1/wards/${HAI_DUONG}/staff/${staffIds['hd.quantri']}/contact`);
    await hdQuantri.request('PUT', `/api/v1/wards/${HAI_DUONG}/settings`, { officeHours: DEMO_OFFICE_HOURS });

    const [all] = await platform.database.sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE ward_code = '10525'",
    );
    expect(all?.n).toBeGreaterThanOrEqual(5);

    const mine = await quantri.request('GET', '/api/v1/audit?limit=200');
    expect(mine.statusCode).toBe(200);
    const records = mine.json<{ records: AuditRecord[] }>().records;
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r) => r.wardCode === THANH_DONG)).toBe(true);
    expect(records.map((r) => r.actorName)).not.toContain('Trịnh Văn Nam');
    expect(records.map((r) => r.actorName)).not.toContain('Ngô Thị Mai');

    const theirs = await hdQuantri.request('GET', '/api/v1/audit?limit=200');
    const theirRecords = theirs.json<{ records: AuditRecord[] }>().records;
    expect(theirRecords.length).toBe(all?.n);
    expect(theirRecords.every((r) => r.wardCode === HAI_DUONG)).toBe(true);
    expect(theirRecords.map((r) => r.action)).toEqual(
      expect.arrayContaining(['auth.login', 'personal_data.read', 'ward.office_hours_changed']),
    );

    // The system administrator sees both.
    const everything = await hethong.request('GET', '/api/v1/audit?limit=200');
    const wardsSeen = new Set(everything.json<{ records: AuditRecord[] }>().records.map((r) => r.wardCode));
    expect(wardsSeen).toEqual(new Set([THANH_DONG, HAI_DUONG, null]));
  });

  it('an unknown ward code gives 404, for a ward officer and above', async () => {
    for (const agent of [motcua, thanhpho, hethong]) {
      const response = await agent.request('GET', '/api/v1/wards/99999/units');
      expect(response.statusCode, agent.username).toBe(404);
      expect(response.json().error).toEqual({ code: 'NOT_FOUND', message: 'Không tìm thấy phường, xã này.' });
    }
    const malformed = await thanhpho.request('GET', '/api/v1/wards/10507x/units');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.fields).toHaveProperty('code');
  });
});
