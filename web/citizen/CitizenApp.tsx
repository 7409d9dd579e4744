import { Container, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { LoadError, Loading } from '../shared/DataStatus';
import { MAIN_CONTENT_ID, SkipLink } from '../shared/SkipLink';
import { useApiData } from '../shared/useApiData';
import { usePageTitle } from '../shared/usePageTitle';
import { DOSSIER_PAGE, MY_DOSSIERS_PAGE, SIGN_IN_PAGE, SUPPLEMENT_PAGE } from './account/citizenApi';
import { DossierPage } from './account/DossierPage';
import { MyDossiersPage } from './account/MyDossiersPage';
import { SignInPage } from './account/SignInPage';
import { SupplementPage } from './account/SupplementPage';
import { HOME_VISIT_PAGE, HomeVisitPage } from './home-visit/HomeVisitPage';
import { HomePage } from './HomePage';
import { DraftPage } from './online/DraftPage';
import { START_PAGE, STEP_PAGE, SUBMITTED_PAGE } from './online/onlineApi';
import { StartPage } from './online/StartPage';
import { SubmittedPage } from './online/SubmittedPage';
import { PORTAL_PATH, type Portal } from './portal';
import { SiteFooter } from './SiteFooter';
import { SiteHeader } from './SiteHeader';

function PortalUnavailable({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  usePageTitle(t('citizen.home.title'));
  return (
    <>
      <Title order={1}>{t('citizen.home.title')}</Title>
      {children}
    </>
  );
}

export function CitizenApp() {
  const portal = useApiData<Portal>(PORTAL_PATH);
  const ward = portal.data?.ward;

  let home: ReactNode;
  if (portal.data) home = <HomePage portal={portal.data} />;
  else if (portal.error) {
    home = (
      <PortalUnavailable>
        <LoadError error={portal.error} onRetry={portal.reload} />
      </PortalUnavailable>
    );
  } else {
    home = (
      <PortalUnavailable>
        <Loading />
      </PortalUnavailable>
    );
  }

  return (
    <div className="site">
      <SkipLink />
      <SiteHeader wardName={ward?.name} />
      <Container component="main" id={MAIN_CONTENT_ID} tabIndex={-1} size="md" py="xl" className="site-main">
        <Routes>
          <Route path={SIGN_IN_PAGE} element={<SignInPage />} />
          <Route path={MY_DOSSIERS_PAGE} element={<MyDossiersPage />} />
          <Route path={DOSSIER_PAGE} element={<DossierPage />} />
          <Route path={SUPPLEMENT_PAGE} element={<SupplementPage />} />
          <Route path={STEP_PAGE} element={<DraftPage />} />
          <Route path={SUBMITTED_PAGE} element={<SubmittedPage />} />
          <Route path={START_PAGE} element={<StartPage />} />
          <Route path={HOME_VISIT_PAGE} element={<HomeVisitPage portal={portal.data} />} />
          <Route path="*" element={home} />
        </Routes>
      </Container>
      <SiteFooter ward={ward} />
    </div>
  );
}
