import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { api, clearCsrfToken } from '../../shared/api';
import { LoadError, Loading } from '../../shared/DataStatus';
import { formatDate, formatDateTime } from '../../shared/format';
import { useSubmission } from '../../shared/forms';
import { useApiData } from '../../shared/useApiData';
import { usePageTitle } from '../../shared/usePageTitle';
import { DRAFTS_PATH, stepPage } from '../online/onlineApi';
import {
  CITIZEN_ME_PATH,
  dossierPage,
  MY_DOSSIERS_API_PATH,
  SIGN_IN_PAGE,
  SIGN_OUT_PATH,
  type CitizenMe,
  type MyDossiers,
} from './citizenApi';
import { NotifyPreferences } from './NotifyPreferences';

function DossierList({ dossiers }: { dossiers: MyDossiers }) {
  const { t } = useTranslation();
  if (dossiers.items.length === 0) {
    return <Text size="lg">{t(`citizen.myDossiers.none.${dossiers.matchedBy ?? 'noIdNumber'}`)}</Text>;
  }
  return (
    <>
      <Text>{t('citizen.myDossiers.listHint')}</Text>
      <ul className="dossier-list">
        {dossiers.items.map((dossier) => (
          <li key={dossier.code}>
            <Title order={3} size="h4" mb="xs" lang="vi">
              {dossier.procedureName}
            </Title>
            <dl className="details-list">
              <dt>{t('citizen.myDossiers.code')}</dt>
              <dd>
                <Anchor href={`/tra-cuu/${dossier.code}`} underline="always" fw={700} className="tap-target">
                  {dossier.code}
                </Anchor>
              </dd>
              <dt>{t('citizen.myDossiers.status')}</dt>
              <dd lang="vi">{dossier.statusLabel}</dd>
              <dt>{t('citizen.myDossiers.dueDate')}</dt>
              <dd>{dossier.dueDate ? formatDate(dossier.dueDate) : t('citizen.myDossiers.noDueDate')}</dd>
              <dt>{t('citizen.myDossiers.receivedAt')}</dt>
              <dd>{formatDate(dossier.receivedAt)}</dd>
            </dl>
            <Anchor component={Link} to={dossierPage(dossier.code)} underline="always" className="tap-target">
              {t('citizen.myDossiers.details')}
            </Anchor>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Online filings begun and not yet submitted, each opened where the citizen left it. */
function Drafts() {
  const { t } = useTranslation();
  const drafts = useApiData<{
    items: { id: string; procedureName: string; currentStep: string; updatedAt: string }[];
  }>(DRAFTS_PATH);
  if (!drafts.data || drafts.data.items.length === 0) return null;
  return (
    <section aria-labelledby="ho-so-dang-lam">
      <Title order={2} id="ho-so-dang-lam" mb="sm">
        {t('citizen.myDossiers.draftsTitle')}
      </Title>
      <ul className="dossier-list">
        {drafts.data.items.map((draft) => (
          <li key={draft.id}>
            <Text fw={700} lang="vi">
              {draft.procedureName}
            </Text>
            <Text size="sm">
              {t('citizen.myDossiers.draftSaved', { date: formatDateTime(draft.updatedAt) })}
            </Text>
            <Anchor
              component={Link}
              to={stepPage(draft.id, draft.currentStep)}
              underline="always"
              className="tap-target"
            >
              {t('citizen.myDossiers.resume')}
            </Anchor>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Greeting({ me }: { me: CitizenMe }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { submitting, run, error } = useSubmission();
  const signOut = () =>
    void run(async () => {
      await api.post(SIGN_OUT_PATH);
      clearCsrfToken();
      await navigate(SIGN_IN_PAGE);
    });
  return (
    <Stack gap="xs">
      <Text size="lg">
        {me.fullName
          ? t('citizen.myDossiers.hello', { name: me.fullName })
          : t('citizen.myDossiers.helloNoName')}
      </Text>
      <Text>
        {me.signInMethod === 'vneid'
          ? t('citizen.myDossiers.byVneid', { idNumber: me.idNumber ?? '' })
          : t('citizen.myDossiers.byPhone', { phone: me.phone ?? '' })}
      </Text>
      <Group>
        <Button variant="outline" onClick={signOut} loading={submitting}>
          {t('citizen.myDossiers.signOut')}
        </Button>
      </Group>
      {error && (
        <Text role="alert" c="red.9">
          {error.message}
        </Text>
      )}
    </Stack>
  );
}

/** `/ho-so-cua-toi`: the signed-in citizen's dossiers, each linked to its tracking page. */
export function MyDossiersPage() {
  const { t } = useTranslation();
  usePageTitle(t('citizen.myDossiers.title'));
  const me = useApiData<CitizenMe>(CITIZEN_ME_PATH);
  const dossiers = useApiData<MyDossiers>(me.data ? MY_DOSSIERS_API_PATH : null);

  if (me.error?.status === 401) return <Navigate to={SIGN_IN_PAGE} replace />;
  return (
    <Stack gap="lg">
      <Title order={1}>{t('citizen.myDossiers.title')}</Title>
      {me.error && <LoadError error={me.error} onRetry={me.reload} />}
      {me.loading && <Loading />}
      {me.data && <Greeting me={me.data} />}
      {me.data && <Drafts />}
      {me.data && (
        <section aria-labelledby="danh-sach-ho-so">
          <Title order={2} id="danh-sach-ho-so" mb="sm">
            {t('citizen.myDossiers.listTitle')}
          </Title>
          {dossiers.error && <LoadError error={dossiers.error} onRetry={dossiers.reload} />}
          {dossiers.loading && <Loading />}
          {dossiers.data && <DossierList dossiers={dossiers.data} />}
        </section>
      )}
      {me.data && <NotifyPreferences me={me.data} />}
    </Stack>
  );
}
