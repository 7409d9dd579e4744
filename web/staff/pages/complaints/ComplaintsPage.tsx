import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, vietnamInstant } from '../../../shared/format';
import { useApiData } from '../../../shared/useApiData';
import { can, useMe } from '../../auth/session';
import { ApiDataView } from '../../components/ApiDataView';
import { PageTitle } from '../../components/PageTitle';
import {
  COMPLAINTS_PATH,
  complaintPath,
  REFUSAL_REASONS,
  type Complaint,
  type ComplaintSummary,
  type Register,
} from './complaintApi';
import {
  registerQuery,
  RegisterTable,
  RegisterViewControl,
  StepForm,
  useRegisterView,
  type StepField,
} from './RegisterParts';

const lines = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function RecordComplaint({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const f = (name: string, kind?: StepField['kind'], required = true) => ({
    name,
    kind,
    required,
    label: t(`staff.complaints.fields.${name}`),
  });
  const yesNo = [
    { value: 'yes', label: t('staff.complaints.yes') },
    { value: 'no', label: t('staff.complaints.no') },
  ];
  return (
    <StepForm
      id="ghi-khieu-nai"
      title={t('staff.complaints.record')}
      path={COMPLAINTS_PATH}
      submitLabel={t('staff.complaints.recordSubmit')}
      onDone={onDone}
      fields={[
        f('fullName'),
        f('address'),
        f('phone', undefined, false),
        f('idNumber', undefined, false),
        {
          ...f('channel', 'select'),
          options: ['written', 'in_person'].map((v) => ({
            value: v,
            label: t(`staff.complaints.channels.${v}`),
          })),
        },
        f('complaintDate', 'day'),
        f('subject'),
        f('respondent'),
        f('content', 'textarea'),
        f('reasons', 'textarea'),
        f('requests', 'textarea'),
        f('evidence', 'textarea', false),
        { ...f('signed', 'select'), options: yesNo },
        f('knownOn', 'day'),
        f('obstacleDays', 'number', false),
      ]}
      toBody={(v) => ({
        complainant: {
          fullName: v.fullName,
          address: v.address,
          ...(v.phone ? { phone: v.phone } : {}),
          ...(v.idNumber ? { idNumber: v.idNumber } : {}),
        },
        channel: v.channel,
        complaintDate: v.complaintDate,
        subject: v.subject,
        respondent: v.respondent,
        content: v.content,
        reasons: v.reasons,
        requests: v.requests,
        evidence: lines(v.evidence),
        signed: v.signed === 'yes',
        knownOn: v.knownOn,
        obstacleDays: Number(v.obstacleDays || 0),
      })}
    />
  );
}

function ComplaintActions({ complaint, onDone }: { complaint: Complaint; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const path = complaintPath(complaint.code);
  const decides = can(me, 'complaints.decide');
  const handles = can(me, 'complaints.handle');
  const forms = [];
  if (complaint.status === 'received' && decides) {
    forms.push(
      <StepForm
        key="accept"
        id={`thu-ly-${complaint.code}`}
        title={t('staff.complaints.accept')}
        path={`${path}/accept`}
        submitLabel={t('staff.complaints.acceptSubmit')}
        onDone={onDone}
        fields={[
          { name: 'handlerId', label: t('staff.complaints.handler'), kind: 'officer', required: true },
          {
            name: 'complex',
            label: t('staff.complaints.complex'),
            kind: 'select',
            options: [
              { value: 'yes', label: t('staff.complaints.yes') },
              { value: 'no', label: t('staff.complaints.no') },
            ],
          },
        ]}
        toBody={(v) => ({ handlerId: v.handlerId, complex: v.complex === 'yes' })}
      />,
      <StepForm
        key="refuse"
        id={`khong-thu-ly-${complaint.code}`}
        title={t('staff.complaints.refuse')}
        path={`${path}/refuse`}
        submitLabel={t('staff.complaints.refuseSubmit')}
        onDone={onDone}
        fields={[
          {
            name: 'reasons',
            label: t('staff.complaints.refusalReason'),
            kind: 'select',
            required: true,
            options: REFUSAL_REASONS.map((r) => ({
              value: r,
              label: t(`staff.complaints.refusalReasons.${r}`),
            })),
          },
          { name: 'note', label: t('staff.complaints.note'), kind: 'textarea' },
        ]}
        toBody={(v) => ({ reasons: v.reasons ? [v.reasons] : [], ...(v.note ? { note: v.note } : {}) })}
      />,
    );
  }
  if (complaint.status === 'accepted' && handles)
    forms.push(
      <StepForm
        key="dialogue"
        id={`doi-thoai-${complaint.code}`}
        title={t('staff.complaints.dialogue')}
        path={`${path}/dialogue`}
        submitLabel={t('staff.complaints.save')}
        onDone={onDone}
        fields={[
          { name: 'heldAt', label: t('staff.complaints.heldAt'), kind: 'datetime', required: true },
          {
            name: 'participants',
            label: t('staff.complaints.participants'),
            kind: 'textarea',
            required: true,
          },
          { name: 'minutes', label: t('staff.complaints.minutes'), kind: 'textarea', required: true },
        ]}
        toBody={(v) => ({
          ...v,
          heldAt: v.heldAt ? vietnamInstant(v.heldAt.slice(0, 10), v.heldAt.slice(11, 16)) : '',
        })}
      />,
    );
  if (complaint.status === 'accepted' && decides)
    forms.push(
      <StepForm
        key="decision"
        id={`quyet-dinh-${complaint.code}`}
        title={t('staff.complaints.decide')}
        path={`${path}/decision`}
        submitLabel={t('staff.complaints.decideSubmit')}
        onDone={onDone}
        fields={[
          { name: 'number', label: t('staff.complaints.decisionNumber'), required: true },
          { name: 'summary', label: t('staff.complaints.decisionSummary'), kind: 'textarea', required: true },
          {
            name: 'verificationDiffers',
            label: t('staff.complaints.verificationDiffers'),
            kind: 'select',
            options: [
              { value: 'yes', label: t('staff.complaints.yes') },
              { value: 'no', label: t('staff.complaints.no') },
            ],
          },
        ]}
        toBody={(v) => ({
          number: v.number,
          summary: v.summary,
          verificationDiffers: v.verificationDiffers === 'yes',
        })}
      />,
    );
  if (complaint.status === 'decided' && handles)
    forms.push(
      <StepForm
        key="sent"
        id={`gui-${complaint.code}`}
        title={t('staff.complaints.send')}
        path={`${path}/sent`}
        submitLabel={t('staff.complaints.sendSubmit')}
        onDone={onDone}
        fields={[]}
        toBody={() => ({})}
      />,
    );
  return <Stack gap="lg">{forms}</Stack>;
}

function ComplaintDetail({ code, onChanged }: { code: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const detail = useApiData<Complaint>(complaintPath(code));
  return (
    <ApiDataView data={detail}>
      {(c) => (
        <Card withBorder padding="lg">
          <Title order={2} size="h3" mb="xs">
            {c.code} · {c.statusLabel}
          </Title>
          <Stack gap={4}>
            <Text>
              {t('staff.complaints.complainant')}: <span lang="vi">{c.complainant.fullName}</span>
              {c.complainant.address ? ` — ${c.complainant.address}` : ''}
              {c.complainant.masked ? ` (${t('staff.complaints.masked')})` : ''}
            </Text>
            <Text>
              {t('staff.complaints.fields.subject')}: {c.subject} — {c.respondent}
            </Text>
            <Text>
              {t('staff.complaints.fields.content')}: {c.content}
            </Text>
            <Text>
              {t('staff.complaints.fields.reasons')}: {c.reasons}
            </Text>
            <Text>
              {t('staff.complaints.fields.requests')}: {c.requests}
            </Text>
            <Text>
              {t('staff.complaints.limitation')}: {formatDate(c.limitationDue)} —{' '}
              {c.timely ? t('staff.complaints.timely') : t('staff.complaints.timeBarred')}
            </Text>
            <Text>
              {t('staff.complaints.acceptanceDue')}: {formatDate(c.acceptanceDue)}
            </Text>
            <Text size="sm" c="gray.7">
              {c.acceptanceBasis}
            </Text>
            {c.resolutionDue && (
              <Text>
                {t('staff.complaints.resolutionDue')}: {formatDate(c.resolutionDue)}
                {c.handlerName ? ` — ${c.handlerName}` : ''}
              </Text>
            )}
            {c.refusal && (
              <Text>
                {t('staff.complaints.refused')}: {c.refusal.reasons.join('; ')}
              </Text>
            )}
            {c.dialogue && (
              <Text>
                {t('staff.complaints.dialogueHeld')}: {formatDateTime(c.dialogue.heldAt)}
              </Text>
            )}
            {c.decision && (
              <Text>
                {t('staff.complaints.decision')}: {c.decision.number} — {t('staff.complaints.sendDue')}{' '}
                {formatDate(c.decision.sendDue)}
              </Text>
            )}
            {c.appealDue && (
              <Text>
                {t('staff.complaints.appealDue')}: {formatDate(c.appealDue)}
              </Text>
            )}
            {can(me, 'complaints.personal.read') && (
              <Anchor href={`${complaintPath(c.code)}/form.pdf`} target="_blank" underline="always">
                {t('staff.complaints.form')}
              </Anchor>
            )}
          </Stack>
          <ComplaintActions
            complaint={c}
            onDone={() => {
              detail.reload();
              onChanged();
            }}
          />
        </Card>
      )}
    </ApiDataView>
  );
}

/** `/staff/khieu-nai`: the register of complaints by deadline, recording, and each step of the law. */
export function ComplaintsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [view, setView] = useRegisterView();
  const [selected, setSelected] = useState<string | null>(null);
  const [recording, setRecording] = useState(false);
  const register = useApiData<Register<ComplaintSummary>>(`${COMPLAINTS_PATH}?${registerQuery(view)}`);
  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{t('staff.pages.complaints.title')}</PageTitle>
        <Text>{t('staff.complaints.intro')}</Text>
      </div>
      <Group>
        <RegisterViewControl view={view} onChange={setView} />
        {can(me, 'complaints.record') && (
          <Button variant="outline" aria-expanded={recording} onClick={() => setRecording(!recording)}>
            {t('staff.complaints.record')}
          </Button>
        )}
      </Group>
      {recording && (
        <Card withBorder padding="lg">
          <RecordComplaint
            onDone={() => {
              setRecording(false);
              register.reload();
            }}
          />
        </Card>
      )}
      <ApiDataView data={register}>
        {(loaded) => (
          <RegisterTable
            caption={t('staff.pages.complaints.title')}
            register={loaded}
            view={view}
            columns={[
              { header: t('staff.complaints.complainant'), cell: (c) => c.complainant, lang: 'vi' },
              { header: t('staff.complaints.fields.subject'), cell: (c) => c.subject },
            ]}
            onOpen={setSelected}
          />
        )}
      </ApiDataView>
      {selected && <ComplaintDetail key={selected} code={selected} onChanged={register.reload} />}
    </Stack>
  );
}
