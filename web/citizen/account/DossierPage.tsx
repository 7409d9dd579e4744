import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { api } from '../../shared/api';
import { LoadError, Loading } from '../../shared/DataStatus';
import { formatDate, formatDateTime } from '../../shared/format';
import { useSubmission } from '../../shared/forms';
import { useApiData } from '../../shared/useApiData';
import { usePageTitle } from '../../shared/usePageTitle';
import {
  CITIZEN_ME_PATH,
  formPath,
  MY_DOSSIERS_PAGE,
  ownDossierPath,
  paymentPath,
  SIGN_IN_PAGE,
  supplementPage,
  type CitizenMe,
  type OwnDossier,
  type Payment,
} from './citizenApi';

/** The VietQR code as an image, drawn in the browser from its text. */
function VietQrImage({ payload, label }: { payload: string; label: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let active = true;
    void import('qrcode').then((qr) =>
      qr.toDataURL(payload, { margin: 2, width: 240 }).then((url) => active && setSrc(url)),
    );
    return () => {
      active = false;
    };
  }, [payload]);
  return src ? <img src={src} alt={label} width={240} height={240} className="vietqr" /> : null;
}

function PaymentSection({ code, payment }: { code: string; payment: Payment }) {
  const { t } = useTranslation();
  const { submitting, error, run } = useSubmission();
  const pay = () =>
    void run(async () => {
      const started = await api.post<{ redirectUrl: string }>(`${paymentPath(code)}/gateway`, undefined, {
        headers: { 'Idempotency-Key': crypto.randomUUID() },
      });
      window.location.assign(started.redirectUrl);
    });
  return (
    <section aria-labelledby="thanh-toan">
      <Title order={2} id="thanh-toan" mb="sm">
        {t('citizen.dossier.payment.title')}
      </Title>
      {payment.receipt ? (
        <Stack gap="xs">
          <Text size="lg" fw={700}>
            {t('citizen.dossier.payment.paid', { amount: payment.amountText })}
          </Text>
          <Text>
            {t('citizen.dossier.payment.receipt', {
              number: payment.receipt.number,
              date: payment.receipt.paidAt ? formatDateTime(payment.receipt.paidAt) : '',
              method: payment.receipt.methodLabel,
            })}
          </Text>
          <Anchor href={`${paymentPath(code)}/receipt`} underline="always" className="tap-target">
            {t('citizen.dossier.payment.receiptPdf')}
          </Anchor>
        </Stack>
      ) : (
        <Stack gap="sm">
          <Text size="lg">{t('citizen.dossier.payment.due', { amount: payment.amountText })}</Text>
          <Group>
            <Button size="lg" onClick={pay} loading={submitting}>
              {t('citizen.dossier.payment.gateway')}
            </Button>
          </Group>
          {error && (
            <Text role="alert" c="red.9">
              {error.message}
            </Text>
          )}
          {payment.vietqr && payment.account && (
            <>
              <Text>{t('citizen.dossier.payment.qrHint')}</Text>
              <VietQrImage payload={payment.vietqr} label={t('citizen.dossier.payment.qrLabel', { code })} />
              <Text>
                {t('citizen.dossier.payment.account', {
                  bank: payment.account.bankName,
                  number: payment.account.accountNumber,
                  name: payment.account.accountName,
                })}
              </Text>
              <Text>{t('citizen.dossier.payment.note', { note: payment.transferNote })}</Text>
            </>
          )}
        </Stack>
      )}
    </section>
  );
}

/** `/ho-so-cua-toi/<code>`: where the dossier is, when it is due, its fee (and how to pay it), its rating. */
export function DossierPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  usePageTitle(t('citizen.dossier.title', { code }));
  const me = useApiData<CitizenMe>(CITIZEN_ME_PATH);
  const dossier = useApiData<OwnDossier>(me.data ? ownDossierPath(code) : null);
  const payment = useApiData<Payment>(dossier.data && dossier.data.feeAmount > 0 ? paymentPath(code) : null);

  if (me.error?.status === 401) return <Navigate to={SIGN_IN_PAGE} replace />;
  const error = me.error ?? dossier.error;
  const data = dossier.data;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={MY_DOSSIERS_PAGE} underline="always" className="tap-target back-link">
        {t('citizen.dossier.back')}
      </Anchor>
      <Title order={1}>{t('citizen.dossier.title', { code })}</Title>
      {error && <LoadError error={error} onRetry={me.error ? me.reload : dossier.reload} />}
      {!error && !data && <Loading />}
      {data && (
        <>
          <Text size="lg" lang="vi">
            {data.procedureName}
          </Text>
          <dl className="details-list">
            <dt>{t('citizen.myDossiers.status')}</dt>
            <dd lang="vi">
              <b>{data.statusLabel}</b>
            </dd>
            <dt>{t('citizen.myDossiers.dueDate')}</dt>
            <dd>{data.dueDate ? formatDate(data.dueDate) : t('citizen.dossier.noDueDate')}</dd>
            <dt>{t('citizen.dossier.submittedAt')}</dt>
            <dd>{formatDateTime(data.receivedAt)}</dd>
          </dl>
          {data.result && (
            <section aria-labelledby="ket-qua">
              <Title order={2} id="ket-qua" mb="xs">
                {t('citizen.dossier.result.title')}
              </Title>
              <Text mb="sm">{t('citizen.dossier.result.hint')}</Text>
              <Anchor
                href={data.result.url}
                download={data.result.fileName}
                underline="always"
                className="tap-target"
              >
                {t('citizen.dossier.result.download', { name: data.result.fileName })}
              </Anchor>
            </section>
          )}
          {data.forms.length > 0 && (
            <section aria-labelledby="giay-to-da-cap">
              <Title order={2} id="giay-to-da-cap" mb="xs">
                {t('citizen.dossier.forms.title')}
              </Title>
              <Text mb="sm">{t('citizen.dossier.forms.hint')}</Text>
              <ul className="plain-list">
                {data.forms.map((form) => (
                  <li key={form}>
                    <Anchor href={formPath(code, form)} underline="always" className="tap-target">
                      {t(`citizen.dossier.forms.kinds.${form}`)}
                    </Anchor>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {data.ratingUrl && (
            <section aria-labelledby="danh-gia">
              <Title order={2} id="danh-gia" mb="xs">
                {t('citizen.dossier.rating.title')}
              </Title>
              <Text mb="sm">{t('citizen.dossier.rating.hint')}</Text>
              <Button component="a" href={data.ratingUrl} size="lg">
                {t('citizen.dossier.rating.link')}
              </Button>
            </section>
          )}
          {data.status === 'supplement_requested' && data.channel === 'online' && (
            <section aria-labelledby="bo-sung">
              <Title order={2} id="bo-sung" mb="xs">
                {t('citizen.dossier.supplement.sectionTitle')}
              </Title>
              <Text mb="sm">{t('citizen.dossier.supplement.sectionHint')}</Text>
              <Button component={Link} to={supplementPage(code)} size="lg">
                {t('citizen.dossier.supplement.open')}
              </Button>
            </section>
          )}
          {payment.data && payment.data.amount > 0 && <PaymentSection code={code} payment={payment.data} />}
          <section aria-labelledby="qua-trinh">
            <Title order={2} id="qua-trinh" mb="sm">
              {t('citizen.dossier.timeline')}
            </Title>
            <ol className="timeline">
              {data.timeline.map((e) => (
                <li key={`${e.at}-${e.label}`}>
                  <Text fw={700} lang="vi">
                    {e.label}
                  </Text>
                  <Text size="sm">
                    {formatDateTime(e.at)} · <span lang="vi">{e.status}</span>
                  </Text>
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </Stack>
  );
}
