import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate, formatDateTime, formatMoney } from '../../../shared/format';
import { useApiData } from '../../../shared/useApiData';
import { can, useMe } from '../../auth/session';
import { ApiDataView } from '../../components/ApiDataView';
import { PageTitle } from '../../components/PageTitle';
import {
  dossierPath,
  procedurePath,
  type DossierDetail,
  type ProcedureDetail,
} from '../../dossiers/dossierApi';
import { useStatusLabel } from '../../dossiers/DossierTable';
import { isFinal } from '../../dossiers/workflowRules';
import { DossierActions } from './DossierActions';
import { DossierDocuments } from './DossierDocuments';
import { DossierFiles } from './DossierFiles';
import { DossierMessages } from './DossierMessages';
import { DossierTimeline } from './DossierTimeline';
import { ReturnMethodForm } from './ReturnMethodForm';

/** Terms and values; a value in Vietnamese whatever the interface language (a name, an address) gives 'vi'. */
function Facts({ items }: { items: [string, string | null | undefined, 'vi'?][] }) {
  return (
    <dl className="details-list">
      {items
        .filter((item): item is [string, string, 'vi'?] => Boolean(item[1]))
        .map(([term, value, lang]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd lang={lang}>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

function DossierView({ dossier, reload }: { dossier: DossierDetail; reload: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const statusLabel = useStatusLabel();
  const procedure = useApiData<ProcedureDetail>(procedurePath(dossier.procedureCode, me.ward?.code));
  const [message, setMessage] = useState('');
  const documents = procedure.data?.documents ?? [];
  const documentName = (id: string) => documents.find((document) => document.id === id)?.name ?? id;
  const moved = dossier.originalDueDate && dossier.dueDate && dossier.originalDueDate !== dossier.dueDate;

  return (
    <Stack gap="xl">
      <Paper withBorder p="md" component="section" aria-labelledby="tom-tat-ho-so">
        <Title order={2} size="h3" id="tom-tat-ho-so" mb="xs" lang="vi">
          {dossier.procedureName}
        </Title>
        <Group gap="xl" align="flex-start">
          <div>
            <Text fw={700}>{t('staff.dossier.status')}</Text>
            <span className="status-label status-current">
              {statusLabel(dossier.status, dossier.statusLabel)}
            </span>
          </div>
          <div>
            <Text fw={700}>{t('staff.dossier.dueDate')}</Text>
            <Text className="big-figure">{dossier.dueDate ? formatDate(dossier.dueDate) : '—'}</Text>
            {moved && dossier.originalDueDate && (
              <Text>{t('staff.dossier.originalDueDate', { date: formatDate(dossier.originalDueDate) })}</Text>
            )}
          </div>
          <div>
            <Text fw={700}>{t('staff.dossier.receivedAt')}</Text>
            <Text>{formatDateTime(dossier.receivedAt)}</Text>
          </div>
        </Group>
        {dossier.lateAt && (
          <Text mt="sm" fw={700} c="red.9">
            {t('staff.dossier.lateAt', { at: formatDateTime(dossier.lateAt) })}
          </Text>
        )}
        <Text role="status" fw={700} mt={message ? 'sm' : 0}>
          {message}
        </Text>
      </Paper>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <section aria-labelledby="nguoi-nop">
          <Title order={2} size="h3" id="nguoi-nop" mb="xs">
            {t('staff.dossier.applicant')}
          </Title>
          <Facts
            items={[
              [t('staff.intake.applicant.fullName'), dossier.applicant.fullName, 'vi'],
              [t('staff.intake.applicant.idNumber'), dossier.applicant.idNumber],
              [t('staff.intake.applicant.phone'), dossier.applicant.phone],
              [t('staff.intake.applicant.address'), dossier.applicant.address, 'vi'],
            ]}
          />
        </section>
        <section aria-labelledby="thong-tin-ho-so">
          <Title order={2} size="h3" id="thong-tin-ho-so" mb="xs">
            {t('staff.dossier.details')}
          </Title>
          <Facts
            items={[
              [t('staff.dossier.procedureCode'), dossier.procedureCode],
              [t('staff.dossier.receivedBy'), dossier.receivedByName, 'vi'],
              [
                t('staff.dossier.channel'),
                t(`staff.channels.${dossier.channel}`, { defaultValue: dossier.channel }),
              ],
              [t('staff.dossier.returnChannel'), t(`staff.intake.return.${dossier.returnChannel}`)],
              [t('staff.intake.return.address'), dossier.returnAddress, 'vi'],
              [
                t('staff.dossier.notifyChannels'),
                dossier.notifyChannels.map((channel) => t(`citizen.online.notify.${channel}`)).join(', '),
              ],
              [t('staff.dossier.fee'), formatMoney(dossier.feeAmount)],
              [
                t('staff.dossier.documentsReceived'),
                dossier.documentsReceived.length > 0
                  ? dossier.documentsReceived.map(documentName).join('; ')
                  : t('staff.dossier.none'),
              ],
              [t('staff.dossier.supplementRequests'), String(dossier.supplementRequests)],
              [t('staff.dossier.apologies'), String(dossier.apologies)],
            ]}
          />
          {procedure.data && can(me, 'dossiers.intake') && !isFinal(dossier.status) && (
            <ReturnMethodForm
              key={`${dossier.returnChannel}:${dossier.returnAddress ?? ''}`}
              dossier={dossier}
              procedure={procedure.data}
              onDone={(done) => {
                setMessage(done);
                reload();
              }}
            />
          )}
        </section>
      </SimpleGrid>

      <DossierActions
        dossier={dossier}
        procedure={procedure.data}
        onDone={(done) => {
          setMessage(done);
          reload();
        }}
      />
      <DossierFiles dossier={dossier} />
      <DossierTimeline events={dossier.events} />
      <DossierMessages code={dossier.code} />
      <DossierDocuments dossier={dossier} />
    </Stack>
  );
}

/** `/staff/ho-so/<code>`: one dossier, its control sheet, papers to print and the actions allowed. */
export function DossierPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const dossier = useApiData<DossierDetail>(dossierPath(code));
  const notFound = dossier.error?.status === 404 || dossier.error?.status === 400;

  return (
    <>
      <Anchor component={Link} to="/ho-so" underline="always" display="inline-block" mb="sm">
        {t('staff.dossier.back')}
      </Anchor>
      <PageTitle>{t('staff.dossier.title', { code })}</PageTitle>
      {notFound ? (
        <Text>{t('staff.dossier.notFound')}</Text>
      ) : (
        <ApiDataView data={dossier}>
          {(value) => <DossierView dossier={value} reload={dossier.reload} />}
        </ApiDataView>
      )}
    </>
  );
}
