import { Alert, Anchor, Button, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { asApiError, type ApiError } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { validationError } from '../../../shared/forms';
import { readStored, writeStored } from '../../../shared/storage';
import { useApiData } from '../../../shared/useApiData';
import { ApiDataView } from '../../components/ApiDataView';
import { PageTitle } from '../../components/PageTitle';
import { useIdempotentPost } from '../../dossiers/idempotency';
import { COUNTERS_PATH, MY_COUNTER, type Counters } from '../calling/callingApi';

const DOSSIER_CODE = /^\d{5}-\d{6}-\d{4}$/;

/** `POST /api/v1/counters/:id/rating-session` */
interface Offered {
  counterLabel: string;
  dossierCode: string;
  procedureName: string;
  expiresAt: string;
  kioskUrl: string;
}

const offerPath = (counterId: string) => `/api/v1/counters/${encodeURIComponent(counterId)}/rating-session`;

/**
 * `/staff/moi-danh-gia[?ma=<code>]`: the counter officer offers a returned dossier on their counter's tablet, where
 * the citizen rates it with one tap (ratings module, kiosk page), for five minutes.
 */
export function RatingTabletPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const counters = useApiData<Counters>(COUNTERS_PATH);
  const [counterId, setCounterId] = useState(() => readStored(MY_COUNTER) ?? '');
  const [code, setCode] = useState(() => params.get('ma') ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [offered, setOffered] = useState<Offered | null>(null);
  const { post, reset } = useIdempotentPost();

  const choose = (id: string) => {
    setCounterId(id);
    writeStored(MY_COUNTER, id || null);
  };

  const fieldError = (field: string) => error?.fields[field];
  const offer = async (event: FormEvent) => {
    event.preventDefault();
    const dossierCode = code.trim();
    const missing: Record<string, string> = {};
    if (!counterId) missing.id = t('staff.ratingTablet.counterMissing');
    if (!DOSSIER_CODE.test(dossierCode)) missing.dossierCode = t('staff.ratingTablet.codeMissing');
    setOffered(null);
    if (Object.keys(missing).length > 0) {
      setError(validationError(Object.values(missing).join(' '), missing));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setOffered(await post<Offered>(offerPath(counterId), { dossierCode }));
      reset();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="lg">
      <PageTitle>{t('staff.pages.ratingTablet.title')}</PageTitle>
      <Text maw={640}>{t('staff.ratingTablet.intro')}</Text>
      <ApiDataView data={counters}>
        {({ counters: list }) => {
          const active = list.filter((c) => c.active);
          return (
            <form onSubmit={(event) => void offer(event)} noValidate>
              <Stack gap="md" maw={480}>
                <NativeSelect
                  id="quay-cua-toi"
                  label={t('staff.ratingTablet.counter')}
                  value={active.some((c) => c.id === counterId) ? counterId : ''}
                  onChange={(event) => choose(event.currentTarget.value)}
                  error={fieldError('id')}
                  data={[
                    { value: '', label: t('staff.ratingTablet.chooseCounter') },
                    ...active.map((c) => ({
                      value: c.id,
                      label: t('staff.calling.counterLabel', { number: c.number, name: c.name }),
                    })),
                  ]}
                />
                <TextInput
                  id="ma-ho-so"
                  label={t('staff.ratingTablet.code')}
                  description={t('staff.ratingTablet.codeHint')}
                  value={code}
                  onChange={(event) => setCode(event.currentTarget.value)}
                  error={fieldError('dossierCode')}
                  autoComplete="off"
                  inputMode="numeric"
                />
                <div>
                  <Button type="submit" loading={busy}>
                    {t('staff.ratingTablet.offer')}
                  </Button>
                </div>
              </Stack>
            </form>
          );
        }}
      </ApiDataView>
      {error && (
        <Alert role="alert" color="red" title={t('staff.ratingTablet.failed')} maw={640}>
          {error.message}
        </Alert>
      )}
      <Text role="status" fw={700} maw={640}>
        {offered &&
          t('staff.ratingTablet.offered', {
            counter: offered.counterLabel,
            code: offered.dossierCode,
            procedure: offered.procedureName,
            time: formatDateTime(offered.expiresAt).slice(11),
          })}
      </Text>
      {offered && (
        <section aria-labelledby="dia-chi-may-tinh-bang">
          <Title order={2} size="h3" id="dia-chi-may-tinh-bang" mb="xs">
            {t('staff.ratingTablet.tabletTitle')}
          </Title>
          <Text>{t('staff.ratingTablet.tabletHint')}</Text>
          <Anchor href={offered.kioskUrl} target="_blank" style={{ wordBreak: 'break-all' }}>
            {offered.kioskUrl}
          </Anchor>
        </section>
      )}
    </Stack>
  );
}
