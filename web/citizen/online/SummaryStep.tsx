import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { ErrorSummary } from '../../shared/ErrorSummary';
import { useSubmission } from '../../shared/forms';
import { usePageTitle } from '../../shared/usePageTitle';
import type { StepProps } from './DraftPage';
import { draftPath, stepPage, submittedPage, type Submitted } from './onlineApi';

function Row({ label, change, children }: { label: string; change: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="summary-list__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
      <dd className="summary-list__action">
        <Anchor component={Link} to={change} underline="always" className="tap-target">
          {t('citizen.online.summary.change')}
          <span className="visually-hidden"> {label.toLocaleLowerCase('vi')}</span>
        </Anchor>
      </dd>
    </div>
  );
}

/** "Kiểm tra lại thông tin": every answer with a way back to change it, the fee, then the submission. */
export function SummaryStep({ draft }: StepProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageTitle(t('citizen.online.summary.title'));
  const { submitting, error, run } = useSubmission();
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);
  const { applicant, address, notify, returnChannel } = draft.answers;
  const page = (step: string) => stepPage(draft.id, step);
  // Each problem the server (or the draft) names links to the page where it is put right.
  const fieldIds = Object.fromEntries(draft.missing.map((m) => [m.field, `sua-${m.step}`]));
  const missingError = error ?? null;

  const submit = () =>
    void run(async () => {
      const filed = await api.post<Submitted>(`${draftPath(draft.id)}/submit`, undefined, {
        headers: { 'Idempotency-Key': idempotencyKey },
      });
      await navigate(submittedPage(filed.code));
    });

  const notifyText = notify
    ? notify.channels
        .map((c) =>
          c === 'email'
            ? `${t('citizen.online.notify.email')}: ${notify.email ?? ''}`
            : t(`citizen.online.notify.${c}`),
        )
        .join('; ')
    : t('citizen.online.summary.notAnswered');

  return (
    <Stack gap="lg">
      <ErrorSummary error={missingError} fieldIds={fieldIds} />
      <Title order={1}>{t('citizen.online.summary.title')}</Title>
      {draft.missing.length > 0 && (
        <Alert color="yellow" title={t('citizen.online.summary.incomplete')}>
          <ul>
            {draft.missing.map((m) => (
              <li key={m.field}>
                <Anchor component={Link} to={page(m.step)} id={`sua-${m.step}`} underline="always">
                  {m.message}
                </Anchor>
              </li>
            ))}
          </ul>
        </Alert>
      )}
      <Title order={2} size="h3">
        {t('citizen.online.summary.applicantSection')}
      </Title>
      <dl className="summary-list">
        <Row label={t('citizen.online.applicant.fullName')} change={page('nguoi-nop')}>
          {applicant?.fullName ?? t('citizen.online.summary.notAnswered')}
        </Row>
        <Row label={t('citizen.online.applicant.idNumber')} change={page('nguoi-nop')}>
          {applicant?.idNumber ?? t('citizen.online.summary.notAnswered')}
        </Row>
        <Row label={t('citizen.online.applicant.phone')} change={page('nguoi-nop')}>
          {applicant?.phone ?? t('citizen.online.summary.notAnswered')}
        </Row>
        <Row label={t('citizen.online.address.label')} change={page('dia-chi')}>
          {address ?? t('citizen.online.summary.notAnswered')}
        </Row>
        <Row label={t('citizen.online.return.label')} change={page('nhan-ket-qua')}>
          {returnChannel
            ? t(`citizen.online.return.${returnChannel}`)
            : t('citizen.online.summary.notAnswered')}
        </Row>
        <Row label={t('citizen.online.notify.label')} change={page('nhan-thong-bao')}>
          {notifyText}
        </Row>
      </dl>
      <Title order={2} size="h3">
        {t('citizen.online.summary.documentsSection')}
      </Title>
      <dl className="summary-list">
        {draft.documents.map((d) => {
          const files = draft.uploads.filter((u) => u.documentId === d.id);
          return (
            <Row key={d.id} label={d.name} change={page(`giay-to-${d.id}`)}>
              {files.length === 0
                ? t('citizen.online.summary.noFile')
                : files.map((f) => (
                    <div key={f.id}>
                      {f.fileName} ({t('citizen.online.document.pages', { count: f.pages })})
                    </div>
                  ))}
            </Row>
          );
        })}
      </dl>
      <Title order={2} size="h3">
        {t('citizen.online.summary.feeSection')}
      </Title>
      <Text size="lg">
        {draft.fee
          ? t('citizen.online.summary.fee', { amount: draft.fee.amountText, pages: draft.pages })
          : t('citizen.online.summary.feeLater')}
      </Text>
      <Text>{t('citizen.online.summary.declaration')}</Text>
      <Group>
        <Button size="lg" onClick={submit} loading={submitting}>
          {t('citizen.online.summary.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
