import { hashPassword } from '../auth/passwords';
import { staffAccounts } from '../auth/schema';
import type { Db } from '../db/connect';
import {
  DEMO_CITY_STAFF,
  DEMO_OFFICE_HOURS,
  DEMO_PASSWORD,
  DEMO_WARDS,
  UNIT_KINDS,
  type UnitKind,
} from './demo-data';
import { orgUnits, residentialGroups, wards } from './schema';

/** Fills the demo wards with units, ten residential groups each, and one staff account per role. */
export async function seedDemoWards(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const ward of DEMO_WARDS) {
    await db.insert(wards).values({
      code: ward.code,
      address: ward.address,
      phone: ward.phone,
      email: ward.email,
      slogans: ward.slogans,
      officeHours: DEMO_OFFICE_HOURS,
    });
    const units = await db
      .insert(orgUnits)
      .values(Object.entries(UNIT_KINDS).map(([kind, name]) => ({ wardCode: ward.code, kind, name })))
      .returning();
    const unitId = (kind: UnitKind | undefined) => units.find((u) => u.kind === kind)?.id ?? null;
    const groups = await db
      .insert(residentialGroups)
      .values(
        ward.households.map((households, i) => ({
          wardCode: ward.code,
          name: `Tổ dân phố số ${i + 1}`,
          households,
        })),
      )
      .returning();
    await db.insert(staffAccounts).values(
      ward.staff.map((s) => ({
        wardCode: ward.code,
        username: s.username,
        fullName: s.fullName,
        title: s.title,
        role: s.role,
        phone: s.phone ?? null,
        orgUnitId: unitId(s.unit),
        residentialGroupId: s.group ? (groups[s.group - 1]?.id ?? null) : null,
        passwordHash,
      })),
    );
  }
  await db.insert(staffAccounts).values(
    DEMO_CITY_STAFF.map((s) => ({
      username: s.username,
      fullName: s.fullName,
      title: s.title,
      role: s.role,
      provinceCode: s.provinceCode,
      passwordHash,
    })),
  );
}
