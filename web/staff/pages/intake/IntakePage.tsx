import { Paper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApiData } from '../../../shared/useApiData';
import { useMe } from '../../auth/session';
import { ApiDataView } from '../../components/ApiDataView';
import { PageTitle } from '../../components/PageTitle';
import { proceduresPath, type ProcedureSummary } from '../../dossiers/dossierApi';
import { HOME_INTAKE_PARAM, homeVisitPath, type HomeVisit } from '../home-visits/homeVisitApi';
import { IntakeForm } from './IntakeForm';

/**
 * `/staff/tiep-nhan`: counter intake, keyboard first (permission `dossiers.intake`); with `?tai-nha=<request>`,
 * the intake at the home of a person who cannot travel, on the officer's phone.
 */
export function IntakePage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const visitId = params.get(HOME_INTAKE_PARAM);
  const procedures = useApiData<{ items: ProcedureSummary[] }>(proceduresPath(me.ward?.code));
  const visit = useApiData<HomeVisit>(visitId ? homeVisitPath(visitId) : null);
  const [round, setRound] = useState(0);
  const next = () => {
    if (visitId) setParams({}, { replace: true });
    setRound((n) => n + 1);
  };

  const form = (items: ProcedureSummary[], homeVisit?: HomeVisit) => (
    <IntakeForm key={round} procedures={items} onNew={next} homeVisit={homeVisit} />
  );
  return (
    <>
      <PageTitle>{t('staff.pages.intake.title')}</PageTitle>
      <Text mb="md">{t('staff.intake.intro')}</Text>
      <ApiDataView data={procedures}>
        {({ items }) =>
          visitId ? (
            <ApiDataView data={visit}>
              {(homeVisit) => (
                <>
                  <Paper withBorder p="md" mb="md" component="section" aria-labelledby="tiep-nhan-tai-nha">
                    <Title order={2} size="h4" id="tiep-nhan-tai-nha" mb="xs">
                      {t('staff.intake.home.title', { code: homeVisit.code })}
                    </Title>
                    <Text lang="vi">
                      {t('staff.intake.home.text', {
                        name: homeVisit.person.fullName,
                        address: homeVisit.person.address ?? '',
                      })}
                    </Text>
                  </Paper>
                  {form(items, homeVisit)}
                </>
              )}
            </ApiDataView>
          ) : (
            form(items)
          )
        }
      </ApiDataView>
    </>
  );
}
