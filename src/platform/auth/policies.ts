import { ROLES, type Role } from './roles';

const ALL: readonly Role[] = ROLES;
const WARD_STAFF: readonly Role[] = [
  'counter_officer',
  'department_officer',
  'department_head',
  'ward_leader',
  'ward_admin',
];

/** What each permission lets a role do. A route names one permission; nothing else decides access. */
export const PERMISSIONS = {
  'calendar.read': ALL,
  'calendar.adjust': ['system_admin'],
  'ward.structure.read': [...ALL],
  'staff.directory.read': [...WARD_STAFF, 'supervisor', 'city_reviewer', 'system_admin'],
  'staff.contact.read': ['ward_leader', 'ward_admin', 'system_admin'],
  'ward.settings.edit': ['ward_admin', 'system_admin'],
  'audit.read': ['ward_admin', 'system_admin'],
  'procedures.edit': ['ward_admin'],
  'dossiers.intake': ['counter_officer'],
  'dossiers.read': [...WARD_STAFF, 'supervisor'],
  'dossiers.act': ['counter_officer', 'department_officer', 'department_head', 'ward_leader'],
  /** The written apology with a new date (Mẫu 04) is signed by the unit head. */
  'dossiers.apologise': ['department_head', 'ward_leader'],
  /** Unmasked CCCD number and phone of applicants; every such read is audited. */
  'dossiers.personal.read': ['counter_officer', 'department_officer', 'department_head', 'ward_leader'],
  /** The ward's dossier register (Sổ theo dõi hồ sơ) for a period, as PDF or Excel; every export is audited. */
  'registers.export': ['counter_officer', 'department_head', 'ward_leader', 'ward_admin'],
  'city.read': ['city_reviewer', 'system_admin'],
  /** One-stop indicators: staff for their own ward, the city reviewer for the wards of its province. */
  'indicators.read': [...WARD_STAFF, 'supervisor', 'city_reviewer'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/**
 * A route's access rule:
 * - `public`: anyone, no session;
 * - `password_stage`: a session that has passed the password but not yet the TOTP step;
 * - `signed_in`: any signed-in account, even one that still has to enrol TOTP (account pages);
 * - a permission, optionally with the route parameter that names the ward the data belongs to.
 */
export type Policy =
  'public' | 'password_stage' | 'signed_in' | { permission: Permission; wardParam?: string };

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) =>
    (PERMISSIONS[p] as readonly Role[]).includes(role),
  );
}

export function hasPermission(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export interface WardScope {
  role: Role;
  wardCode: string | null;
  provinceCode: string | null;
}

/** No data crosses wards: only the city reviewer (its province) and the system administrator see beyond one. */
export function canAccessWard(who: WardScope, wardCode: string, wardProvinceCode: string | null): boolean {
  if (who.role === 'system_admin') return true;
  if (who.role === 'city_reviewer') return who.provinceCode !== null && who.provinceCode === wardProvinceCode;
  return who.wardCode === wardCode;
}
