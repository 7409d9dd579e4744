import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../shared/ErrorSummary';
import { formatDate } from '../../../shared/format';
import { useSubmission, validationError } from '../../../shared/forms';
import { parseDayInput, parseTimeInput } from '../../../shared/parse';
import { useApiData } from '../../../shared/useApiData';
import { useIdempotentPost } from '../../dossiers/idempotency';
import { homeVisitPath, type HomeVisit } from './homeVisitApi';

interface StaffMember {
  id: string;
  fullName: string;
  role: string;
}

/** Dates, times and the officer sent to the home; `visit.visit` pre-fills a new appointment. */
export function ScheduleForm({
  visit,
  wardCode,
  onDone,
}: {
  visit: HomeVisit;
  wardCode: string;
  onDone: (visit: HomeVisit) => void;
}) {
  const { t } = useTranslation();
  const ids = {
    day: `lich-ngay-${visit.id}`,
    from: `lich-tu-${visit.id}`,
    to: `lich-den-${visit.id}`,
    officerId: `lich-can-bo-${visit.id}`,
  };
  const staff = useApiData<{ staff: StaffMember[] }>(`/api/v1/wards/${wardCode}/staff`);
  const officers = (staff.data?.staff ?? []).filter((member) => member.role === 'counter_officer');
  const [values, setValues] = useState({
    day: visit.visit ? formatDate(visit.visit.day) : '',
    from: visit.visit?.from ?? '',
    to: visit.visit?.to ?? '',
    officerId: visit.visit?.officerId ?? '',
  });
  const { submitting, error, setError, run, fieldError } = useSubmission();
  const { post } = useIdempotentPost();
  const set = (name: keyof typeof values) => (event: { currentTarget: { value: string } }) => {
    const { value } = event.currentTarget;
    setValues((current) => ({ ...current, [name]: value }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const day = parseDayInput(values.day);
    const from = parseTimeInput(values.from);
    const to = parseTimeInput(values.to);
    const problems: Record<string, string> = {};
    if (!day) problems.day = t('staff.homeVisits.dayInvalid');
    if (!from) problems.from = t('staff.homeVisits.timeInvalid');
    if (!to) problems.to = t('staff.homeVisits.timeInvalid');
    if (!values.officerId) problems.officerId = t('staff.homeVisits.officerMissing');
    if (!day || !from || !to || Object.keys(problems).length > 0)
      return setError(validationError(t('common.checkFields'), problems));
    void run(async () => {
      const body = { day, from, to, officerId: values.officerId };
      onDone(await post<HomeVisit>(`${homeVisitPath(visit.id)}/schedule`, body));
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('staff.homeVisits.scheduleFor', { code: visit.code })}>
      <ErrorSummary error={error} fieldIds={ids} />
      <Stack gap="sm">
        <Group align="flex-start" gap="md">
          <TextInput
            id={ids.day}
            label={t('staff.homeVisits.day')}
            description={t('common.dayHint')}
            inputMode="numeric"
            value={values.day}
            onChange={set('day')}
            error={fieldError('day')}
            required
            w={{ base: '100%', xs: 200 }}
          />
          <TextInput
            id={ids.from}
            label={t('staff.homeVisits.from')}
            description={t('common.timeHint')}
            inputMode="numeric"
            value={values.from}
            onChange={set('from')}
            error={fieldError('from')}
            required
            w={{ base: '100%', xs: 200 }}
          />
          <TextInput
            id={ids.to}
            label={t('staff.homeVisits.to')}
            description={t('common.timeHint')}
            inputMode="numeric"
            value={values.to}
            onChange={set('to')}
            error={fieldError('to')}
            required
            w={{ base: '100%', xs: 200 }}
          />
        </Group>
        <NativeSelect
          id={ids.officerId}
          label={t('staff.homeVisits.officer')}
          value={values.officerId}
          onChange={set('officerId')}
          error={fieldError('officerId') ?? staff.error?.message}
          data={[
            { value: '', label: t('staff.homeVisits.chooseOfficer') },
            ...officers.map((officer) => ({ value: officer.id, label: officer.fullName })),
          ]}
          required
          w={{ base: '100%', xs: 320 }}
        />
        <Group>
          <Button type="submit" loading={submitting}>
            {t('staff.homeVisits.saveSchedule')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
