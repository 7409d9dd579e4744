import { Button, FileInput, Group, NativeSelect, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { LoadError } from '../../../shared/DataStatus';
import { ErrorSummary } from '../../../shared/ErrorSummary';
import { useSubmission, validationError } from '../../../shared/forms';
import { useApiData } from '../../../shared/useApiData';
import { useMe, useSession } from '../../auth/session';
import { DocumentChecklist } from '../../dossiers/DocumentChecklist';
import {
  actionPath,
  apologyPath,
  dossierPath,
  type DossierDetail,
  type ProcedureDetail,
} from '../../dossiers/dossierApi';
import { newIdempotencyKey, useIdempotentPost } from '../../dossiers/idempotency';
import { isNotReady, NotReady } from '../../dossiers/NotReady';
import { FeeFields } from '../intake/FeeFields';
import {
  ACTION_FIELDS,
  actionBody,
  actionFieldIds,
  CHOICES,
  documentsField,
  EMPTY_ACTION_VALUES,
  fieldId,
  optionId,
  PAYMENT_METHODS,
  validateAction,
  type ActionChoice,
  type ActionValues,
  type ChoiceField,
  type TextField,
} from './actionModel';

/** Roles that can take a dossier over (the workflow's roles). */
const WORKFLOW_ROLES = ['counter_officer', 'department_officer', 'department_head', 'ward_leader'];

interface Unit {
  id: string;
  name: string;
}
interface StaffMember {
  id: string;
  fullName: string;
  role: string;
  unitName: string | null;
}

/** Unit and (optionally) officer receiving the dossier; by default the server gives it to the unit's head. */
function HandOverFields({ values, set, fieldError }: FieldProps) {
  const { t } = useTranslation();
  const me = useMe();
  const ward = me.ward?.code ?? '';
  const units = useApiData<{ units: Unit[] }>(`/api/v1/wards/${ward}/units`);
  const staff = useApiData<{ staff: StaffMember[] }>(`/api/v1/wards/${ward}/staff`);
  if (units.error) return <LoadError error={units.error} onRetry={units.reload} />;
  const unit = units.data?.units.find((candidate) => candidate.id === values.toUnit);
  const officers = (staff.data?.staff ?? []).filter(
    (member) => unit && member.unitName === unit.name && WORKFLOW_ROLES.includes(member.role),
  );
  return (
    <>
      <NativeSelect
        id={fieldId('toUnit')}
        label={t('staff.actionForms.toUnit')}
        value={values.toUnit}
        onChange={(event) => set({ toUnit: event.currentTarget.value, toOfficerId: '' })}
        error={fieldError('toUnit')}
        data={[
          { value: '', label: t('staff.actionForms.chooseUnit') },
          ...(units.data?.units ?? []).map((option) => ({ value: option.id, label: option.name })),
        ]}
        maw={480}
      />
      {unit && (
        <NativeSelect
          id={fieldId('toOfficerId')}
          label={t('staff.actionForms.toOfficer')}
          value={values.toOfficerId}
          onChange={(event) => set({ toOfficerId: event.currentTarget.value })}
          error={fieldError('toOfficerId')}
          data={[
            { value: '', label: t('staff.actionForms.unitHead') },
            ...officers.map((member) => ({
              value: member.id,
              label: `${member.fullName} – ${t(`roles.${member.role}`, { defaultValue: member.role })}`,
            })),
          ]}
          maw={480}
        />
      )}
    </>
  );
}

interface FieldProps {
  values: ActionValues;
  set: (changes: Partial<ActionValues>) => void;
  fieldError: (field: string) => string | undefined;
}

interface ActionFormProps {
  action: ActionChoice;
  dossier: DossierDetail;
  procedure: ProcedureDetail | undefined;
  onCancel: () => void;
  onDone: () => void;
}

/** The form of one action; Enter in a text field confirms it. */
export function ActionForm({ action, dossier, procedure, onCancel, onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const { expire } = useSession();
  const [values, setValues] = useState<ActionValues>(EMPTY_ACTION_VALUES);
  const { submitting, error, setError, run, fieldError } = useSubmission();
  const { post, reset } = useIdempotentPost();
  const formRef = useRef<HTMLFormElement>(null);
  const fields = ACTION_FIELDS[action];
  const papers = (procedure?.documents ?? []).filter((document) => !document.presentOnly);
  const set = (changes: Partial<ActionValues>) => setValues((current) => ({ ...current, ...changes }));
  const danger = action === 'stop' || action === 'withdraw';

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, []);
  useEffect(() => {
    if (error?.status === 401) expire();
  }, [error, expire]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = validateAction(t, action, values);
    if (Object.keys(problems).length > 0) {
      setError(validationError(t('common.checkFields'), problems));
      return;
    }
    const path = action === 'apology' ? apologyPath(dossier.code) : actionPath(dossier.code, action);
    const { resultFile } = values;
    void run(async () => {
      // Attached first: marking an online result ready, or returning it online, needs it there.
      if (resultFile) {
        const url = `${dossierPath(dossier.code)}/result-file?fileName=${encodeURIComponent(resultFile.name)}`;
        await api.put(url, resultFile, { headers: { 'Idempotency-Key': newIdempotencyKey() } });
      }
      await post(path, actionBody(action, values, procedure));
      reset();
      onDone();
    });
  };

  const textField = (field: TextField) => (
    <TextInput
      key={field}
      id={fieldId(field)}
      label={t(`staff.actionForms.${field}`)}
      description={field === 'newDate' ? t('common.dayHint') : undefined}
      inputMode={field === 'newDate' ? 'numeric' : undefined}
      value={values[field]}
      onChange={(event) => set({ [field]: event.currentTarget.value })}
      error={fieldError(field)}
      maw={field === 'newDate' || field === 'receiptNumber' ? 260 : 640}
    />
  );

  const choiceField = (field: ChoiceField) => (
    <Radio.Group
      key={field}
      label={t(`staff.actionForms.${field}`)}
      value={values[field]}
      onChange={(value) => set({ [field]: value })}
      error={fieldError(field)}
    >
      <Group gap="lg" mt="xs">
        {CHOICES[field].map((value) => (
          <Radio
            key={value}
            id={optionId(field, value)}
            value={value}
            label={t(`staff.actionForms.${field}s.${value}`)}
          />
        ))}
      </Group>
    </Radio.Group>
  );

  const render = (field: (typeof fields)[number]) => {
    switch (field) {
      case 'toUnit':
        return <HandOverFields key={field} values={values} set={set} fieldError={fieldError} />;
      case 'toOfficerId':
        return null;
      case 'documentIds':
        return (
          <DocumentChecklist
            key={field}
            legend={t(
              `staff.actionForms.documents.${action === 'request_supplement' ? 'requested' : 'received'}`,
            )}
            documents={papers}
            checked={values.documentIds}
            onChange={(documentIds) => set({ documentIds })}
            inputId={(id) => fieldId(`giay-to-${id}`)}
            error={fieldError(documentsField(action))}
          />
        );
      case 'fee':
        return procedure ? (
          <FeeFields
            key={field}
            procedure={procedure}
            values={values.fee}
            onChange={(fee) => set({ fee })}
            fieldError={fieldError}
          />
        ) : null;
      case 'method':
        return (
          <NativeSelect
            key={field}
            id={fieldId('method')}
            label={t('staff.actionForms.method')}
            value={values.method}
            onChange={(event) => set({ method: event.currentTarget.value })}
            error={fieldError('method')}
            data={PAYMENT_METHODS.map((method) => ({
              value: method,
              label: t(`staff.actionForms.methods.${method}`),
            }))}
            maw={320}
          />
        );
      case 'resultFile':
        return (
          <FileInput
            key={field}
            id={fieldId(field)}
            label={t('staff.actionForms.resultFile')}
            description={t('staff.actionForms.resultFileHint')}
            accept="application/pdf"
            clearable
            value={values.resultFile}
            onChange={(resultFile) => set({ resultFile })}
            error={fieldError(field) ?? fieldError('file')}
            maw={480}
          />
        );
      case 'outcome':
      case 'channel':
        return choiceField(field);
      default:
        return textField(field);
    }
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="tieu-de-thao-tac">
      <Title order={3} size="h4" id="tieu-de-thao-tac" mb="sm">
        {t(`staff.actionLabels.${action}`)}
      </Title>
      {error && isNotReady(error) && Object.keys(error.fields).length === 0 ? (
        <NotReady />
      ) : (
        <ErrorSummary error={error} fieldIds={actionFieldIds(action, papers[0]?.id ?? '')} />
      )}
      {action === 'apology' && <Text mb="sm">{t('staff.actionForms.apologyHint')}</Text>}
      <Stack gap="md">
        {fields.map(render)}
        <Group gap="sm">
          <Button type="submit" loading={submitting} color={danger ? 'red.9' : undefined}>
            {t('staff.actionForms.confirm', { action: t(`staff.actionLabels.${action}`) })}
          </Button>
          <Button variant="outline" onClick={onCancel} disabled={submitting}>
            {t('staff.actionForms.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
