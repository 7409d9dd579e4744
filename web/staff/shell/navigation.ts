import type { Me, Permission } from '../auth/session';
import { can } from '../auth/session';

export type StaffPageId =
  | 'overview'
  | 'intake'
  | 'calling'
  | 'ratingTablet'
  | 'homeVisits'
  | 'groupRequests'
  | 'queue'
  | 'dashboard'
  | 'calendar'
  | 'sameDay'
  | 'feedback'
  | 'receptionSchedule'
  | 'receptionLog'
  | 'listening'
  | 'complaints'
  | 'denunciations'
  | 'structure'
  | 'audit'
  | 'city'
  | 'account';

export interface StaffPage {
  id: StaffPageId;
  /** Path under the `/staff` basename. */
  path: string;
  /** Needed to open the page; `null` means every signed-in user. */
  permission: Permission | null;
  /** Roles that may open the page even without the permission. */
  roles?: readonly string[];
}

/** Every workspace page, in navbar order. Titles are `staff.pages.<id>.title` in the locale files. */
export const STAFF_PAGES: readonly StaffPage[] = [
  { id: 'overview', path: '/', permission: null },
  { id: 'intake', path: '/tiep-nhan', permission: 'dossiers.intake' },
  { id: 'calling', path: '/goi-so', permission: 'queue.call' },
  { id: 'ratingTablet', path: '/moi-danh-gia', permission: 'ratings.kiosk' },
  { id: 'homeVisits', path: '/tiep-nhan-tai-nha', permission: 'homeVisits.read' },
  { id: 'groupRequests', path: '/yeu-cau-to-dan-pho', permission: 'homeVisits.request' },
  { id: 'queue', path: '/ho-so', permission: 'dossiers.read' },
  { id: 'feedback', path: '/phan-anh-kien-nghi', permission: 'feedback.read' },
  { id: 'receptionSchedule', path: '/lich-tiep-cong-dan', permission: 'reception.read' },
  { id: 'receptionLog', path: '/so-tiep-cong-dan', permission: 'reception.read' },
  { id: 'listening', path: '/ngay-thu-sau', permission: 'reception.read' },
  { id: 'complaints', path: '/khieu-nai', permission: 'complaints.read' },
  { id: 'denunciations', path: '/to-cao', permission: 'denunciations.read' },
  {
    id: 'dashboard',
    path: '/dieu-hanh',
    permission: 'indicators.read',
    roles: ['ward_leader', 'department_head'],
  },
  { id: 'calendar', path: '/lich', permission: 'calendar.read' },
  { id: 'sameDay', path: '/ngay-khong-hen', permission: 'dossiers.sameDay.edit' },
  { id: 'structure', path: '/don-vi', permission: 'ward.structure.read' },
  { id: 'audit', path: '/nhat-ky', permission: 'audit.read' },
  { id: 'city', path: '/thanh-pho', permission: 'city.read' },
  { id: 'account', path: '/tai-khoan', permission: null },
];

export type StaffSubpageId = 'dossier';

/** Pages reached from another page rather than from the navbar; the navbar marks their parent as current. */
export const STAFF_SUBPAGES: readonly (Omit<StaffPage, 'id'> & { id: StaffSubpageId })[] = [
  { id: 'dossier', path: '/ho-so/:code', permission: 'dossiers.read' },
];

/** The "Mời đánh giá" page for a returned dossier, under the `/staff` basename. */
export function ratingTabletPath(code: string): string {
  return `/moi-danh-gia?ma=${encodeURIComponent(code)}`;
}

/** Path of a dossier's page under the `/staff` basename. */
export function dossierPagePath(code: string): string {
  return `/ho-so/${encodeURIComponent(code)}`;
}

export function mayOpen(me: Me, page: Pick<StaffPage, 'permission' | 'roles'>): boolean {
  if (page.permission === null) return true;
  return can(me, page.permission) || (page.roles?.includes(me.role) ?? false);
}

export function allowedPages(me: Me): StaffPage[] {
  return STAFF_PAGES.filter((page) => mayOpen(me, page));
}
