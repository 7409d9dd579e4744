import { Button, Group, NativeSelect, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../shared/ErrorSummary';
import { useSubmission } from '../../../shared/forms';
import { useApiData } from '../../../shared/useApiData';
import { can, useMe } from '../../auth/session';
import { useIdempotentPost } from '../../dossiers/idempotency';
import { feedbackItemPath, unitsPath, type FeedbackItem } from './feedbackApi';

/** Route, answer and publish an item, as far as the officer's role and the item's status allow. */
export function FeedbackActions({ item, onChanged }: { item: FeedbackItem; onChanged: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const open = item.status === 'received' || item.status === 'routed';
  const units = useApiData<{ units: { id: string; name: string }[] }>(
    open && me.ward && can(me, 'feedback.route') ? unitsPath(me.ward.code) : null,
  );
  const [unitId, setUnitId] = useState(item.responsibleUnitId ?? '');
  const [answer, setAnswer] = useState('');
  const { submitting, error, run, fieldError } = useSubmission();
  const { post, reset } = useIdempotentPost();
  const path = feedbackItemPath(item.code);
  const act = (step: string, body?: unknown) =>
    run(async () => {
      await post(`${path}/${step}`, body ?? {});
      reset();
      onChanged();
    });
  const mayAnswer =
    item.status === 'routed' &&
    can(me, 'feedback.answer') &&
    (me.role === 'ward_leader' || me.unit?.id === item.responsibleUnitId);
  const submitRoute = (event: FormEvent) => {
    event.preventDefault();
    void act('route', { unitId });
  };
  const submitAnswer = (event: FormEvent) => {
    event.preventDefault();
    void act('answer', { answer });
  };

  return (
    <Stack gap="md">
      <ErrorSummary
        error={error}
        fieldIds={{ unitId: `don-vi-${item.code}`, answer: `tra-loi-${item.code}` }}
      />
      {units.data && (
        <form onSubmit={submitRoute} noValidate>
          <Group align="flex-end" gap="sm">
            <NativeSelect
              id={`don-vi-${item.code}`}
              label={t('staff.listening.feedback.routeTo')}
              value={unitId}
              onChange={(event) => setUnitId(event.currentTarget.value)}
              error={fieldError('unitId')}
              data={[
                { value: '', label: t('staff.listening.feedback.chooseUnit') },
                ...units.data.units.map((u) => ({ value: u.id, label: u.name })),
              ]}
            />
            <Button type="submit" loading={submitting} disabled={!unitId}>
              {t('staff.listening.feedback.route')}
            </Button>
          </Group>
        </form>
      )}
      {mayAnswer && (
        <form onSubmit={submitAnswer} noValidate>
          <Textarea
            id={`tra-loi-${item.code}`}
            label={t('staff.listening.feedback.answer')}
            autosize
            minRows={3}
            value={answer}
            onChange={(event) => setAnswer(event.currentTarget.value)}
            error={fieldError('answer')}
          />
          <Button type="submit" mt="sm" loading={submitting}>
            {t('staff.listening.feedback.sendAnswer')}
          </Button>
        </form>
      )}
      {item.status === 'answered' &&
        item.publishConsent &&
        !item.publishedAt &&
        can(me, 'feedback.publish') && (
          <Group>
            <Button variant="outline" loading={submitting} onClick={() => void act('publish')}>
              {t('staff.listening.feedback.publish')}
            </Button>
          </Group>
        )}
    </Stack>
  );
}
