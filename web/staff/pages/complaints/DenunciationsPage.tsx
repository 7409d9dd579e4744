import { Anchor, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format';
import { useApiData } from '../../../shared/useApiData';
import { can, useMe } from '../../auth/session';
import { ApiDataView } from '../../components/ApiDataView';
import { PageTitle } from '../../components/PageTitle';
import { SealedIdentity } from '../../components/SealedIdentity';
import {
  DENUNCIATIONS_PATH,
  denunciationPath,
  NOT_ACCEPTED_REASONS,
  type Denunciation,
  type DenunciationSummary,
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

function Actions({ d, onDone }: { d: Denunciation; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const path = denunciationPath(d.code);
  const step = (name: string, fields: StepField[], toBody: (v: Record<string, string>) => unknown) => (
    <StepForm
      key={name}
      id={`${name}-${d.code}`}
      title={t(`staff.denunciations.steps.${name}`)}
      path={`${path}/${name}`}
      submitLabel={t('staff.complaints.save')}
      onDone={onDone}
      fields={fields}
      toBody={toBody}
    />
  );
  const reason: StepField = {
    name: 'reason',
    label: t('staff.denunciations.reason'),
    kind: 'textarea',
    required: true,
  };
  const forms = [];
  const open = d.status === 'received' || d.status === 'accepted';
  if (open && can(me, 'denunciations.assign'))
    forms.push(
      step(
        'assign',
        [{ name: 'handlerId', label: t('staff.complaints.handler'), kind: 'officer', required: true }],
        (v) => v,
      ),
    );
  if (d.identity.mayOpen && d.status === 'received') {
    if (!d.initialExtended) forms.push(step('extend-initial', [reason], (v) => v));
    forms.push(
      step(
        'accept',
        [
          {
            name: 'complexity',
            label: t('staff.denunciations.complexity'),
            kind: 'select',
            options: ['normal', 'complex', 'very_complex'].map((c) => ({
              value: c,
              label: t(`staff.denunciations.complexities.${c}`),
            })),
          },
        ],
        (v) => ({ complexity: v.complexity || 'normal' }),
      ),
      step('forward', [{ name: 'to', label: t('staff.denunciations.forwardTo'), required: true }], (v) => v),
      step(
        'not-accept',
        [
          {
            name: 'reason',
            label: t('staff.denunciations.reason'),
            kind: 'select',
            required: true,
            options: NOT_ACCEPTED_REASONS.map((r) => ({
              value: r,
              label: t(`staff.denunciations.notAccepted.${r}`),
            })),
          },
        ],
        (v) => v,
      ),
    );
  }
  if (d.identity.mayOpen && d.status === 'accepted')
    forms.push(
      step(
        'extend',
        [{ name: 'days', label: t('staff.denunciations.days'), kind: 'number', required: true }, reason],
        (v) => ({ days: Number(v.days), reason: v.reason }),
      ),
      step(
        'conclude',
        [
          {
            name: 'conclusion',
            label: t('staff.denunciations.conclusion'),
            kind: 'textarea',
            required: true,
          },
        ],
        (v) => v,
      ),
    );
  return <Stack gap="lg">{forms}</Stack>;
}

function Detail({ code, onChanged }: { code: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const detail = useApiData<Denunciation>(denunciationPath(code));
  return (
    <ApiDataView data={detail}>
      {(d) => (
        <Card withBorder padding="lg">
          <Title order={2} size="h3" mb="xs">
            {d.code} · {d.statusLabel}
          </Title>
          <Stack gap={4} mb="md">
            <SealedIdentity path={`${denunciationPath(d.code)}/identity`} mayOpen={d.identity.mayOpen} />
            <Text>
              {t('staff.denunciations.accused')}: {d.accused}
            </Text>
            <Text>
              {t('staff.denunciations.content')}: {d.content}
            </Text>
            <Text>
              {t('staff.denunciations.initialDue')}: {formatDate(d.initialDue)} ·{' '}
              {t('staff.denunciations.forwardDue')}: {formatDate(d.forwardDue)}
            </Text>
            <Text size="sm" c="gray.7">
              {d.initialBasis}
            </Text>
            {d.resolutionDue && (
              <Text>
                {t('staff.complaints.resolutionDue')}: {formatDate(d.resolutionDue)} ({d.complexityLabel})
              </Text>
            )}
            {d.extensions.map((e, i) => (
              <Text key={e.at} size="sm">
                {t('staff.denunciations.extension', { n: i + 1, days: e.days, reason: e.reason })}
              </Text>
            ))}
            <Text>
              {t('staff.complaints.handler')}: {d.handlerName ?? t('staff.denunciations.noHandler')}
            </Text>
          </Stack>
          <Actions
            d={d}
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

/** `/staff/to-cao`: the register of denunciations, the denouncer sealed ("Đã niêm phong") but for two people. */
export function DenunciationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [view, setView] = useRegisterView();
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [recording, setRecording] = useState(false);
  const register = useApiData<Register<DenunciationSummary>>(
    `${DENUNCIATIONS_PATH}?${registerQuery(view)}&q=${encodeURIComponent(q)}`,
  );
  const f = (name: string, kind?: StepField['kind'], required = true): StepField => ({
    name,
    kind,
    required,
    label: t(`staff.denunciations.fields.${name}`),
  });
  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{t('staff.pages.denunciations.title')}</PageTitle>
        <Text>{t('staff.denunciations.intro')}</Text>
      </div>
      <Group align="end">
        <RegisterViewControl view={view} onChange={setView} />
        <TextInput
          id="tim-to-cao"
          label={t('staff.denunciations.search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
        {can(me, 'denunciations.record') && (
          <Button variant="outline" aria-expanded={recording} onClick={() => setRecording(!recording)}>
            {t('staff.denunciations.record')}
          </Button>
        )}
        <Anchor
          href={`${DENUNCIATIONS_PATH}/register?from=${new Date().getFullYear()}-01-01&to=${new Date().getFullYear()}-12-31&format=xlsx`}
          underline="always"
        >
          {t('staff.denunciations.export')}
        </Anchor>
      </Group>
      {recording && (
        <Card withBorder padding="lg">
          <StepForm
            id="ghi-to-cao"
            title={t('staff.denunciations.record')}
            path={DENUNCIATIONS_PATH}
            submitLabel={t('staff.complaints.recordSubmit')}
            hint={<Text size="sm">{t('staff.denunciations.anonymousHint')}</Text>}
            onDone={() => {
              setRecording(false);
              register.reload();
            }}
            fields={[
              f('fullName', 'text', false),
              f('address', 'text', false),
              f('phone', 'text', false),
              f('idNumber', 'text', false),
              {
                ...f('channel', 'select'),
                options: ['written', 'in_person'].map((v) => ({
                  value: v,
                  label: t(`staff.complaints.channels.${v}`),
                })),
              },
              f('accused'),
              f('content', 'textarea'),
              {
                ...f('signed', 'select'),
                options: [
                  { value: 'yes', label: t('staff.complaints.yes') },
                  { value: 'no', label: t('staff.complaints.no') },
                ],
              },
            ]}
            toBody={(v) => ({
              ...(v.fullName
                ? {
                    denouncer: {
                      fullName: v.fullName,
                      address: v.address,
                      ...(v.phone ? { phone: v.phone } : {}),
                      ...(v.idNumber ? { idNumber: v.idNumber } : {}),
                    },
                  }
                : { anonymous: true }),
              channel: v.channel,
              accused: v.accused,
              content: v.content,
              signed: v.signed === 'yes',
            })}
          />
        </Card>
      )}
      <ApiDataView data={register}>
        {(loaded) => (
          <RegisterTable
            caption={t('staff.pages.denunciations.title')}
            register={loaded}
            view={view}
            columns={[
              {
                header: t('staff.denunciations.denouncer'),
                cell: () => <span className="status-label">{t('staff.denunciations.sealed')}</span>,
              },
              { header: t('staff.denunciations.accused'), cell: (d) => d.accused },
            ]}
            onOpen={setSelected}
          />
        )}
      </ApiDataView>
      {selected && <Detail key={selected} code={selected} onChanged={register.reload} />}
    </Stack>
  );
}
