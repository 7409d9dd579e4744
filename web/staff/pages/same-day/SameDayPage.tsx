import { Button, Checkbox, Group, List, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../shared/ErrorSummary';
import { formatDate } from '../../../shared/format';
import { useSubmission, validationError } from '../../../shared/forms';
import { parseDayInput } from '../../../shared/parse';
import { useApiData } from '../../../shared/useApiData';
import { useMe } from '../../auth/session';
import { ApiDataView } from '../../components/ApiDataView';
import { PageTitle } from '../../components/PageTitle';
import { proceduresPath, type ProcedureSummary } from '../../dossiers/dossierApi';
import { useIdempotentPost } from '../../dossiers/idempotency';

interface Decision {
  weekday: number;
  weekdayName: string;
  procedures: { code: string; name: string }[];
  effectiveFrom: string;
  decision: string | null;
}

/** `GET /api/v1/wards/<ward>/same-day` */
interface SameDay {
  basis: string;
  today: string;
  current: Decision | null;
  upcoming: Decision[];
}

const WEEKDAYS = [1, 2, 3, 4, 5] as const;
const FIELDS = {
  weekday: 'ngay-trong-tuan',
  procedureCodes: 'thu-tuc-trong-ngay',
  effectiveFrom: 'ap-dung-tu',
  decision: 'quyet-dinh',
};

function DecisionText({ decision }: { decision: Decision }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text>
        {t('staff.sameDay.decisionLine', {
          weekday: t(`staff.sameDay.weekdays.${decision.weekday}`),
          from: formatDate(decision.effectiveFrom),
        })}
        {decision.decision && ` (${decision.decision})`}
      </Text>
      {decision.procedures.length === 0 ? (
        <Text>{t('staff.sameDay.suspended')}</Text>
      ) : (
        <List>
          {decision.procedures.map((procedure) => (
            <List.Item key={procedure.code} lang="vi">
              {procedure.name} ({procedure.code})
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

function DecisionForm({
  path,
  procedures,
  current,
  onSaved,
}: {
  path: string;
  procedures: ProcedureSummary[];
  current: Decision | null;
  onSaved: (view: SameDay) => void;
}) {
  const { t } = useTranslation();
  const [weekday, setWeekday] = useState(String(current?.weekday ?? 3));
  const [codes, setCodes] = useState<string[]>(current?.procedures.map((p) => p.code) ?? []);
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [decision, setDecision] = useState('');
  const { submitting, error, setError, run, fieldError } = useSubmission();
  const { post, reset } = useIdempotentPost();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const from = parseDayInput(effectiveFrom);
    if (!from) {
      const problems = { effectiveFrom: t('staff.sameDay.dayInvalid') };
      return setError(validationError(t('common.checkFields'), problems));
    }
    void run(async () => {
      const body = { weekday: Number(weekday), procedureCodes: codes, effectiveFrom: from, decision };
      onSaved(await post<SameDay>(path, body));
      reset();
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="quyet-dinh-moi">
      <Title order={2} id="quyet-dinh-moi" mb="sm">
        {t('staff.sameDay.formTitle')}
      </Title>
      <ErrorSummary error={error} fieldIds={FIELDS} />
      <Stack gap="md" maw={720}>
        <NativeSelect
          id={FIELDS.weekday}
          label={t('staff.sameDay.weekday')}
          value={weekday}
          onChange={(event) => setWeekday(event.currentTarget.value)}
          error={fieldError('weekday')}
          data={WEEKDAYS.map((day) => ({ value: String(day), label: t(`staff.sameDay.weekdays.${day}`) }))}
          w={{ base: '100%', xs: 220 }}
        />
        <Checkbox.Group
          id={FIELDS.procedureCodes}
          label={t('staff.sameDay.procedures')}
          description={t('staff.sameDay.proceduresHint')}
          value={codes}
          onChange={setCodes}
          error={fieldError('procedureCodes')}
        >
          <Stack gap="xs" mt="xs">
            {procedures.map((procedure) => (
              <Checkbox
                key={procedure.code}
                value={procedure.code}
                label={<span lang="vi">{`${procedure.name} (${procedure.code})`}</span>}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <TextInput
          id={FIELDS.effectiveFrom}
          label={t('staff.sameDay.effectiveFrom')}
          description={t('common.dayHint')}
          inputMode="numeric"
          value={effectiveFrom}
          onChange={(event) => setEffectiveFrom(event.currentTarget.value)}
          error={fieldError('effectiveFrom')}
          required
          w={{ base: '100%', xs: 220 }}
        />
        <TextInput
          id={FIELDS.decision}
          label={t('staff.sameDay.decision')}
          description={t('staff.sameDay.decisionHint')}
          value={decision}
          onChange={(event) => setDecision(event.currentTarget.value)}
          error={fieldError('decision')}
        />
        <Group>
          <Button type="submit" loading={submitting}>
            {t('staff.sameDay.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** `/staff/ngay-khong-hen`: the ward administrator sets the "không hẹn, không chờ" day (seed III.6). */
export function SameDayPage() {
  const { t } = useTranslation();
  const me = useMe();
  const ward = me.ward?.code ?? '';
  const path = `/api/v1/wards/${ward}/same-day`;
  const view = useApiData<SameDay>(ward ? path : null);
  const procedures = useApiData<{ items: ProcedureSummary[] }>(proceduresPath(ward || undefined));
  const [saved, setSaved] = useState<SameDay | null>(null);
  return (
    <Stack gap="xl">
      <div>
        <PageTitle>{t('staff.pages.sameDay.title')}</PageTitle>
        <Text>{t('staff.sameDay.intro')}</Text>
      </div>
      <Text role="status" fw={700}>
        {saved ? t('staff.sameDay.saved') : ''}
      </Text>
      <ApiDataView data={view}>
        {(loaded) => {
          const shown = saved ?? loaded;
          return (
            <Stack gap="xl">
              <section aria-labelledby="dang-ap-dung">
                <Title order={2} id="dang-ap-dung" mb="sm">
                  {t('staff.sameDay.current')}
                </Title>
                {shown.current ? (
                  <DecisionText decision={shown.current} />
                ) : (
                  <Text>{t('staff.sameDay.none')}</Text>
                )}
              </section>
              {shown.upcoming.length > 0 && (
                <section aria-labelledby="sap-ap-dung">
                  <Title order={2} id="sap-ap-dung" mb="sm">
                    {t('staff.sameDay.upcoming')}
                  </Title>
                  {shown.upcoming.map((decision) => (
                    <DecisionText key={decision.effectiveFrom} decision={decision} />
                  ))}
                </section>
              )}
              <Text size="sm">{shown.basis}</Text>
              <ApiDataView data={procedures}>
                {({ items }) => (
                  <DecisionForm path={path} procedures={items} current={loaded.current} onSaved={setSaved} />
                )}
              </ApiDataView>
            </Stack>
          );
        }}
      </ApiDataView>
    </Stack>
  );
}
