export const ROLES = [
  'counter_officer',
  'department_officer',
  'department_head',
  'ward_leader',
  'group_head',
  'supervisor',
  'city_reviewer',
  'ward_admin',
  'system_admin',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  counter_officer: 'Công chức Trung tâm Phục vụ hành chính công',
  department_officer: 'Công chức chuyên môn',
  department_head: 'Trưởng phòng',
  ward_leader: 'Lãnh đạo UBND phường',
  group_head: 'Tổ trưởng tổ dân phố',
  supervisor: 'Giám sát (MTTQ, Ban thanh tra nhân dân)',
  city_reviewer: 'Chuyên viên thành phố',
  ward_admin: 'Quản trị phường',
  system_admin: 'Quản trị hệ thống',
};

/** Accounts that sign decisions or administer others must use a second factor. */
export const ROLES_REQUIRING_TOTP: readonly Role[] = ['ward_leader', 'ward_admin', 'system_admin'];

/** Roles whose account belongs to one ward; the others are scoped by province or by nothing. */
export const WARD_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'city_reviewer' && r !== 'system_admin');

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
