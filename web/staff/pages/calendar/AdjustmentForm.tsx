import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { ErrorSummary } from '../../../shared/ErrorSummary';
import { formatDate } from '../../../shared/format';
import { useSubmission, validationError } from '../../../shared/forms';
import { parseDayInput } from '../../../shared/parse';
import { ADJUSTMENTS_PATH, DAY_KINDS, type DayKind } from './calendarApi';

const FIELDS = {
  date: 'dieu-chinh-ngay',
  kind: 'dieu-chinh-loai',
  reason: 'dieu-chinh-ly-do',
  legalBasis: 'dieu-chinh-can-cu',
};
const EMPTY = { date: '', kind: 'day_off' as DayKind, reason: '', legalBasis: '' };

/** Adds a ward-level day off or working day (permission `calendar.adjust`). */
export function AdjustmentForm({ onAdded }: { onAdded: (date: string) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(EMPTY);
  const [added, setAdded] = useState<string | null>(null);
  const { submitting, error, setError, run, fieldError } = useSubmission();

  const set = (name: keyof typeof EMPTY) => (event: { currentTarget: { value: string } }) => {
    const { value } = event.currentTarget;
    setValues((current) => ({ ...current, [name]: value }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAdded(null);
    const date = parseDayInput(values.date);
    const problems: Record<string, string> = {};
    if (!date) problems.date = t('staff.adjustment.dateInvalid');
    if (!values.reason.trim()) problems.reason = t('staff.adjustment.reasonMissing');
    if (!values.legalBasis.trim()) problems.legalBasis = t('staff.adjustment.legalBasisMissing');
    if (!date || Object.keys(problems).length > 0) {
      return setError(validationError(t('common.checkFields'), problems));
    }
    void run(async () => {
      const body = { ...values, date, reason: values.reason.trim(), legalBasis: values.legalBasis.trim() };
      await api.post(ADJUSTMENTS_PATH, body);
      setValues(EMPTY);
      setAdded(body.date);
      onAdded(body.date);
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary error={error} fieldIds={FIELDS} />
      <Stack gap="md" maw={520}>
        <TextInput
          id={FIELDS.date}
          label={t('staff.adjustment.date')}
          description={t('common.dayHint')}
          inputMode="numeric"
          value={values.date}
          onChange={set('date')}
          error={fieldError('date')}
          required
          w={{ base: '100%', xs: 220 }}
        />
        <NativeSelect
          id={FIELDS.kind}
          label={t('staff.adjustment.kind')}
          value={values.kind}
          onChange={set('kind')}
          error={fieldError('kind')}
          data={DAY_KINDS.map((kind) => ({ value: kind, label: t(`staff.calendar.kinds.${kind}`) }))}
          w={{ base: '100%', xs: 260 }}
        />
        <TextInput
          id={FIELDS.reason}
          label={t('staff.adjustment.reason')}
          value={values.reason}
          onChange={set('reason')}
          error={fieldError('reason')}
          required
        />
        <TextInput
          id={FIELDS.legalBasis}
          label={t('staff.adjustment.legalBasis')}
          description={t('staff.adjustment.legalBasisHint')}
          value={values.legalBasis}
          onChange={set('legalBasis')}
          error={fieldError('legalBasis')}
          required
        />
        <Group>
          <Button type="submit" loading={submitting}>
            {t('staff.adjustment.submit')}
          </Button>
        </Group>
        <Text role="status" fw={700}>
          {added ? t('staff.adjustment.added', { date: formatDate(added) }) : ''}
        </Text>
      </Stack>
    </form>
  );
}
