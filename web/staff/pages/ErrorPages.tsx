import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../components/PageTitle';

function BackToOverview() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/" underline="always">
      {t('staff.errors.backToOverview')}
    </Anchor>
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('staff.errors.forbiddenTitle')}</PageTitle>
      <Text mb="md">{t('staff.errors.forbiddenText')}</Text>
      <BackToOverview />
    </>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('staff.errors.notFoundTitle')}</PageTitle>
      <Text mb="md">{t('staff.errors.notFoundText')}</Text>
      <BackToOverview />
    </>
  );
}
