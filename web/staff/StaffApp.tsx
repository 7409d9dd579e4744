import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { RequireSession, SIGN_IN_PATH, TOTP_ENROLMENT_PATH } from './auth/RequireSession';
import { useMe } from './auth/session';
import { SignInPage } from './auth/SignInPage';
import { TotpEnrolmentPage } from './auth/TotpEnrolmentPage';
import { AccountPage } from './pages/AccountPage';
import { AuditPage } from './pages/AuditPage';
import { CalendarPage } from './pages/calendar/CalendarPage';
import { CallingPage } from './pages/calling/CallingPage';
import { CityWardsPage } from './pages/CityWardsPage';
import { ComplaintsPage } from './pages/complaints/ComplaintsPage';
import { DenunciationsPage } from './pages/complaints/DenunciationsPage';
import { DashboardPage } from './pages/dashboard/DashboardPage';
import { DossierPage } from './pages/dossier/DossierPage';
import { FeedbackPage } from './pages/feedback/FeedbackPage';
import { GroupRequestsPage } from './pages/home-visits/GroupRequestsPage';
import { HomeVisitsPage } from './pages/home-visits/HomeVisitsPage';
import { SameDayPage } from './pages/same-day/SameDayPage';
import { ForbiddenPage, NotFoundPage } from './pages/ErrorPages';
import { IntakePage } from './pages/intake/IntakePage';
import { OverviewPage } from './pages/OverviewPage';
import { QueuePage } from './pages/queue/QueuePage';
import { RatingTabletPage } from './pages/rating-tablet/RatingTabletPage';
import { ListeningSessionsPage } from './pages/reception/ListeningSessionsPage';
import { ReceptionLogPage } from './pages/reception/ReceptionLogPage';
import { ReceptionSchedulePage } from './pages/reception/ReceptionSchedulePage';
import { StructurePage } from './pages/StructurePage';
import {
  mayOpen,
  STAFF_PAGES,
  STAFF_SUBPAGES,
  type StaffPage,
  type StaffPageId,
  type StaffSubpageId,
} from './shell/navigation';
import { StaffShell } from './shell/StaffShell';

const PAGE_CONTENT: Record<StaffPageId | StaffSubpageId, ReactNode> = {
  overview: <OverviewPage />,
  intake: <IntakePage />,
  calling: <CallingPage />,
  ratingTablet: <RatingTabletPage />,
  homeVisits: <HomeVisitsPage />,
  groupRequests: <GroupRequestsPage />,
  queue: <QueuePage />,
  complaints: <ComplaintsPage />,
  denunciations: <DenunciationsPage />,
  dashboard: <DashboardPage />,
  dossier: <DossierPage />,
  calendar: <CalendarPage />,
  sameDay: <SameDayPage />,
  feedback: <FeedbackPage />,
  receptionSchedule: <ReceptionSchedulePage />,
  receptionLog: <ReceptionLogPage />,
  listening: <ListeningSessionsPage />,
  structure: <StructurePage />,
  audit: <AuditPage />,
  city: <CityWardsPage />,
  account: <AccountPage />,
};

/** A page the role may not open says so, rather than pretending not to exist. */
function Guarded({
  page,
}: {
  page: Pick<StaffPage, 'permission' | 'roles'> & { id: keyof typeof PAGE_CONTENT };
}) {
  const me = useMe();
  return mayOpen(me, page) ? PAGE_CONTENT[page.id] : <ForbiddenPage />;
}

export function StaffApp() {
  return (
    <Routes>
      <Route path={SIGN_IN_PATH} element={<SignInPage />} />
      <Route element={<RequireSession />}>
        <Route path={TOTP_ENROLMENT_PATH} element={<TotpEnrolmentPage />} />
        <Route element={<StaffShell />}>
          {[...STAFF_PAGES, ...STAFF_SUBPAGES].map((page) => (
            <Route key={page.id} path={page.path} element={<Guarded page={page} />} />
          ))}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
