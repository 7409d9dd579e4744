import { Container, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../shared/LanguageSwitch';
import { MAIN_CONTENT_ID, SkipLink } from '../../shared/SkipLink';
import { usePageTitle } from '../../shared/usePageTitle';

/** Layout of the pages outside the workspace shell: sign-in, two-step set-up, session check. */
export function PlainLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  usePageTitle(title);
  return (
    <>
      <SkipLink />
      <header className="plain-header">
        <Container size="sm" py="sm">
          <Group justify="space-between" gap="sm">
            <div>
              <Text fw={700} fz="lg">
                {t('common.appName')}
              </Text>
              <Text>{t('staff.workspaceName')}</Text>
            </div>
            <LanguageSwitch tone="light" />
          </Group>
        </Container>
      </header>
      <Container component="main" id={MAIN_CONTENT_ID} tabIndex={-1} size="sm" py="xl">
        <Title order={1} mb="lg">
          {title}
        </Title>
        {children}
      </Container>
    </>
  );
}
