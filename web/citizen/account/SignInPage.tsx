import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { usePageTitle } from '../../shared/usePageTitle';
import { VNEID_START_PATH } from './citizenApi';
import { PhoneSignIn } from './PhoneSignIn';

/** Why the server sent the browser back here after VNeID (`?loi=`). */
const VNEID_FAILURES = ['vneid_failed', 'vneid_cancelled', 'vneid_unavailable'] as const;
type VneidFailure = (typeof VNEID_FAILURES)[number];

function isVneidFailure(value: string | null): value is VneidFailure {
  return (VNEID_FAILURES as readonly (string | null)[]).includes(value);
}

/** `/dang-nhap`: VNeID, or a phone number and a code sent to it. */
export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const failure = params.get('loi');
  usePageTitle(t('citizen.signIn.title'));

  return (
    <Stack gap="xl">
      <div>
        <Title order={1} mb="sm">
          {t('citizen.signIn.title')}
        </Title>
        <Text size="lg">{t('citizen.signIn.intro')}</Text>
      </div>

      {isVneidFailure(failure) && (
        <Alert role="alert" color="red" title={t('citizen.signIn.vneidProblem')}>
          {t(`citizen.signIn.failure.${failure}`)}
        </Alert>
      )}

      <section aria-labelledby="vneid">
        <Title order={2} id="vneid" mb="xs">
          {t('citizen.signIn.vneid.title')}
        </Title>
        <Text mb="md">{t('citizen.signIn.vneid.description')}</Text>
        <Button component="a" href={VNEID_START_PATH} size="lg">
          {t('citizen.signIn.vneid.button')}
        </Button>
      </section>

      <section aria-labelledby="so-dien-thoai-tieu-de">
        <Title order={2} id="so-dien-thoai-tieu-de" mb="xs">
          {t('citizen.signIn.phone.title')}
        </Title>
        <Text mb="md">{t('citizen.signIn.phone.description')}</Text>
        <PhoneSignIn />
      </section>
    </Stack>
  );
}
