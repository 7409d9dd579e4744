import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../shared/ErrorSummary';
import { useSubmission, validationError } from '../../../shared/forms';
import { useIdempotentPost } from '../../dossiers/idempotency';
import { homeVisitPath, type HomeVisit } from './homeVisitApi';

/** Cancelling a request says why (the requester is told on the portal). */
export function CancelForm({ visit, onDone }: { visit: HomeVisit; onDone: (visit: HomeVisit) => void }) {
  const { t } = useTranslation();
  const ids = { reason: `huy-ly-do-${visit.id}` };
  const [reason, setReason] = useState('');
  const { submitting, error, setError, run, fieldError } = useSubmission();
  const { post } = useIdempotentPost();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < 5)
      return setError(
        validationError(t('common.checkFields'), { reason: t('staff.homeVisits.reasonMissing') }),
      );
    void run(async () => {
      onDone(await post<HomeVisit>(`${homeVisitPath(visit.id)}/cancel`, { reason: reason.trim() }));
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('staff.homeVisits.cancelFor', { code: visit.code })}>
      <ErrorSummary error={error} fieldIds={ids} />
      <Stack gap="sm">
        <Textarea
          id={ids.reason}
          label={t('staff.homeVisits.cancelReason')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={fieldError('reason')}
          required
          autosize
          minRows={2}
        />
        <Group>
          <Button type="submit" variant="outline" loading={submitting}>
            {t('staff.homeVisits.confirmCancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
