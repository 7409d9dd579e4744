import { Container, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../shared/DataStatus';
import { MAIN_CONTENT_ID, SkipLink } from '../shared/SkipLink';
import { useApiData } from '../shared/useApiData';
import { usePageTitle } from '../shared/usePageTitle';
import { HomePage } from './HomePage';
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

  let content: ReactNode;
  if (portal.data) content = <HomePage portal={portal.data} />;
  else if (portal.error) {
    content = (
      <PortalUnavailable>
        <LoadError error={portal.error} onRetry={portal.reload} />
      </PortalUnavailable>
    );
  } else {
    content = (
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
        {content}
      </Container>
      <SiteFooter ward={ward} />
    </div>
  );
}
