import { Button, Group, NativeSelect, NumberInput, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../shared/ErrorSummary';
import { useSubmission } from '../../../shared/forms';
import { useIdempotentPost } from '../../dossiers/idempotency';
import { CLASSIFICATIONS, LOG_PATH, type LogEntry } from './receptionApi';

const IDS = {
  visitorName: 'khach-ho-ten',
  visitorIdNumber: 'khach-cccd',
  visitorPhone: 'khach-dien-thoai',
  visitorAddress: 'khach-dia-chi',
  groupSize: 'khach-so-nguoi',
  representatives: 'khach-dai-dien',
  matter: 'khach-noi-dung',
  classification: 'khach-phan-loai',
};

const optional = (text: string) => (text.trim() ? text.trim() : undefined);

const EMPTY_VISIT = {
  visitorName: '',
  visitorIdNumber: '',
  visitorPhone: '',
  visitorAddress: '',
  representatives: '',
  matter: '',
  classification: 'feedback',
};

/** Writes a visit into the reception log; a feedback or petition also goes into the feedback register. */
export function VisitForm({ onSaved }: { onSaved: (entry: LogEntry) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(EMPTY_VISIT);
  const [groupSize, setGroupSize] = useState<number | string>(1);
  const { submitting, error, run, fieldError } = useSubmission();
  const { post, reset } = useIdempotentPost();
  const set = (field: keyof typeof values) => (event: { currentTarget: { value: string } }) =>
    setValues({ ...values, [field]: event.currentTarget.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const entry = await post<LogEntry>(LOG_PATH, {
        visitorName: values.visitorName,
        visitorIdNumber: optional(values.visitorIdNumber),
        visitorPhone: optional(values.visitorPhone),
        visitorAddress: optional(values.visitorAddress),
        groupSize: Number(groupSize) || 1,
        representatives: values.representatives
          .split(/[,;\n]/)
          .map((name) => name.trim())
          .filter(Boolean),
        matter: values.matter,
        classification: values.classification,
      });
      reset();
      // A blank form for the next visitor: a denouncer's name must not stay on the screen once sealed.
      setValues(EMPTY_VISIT);
      setGroupSize(1);
      onSaved(entry);
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="ghi-so">
      <Title order={2} id="ghi-so" mb="sm">
        {t('staff.listening.log.formTitle')}
      </Title>
      <ErrorSummary error={error} fieldIds={IDS} />
      <Stack gap="md" maw={720}>
        <TextInput
          id={IDS.visitorName}
          label={t('staff.listening.log.visitorName')}
          value={values.visitorName}
          onChange={set('visitorName')}
          error={fieldError('visitorName')}
          required
        />
        <Group grow>
          <TextInput
            id={IDS.visitorIdNumber}
            label={t('staff.listening.log.idNumber')}
            inputMode="numeric"
            value={values.visitorIdNumber}
            onChange={set('visitorIdNumber')}
            error={fieldError('visitorIdNumber')}
          />
          <TextInput
            id={IDS.visitorPhone}
            label={t('staff.listening.log.phone')}
            inputMode="tel"
            value={values.visitorPhone}
            onChange={set('visitorPhone')}
            error={fieldError('visitorPhone')}
          />
        </Group>
        <TextInput
          id={IDS.visitorAddress}
          label={t('staff.listening.log.address')}
          value={values.visitorAddress}
          onChange={set('visitorAddress')}
          error={fieldError('visitorAddress')}
        />
        <Group grow align="flex-start">
          <NumberInput
            id={IDS.groupSize}
            label={t('staff.listening.log.groupSize')}
            min={1}
            max={500}
            value={groupSize}
            onChange={setGroupSize}
            error={fieldError('groupSize')}
          />
          <TextInput
            id={IDS.representatives}
            label={t('staff.listening.log.representatives')}
            description={t('staff.listening.log.representativesHint')}
            value={values.representatives}
            onChange={set('representatives')}
            error={fieldError('representatives')}
          />
        </Group>
        <Textarea
          id={IDS.matter}
          label={t('staff.listening.log.matter')}
          autosize
          minRows={3}
          value={values.matter}
          onChange={set('matter')}
          error={fieldError('matter')}
          required
        />
        <NativeSelect
          id={IDS.classification}
          label={t('staff.listening.log.classification')}
          value={values.classification}
          onChange={set('classification')}
          error={fieldError('classification')}
          data={CLASSIFICATIONS.map((c) => ({
            value: c,
            label: t(`staff.listening.log.classifications.${c}`),
          }))}
        />
        <Group>
          <Button type="submit" loading={submitting}>
            {t('staff.listening.log.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
