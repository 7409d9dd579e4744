import { Anchor, Button, Group, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../shared/DataStatus';
import { ErrorSummary } from '../../shared/ErrorSummary';
import { formatDate } from '../../shared/format';
import { useSubmission, validationError } from '../../shared/forms';
import { useApiData } from '../../shared/useApiData';
import { usePageTitle } from '../../shared/usePageTitle';
import {
  EMPTY_VISIT_REQUEST,
  VISIT_REQUEST_IDS,
  VisitRequestFields,
  visitRequestBody,
  visitRequestProblems,
} from '../../shared/VisitRequestFields';
import { useIdempotentPost } from '../../staff/dossiers/idempotency';
import { CITIZEN_ME_PATH, SIGN_IN_PAGE, type CitizenMe } from '../account/citizenApi';
import type { Portal } from '../portal';

export const HOME_VISIT_PAGE = '/yeu-cau-tiep-nhan-tai-nha';
const HOME_VISITS_API_PATH = '/api/v1/citizen/home-visits';

/** `GET /api/v1/citizen/home-visits` item and `POST` answer. */
interface MyVisit {
  id: string;
  code: string;
  statusLabel: string;
  personName: string;
  procedure: { code: string; name: string };
  visit: { day: string; from: string; to: string; officerName: string } | null;
  dossierCode: string | null;
  cancelReason: string | null;
}

const IDS = {
  ...VISIT_REQUEST_IDS,
  requesterKind: 'nguoi-yeu-cau-self',
  requesterName: 'ho-ten-nguoi-yeu-cau',
};

function RequestForm({ onSent }: { onSent: (visit: MyVisit) => void }) {
  const { t } = useTranslation();
  const procedures = useApiData<{ items: { code: string; name: string }[] }>('/api/v1/procedures');
  const [requesterKind, setRequesterKind] = useState('');
  const [requesterName, setRequesterName] = useState('');
  const [values, setValues] = useState(EMPTY_VISIT_REQUEST);
  const { submitting, error, setError, run, fieldError } = useSubmission();
  const { post } = useIdempotentPost();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = visitRequestProblems(values, t);
    if (!requesterKind) problems.requesterKind = t('citizen.homeVisit.requesterKindMissing');
    if (requesterKind === 'relative' && requesterName.trim().length < 2)
      problems.requesterName = t('citizen.homeVisit.requesterNameMissing');
    if (Object.keys(problems).length > 0) return setError(validationError(t('common.checkFields'), problems));
    const body = visitRequestBody(values);
    const name = requesterKind === 'self' ? body.person.fullName : requesterName.trim();
    void run(async () =>
      onSent(await post<MyVisit>(HOME_VISITS_API_PATH, { ...body, requesterKind, requesterName: name })),
    );
  };

  if (procedures.error) return <LoadError error={procedures.error} onRetry={procedures.reload} />;
  if (!procedures.data) return <Loading />;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="gui-yeu-cau">
      <Title order={2} id="gui-yeu-cau" mb="sm">
        {t('citizen.homeVisit.formTitle')}
      </Title>
      <ErrorSummary error={error} fieldIds={IDS} />
      <Stack gap="md">
        <Radio.Group
          label={t('citizen.homeVisit.requesterKind')}
          value={requesterKind}
          onChange={setRequesterKind}
          error={fieldError('requesterKind')}
          withAsterisk
        >
          <Stack gap="xs" mt="xs">
            <Radio id="nguoi-yeu-cau-self" value="self" label={t('citizen.homeVisit.self')} />
            <Radio id="nguoi-yeu-cau-relative" value="relative" label={t('citizen.homeVisit.relative')} />
          </Stack>
        </Radio.Group>
        {requesterKind === 'relative' && (
          <TextInput
            id={IDS.requesterName}
            label={t('citizen.homeVisit.requesterName')}
            autoComplete="name"
            value={requesterName}
            onChange={(event) => setRequesterName(event.currentTarget.value)}
            error={fieldError('requesterName')}
            required
          />
        )}
        <VisitRequestFields
          values={values}
          set={(changes) => setValues((current) => ({ ...current, ...changes }))}
          procedures={procedures.data.items}
          fieldError={fieldError}
        />
        <Group>
          <Button type="submit" size="lg" loading={submitting}>
            {t('citizen.homeVisit.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Sent({ visit }: { visit: MyVisit }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} role="status">
      <Title order={2} mb="xs">
        {t('citizen.homeVisit.sentTitle')}
      </Title>
      <Text>{t('citizen.homeVisit.sentCode')}</Text>
      <Text fw={700} fz={32}>
        {visit.code}
      </Text>
      <Text>{t('citizen.homeVisit.whatNext')}</Text>
    </div>
  );
}

function MyVisits({ visits }: { visits: MyVisit[] }) {
  const { t } = useTranslation();
  if (visits.length === 0) return <Text>{t('citizen.homeVisit.noneYet')}</Text>;
  return (
    <ul className="dossier-list">
      {visits.map((visit) => (
        <li key={visit.id}>
          <Title order={3} size="h4" mb="xs" lang="vi">
            {visit.procedure.name}
          </Title>
          <dl className="details-list">
            <dt>{t('citizen.homeVisit.code')}</dt>
            <dd>{visit.code}</dd>
            <dt>{t('citizen.homeVisit.person')}</dt>
            <dd lang="vi">{visit.personName}</dd>
            <dt>{t('citizen.homeVisit.status')}</dt>
            <dd lang="vi">{visit.statusLabel}</dd>
            {visit.visit && (
              <>
                <dt>{t('citizen.homeVisit.appointment')}</dt>
                <dd lang="vi">
                  {t('citizen.homeVisit.appointmentValue', {
                    day: formatDate(visit.visit.day),
                    from: visit.visit.from,
                    to: visit.visit.to,
                    officer: visit.visit.officerName,
                  })}
                </dd>
              </>
            )}
            {visit.dossierCode && (
              <>
                <dt>{t('citizen.homeVisit.dossier')}</dt>
                <dd>
                  <Anchor href={`/tra-cuu/${visit.dossierCode}`} underline="always" className="tap-target">
                    {visit.dossierCode}
                  </Anchor>
                </dd>
              </>
            )}
            {visit.cancelReason && (
              <>
                <dt>{t('citizen.homeVisit.cancelReason')}</dt>
                <dd lang="vi">{visit.cancelReason}</dd>
              </>
            )}
          </dl>
        </li>
      ))}
    </ul>
  );
}

/** `/yeu-cau-tiep-nhan-tai-nha`: ask for an officer to take a dossier at home (seed III.6, model 1). */
export function HomeVisitPage({ portal }: { portal: Portal | undefined }) {
  const { t } = useTranslation();
  usePageTitle(t('citizen.homeVisit.title'));
  const me = useApiData<CitizenMe>(CITIZEN_ME_PATH);
  const mine = useApiData<{ items: MyVisit[] }>(me.data ? HOME_VISITS_API_PATH : null);
  const [sent, setSent] = useState<MyVisit | null>(null);
  const signedOut = me.error?.status === 401;

  return (
    <Stack gap="xl">
      <div>
        <Title order={1} mb="sm">
          {t('citizen.homeVisit.title')}
        </Title>
        <Text size="lg">{t('citizen.homeVisit.intro')}</Text>
        {portal && <Text mt="sm">{t('citizen.homeVisit.orCall', { phone: portal.ward.phone })}</Text>}
      </div>
      {signedOut && (
        <section aria-labelledby="can-dang-nhap">
          <Title order={2} id="can-dang-nhap" mb="xs">
            {t('citizen.homeVisit.signInTitle')}
          </Title>
          <Text mb="md">{t('citizen.homeVisit.signInText')}</Text>
          <Button component="a" href={SIGN_IN_PAGE} size="lg">
            {t('citizen.homeVisit.signIn')}
          </Button>
        </section>
      )}
      {me.error && !signedOut && <LoadError error={me.error} onRetry={me.reload} />}
      {me.loading && <Loading />}
      {me.data &&
        (sent ? (
          <Sent visit={sent} />
        ) : (
          <RequestForm
            onSent={(visit) => {
              setSent(visit);
              mine.reload();
            }}
          />
        ))}
      {me.data && (
        <section aria-labelledby="yeu-cau-cua-toi">
          <Title order={2} id="yeu-cau-cua-toi" mb="sm">
            {t('citizen.homeVisit.mine')}
          </Title>
          {mine.error && <LoadError error={mine.error} onRetry={mine.reload} />}
          {mine.data && <MyVisits visits={mine.data.items} />}
        </section>
      )}
    </Stack>
  );
}
