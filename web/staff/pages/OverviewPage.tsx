import { Anchor, Card, SimpleGrid, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Vi } from '../../shared/Vi';
import { useMe } from '../auth/session';
import { PageTitle } from '../components/PageTitle';
import { allowedPages } from '../shell/navigation';
import { useRoleLabel } from '../shell/useRoleLabel';

/** `/staff/`: greeting and a card for each other page the role may open. */
export function OverviewPage() {
  const { t } = useTranslation();
  const me = useMe();
  const roleLabel = useRoleLabel();
  const pages = allowedPages(me).filter((page) => page.id !== 'overview');

  return (
    <>
      <PageTitle>{t('staff.overview.greeting', { name: me.fullName })}</PageTitle>
      <Text mb="xl">
        {roleLabel(me.role)}
        {[me.unit?.name, me.ward?.name].filter(Boolean).map((name) => (
          <Fragment key={name}>
            {' · '}
            <Vi>{name}</Vi>
          </Fragment>
        ))}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {pages.map((page) => (
          <Card key={page.id} withBorder padding="lg">
            <Title order={2} size="h4" mb="xs">
              <Anchor component={Link} to={page.path} underline="always" inherit>
                {t(`staff.pages.${page.id}.title`)}
              </Anchor>
            </Title>
            <Text>{t(`staff.pages.${page.id}.description`)}</Text>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
