import { Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiData } from '../../../shared/useApiData';
import { useMe } from '../../auth/session';
import { ApiDataView } from '../../components/ApiDataView';
import { PageTitle } from '../../components/PageTitle';
import { proceduresPath, type ProcedureSummary } from '../../dossiers/dossierApi';
import { IntakeForm } from './IntakeForm';

/** `/staff/tiep-nhan`: counter intake, keyboard first (permission `dossiers.intake`). */
export function IntakePage() {
  const { t } = useTranslation();
  const me = useMe();
  const procedures = useApiData<{ items: ProcedureSummary[] }>(proceduresPath(me.ward?.code));
  const [round, setRound] = useState(0);

  return (
    <>
      <PageTitle>{t('staff.pages.intake.title')}</PageTitle>
      <Text mb="md">{t('staff.intake.intro')}</Text>
      <ApiDataView data={procedures}>
        {({ items }) => <IntakeForm key={round} procedures={items} onNew={() => setRound((n) => n + 1)} />}
      </ApiDataView>
    </>
  );
}
