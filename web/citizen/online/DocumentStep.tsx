import { Button, Group, Stack, Text, Title } from '@mantine/core';
import type { ChangeEvent, FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { ErrorSummary } from '../../shared/ErrorSummary';
import { formatNumber } from '../../shared/format';
import { useSubmission, validationError } from '../../shared/forms';
import { usePageTitle } from '../../shared/usePageTitle';
import type { StepProps } from './DraftPage';
import { draftPath, stepPage, type Draft, type Upload } from './onlineApi';

const FILE_IDS = { file: 'tep-giay-to', documentId: 'tep-giay-to', documents: 'tep-giay-to' };

export function fileSize(bytes: number): string {
  return bytes >= 1_048_576
    ? `${formatNumber(Math.round((bytes / 1_048_576) * 10) / 10)} MB`
    : `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/** One paper of the procedure: photographs or PDF files of it, each checked by the server as it arrives. */
export function DocumentStep(props: StepProps & { documentId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { draft, documentId, nextStep, onChange } = props;
  const document = draft.documents.find((d) => d.id === documentId);
  const uploads = draft.uploads.filter((u) => u.documentId === documentId);
  const { submitting, error, setError, run } = useSubmission();
  usePageTitle(document?.name ?? '');
  if (!document) return null;

  const upload = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.currentTarget.files ?? [])];
    event.currentTarget.value = '';
    const tooBig = files.find((file) => file.size > draft.uploadRules.maxBytes);
    if (tooBig) {
      const message = t('citizen.online.document.tooBig', {
        name: tooBig.name,
        max: fileSize(draft.uploadRules.maxBytes),
      });
      return setError(validationError(message, { file: message }));
    }
    void run(async () => {
      try {
        for (const file of files) {
          const query = new URLSearchParams({ documentId, fileName: file.name });
          await api.post(`${draftPath(draft.id)}/uploads?${query}`, file);
        }
      } finally {
        // The files that did arrive are listed, even when a later one was refused.
        onChange(await api.get<Draft>(draftPath(draft.id)));
      }
    });
  };

  const remove = (file: Upload) =>
    void run(async () => {
      await api.delete(`${draftPath(draft.id)}/uploads/${file.id}`);
      onChange(await api.get<Draft>(draftPath(draft.id)));
    });

  const next = (event: FormEvent) => {
    event.preventDefault();
    if (document.required && uploads.length === 0) {
      const message = t('citizen.online.document.missing', { name: document.name });
      return setError(validationError(message, { file: message }));
    }
    void run(async () => {
      onChange(await api.put<Draft>(draftPath(draft.id), { currentStep: nextStep }));
      await navigate(stepPage(draft.id, nextStep));
    });
  };

  return (
    <form onSubmit={next} noValidate>
      <ErrorSummary error={error} fieldIds={FILE_IDS} />
      <Stack gap="lg">
        <Title order={1} lang="vi">
          {document.name}
        </Title>
        {document.condition && (
          <Text>
            {t('citizen.online.document.when')} <span lang="vi">{document.condition}</span>
          </Text>
        )}
        <Text>{t('citizen.online.document.hint')}</Text>
        {uploads.length > 0 && (
          <section aria-labelledby="tep-da-tai">
            <Title order={2} size="h3" id="tep-da-tai" mb="xs">
              {t('citizen.online.document.uploaded')}
            </Title>
            <ul className="file-list">
              {uploads.map((file) => (
                <li key={file.id}>
                  <span>
                    <b>{file.fileName}</b> — {t('citizen.online.document.pages', { count: file.pages })},{' '}
                    {fileSize(file.size)}
                  </span>
                  <Button
                    variant="outline"
                    color="red.9"
                    onClick={() => remove(file)}
                    disabled={submitting}
                    aria-label={t('citizen.online.document.removeNamed', { name: file.fileName })}
                  >
                    {t('citizen.online.document.remove')}
                  </Button>
                </li>
              ))}
            </ul>
          </section>
        )}
        <div className="file-field">
          <label htmlFor={FILE_IDS.file} className="file-field__label">
            {uploads.length > 0 ? t('citizen.online.document.addMore') : t('citizen.online.document.choose')}
          </label>
          <Text size="sm" c="gray.8" id="tep-giay-to-goi-y">
            {t('citizen.online.document.accepted', { max: fileSize(draft.uploadRules.maxBytes) })}
          </Text>
          {error?.fields.file && (
            <Text c="red.9" fw={700} id="tep-giay-to-loi">
              {error.fields.file}
            </Text>
          )}
          <input
            id={FILE_IDS.file}
            type="file"
            multiple
            accept={draft.uploadRules.accepted.join(',')}
            onChange={upload}
            disabled={submitting}
            aria-describedby={error?.fields.file ? 'tep-giay-to-goi-y tep-giay-to-loi' : 'tep-giay-to-goi-y'}
            aria-invalid={error?.fields.file ? true : undefined}
          />
          {submitting && <Text role="status">{t('citizen.online.document.working')}</Text>}
        </div>
        <Group>
          <Button type="submit" size="lg" disabled={submitting}>
            {t('citizen.online.continue')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
