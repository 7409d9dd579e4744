import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../shared/ErrorSummary';
import { useSubmission, validationError } from '../../../shared/forms';
import { useApiData } from '../../../shared/useApiData';
import {
  EMPTY_VISIT_REQUEST,
  VISIT_REQUEST_IDS,
  VisitRequestFields,
  visitRequestBody,
  visitRequestProblems,
} from '../../../shared/VisitRequestFields';
import { useMe } from '../../auth/session';
import { ApiDataView } from '../../components/ApiDataView';
import { PageTitle } from '../../components/PageTitle';
import { proceduresPath, type ProcedureSummary } from '../../dossiers/dossierApi';
import { useIdempotentPost } from '../../dossiers/idempotency';
import { HOME_VISITS_PATH, REQUESTED_VISITS_PATH, type HomeVisit } from './homeVisitApi';
import { VisitDetails } from './VisitDetails';

function RequestForm({
  procedures,
  onSent,
}: {
  procedures: ProcedureSummary[];
  onSent: (v: HomeVisit) => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState(EMPTY_VISIT_REQUEST);
  const { submitting, error, setError, run, fieldError } = useSubmission();
  const { post, reset } = useIdempotentPost();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = visitRequestProblems(values, t);
    if (Object.keys(problems).length > 0) return setError(validationError(t('common.checkFields'), problems));
    void run(async () => {
      const sent = await post<HomeVisit>(HOME_VISITS_PATH, visitRequestBody(values));
      reset();
      setValues(EMPTY_VISIT_REQUEST);
      onSent(sent);
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="gui-yeu-cau">
      <Title order={2} id="gui-yeu-cau" mb="sm">
        {t('staff.groupRequests.formTitle')}
      </Title>
      <ErrorSummary error={error} fieldIds={VISIT_REQUEST_IDS} />
      <Stack gap="md" maw={640}>
        <VisitRequestFields
          values={values}
          set={(changes) => setValues((current) => ({ ...current, ...changes }))}
          procedures={procedures}
          fieldError={fieldError}
        />
        <Group>
          <Button type="submit" loading={submitting}>
            {t('staff.groupRequests.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** `/staff/yeu-cau-to-dan-pho`: the residential-group head asks for a home intake and follows the requests. */
export function GroupRequestsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const procedures = useApiData<{ items: ProcedureSummary[] }>(proceduresPath(me.ward?.code));
  const sent = useApiData<{ items: HomeVisit[] }>(REQUESTED_VISITS_PATH);
  const [last, setLast] = useState<HomeVisit | null>(null);
  return (
    <Stack gap="xl">
      <div>
        <PageTitle>{t('staff.pages.groupRequests.title')}</PageTitle>
        <Text>{t('staff.groupRequests.intro')}</Text>
      </div>
      <Text role="status" fw={700}>
        {last ? t('staff.groupRequests.sent', { code: last.code }) : ''}
      </Text>
      <ApiDataView data={procedures}>
        {({ items }) => (
          <RequestForm
            procedures={items}
            onSent={(visit) => {
              setLast(visit);
              sent.reload();
            }}
          />
        )}
      </ApiDataView>
      <section aria-labelledby="yeu-cau-da-gui">
        <Title order={2} id="yeu-cau-da-gui" mb="sm">
          {t('staff.groupRequests.listTitle')}
        </Title>
        <ApiDataView data={sent}>
          {({ items }) =>
            items.length === 0 ? (
              <Text>{t('staff.groupRequests.none')}</Text>
            ) : (
              <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
                {items.map((visit) => (
                  <Card key={visit.id} withBorder padding="lg" component="li">
                    <Title order={3} size="h4" mb="xs">
                      {visit.code} · {visit.statusLabel}
                    </Title>
                    <VisitDetails visit={visit} />
                  </Card>
                ))}
              </Stack>
            )
          }
        </ApiDataView>
      </section>
    </Stack>
  );
}
