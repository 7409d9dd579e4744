import { Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router';
import { api, asApiError, type ApiError } from '../../shared/api';
import { LoadError, Loading } from '../../shared/DataStatus';
import { useApiData } from '../../shared/useApiData';
import { usePageTitle } from '../../shared/usePageTitle';
import { CITIZEN_ME_PATH, SIGN_IN_PAGE, type CitizenMe } from '../account/citizenApi';
import { DRAFTS_PATH, stepPage, type Draft } from './onlineApi';

/** `/nop-truc-tuyen/<code>`: opens the citizen's draft of the procedure (a new one the first time) where they left it. */
export function StartPage() {
  const { t } = useTranslation();
  const { procedureCode = '' } = useParams();
  usePageTitle(t('citizen.online.start.title'));
  const me = useApiData<CitizenMe>(CITIZEN_ME_PATH);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!me.data) return;
    let active = true;
    api.post<Draft>(DRAFTS_PATH, { procedureCode }).then(
      (started) => active && setDraft(started),
      (caught: unknown) => active && setError(asApiError(caught)),
    );
    return () => {
      active = false;
    };
  }, [me.data, procedureCode, attempt]);

  if (draft) return <Navigate to={stepPage(draft.id, draft.currentStep)} replace />;
  if (me.error?.status === 401) {
    return (
      <Stack gap="md">
        <Title order={1}>{t('citizen.online.start.title')}</Title>
        <Text size="lg">{t('citizen.online.start.signInFirst')}</Text>
        <div>
          <Button component="a" href={SIGN_IN_PAGE} size="lg">
            {t('citizen.online.start.signIn')}
          </Button>
        </div>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <Title order={1}>{t('citizen.online.start.title')}</Title>
      {me.error && <LoadError error={me.error} onRetry={me.reload} />}
      {error && (
        <>
          <LoadError
            error={error}
            onRetry={() => {
              setError(null);
              setAttempt((n) => n + 1);
            }}
          />
          <Anchor href={`/thu-tuc/${procedureCode}`} underline="always" className="tap-target">
            {t('citizen.online.start.backToGuide')}
          </Anchor>
        </>
      )}
      {!error && !me.error && <Loading />}
    </Stack>
  );
}
