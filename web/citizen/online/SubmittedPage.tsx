import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../shared/usePageTitle';
import { dossierPage } from '../account/citizenApi';

/** The confirmation (GOV.UK panel): the dossier's code, and what happens next. */
export function SubmittedPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  usePageTitle(t('citizen.online.submitted.title'));
  return (
    <Stack gap="lg">
      <div className="confirmation-panel">
        <Title order={1}>{t('citizen.online.submitted.title')}</Title>
        <Text size="xl">
          {t('citizen.online.submitted.code')}
          <br />
          <b className="confirmation-panel__code">{code}</b>
        </Text>
      </div>
      <Title order={2}>{t('citizen.online.submitted.nextTitle')}</Title>
      <Text size="lg">{t('citizen.online.submitted.next')}</Text>
      <Text size="lg">{t('citizen.online.submitted.notices')}</Text>
      <Anchor component={Link} to={dossierPage(code)} underline="always" size="lg" className="tap-target">
        {t('citizen.online.submitted.follow')}
      </Anchor>
    </Stack>
  );
}
