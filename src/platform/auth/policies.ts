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
  /** The ward's "Ngày làm việc không hẹn, không chờ": its weekday and procedures (seed III.6). */
  'dossiers.sameDay.edit': ['ward_admin'],
  /** Requests that an officer take a dossier at the home of a person who cannot travel (seed III.6). */
  'homeVisits.read': ['counter_officer', 'ward_leader', 'ward_admin'],
  /** Scheduling those visits, cancelling them, and linking the dossier taken at the home. */
  'homeVisits.schedule': ['counter_officer'],
  /** Names, addresses and phones of those requests, unmasked; every such read is audited. */
  'homeVisits.personal.read': ['counter_officer'],
  /** The residential-group head asks for a visit for a resident, and follows the requests made. */
  'homeVisits.request': ['group_head'],
  /** The ward's dossier register (Sổ theo dõi hồ sơ) for a period, as PDF or Excel; every export is audited. */
  'registers.export': ['counter_officer', 'department_head', 'ward_leader', 'ward_admin'],
  'city.read': ['city_reviewer', 'system_admin'],
  /** One-stop indicators: staff for their own ward, the city reviewer for the wards of its province. */
  'indicators.read': [...WARD_STAFF, 'supervisor', 'city_reviewer'],
  /** Recording VietQR transfers from the ward's bank statement as fee payments, with their receipts. */
  'payments.reconcile': ['counter_officer'],
  /** Messages sent to citizens about a record (SMS, Zalo, e-mail) and their delivery; recipients masked. */
  'messages.read': [...WARD_STAFF, 'supervisor'],
  /** Unmasked recipients (phone, e-mail) of those messages, to check a number with the citizen; audited. */
  'messages.recipients.read': ['counter_officer'],
  /** Sending a failed message again. */
  'messages.retry': ['counter_officer', 'ward_admin'],
  /** Offering a returned dossier for rating on the tablet of the officer's counter. */
  'ratings.kiosk': ['counter_officer'],
  /** The one-stop centre's queue: its counters, today's tickets and waiting list (no personal data). */
  'queue.read': WARD_STAFF,
  /** Calling the next ticket to a counter; marking the ticket called served, absent, or calling it again. */
  'queue.call': ['counter_officer'],
  /** Setting up the ward's counters and the service groups each one calls. */
  'queue.counters.edit': ['ward_admin'],
  /** Recording a feedback item taken down at the counter, on the hotline, in a group, a visit or a session. */
  'feedback.record': [
    'counter_officer',
    'department_officer',
    'department_head',
    'ward_leader',
    'group_head',
  ],
  /** The feedback register with contacts masked, its deadlines and the deadline rules. */
  'feedback.read': [...WARD_STAFF, 'supervisor'],
  /** Routing a feedback item to the responsible unit; merging duplicates. */
  'feedback.route': ['department_head', 'ward_leader'],
  /** Answering a feedback item routed to one's unit (a ward leader: any item). */
  'feedback.answer': ['department_officer', 'department_head', 'ward_leader'],
  /** Publishing an answer on the portal, when the citizen consented. */
  'feedback.publish': ['department_head', 'ward_leader'],
  /** Unmasked contact (name, phone, e-mail) of the citizen who sent a feedback item; every read audited. */
  'feedback.personal.read': ['counter_officer', 'department_officer', 'department_head', 'ward_leader'],
  /** Correcting a legal deadline rule not yet confirmed (national law: the system administrator). */
  'feedback.rules.edit': ['system_admin'],
  /** The chairman's reception schedule and its warnings, the reception log (CCCD masked), listening sessions. */
  'reception.read': [...WARD_STAFF, 'supervisor'],
  /** Setting the reception weekdays, hours, place and rules, and adding reception days. */
  'reception.schedule.edit': ['ward_leader', 'ward_admin'],
  /** Writing a visit into the reception log and recording the answer given to the visitor. */
  'reception.log': ['counter_officer', 'department_officer', 'department_head', 'ward_leader'],
  /** Unmasked CCCD number, phone and address of visitors in the log; every read audited. */
  'reception.personal.read': ['counter_officer', 'department_officer', 'department_head', 'ward_leader'],
  /** The sealed identity of a visitor who came to denounce (Luật Tố cáo 2018, điều 8, 56); every read audited. */
  'reception.identity.read': ['ward_leader'],
  /** The reception log of a period as PDF or Excel; every export audited. */
  'reception.export': ['counter_officer', 'department_head', 'ward_leader', 'ward_admin'],
  /** Scheduling "Ngày thứ sáu nghe dân nói", recording who attended and the matters raised there. */
  'listening.manage': ['department_head', 'ward_leader', 'ward_admin'],
  /** The register of complaints (khiếu nại) with their deadlines; complainants masked without the next one. */
  'complaints.read': [...WARD_STAFF, 'supervisor'],
  /** Unmasked complainant (name, address, phone, ID number) and the printed Mẫu 01 form; every read audited. */
  'complaints.personal.read': ['counter_officer', 'department_officer', 'department_head', 'ward_leader'],
  /** Recording a complaint received in writing or in person (the officer writes it down, Luật Khiếu nại điều 8). */
  'complaints.record': ['counter_officer', 'department_officer', 'department_head', 'ward_leader'],
  /** Verification and dialogue minutes of a complaint (the officer assigned to it, or a leader). */
  'complaints.handle': ['department_officer', 'department_head', 'ward_leader'],
  /** Accepting or refusing a complaint, assigning it, issuing and sending the decision: the chairman's. */
  'complaints.decide': ['ward_leader'],
  /** The register of denunciations (tố cáo): the denouncer's identity is never in it (sealed). */
  'denunciations.read': [...WARD_STAFF, 'supervisor'],
  /** Recording a denunciation received in writing or in person; an anonymous one becomes a feedback item. */
  'denunciations.record': ['counter_officer', 'department_officer', 'department_head', 'ward_leader'],
  /**
   * Initial processing, acceptance, forwarding, extensions and conclusion: the chairman, and the officer he
   * assigned (checked on the record). The sealed identity opens for those two only, not by this permission.
   */
  'denunciations.handle': ['department_officer', 'department_head', 'ward_leader'],
  /** Assigning the handler of a denunciation: the chairman. */
  'denunciations.assign': ['ward_leader'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/**
 * A route's access rule:
 * - `public`: anyone, no session;
 * - `password_stage`: a session that has passed the password but not yet the TOTP step;
 * - `signed_in`: any signed-in account, even one that still has to enrol TOTP (account pages);
 * - `citizen`: a signed-in citizen (the portal's own session, never a staff one; staff are refused);
 * - a permission, optionally with the route parameter that names the ward the data belongs to; with
 *   `orApplicant`, a signed-in citizen passes too, and the handler answers only about their own dossier.
 */
export type Policy =
  | 'public'
  | 'password_stage'
  | 'signed_in'
  | 'citizen'
  | { permission: Permission; wardParam?: string; orApplicant?: true };

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
