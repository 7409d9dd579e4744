import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import type { ChangeEvent, FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { api, asApiError, type ApiError } from '../../shared/api';
import { LoadError, Loading } from '../../shared/DataStatus';
import { ErrorSummary } from '../../shared/ErrorSummary';
import { formatDateTime } from '../../shared/format';
import { useSubmission, validationError } from '../../shared/forms';
import { useApiData } from '../../shared/useApiData';
import { usePageTitle } from '../../shared/usePageTitle';
import { fileSize } from '../online/DocumentStep';
import {
  CITIZEN_ME_PATH,
  dossierPage,
  SIGN_IN_PAGE,
  supplementApiPath,
  type CitizenMe,
  type SupplementNotice,
} from './citizenApi';

const fieldId = (documentId: string) => `bo-sung-${documentId}`;

/** One paper the notice asks for: its files so far and a file input (one per paper, so errors can point at it). */
function DocumentUploads({
  notice,
  document,
  error,
  busy,
  onUpload,
  onRemove,
}: {
  notice: SupplementNotice;
  document: SupplementNotice['documents'][number];
  error: ApiError | null;
  busy: boolean;
  onUpload: (documentId: string, files: File[]) => void;
  onRemove: (id: string) => void;
}) {
  const { t } = useTranslation();
  const id = fieldId(document.id);
  const uploads = notice.uploads.filter((u) => u.documentId === document.id);
  const message = error?.fields[`documents.${document.id}`] ?? error?.fields[id];
  const change = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.currentTarget.files ?? [])];
    event.currentTarget.value = '';
    onUpload(document.id, files);
  };
  return (
    <section aria-labelledby={`${id}-ten`}>
      <Title order={2} size="h3" id={`${id}-ten`} mb="xs" lang="vi">
        {document.name}
      </Title>
      {uploads.length > 0 && (
        <ul className="file-list">
          {uploads.map((file) => (
            <li key={file.id}>
              <span>
                <b>{file.fileName}</b> — {fileSize(file.size)}
              </span>
              <Button
                variant="outline"
                color="red.9"
                onClick={() => onRemove(file.id)}
                disabled={busy}
                aria-label={t('citizen.online.document.removeNamed', { name: file.fileName })}
              >
                {t('citizen.online.document.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="file-field">
        <label htmlFor={id} className="file-field__label">
          {uploads.length > 0 ? t('citizen.online.document.addMore') : t('citizen.online.document.choose')}
        </label>
        <Text size="sm" c="gray.8" id={`${id}-goi-y`}>
          {t('citizen.online.document.accepted', { max: fileSize(notice.uploadRules.maxBytes) })}
        </Text>
        {message && (
          <Text c="red.9" fw={700} id={`${id}-loi`}>
            {message}
          </Text>
        )}
        <input
          id={id}
          type="file"
          multiple
          accept={notice.uploadRules.accepted.join(',')}
          onChange={change}
          disabled={busy}
          aria-describedby={message ? `${id}-goi-y ${id}-loi` : `${id}-goi-y`}
          aria-invalid={message ? true : undefined}
        />
      </div>
    </section>
  );
}

/** `/ho-so-cua-toi/<code>/bo-sung`: the citizen answers the supplement notice of an online dossier. */
export function SupplementPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  usePageTitle(t('citizen.dossier.supplement.title', { code }));
  const me = useApiData<CitizenMe>(CITIZEN_ME_PATH);
  const notice = useApiData<SupplementNotice>(me.data ? supplementApiPath(code) : null);
  const { submitting, error, setError, run } = useSubmission();

  if (me.error?.status === 401) return <Navigate to={SIGN_IN_PAGE} replace />;
  const loadError = me.error ?? notice.error;
  const data = notice.data;
  const fieldIds = Object.fromEntries(
    (data?.documents ?? []).flatMap((d) => [
      [`documents.${d.id}`, fieldId(d.id)],
      [fieldId(d.id), fieldId(d.id)],
    ]),
  );

  const upload = (documentId: string, files: File[]) => {
    if (!data) return;
    const tooBig = files.find((file) => file.size > data.uploadRules.maxBytes);
    if (tooBig) {
      const message = t('citizen.online.document.tooBig', {
        name: tooBig.name,
        max: fileSize(data.uploadRules.maxBytes),
      });
      return setError(validationError(message, { [fieldId(documentId)]: message }));
    }
    void run(async () => {
      try {
        for (const file of files) {
          const query = new URLSearchParams({ documentId, fileName: file.name });
          await api.post(`${supplementApiPath(code)}/uploads?${query}`, file, {
            headers: { 'Idempotency-Key': crypto.randomUUID() },
          });
        }
      } catch (caught) {
        // The server names the file or the paper; the message belongs beside this paper's input.
        const failed = asApiError(caught);
        const message = failed.fields.file ?? failed.fields.documentId ?? failed.message;
        throw validationError(message, { [fieldId(documentId)]: message });
      } finally {
        notice.reload();
      }
    });
  };

  const remove = (id: string) =>
    void run(async () => {
      await api.delete(`${supplementApiPath(code)}/uploads/${id}`);
      notice.reload();
    });

  const send = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await api.post(`${supplementApiPath(code)}/submit`, undefined, {
        headers: { 'Idempotency-Key': crypto.randomUUID() },
      });
      notice.reload();
    });
  };

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={dossierPage(code)} underline="always" className="tap-target back-link">
        {t('citizen.dossier.supplement.back', { code })}
      </Anchor>
      {data?.sentAt ? (
        <div className="confirmation-panel">
          <Title order={1}>{t('citizen.dossier.supplement.sentTitle')}</Title>
          <Text size="lg">{t('citizen.dossier.supplement.sent', { at: formatDateTime(data.sentAt) })}</Text>
        </div>
      ) : (
        <Title order={1}>{t('citizen.dossier.supplement.title', { code })}</Title>
      )}
      {loadError && <LoadError error={loadError} onRetry={me.error ? me.reload : notice.reload} />}
      {!loadError && !data && <Loading />}
      {data && (
        <>
          <dl className="details-list">
            <dt>{t('citizen.dossier.supplement.requestedAt')}</dt>
            <dd>{formatDateTime(data.requestedAt)}</dd>
            {data.reason && (
              <>
                <dt>{t('citizen.dossier.supplement.reason')}</dt>
                <dd lang="vi">{data.reason}</dd>
              </>
            )}
          </dl>
          {data.sentAt ? (
            <section aria-labelledby="tep-da-gui">
              <Title order={2} size="h3" id="tep-da-gui" mb="xs">
                {t('citizen.dossier.supplement.sentFiles')}
              </Title>
              <ul className="file-list">
                {data.uploads.map((file) => (
                  <li key={file.id}>
                    <span>
                      <b>{file.fileName}</b> — {fileSize(file.size)}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ) : (
            <form onSubmit={send} noValidate>
              <ErrorSummary error={error} fieldIds={fieldIds} />
              <Stack gap="lg">
                <Text size="lg">{t('citizen.dossier.supplement.intro')}</Text>
                {data.documents.map((document) => (
                  <DocumentUploads
                    key={document.id}
                    notice={data}
                    document={document}
                    error={error}
                    busy={submitting}
                    onUpload={upload}
                    onRemove={remove}
                  />
                ))}
                {submitting && <Text role="status">{t('citizen.online.document.working')}</Text>}
                <Group>
                  <Button type="submit" size="lg" disabled={submitting}>
                    {t('citizen.dossier.supplement.send')}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
        </>
      )}
    </Stack>
  );
}
