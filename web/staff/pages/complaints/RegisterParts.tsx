import { Button, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../shared/ErrorSummary';
import { formatDate } from '../../../shared/format';
import { useSubmission } from '../../../shared/forms';
import { useApiData } from '../../../shared/useApiData';
import { useMe } from '../../auth/session';
import { UrgencyLabel } from '../../dossiers/UrgencyLabel';
import { useIdempotentPost } from '../../dossiers/idempotency';
import { URGENCY_OF, type CurrentDeadline } from './complaintApi';

/** The deadline a record works against now: its step, the date, and "Quá hạn" / "Sắp đến hạn" / "Trong hạn". */
export function DeadlineCell({ deadline }: { deadline: CurrentDeadline | null }) {
  if (!deadline) return <>—</>;
  return (
    <span>
      {deadline.label}: {formatDate(deadline.dueDate)}{' '}
      <UrgencyLabel urgency={URGENCY_OF[deadline.timeliness]} label={deadline.timelinessLabel} />
    </span>
  );
}

export interface StepField {
  name: string;
  label: string;
  kind?: 'text' | 'textarea' | 'select' | 'number' | 'datetime' | 'officer';
  options?: { value: string; label: string }[];
  required?: boolean;
}

/** The ward's officers who may handle a record (department officers and heads, the leaders). */
function useOfficers(): { value: string; label: string }[] {
  const me = useMe();
  const staff = useApiData<{
    staff: { id: string; fullName: string; role: string; unitName: string | null }[];
  }>(me.ward ? `/api/v1/wards/${me.ward.code}/staff` : null);
  return (staff.data?.staff ?? [])
    .filter((s) => ['department_officer', 'department_head', 'ward_leader'].includes(s.role))
    .map((s) => ({ value: s.id, label: `${s.fullName}${s.unitName ? ` — ${s.unitName}` : ''}` }));
}

/** One step of a record as a small form: its fields, posted with an Idempotency-Key, then `onDone`. */
export function StepForm({
  id,
  title,
  path,
  fields,
  toBody,
  submitLabel,
  onDone,
  hint,
}: {
  id: string;
  title: string;
  path: string;
  fields: StepField[];
  toBody: (values: Record<string, string>) => unknown;
  submitLabel: string;
  onDone: () => void;
  hint?: ReactNode;
}) {
  const { t } = useTranslation();
  const officers = useOfficers();
  const [values, setValues] = useState<Record<string, string>>({});
  const { submitting, error, run, fieldError } = useSubmission();
  const { post, reset } = useIdempotentPost();
  const ids = Object.fromEntries(fields.map((f) => [f.name, `${id}-${f.name}`]));
  const set = (name: string) => (value: string) => setValues((v) => ({ ...v, [name]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await post(path, toBody(values));
      reset();
      setValues({});
      onDone();
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <Stack gap="xs">
        <Text fw={700}>{title}</Text>
        {hint}
        <ErrorSummary error={error} fieldIds={ids} />
        {fields.map((f) => {
          const common = {
            id: ids[f.name],
            label: f.label,
            required: f.required,
            error: fieldError(f.name),
            value: values[f.name] ?? '',
          };
          if (f.kind === 'textarea')
            return (
              <Textarea
                key={f.name}
                {...common}
                autosize
                minRows={2}
                onChange={(e) => set(f.name)(e.currentTarget.value)}
              />
            );
          if (f.kind === 'select' || f.kind === 'officer')
            return (
              <NativeSelect
                key={f.name}
                {...common}
                data={[
                  { value: '', label: t('staff.complaints.choose') },
                  ...(f.kind === 'officer' ? officers : (f.options ?? [])),
                ]}
                onChange={(e) => set(f.name)(e.currentTarget.value)}
              />
            );
          return (
            <TextInput
              key={f.name}
              {...common}
              type={f.kind === 'number' ? 'number' : f.kind === 'datetime' ? 'datetime-local' : 'text'}
              onChange={(e) => set(f.name)(e.currentTarget.value)}
            />
          );
        })}
        <div>
          <Button type="submit" variant="outline" loading={submitting}>
            {submitLabel}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
