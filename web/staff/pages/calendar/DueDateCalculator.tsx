import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { ErrorSummary } from '../../../shared/ErrorSummary';
import {
  formatDate,
  formatDateTime,
  formatDayOrDateTime,
  todayInVietnam,
  vietnamInstant,
} from '../../../shared/format';
import { useSubmission, validationError } from '../../../shared/forms';
import { parseDayInput, parseTimeInput } from '../../../shared/parse';
import { dueDatePath, type DueDate } from './calendarApi';

const FIELDS = {
  receivedDay: 'ngay-tiep-nhan',
  receivedTime: 'gio-tiep-nhan',
  workingDays: 'so-ngay-lam-viec',
};
const MAX_WORKING_DAYS = 3650;

/** Due date of an application received at a given moment, N working days later. */
export function DueDateCalculator() {
  const { t } = useTranslation();
  const [receivedDay, setReceivedDay] = useState(() => formatDate(todayInVietnam()));
  const [receivedTime, setReceivedTime] = useState('08:00');
  const [workingDays, setWorkingDays] = useState('5');
  const [result, setResult] = useState<DueDate | null>(null);
  const { submitting, error, setError, run, fieldError } = useSubmission();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const day = parseDayInput(receivedDay);
    const time = parseTimeInput(receivedTime);
    const days = workingDays.trim() === '' ? Number.NaN : Number(workingDays);
    const problems: Record<string, string> = {};
    if (!day) problems.receivedDay = t('staff.dueDate.dayInvalid');
    if (!time) problems.receivedTime = t('staff.dueDate.timeInvalid');
    if (!Number.isInteger(days) || days < 0 || days > MAX_WORKING_DAYS) {
      problems.workingDays = t('staff.dueDate.daysInvalid', { max: MAX_WORKING_DAYS });
    }
    if (!day || !time || Object.keys(problems).length > 0) {
      return setError(validationError(t('common.checkFields'), problems));
    }
    void run(async () => {
      setResult(null);
      setResult(await api.get<DueDate>(dueDatePath(vietnamInstant(day, time), days)));
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary error={error} fieldIds={FIELDS} />
      <Stack gap="md">
        <Group align="flex-start" gap="md">
          <TextInput
            id={FIELDS.receivedDay}
            label={t('staff.dueDate.receivedDay')}
            description={t('common.dayHint')}
            inputMode="numeric"
            w={180}
            value={receivedDay}
            onChange={(event) => setReceivedDay(event.currentTarget.value)}
            error={fieldError('receivedDay') ?? fieldError('receivedAt')}
            required
          />
          <TextInput
            id={FIELDS.receivedTime}
            label={t('staff.dueDate.receivedTime')}
            description={t('common.timeHint')}
            w={180}
            value={receivedTime}
            onChange={(event) => setReceivedTime(event.currentTarget.value)}
            error={fieldError('receivedTime')}
            required
          />
          <TextInput
            id={FIELDS.workingDays}
            inputMode="numeric"
            label={t('staff.dueDate.workingDays')}
            description={t('staff.dueDate.workingDaysHint', { max: MAX_WORKING_DAYS })}
            value={workingDays}
            onChange={(event) => setWorkingDays(event.currentTarget.value)}
            error={fieldError('workingDays')}
            required
            w={180}
          />
        </Group>
        <Group>
          <Button type="submit" loading={submitting}>
            {t('staff.dueDate.submit')}
          </Button>
        </Group>
        <div role="status">
          {result && (
            <dl className="details-list">
              <dt>{t('staff.dueDate.receivedAt')}</dt>
              <dd>{formatDateTime(result.receivedAt)}</dd>
              <dt>{t('staff.dueDate.receiptDay')}</dt>
              <dd>{formatDate(result.receiptDay)}</dd>
              <dt>{t('staff.dueDate.dueDate')}</dt>
              <dd>
                <strong>{formatDayOrDateTime(result.dueDate)}</strong>
              </dd>
              <dt>{t('staff.dueDate.basis')}</dt>
              <dd>{result.basis}</dd>
            </dl>
          )}
        </div>
      </Stack>
    </form>
  );
}
