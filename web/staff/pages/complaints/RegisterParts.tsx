import {
  Anchor,
  Button,
  NativeSelect,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorSummary } from '../../../shared/ErrorSummary';
import { formatDate } from '../../../shared/format';
import { useSubmission, validationError } from '../../../shared/forms';
import { parseDayInput } from '../../../shared/parse';
import { useApiData } from '../../../shared/useApiData';
import { useMe } from '../../auth/session';
import { TableRegion } from '../../components/TableRegion';
import { UrgencyLabel } from '../../dossiers/UrgencyLabel';
import { useIdempotentPost } from '../../dossiers/idempotency';
import { URGENCY_OF, type CurrentDeadline, type Register } from './complaintApi';

/** The deadline a record works against now: its step, the date, and "Quá hạn" / "Sắp đến hạn" / "Trong hạn". */
function DeadlineCell({ deadline }: { deadline: CurrentDeadline | null }) {
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
  /** 'day' is typed dd/mm/yyyy and posted as yyyy-mm-dd. */
  kind?: 'text' | 'textarea' | 'select' | 'number' | 'datetime' | 'day' | 'officer';
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
      const body = { ...values };
      const invalid: Record<string, string> = {};
      for (const f of fields.filter((field) => field.kind === 'day' && values[field.name])) {
        const day = parseDayInput(values[f.name]);
        if (day) body[f.name] = day;
        else invalid[f.name] = t('staff.listening.dayInvalid');
      }
      if (Object.keys(invalid).length > 0) throw validationError(t('staff.listening.dayInvalid'), invalid);
      await post(path, toBody(body));
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
          if (f.kind === 'day')
            return (
              <TextInput
                key={f.name}
                {...common}
                description={t('common.dayHint')}
                inputMode="numeric"
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

export const REGISTER_VIEWS = ['open', 'due_soon', 'late', 'closed'] as const;
export type RegisterView = (typeof REGISTER_VIEWS)[number];

/** The register's view, kept in the address (`?view=late`) so that a dashboard figure opens the records it counts. */
export function useRegisterView(): [RegisterView, (view: RegisterView) => void] {
  const [params, setParams] = useSearchParams();
  const requested = params.get('view') as RegisterView;
  const view = REGISTER_VIEWS.includes(requested) ? requested : 'open';
  return [view, (next) => setParams({ view: next })];
}

/** The server lists open or closed records; due soon and late are the open ones by their current deadline. */
export function registerQuery(view: RegisterView): string {
  return `view=${view === 'closed' ? 'closed' : 'open'}`;
}

function inView<T extends { deadline: CurrentDeadline | null }>(items: T[], view: RegisterView): T[] {
  if (view !== 'due_soon' && view !== 'late') return items;
  return items.filter((item) => item.deadline?.timeliness === view);
}

export function RegisterViewControl({
  view,
  onChange,
}: {
  view: RegisterView;
  onChange: (view: RegisterView) => void;
}) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      value={view}
      onChange={(value) => onChange(value as RegisterView)}
      data={REGISTER_VIEWS.map((value) => ({ value, label: t(`staff.complaints.views.${value}`) }))}
      aria-label={t('staff.complaints.viewsLabel')}
    />
  );
}

interface RegisterItem {
  code: string;
  statusLabel: string;
  deadline: CurrentDeadline | null;
}

/** A column between the record's code and its status: who and what the record is about. */
export interface RegisterColumn<T> {
  header: string;
  cell: (item: T) => ReactNode;
  /** 'vi' for a value in Vietnamese whatever the interface language (a name). */
  lang?: 'vi';
}

/** The register in the chosen view: its counts, then each record's code (opens it), columns, status, deadline. */
export function RegisterTable<T extends RegisterItem>({
  caption,
  register,
  view,
  columns,
  onOpen,
}: {
  caption: string;
  register: Register<T>;
  view: RegisterView;
  columns: readonly RegisterColumn<T>[];
  onOpen: (code: string) => void;
}) {
  const { t } = useTranslation();
  const items = inView(register.items, view);
  return (
    <>
      <Text>{t('staff.complaints.counts', register.counts)}</Text>
      <TableRegion caption={caption} rowCount={items.length} minWidth={760}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('staff.complaints.code')}</Table.Th>
            {columns.map((column) => (
              <Table.Th key={column.header}>{column.header}</Table.Th>
            ))}
            <Table.Th>{t('staff.complaints.status')}</Table.Th>
            <Table.Th>{t('staff.complaints.deadline')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.code}>
              <Table.Td>
                <Anchor component="button" type="button" onClick={() => onOpen(item.code)}>
                  {item.code}
                </Anchor>
              </Table.Td>
              {columns.map((column) => (
                <Table.Td key={column.header} lang={column.lang}>
                  {column.cell(item)}
                </Table.Td>
              ))}
              <Table.Td>{item.statusLabel}</Table.Td>
              <Table.Td>
                <DeadlineCell deadline={item.deadline} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </TableRegion>
    </>
  );
}
