import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WARD_ROLES } from '../../src/platform/auth/roles';
import type { Database } from '../../src/platform/db/connect';
import { runSeeds } from '../../src/seed';
import { DEMO_WARDS, UNIT_KINDS } from '../../src/platform/wards/demo-data';
import { listCityUnits } from '../../src/platform/wards/store';
import { openTestDatabase } from '../support/db';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const TABLES = [
  'admin_units',
  'audit_log',
  'calendar_adjustments',
  'idempotency_keys',
  'org_units',
  'provinces',
  'residential_groups',
  'seed_runs',
  'staff_accounts',
  'staff_sessions',
  'wards',
];

const UNIT_NAMES = [
  'Văn phòng HĐND&UBND',
  'Phòng Văn hoá – Xã hội',
  'Phòng Kinh tế – Hạ tầng – Đô thị',
  'Trung tâm Phục vụ Hành chính công',
  'Trung tâm Dịch vụ sự nghiệp công',
];

describe('database: migrations, reference data, demo seed', () => {
  let database: Database;

  async function one<T>(text: string, params?: unknown[]): Promise<T> {
    const [row] = await database.sql.query<T>(text, params);
    if (!row) throw new Error(`no row: ${text}`);
    return row;
  }

  async function counts(): Promise<Record<string, number>> {
    const result: Record<string, number> = {};
    for (const table of TABLES) {
      result[table] = (await one<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).n;
    }
    return result;
  }

  beforeAll(async () => {
    database = await openTestDatabase();
    await runSeeds(database, { demo: true });
  });
  afterAll(() => database.close());

  it('applies every migration and creates the tables', async () => {
    const journal = JSON.parse(fs.readFileSync(path.join(ROOT, 'migrations/meta/_journal.json'), 'utf8')) as {
      entries: unknown[];
    };
    const applied = await one<{ n: number }>('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
    expect(applied.n).toBe(journal.entries.length);
    const rows = await database.sql.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    expect(rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(TABLES));
    const extensions = await database.sql.query<{ extname: string }>('SELECT extname FROM pg_extension');
    expect(extensions.map((e) => e.extname)).toEqual(expect.arrayContaining(['pg_trgm', 'unaccent']));
  });

  it('seeds the 34 provinces and the 114 units of Hải Phòng, with diacritics', async () => {
    expect((await one<{ n: number }>('SELECT count(*)::int AS n FROM provinces')).n).toBe(34);
    expect((await one<{ name: string }>("SELECT name FROM provinces WHERE code = '31'")).name).toBe(
      'Thành phố Hải Phòng',
    );
    expect(
      (await one<{ n: number }>("SELECT count(*)::int AS n FROM admin_units WHERE province_code = '31'")).n,
    ).toBe(114);
    expect((await one<{ name: string }>("SELECT name FROM admin_units WHERE code = '10507'")).name).toBe(
      'Phường Thành Đông',
    );
    // Stored as composed Unicode (NFC), as typed in the official list.
    const name = (await one<{ name: string }>("SELECT name FROM admin_units WHERE code = '10507'")).name;
    expect(name).toBe(name.normalize('NFC'));
  });

  it('searches names without diacritics', async () => {
    const found = await listCityUnits(database.db, '31', 'thanh dong');
    expect(found.map((u) => u.name)).toContain('Phường Thành Đông');
    expect(found.find((u) => u.code === '10507')).toEqual({
      code: '10507',
      name: 'Phường Thành Đông',
      onPlatform: true,
    });
    const upper = await listCityUnits(database.db, '31', 'THÀNH ĐÔNG');
    expect(upper.map((u) => u.code)).toContain('10507');
    expect(await listCityUnits(database.db, '31', 'khong co ten nay')).toEqual([]);
    expect(await listCityUnits(database.db, '31')).toHaveLength(114);

    const people = await database.sql.query<{ full_name: string }>(
      "SELECT full_name FROM staff_accounts WHERE f_unaccent(lower(full_name)) LIKE '%' || f_unaccent(lower('tran thi hang')) || '%'",
    );
    expect(people.map((p) => p.full_name)).toEqual(['Trần Thị Hằng']);
    // đ is not a combining mark: the dictionary must still map it to d.
    const binh = await database.sql.query<{ full_name: string }>(
      "SELECT full_name FROM staff_accounts WHERE f_unaccent(lower(full_name)) LIKE '%' || f_unaccent(lower($1)) || '%'",
      ['do van binh'],
    );
    expect(binh.map((p) => p.full_name)).toEqual(['Đỗ Văn Bình']);
  });

  it('has trigram indexes on the unaccented names', async () => {
    const rows = await database.sql.query<{ indexname: string; tablename: string; indexdef: string }>(
      "SELECT indexname, tablename, indexdef FROM pg_indexes WHERE indexname IN ('admin_units_name_trgm_idx', 'staff_accounts_name_trgm_idx') ORDER BY indexname",
    );
    expect(rows.map((r) => [r.indexname, r.tablename])).toEqual([
      ['admin_units_name_trgm_idx', 'admin_units'],
      ['staff_accounts_name_trgm_idx', 'staff_accounts'],
    ]);
    for (const row of rows) {
      expect(row.indexdef).toMatch(/USING gin/);
      expect(row.indexdef).toMatch(/f_unaccent\(lower\(/);
      expect(row.indexdef).toMatch(/gin_trgm_ops/);
    }
  });

  it('seeds two demo wards, each with the five units and ten residential groups', async () => {
    const wards = await database.sql.query<{ code: string }>('SELECT code FROM wards ORDER BY code');
    expect(wards.map((w) => w.code)).toEqual(['10507', '10525']);
    expect(Object.values(UNIT_KINDS).sort()).toEqual([...UNIT_NAMES].sort());
    for (const ward of ['10507', '10525']) {
      const units = await database.sql.query<{ name: string }>(
        'SELECT name FROM org_units WHERE ward_code = $1 ORDER BY name',
        [ward],
      );
      expect(units.map((u) => u.name).sort()).toEqual([...UNIT_NAMES].sort());
      const groups = await database.sql.query<{ name: string; households: number }>(
        'SELECT name, households FROM residential_groups WHERE ward_code = $1 ORDER BY length(name), name',
        [ward],
      );
      expect(groups.map((g) => g.name)).toEqual(
        Array.from({ length: 10 }, (_, i) => `Tổ dân phố số ${i + 1}`),
      );
      expect(groups.every((g) => g.households > 0)).toBe(true);
      const demo = DEMO_WARDS.find((w) => w.code === ward);
      expect(groups.map((g) => g.households)).toEqual(demo?.households);
    }
  });

  it('every ward-owned row carries a ward_code of a ward on the platform', async () => {
    for (const table of ['org_units', 'residential_groups']) {
      const orphans = await one<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${table} t LEFT JOIN wards w ON w.code = t.ward_code WHERE w.code IS NULL`,
      );
      expect(orphans.n, table).toBe(0);
    }
    const staff = await database.sql.query<{ username: string; role: string; ward_code: string | null }>(
      'SELECT username, role, ward_code FROM staff_accounts',
    );
    expect(staff.length).toBe(11);
    for (const s of staff) {
      if ((WARD_ROLES as readonly string[]).includes(s.role))
        expect(s.ward_code, s.username).toMatch(/^105(07|25)$/);
      else expect(s.ward_code, s.username).toBeNull();
    }
    // A staff member's unit and group belong to their own ward.
    const crossed = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM staff_accounts s
         LEFT JOIN org_units u ON u.id = s.org_unit_id
         LEFT JOIN residential_groups g ON g.id = s.residential_group_id
       WHERE (u.id IS NOT NULL AND u.ward_code IS DISTINCT FROM s.ward_code)
          OR (g.id IS NOT NULL AND g.ward_code IS DISTINCT FROM s.ward_code)`,
    );
    expect(crossed.n).toBe(0);
  });

  it('runs the seeds again without changing anything', async () => {
    const before = await counts();
    expect(before.calendar_adjustments).toBeGreaterThan(0);
    await runSeeds(database, { demo: true });
    await runSeeds(database, { demo: true });
    expect(await counts()).toEqual(before);
    const runs = await database.sql.query<{ name: string }>('SELECT name FROM seed_runs ORDER BY name');
    expect(runs.map((r) => r.name)).toEqual([
      'demo-payment-accounts',
      'demo-queue-counters',
      'demo-reception-schedule',
      'demo-wards',
      'official-calendar-2025-2026',
      'procedures-10507',
      'procedures-10525',
    ]);
  });

  it('does not bring back an official calendar adjustment an administrator deleted', async () => {
    await database.sql.query("DELETE FROM calendar_adjustments WHERE date = '2026-01-10'");
    await runSeeds(database, { demo: true });
    const rows = await database.sql.query("SELECT 1 FROM calendar_adjustments WHERE date = '2026-01-10'");
    expect(rows).toEqual([]);
    // The rest of the official list is still there.
    expect(
      (
        await one<{ n: number }>(
          "SELECT count(*)::int AS n FROM calendar_adjustments WHERE date = '2026-02-18'",
        )
      ).n,
    ).toBe(1);
  });
});
