import { Alert, Button, Checkbox, Group, List, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../shared/ErrorSummary';
import { formatDate } from '../../../shared/format';
import { useSubmission, validationError } from '../../../shared/forms';
import { parseDayInput } from '../../../shared/parse';
import { api } from '../../../shared/api';
import { useApiData } from '../../../shared/useApiData';
import { can, useMe } from '../../auth/session';
import { ApiDataView } from '../../components/ApiDataView';
import { PageTitle } from '../../components/PageTitle';
import { newIdempotencyKey, useIdempotentPost } from '../../dossiers/idempotency';
import { EXTRA_DAYS_PATH, SCHEDULE_PATH, type ScheduleOutlook } from './receptionApi';

const WEEKDAYS = ['1', '2', '3', '4', '5'];

function ScheduleForm({
  outlook,
  onSaved,
}: {
  outlook: ScheduleOutlook;
  onSaved: (o: ScheduleOutlook) => void;
}) {
  const { t } = useTranslation();
  const s = outlook.schedule;
  const [weekdays, setWeekdays] = useState<string[]>(s?.weekdays.map(String) ?? ['4']);
  const [startsAt, setStartsAt] = useState(s?.startsAt ?? '07:30');
  const [endsAt, setEndsAt] = useState(s?.endsAt ?? '11:30');
  const [place, setPlace] = useState(s?.place ?? '');
  const [rulesText, setRulesText] = useState(s?.rulesText ?? '');
  const { submitting, error, run, fieldError } = useSubmission();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const body = { weekdays: weekdays.map(Number), startsAt, endsAt, place, rulesText };
      onSaved(
        await api.put<ScheduleOutlook>(SCHEDULE_PATH, body, {
          headers: { 'Idempotency-Key': newIdempotencyKey() },
        }),
      );
    });
  };
  const ids = {
    weekdays: 'lich-thu',
    startsAt: 'lich-bat-dau',
    endsAt: 'lich-ket-thuc',
    place: 'lich-dia-diem',
    rulesText: 'lich-noi-quy',
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="dat-lich">
      <Title order={2} id="dat-lich" mb="sm">
        {t('staff.listening.schedule.formTitle')}
      </Title>
      <ErrorSummary error={error} fieldIds={ids} />
      <Stack gap="md" maw={720}>
        <Checkbox.Group
          id={ids.weekdays}
          label={t('staff.listening.schedule.weekdays')}
          value={weekdays}
          onChange={setWeekdays}
          error={fieldError('weekdays')}
        >
          <Group mt="xs">
            {WEEKDAYS.map((d) => (
              <Checkbox key={d} value={d} label={t(`staff.sameDay.weekdays.${d}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Group>
          <TextInput
            id={ids.startsAt}
            label={t('staff.listening.schedule.startsAt')}
            value={startsAt}
            onChange={(e) => setStartsAt(e.currentTarget.value)}
            error={fieldError('startsAt')}
            w={140}
          />
          <TextInput
            id={ids.endsAt}
            label={t('staff.listening.schedule.endsAt')}
            value={endsAt}
            onChange={(e) => setEndsAt(e.currentTarget.value)}
            error={fieldError('endsAt')}
            w={140}
          />
        </Group>
        <TextInput
          id={ids.place}
          label={t('staff.listening.schedule.place')}
          value={place}
          onChange={(e) => setPlace(e.currentTarget.value)}
          error={fieldError('place')}
        />
        <Textarea
          id={ids.rulesText}
          label={t('staff.listening.schedule.rules')}
          autosize
          minRows={4}
          value={rulesText}
          onChange={(e) => setRulesText(e.currentTarget.value)}
          error={fieldError('rulesText')}
        />
        <Group>
          <Button type="submit" loading={submitting}>
            {t('staff.listening.schedule.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ExtraDayForm({ onSaved }: { onSaved: (o: ScheduleOutlook) => void }) {
  const { t } = useTranslation();
  const [day, setDay] = useState('');
  const [note, setNote] = useState('');
  const { submitting, error, setError, run, fieldError } = useSubmission();
  const { post, reset } = useIdempotentPost();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const date = parseDayInput(day);
    if (!date)
      return setError(validationError(t('common.checkFields'), { date: t('staff.listening.dayInvalid') }));
    void run(async () => {
      onSaved(await post<ScheduleOutlook>(EXTRA_DAYS_PATH, { date, note }));
      reset();
      setDay('');
      setNote('');
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="them-ngay">
      <Title order={2} id="them-ngay" mb="sm">
        {t('staff.listening.schedule.extraTitle')}
      </Title>
      <ErrorSummary error={error} fieldIds={{ date: 'ngay-them', note: 'ly-do-them' }} />
      <Group align="flex-end">
        <TextInput
          id="ngay-them"
          label={t('staff.listening.day')}
          description={t('common.dayHint')}
          inputMode="numeric"
          value={day}
          onChange={(e) => setDay(e.currentTarget.value)}
          error={fieldError('date')}
          w={200}
        />
        <TextInput
          id="ly-do-them"
          label={t('staff.listening.schedule.extraNote')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={fieldError('note')}
        />
        <Button type="submit" loading={submitting}>
          {t('staff.listening.schedule.addDay')}
        </Button>
      </Group>
    </form>
  );
}

/** `/staff/lich-tiep-cong-dan`: the chairman's reception schedule, its coming days and the weeks left without one. */
export function ReceptionSchedulePage() {
  const { t } = useTranslation();
  const me = useMe();
  const data = useApiData<ScheduleOutlook>(SCHEDULE_PATH);
  const [saved, setSaved] = useState<ScheduleOutlook | null>(null);
  const editable = can(me, 'reception.schedule.edit');
  return (
    <Stack gap="xl">
      <PageTitle>{t('staff.pages.receptionSchedule.title')}</PageTitle>
      <Text role="status" fw={700}>
        {saved ? t('staff.listening.saved') : ''}
      </Text>
      <ApiDataView data={data}>
        {(loaded) => {
          const shown = saved ?? loaded;
          return (
            <Stack gap="xl">
              {shown.warnings.length > 0 && (
                <Alert
                  color="red"
                  title={t('staff.listening.schedule.warningTitle', { count: shown.warnings.length })}
                >
                  <List>
                    {shown.warnings.map((w) => (
                      <List.Item key={w.weekStart} lang="vi">
                        {w.message}
                      </List.Item>
                    ))}
                  </List>
                </Alert>
              )}
              <section aria-labelledby="ngay-tiep">
                <Title order={2} id="ngay-tiep" mb="sm">
                  {t('staff.listening.schedule.days')}
                </Title>
                {shown.schedule ? (
                  <Text lang="vi">
                    {t('staff.listening.schedule.summary', {
                      place: shown.schedule.place,
                      from: shown.schedule.startsAt,
                      to: shown.schedule.endsAt,
                    })}
                  </Text>
                ) : (
                  <Text>{t('staff.listening.schedule.none')}</Text>
                )}
                <List>
                  {shown.days.map((d) => (
                    <List.Item key={d.date} lang="vi">
                      {d.weekdayName}, {formatDate(d.date)}
                      {d.note && ` (${d.note})`}
                    </List.Item>
                  ))}
                  {shown.skipped.map((d) => (
                    <List.Item key={d.date} lang="vi">
                      {t('staff.listening.schedule.skipped', {
                        day: `${d.weekdayName}, ${formatDate(d.date)}`,
                        reason: d.reason,
                      })}
                    </List.Item>
                  ))}
                </List>
                <Text size="sm" mt="sm" lang="vi">
                  {shown.basis}
                </Text>
              </section>
              {editable && <ScheduleForm outlook={shown} onSaved={setSaved} />}
              {editable && <ExtraDayForm onSaved={setSaved} />}
            </Stack>
          );
        }}
      </ApiDataView>
    </Stack>
  );
}
