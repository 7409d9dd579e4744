import { asc, gt, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/platform/audit/schema';
import { sealAudit } from '../../src/platform/audit/sealer';
import { verifyChain } from '../../src/platform/audit/store';
import { DEMO_PASSWORD } from '../../src/platform/wards/demo-data';
import { signIn, startTestPlatform, type Agent, type TestPlatform } from '../support/app';

// Sealing the chain and the `npm run audit:verify` command: test/storage/audit-sealing.test.ts.
const USER_AGENT = 'AuditTest/1.0 (Chinh quyen than thien)';

type AuditRow = typeof auditLog.$inferSelect;

describe('audit trail', () => {
  let platform: TestPlatform;
  let hethong: Agent;
  let quantri: Agent;
  const ids: Record<string, string> = {};

  async function lastId(): Promise<number> {
    const [row] = await platform.database.sql.query<{ id: string | number | null }>(
      'SELECT max(id) AS id FROM audit_log',
    );
    return Number(row?.id ?? 0);
  }

  function recordsAfter(id: number): Promise<AuditRow[]> {
    return platform.database.db.select().from(auditLog).where(gt(auditLog.id, id)).orderBy(asc(auditLog.id));
  }

  beforeAll(async () => {
    platform = await startTestPlatform();
    hethong = await signIn(platform.app, 'hethong');
    quantri = await signIn(platform.app, 'quantri');
    const rows = await platform.database.sql.query<{ id: string; username: string }>(
      'SELECT id, username FROM staff_accounts',
    );
    for (const row of rows) ids[row.username] = row.id;
  });
  afterAll(() => platform.close());

  it('a login writes who, which ward, from which address and browser', async () => {
    const before = await lastId();
    const response = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'motcua', password: DEMO_PASSWORD },
      headers: { 'user-agent': USER_AGENT },
    });
    expect(response.statusCode).toBe(200);
    const records = await recordsAfter(before);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      action: 'auth.login',
      actorId: ids.motcua,
      actorName: 'Trần Thị Hằng',
      actorRole: 'counter_officer',
      wardCode: '10507',
      targetType: 'staff_account',
      targetId: ids.motcua,
      ip: '127.0.0.1',
      userAgent: USER_AGENT,
    });
    expect(Date.now() - new Date(records[0]?.at ?? 0).getTime()).toBeLessThan(60_000);
  });

  it('a failed login is recorded against the account, with no actor', async () => {
    const before = await lastId();
    await platform.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'chuyenvien', password: 'sai-mat-khau-1' },
      headers: { 'user-agent': USER_AGENT },
    });
    const records = await recordsAfter(before);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      action: 'auth.login_failed',
      actorId: null,
      targetId: ids.chuyenvien,
      wardCode: '10507',
      ip: '127.0.0.1',
      userAgent: USER_AGENT,
    });
  });

  it('adding and deleting a calendar adjustment write one record each', async () => {
    const before = await lastId();
    const adjustment = {
      date: '2030-03-11',
      kind: 'day_off',
      reason: 'Nghỉ thử nghiệm nhật ký',
      legalBasis: 'Quyết định thử nghiệm số 2/2030',
    };
    const headers = { 'user-agent': USER_AGENT };
    expect(
      (await hethong.request('POST', '/api/v1/calendar/adjustments', adjustment, headers)).statusCode,
    ).toBe(201);
    expect(
      (await hethong.request('DELETE', '/api/v1/calendar/adjustments/2030-03-11', undefined, headers))
        .statusCode,
    ).toBe(204);
    // A deletion of nothing changes nothing and writes nothing.
    expect((await hethong.request('DELETE', '/api/v1/calendar/adjustments/2030-03-11')).statusCode).toBe(404);
    const records = await recordsAfter(before);
    expect(records.map((r) => r.action)).toEqual([
      'calendar.adjustment_saved',
      'calendar.adjustment_deleted',
    ]);
    for (const record of records) {
      expect(record).toMatchObject({
        actorId: ids.hethong,
        actorName: 'Đặng Thu Trang',
        actorRole: 'system_admin',
        wardCode: null, // the calendar is the whole country's, not one ward's
        targetType: 'calendar_adjustment',
        targetId: '2030-03-11',
        ip: '127.0.0.1',
        userAgent: USER_AGENT,
      });
      expect(record.summary).toEqual(adjustment);
    }
  });

  it('a password change is recorded', async () => {
    const agent = await signIn(platform.app, 'chuyenvien');
    const before = await lastId();
    const response = await agent.request(
      'POST',
      '/api/v1/auth/password',
      { currentPassword: DEMO_PASSWORD, newPassword: 'MatKhauMoi-2030' },
      { 'user-agent': USER_AGENT },
    );
    expect(response.statusCode).toBe(204);
    const records = await recordsAfter(before);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      action: 'auth.password_changed',
      actorId: ids.chuyenvien,
      actorName: 'Lê Văn Dũng',
      wardCode: '10507',
      targetId: ids.chuyenvien,
      ip: '127.0.0.1',
      userAgent: USER_AGENT,
    });
    expect(JSON.stringify(records[0])).not.toContain('MatKhauMoi');
  });

  it('reading a staff contact (personal data) writes personal_data.read', async () => {
    const before = await lastId();
    const response = await quantri.request(
      'GET',
      `/api/v1/wards/10507/staff/${ids.motcua}/contact`,
      undefined,
      { 'user-agent': USER_AGENT },
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id: ids.motcua, fullName: 'Trần Thị Hằng', phone: '0912345678' });
    const records = await recordsAfter(before);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      action: 'personal_data.read',
      actorId: ids.quantri,
      actorRole: 'ward_admin',
      wardCode: '10507',
      targetType: 'staff_contact',
      targetId: ids.motcua,
      ip: '127.0.0.1',
      userAgent: USER_AGENT,
      summary: { fields: ['phone'] },
    });
    // Reading the (non-personal) directory is not personal data and writes nothing.
    const afterRead = await lastId();
    expect((await quantri.request('GET', '/api/v1/wards/10507/staff')).statusCode).toBe(200);
    expect(await lastId()).toBe(afterRead);
    // The ward administrator sees the read in their audit list.
    const list = await quantri.request('GET', '/api/v1/audit?limit=1');
    expect(list.json().records[0]).toMatchObject({
      action: 'personal_data.read',
      actorName: 'Bùi Quang Huy',
    });
  });

  function chain(): Promise<AuditRow[]> {
    return platform.database.db
      .select()
      .from(auditLog)
      .where(isNotNull(auditLog.chainPosition))
      .orderBy(asc(auditLog.chainPosition));
  }

  it('the server seals what requests wrote, right after answering them', async () => {
    const before = await lastId();
    expect((await quantri.request('GET', `/api/v1/wards/10507/staff/${ids.motcua}/contact`)).statusCode).toBe(
      200,
    );
    const deadline = Date.now() + 1_500; // well before the periodic run (every 2 s)
    let [record] = await recordsAfter(before);
    while (record?.chainPosition === null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      [record] = await recordsAfter(before);
    }
    expect(record?.action).toBe('personal_data.read');
    expect(record?.chainPosition).not.toBeNull();
    expect(record?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the chain verifies when nobody touched it', async () => {
    await sealAudit(platform.database.db);
    const [row] = await platform.database.sql.query<{ n: number; unsealed: number }>(
      'SELECT count(*)::int AS n, count(*) FILTER (WHERE chain_position IS NULL)::int AS unsealed FROM audit_log',
    );
    const count = row?.n ?? 0;
    expect(count).toBeGreaterThan(10);
    expect(row?.unsealed).toBe(0);
    expect(await verifyChain(platform.database.db)).toEqual({ checked: count, firstBreak: null });
    // Small batches walk the same chain.
    expect(await verifyChain(platform.database.db, 3)).toEqual({ checked: count, firstBreak: null });
  });

  it('an edited sealed record is named: hash_mismatch at exactly that id', async () => {
    const { sql } = platform.database;
    await sealAudit(platform.database.db);
    const rows = await chain();
    const target = rows.find((r) => r.action === 'personal_data.read');
    if (!target) throw new Error('no personal_data.read record');
    const position = rows.indexOf(target);
    await sql.query('UPDATE audit_log SET summary = \'{"x":1}\' WHERE id = $1', [target.id]);
    expect(await verifyChain(platform.database.db)).toEqual({
      checked: position,
      firstBreak: { id: target.id, reason: 'hash_mismatch' },
    });
    // Putting the content back makes it whole again (jsonb round trip included).
    await sql.query('UPDATE audit_log SET summary = $2::jsonb WHERE id = $1', [
      target.id,
      JSON.stringify(target.summary),
    ]);
    expect((await verifyChain(platform.database.db)).firstBreak).toBeNull();
    // Unsealing it to have it chained again with the new content moves it to the end: the link after it breaks.
    await sql.query(
      'UPDATE audit_log SET summary = \'{"x":1}\', chain_position = NULL, prev_hash = NULL, hash = NULL WHERE id = $1',
      [target.id],
    );
    await sealAudit(platform.database.db);
    expect(await verifyChain(platform.database.db)).toEqual({
      checked: position,
      firstBreak: { id: rows[position + 1]?.id, reason: 'broken_link' },
    });
  });

  it('a deleted record breaks the link at the next one', async () => {
    const rows = await chain();
    const middle = Math.floor(rows.length / 4);
    const removed = rows[middle];
    const next = rows[middle + 1];
    if (!removed || !next) throw new Error('chain too short');
    await platform.database.sql.query('DELETE FROM audit_log WHERE id = $1', [removed.id]);
    expect(await verifyChain(platform.database.db)).toEqual({
      checked: middle,
      firstBreak: { id: next.id, reason: 'broken_link' },
    });
  });
});
