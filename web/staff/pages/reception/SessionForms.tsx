import { Button, Group, NativeSelect, NumberInput, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../shared/ErrorSummary';
import { useSubmission, validationError } from '../../../shared/forms';
import { parseDayInput } from '../../../shared/parse';
import { useApiData } from '../../../shared/useApiData';
import { useIdempotentPost } from '../../dossiers/idempotency';
import { SESSIONS_PATH, sessionPath } from './receptionApi';

/** The feedback register's categories, as its Open311 services list names them. */
const CATEGORIES_PATH = '/open311/v2/services.json';

/** Weeks ahead the weekly scheduling covers. */
const WEEKLY_WEEKS = 4;

/** Schedules a session (a Friday, a working day), or one every Friday of the coming weeks. */
export function NewSessionForm({ defaultDay, onDone }: { defaultDay: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [day, setDay] = useState(defaultDay);
  const [place, setPlace] = useState('');
  const [chairedBy, setChairedBy] = useState('');
  const { submitting, error, setError, run, fieldError } = useSubmission();
  const { post, reset } = useIdempotentPost();
  const ids = { heldOn: 'buoi-ngay', place: 'buoi-dia-diem', chairedBy: 'buoi-chu-tri' };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const heldOn = parseDayInput(day);
    if (!heldOn)
      return setError(validationError(t('common.checkFields'), { heldOn: t('staff.listening.dayInvalid') }));
    void run(async () => {
      await post(SESSIONS_PATH, { heldOn, place, chairedBy });
      reset();
      onDone();
    });
  };
  /** Every working Friday of the coming weeks that has no session yet. */
  const scheduleWeekly = () =>
    void run(async () => {
      await post(`${SESSIONS_PATH}/weekly`, { weeks: WEEKLY_WEEKS, place, chairedBy });
      reset();
      onDone();
    });
  return (
    <form onSubmit={submit} noValidate aria-labelledby="buoi-moi">
      <Title order={2} id="buoi-moi" mb="sm">
        {t('staff.listening.sessions.formTitle')}
      </Title>
      <ErrorSummary error={error} fieldIds={ids} />
      <Stack gap="md" maw={720}>
        <TextInput
          id={ids.heldOn}
          label={t('staff.listening.day')}
          description={t('common.dayHint')}
          inputMode="numeric"
          value={day}
          onChange={(e) => setDay(e.currentTarget.value)}
          error={fieldError('heldOn')}
          w={200}
        />
        <TextInput
          id={ids.place}
          label={t('staff.listening.schedule.place')}
          value={place}
          onChange={(e) => setPlace(e.currentTarget.value)}
          error={fieldError('place')}
        />
        <TextInput
          id={ids.chairedBy}
          label={t('staff.listening.sessions.chairedBy')}
          value={chairedBy}
          onChange={(e) => setChairedBy(e.currentTarget.value)}
          error={fieldError('chairedBy')}
        />
        <Group>
          <Button type="submit" loading={submitting}>
            {t('staff.listening.sessions.schedule')}
          </Button>
          <Button variant="outline" loading={submitting} onClick={scheduleWeekly}>
            {t('staff.listening.sessions.scheduleWeekly', { count: WEEKLY_WEEKS })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Records who attended a session held. */
export function AttendanceForm({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [names, setNames] = useState('');
  const [count, setCount] = useState<number | string>('');
  const { submitting, error, run, fieldError } = useSubmission();
  const { post, reset } = useIdempotentPost();
  const ids = { attendees: `du-${id}`, attendeeCount: `so-du-${id}` };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const attendees = names
      .split(/[,;\n]/)
      .map((n) => n.trim())
      .filter(Boolean);
    void run(async () => {
      await post(`${sessionPath(id)}/attendance`, {
        attendees,
        attendeeCount: Number(count) || attendees.length,
      });
      reset();
      onDone();
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary error={error} fieldIds={ids} />
      <Group align="flex-end">
        <TextInput
          id={ids.attendees}
          label={t('staff.listening.sessions.attendees')}
          description={t('staff.listening.log.representativesHint')}
          value={names}
          onChange={(e) => setNames(e.currentTarget.value)}
          error={fieldError('attendees')}
        />
        <NumberInput
          id={ids.attendeeCount}
          label={t('staff.listening.sessions.attendeeCount')}
          min={1}
          value={count}
          onChange={setCount}
          error={fieldError('attendeeCount')}
          w={160}
        />
        <Button type="submit" loading={submitting}>
          {t('staff.listening.sessions.saveAttendance')}
        </Button>
      </Group>
    </form>
  );
}

/** Records a matter raised at a session: it becomes a feedback item with its deadline. */
export function SessionItemForm({ id, onDone }: { id: string; onDone: (code: string) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState('phan_anh');
  const [category, setCategory] = useState('khac');
  const categories = useApiData<{ service_code: string; service_name: string }[]>(CATEGORIES_PATH);
  const [text, setText] = useState('');
  const [raisedBy, setRaisedBy] = useState('');
  const { submitting, error, run, fieldError } = useSubmission();
  const { post, reset } = useIdempotentPost();
  const ids = { raisedBy: `neu-${id}`, text: `y-kien-${id}`, kind: `loai-${id}`, category: `linh-vuc-${id}` };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const filed = await post<{ code: string }>(`${sessionPath(id)}/items`, {
        kind,
        category,
        text,
        raisedBy,
      });
      reset();
      setText('');
      setRaisedBy('');
      onDone(filed.code);
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary error={error} fieldIds={ids} />
      <Stack gap="sm" maw={720}>
        <Group grow>
          <NativeSelect
            id={ids.kind}
            label={t('staff.listening.sessions.kind')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value)}
            data={[
              { value: 'phan_anh', label: t('staff.listening.log.classifications.feedback') },
              { value: 'kien_nghi', label: t('staff.listening.log.classifications.petition') },
            ]}
          />
          <NativeSelect
            id={ids.category}
            label={t('staff.listening.sessions.category')}
            value={category}
            onChange={(e) => setCategory(e.currentTarget.value)}
            data={(categories.data ?? []).map((c) => ({ value: c.service_code, label: c.service_name }))}
          />
        </Group>
        <TextInput
          id={ids.raisedBy}
          label={t('staff.listening.sessions.raisedBy')}
          value={raisedBy}
          onChange={(e) => setRaisedBy(e.currentTarget.value)}
          error={fieldError('raisedBy')}
        />
        <Textarea
          id={ids.text}
          label={t('staff.listening.sessions.text')}
          autosize
          minRows={2}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={fieldError('text')}
        />
        <Button type="submit" loading={submitting} w="fit-content">
          {t('staff.listening.sessions.addItem')}
        </Button>
      </Stack>
    </form>
  );
}
