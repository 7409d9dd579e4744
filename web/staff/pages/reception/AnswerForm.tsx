import { Button, NativeSelect, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../shared/ErrorSummary';
import { useSubmission } from '../../../shared/forms';
import { useIdempotentPost } from '../../dossiers/idempotency';
import { logAnswerPath, RESULT_KINDS, type LogEntry } from './receptionApi';

/** Records the answer given to the visitor (Luật Tiếp công dân, điều 28). */
export function AnswerForm({ entry, onDone }: { entry: LogEntry; onDone: () => void }) {
  const { t } = useTranslation();
  const [resultKind, setResultKind] = useState<string>('accepted');
  const [result, setResult] = useState('');
  const { submitting, error, run, fieldError } = useSubmission();
  const { post, reset } = useIdempotentPost();
  const ids = { resultKind: `ket-qua-loai-${entry.id}`, result: `ket-qua-${entry.id}` };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await post(logAnswerPath(entry.id), { resultKind, result });
      reset();
      onDone();
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary error={error} fieldIds={ids} />
      <Stack gap="sm" maw={640}>
        <NativeSelect
          id={ids.resultKind}
          label={t('staff.listening.log.resultKind')}
          value={resultKind}
          onChange={(e) => setResultKind(e.currentTarget.value)}
          data={RESULT_KINDS.map((k) => ({ value: k, label: t(`staff.listening.log.resultKinds.${k}`) }))}
        />
        <Textarea
          id={ids.result}
          label={t('staff.listening.log.result')}
          autosize
          minRows={2}
          value={result}
          onChange={(e) => setResult(e.currentTarget.value)}
          error={fieldError('result')}
        />
        <Button type="submit" loading={submitting} w="fit-content">
          {t('staff.listening.log.saveAnswer')}
        </Button>
      </Stack>
    </form>
  );
}
