import { Anchor, Container, Stack, Text } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import { midSentenceName, type Portal } from './portal';

export function SiteFooter({ ward }: { ward: Portal['ward'] | undefined }) {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <Container size="md" py="lg">
        <Stack gap="xs">
          <Text fw={700}>
            {ward ? (
              <Trans
                i18nKey="citizen.footer.committee"
                values={{ ward: midSentenceName(ward.name), wardName: ward.name }}
                components={{ vi: <span lang="vi" /> }}
              />
            ) : (
              t('common.appName')
            )}
          </Text>
          {ward && <Text lang="vi">{ward.address}</Text>}
          <Anchor href="/staff/" underline="always" className="tap-target">
            {t('citizen.footer.staffSignIn')}
          </Anchor>
        </Stack>
      </Container>
    </footer>
  );
}
