import { and, asc, count, eq, sql } from 'drizzle-orm';
import { canonicalJson } from '../audit/chain';
import type { Db } from '../db/connect';
import { ReadCache } from '../db/read-cache';
import { staffAccounts } from '../auth/schema';
import { adminUnits, orgUnits, provinces, residentialGroups, wards, type OfficeHoursSetting } from './schema';

export async function provinceOfUnit(db: Db, code: string): Promise<string | null> {
  const [row] = await db
    .select({ provinceCode: adminUnits.provinceCode })
    .from(adminUnits)
    .where(eq(adminUnits.code, code));
  return row?.provinceCode ?? null;
}

async function readWard(db: Db, code: string) {
  const [row] = await db
    .select({
      ward: wards,
      name: adminUnits.name,
      provinceCode: provinces.code,
      provinceName: provinces.name,
    })
    .from(wards)
    .innerJoin(adminUnits, eq(adminUnits.code, wards.code))
    .innerJoin(provinces, eq(provinces.code, adminUnits.provinceCode))
    .where(eq(wards.code, code));
  return row;
}

/** Wards with their office hours (every intake asks); another process's change is seen within 30 s. */
const wardsByCode = new ReadCache<NonNullable<Awaited<ReturnType<typeof readWard>>>>(30_000);

/** A ward (shared: read it, never change it). */
export function findWard(db: Db, code: string) {
  return wardsByCode.get(db, code, () => readWard(db, code));
}

export function listUnits(db: Db, wardCode: string) {
  return db
    .select({
      id: orgUnits.id,
      name: orgUnits.name,
      kind: orgUnits.kind,
      staffCount: count(staffAccounts.id),
    })
    .from(orgUnits)
    .leftJoin(staffAccounts, eq(staffAccounts.orgUnitId, orgUnits.id))
    .where(eq(orgUnits.wardCode, wardCode))
    .groupBy(orgUnits.id)
    .orderBy(asc(orgUnits.name));
}

export function listResidentialGroups(db: Db, wardCode: string) {
  return db
    .select({
      id: residentialGroups.id,
      name: residentialGroups.name,
      households: residentialGroups.households,
      headName: staffAccounts.fullName,
    })
    .from(residentialGroups)
    .leftJoin(
      staffAccounts,
      and(eq(staffAccounts.residentialGroupId, residentialGroups.id), eq(staffAccounts.role, 'group_head')),
    )
    .where(eq(residentialGroups.wardCode, wardCode))
    .orderBy(sql`length(${residentialGroups.name})`, asc(residentialGroups.name));
}

export function listStaff(db: Db, wardCode: string) {
  return db
    .select({
      id: staffAccounts.id,
      fullName: staffAccounts.fullName,
      title: staffAccounts.title,
      role: staffAccounts.role,
      unitName: orgUnits.name,
    })
    .from(staffAccounts)
    .leftJoin(orgUnits, eq(orgUnits.id, staffAccounts.orgUnitId))
    .where(and(eq(staffAccounts.wardCode, wardCode), eq(staffAccounts.active, true)))
    .orderBy(asc(staffAccounts.fullName));
}

export async function findStaffContact(db: Db, wardCode: string, staffId: string) {
  const [row] = await db
    .select({ id: staffAccounts.id, fullName: staffAccounts.fullName, phone: staffAccounts.phone })
    .from(staffAccounts)
    .where(and(eq(staffAccounts.wardCode, wardCode), eq(staffAccounts.id, staffId)));
  return row;
}

/** The city's communes with whether each runs on the platform; `query` ignores diacritics. */
export function listCityUnits(db: Db, provinceCode: string, query?: string) {
  return db
    .select({
      code: adminUnits.code,
      name: adminUnits.name,
      onPlatform: sql<boolean>`${wards.code} IS NOT NULL`,
    })
    .from(adminUnits)
    .leftJoin(wards, eq(wards.code, adminUnits.code))
    .where(
      and(
        eq(adminUnits.provinceCode, provinceCode),
        query
          ? sql`f_unaccent(lower(${adminUnits.name})) LIKE '%' || f_unaccent(lower(${query})) || '%'`
          : undefined,
      ),
    )
    .orderBy(asc(adminUnits.code));
}

export async function findProvince(db: Db, code: string) {
  const [row] = await db.select().from(provinces).where(eq(provinces.code, code));
  return row;
}

export async function updateOfficeHours(db: Db, code: string, officeHours: OfficeHoursSetting) {
  const [before] = await db
    .select({ officeHours: wards.officeHours })
    .from(wards)
    .where(eq(wards.code, code));
  if (!before) return undefined;
  const written = canonicalJson(officeHours);
  wardsByCode.changing(code, (row) => canonicalJson(row?.ward.officeHours) === written);
  await db.update(wards).set({ officeHours }).where(eq(wards.code, code));
  return before.officeHours;
}

export async function listWardCodes(db: Db): Promise<string[]> {
  const rows = await db.select({ code: wards.code }).from(wards).orderBy(asc(wards.code));
  return rows.map((r) => r.code);
}
