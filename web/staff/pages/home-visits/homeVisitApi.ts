/** Contracts of the home-visit routes (src/modules/home-visits) the workspace uses. */

export const HOME_VISITS_PATH = '/api/v1/home-visits';
export const REQUESTED_VISITS_PATH = '/api/v1/home-visits/requested';

export const homeVisitPath = (id: string) => `${HOME_VISITS_PATH}/${encodeURIComponent(id)}`;

export const HOME_VISIT_STATUSES = ['requested', 'scheduled', 'done', 'cancelled'] as const;
export type HomeVisitStatus = (typeof HOME_VISIT_STATUSES)[number];

/** A request as the workspace shows it; `masked` for roles that do not serve it. */
export interface HomeVisit {
  id: string;
  code: string;
  status: HomeVisitStatus;
  statusLabel: string;
  reason: string;
  reasonLabel: string;
  procedure: { code: string; name: string };
  preferredTimes: string;
  visit: { day: string; from: string; to: string; officerId: string; officerName: string } | null;
  dossierCode: string | null;
  cancelReason: string | null;
  createdAt: string;
  requesterKind: string;
  requesterLabel: string;
  requesterName: string;
  contactPhone: string;
  person: { fullName: string; address: string | null; phone: string | null };
  note: string | null;
  masked: boolean;
}

/** The intake page's address that takes the dossier of a visit, at the home, with channel "home". */
export const HOME_INTAKE_PARAM = 'tai-nha';
export const homeIntakePath = (id: string) => `/tiep-nhan?${HOME_INTAKE_PARAM}=${encodeURIComponent(id)}`;
