import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { RequireSession, SIGN_IN_PATH, TOTP_ENROLMENT_PATH } from './auth/RequireSession';
import { useMe } from './auth/session';
import { SignInPage } from './auth/SignInPage';
import { TotpEnrolmentPage } from './auth/TotpEnrolmentPage';
import { AccountPage } from './pages/AccountPage';
import { AuditPage } from './pages/AuditPage';
import { CalendarPage } from './pages/calendar/CalendarPage';
import { CityWardsPage } from './pages/CityWardsPage';
import { ForbiddenPage, NotFoundPage } from './pages/ErrorPages';
import { OverviewPage } from './pages/OverviewPage';
import { StructurePage } from './pages/StructurePage';
import { mayOpen, STAFF_PAGES, type StaffPage, type StaffPageId } from './shell/navigation';
import { StaffShell } from './shell/StaffShell';

const PAGE_CONTENT: Record<StaffPageId, ReactNode> = {
  overview: <OverviewPage />,
  calendar: <CalendarPage />,
  structure: <StructurePage />,
  audit: <AuditPage />,
  city: <CityWardsPage />,
  account: <AccountPage />,
};

/** A page the role may not open says so, rather than pretending not to exist. */
function Guarded({ page }: { page: StaffPage }) {
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
          {STAFF_PAGES.map((page) => (
            <Route key={page.id} path={page.path} element={<Guarded page={page} />} />
          ))}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
