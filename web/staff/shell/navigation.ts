import type { Me, Permission } from '../auth/session';
import { can } from '../auth/session';

export type StaffPageId = 'overview' | 'calendar' | 'structure' | 'audit' | 'city' | 'account';

export interface StaffPage {
  id: StaffPageId;
  /** Path under the `/staff` basename. */
  path: string;
  /** Needed to open the page; `null` means every signed-in user. */
  permission: Permission | null;
}

/** Every workspace page, in navbar order. Titles are `staff.pages.<id>.title` in the locale files. */
export const STAFF_PAGES: readonly StaffPage[] = [
  { id: 'overview', path: '/', permission: null },
  { id: 'calendar', path: '/lich', permission: 'calendar.read' },
  { id: 'structure', path: '/don-vi', permission: 'ward.structure.read' },
  { id: 'audit', path: '/nhat-ky', permission: 'audit.read' },
  { id: 'city', path: '/thanh-pho', permission: 'city.read' },
  { id: 'account', path: '/tai-khoan', permission: null },
];

export function mayOpen(me: Me, page: StaffPage): boolean {
  return page.permission === null || can(me, page.permission);
}

export function allowedPages(me: Me): StaffPage[] {
  return STAFF_PAGES.filter((page) => mayOpen(me, page));
}
