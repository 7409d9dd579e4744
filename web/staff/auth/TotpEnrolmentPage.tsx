import { Button, Code, Group, List, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { api, asApiError, type ApiError } from '../../shared/api';
import { LoadError, Loading } from '../../shared/DataStatus';
import { ErrorSummary } from '../../shared/ErrorSummary';
import { PlainLayout } from '../shell/PlainLayout';
import { SignOutButton } from './SignOutButton';
import { useMe, useSession } from './session';
import { TotpCodeField } from './TotpCodeField';
import { useTotpCodeForm } from './useTotpCodeForm';

const FIELDS = { code: 'ma-xac-thuc' };

/** `POST /api/v1/auth/totp/enrolment` */
interface Enrolment {
  secret: string;
  otpauthUrl: string;
  qrSvg: string;
}

/** Starts an enrolment when the page opens; `retry` starts a new one. */
function useEnrolment() {
  const [attempt, setAttempt] = useState(0);
  const [outcome, setOutcome] = useState<{ attempt: number; enrolment?: Enrolment; error?: ApiError }>();

  useEffect(() => {
    let active = true;
    api.post<Enrolment>('/api/v1/auth/totp/enrolment').then(
      (enrolment) => active && setOutcome({ attempt, enrolment }),
      (error: unknown) => active && setOutcome({ attempt, error: asApiError(error) }),
    );
    return () => {
      active = false;
    };
  }, [attempt]);

  const current = outcome?.attempt === attempt ? outcome : undefined;
  return { enrolment: current?.enrolment, error: current?.error, retry: () => setAttempt((n) => n + 1) };
}

/** The secret in groups of four, easier to type into an authenticator app by hand. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

function ConfirmForm() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const { code, setCode, submit, submitting, error, fieldError } = useTotpCodeForm(
    '/api/v1/auth/totp/enrolment/confirm',
    refresh,
  );

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary error={error} fieldIds={FIELDS} />
      <Stack gap="md">
        <TotpCodeField id={FIELDS.code} value={code} onChange={setCode} error={fieldError('code')} />
        <Group>
          <Button type="submit" loading={submitting}>
            {t('staff.totp.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** `/staff/xac-thuc-hai-buoc`: compulsory set-up of an authenticator app before using the workspace. */
export function TotpEnrolmentPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { enrolment, error, retry } = useEnrolment();

  if (!me.mustEnrolTotp) return <Navigate to="/" replace />;

  return (
    <PlainLayout title={t('staff.enrolment.title')}>
      <Stack gap="lg">
        <Text>{t('staff.enrolment.intro')}</Text>
        {error && <LoadError error={error} onRetry={retry} />}
        {!error && !enrolment && <Loading />}
        {enrolment && (
          <>
            <List type="ordered" spacing="sm">
              <List.Item>{t('staff.enrolment.stepInstall')}</List.Item>
              <List.Item>{t('staff.enrolment.stepScan')}</List.Item>
              <List.Item>{t('staff.enrolment.stepCode')}</List.Item>
            </List>
            <div
              className="totp-qr"
              role="img"
              aria-label={t('staff.enrolment.qrLabel')}
              dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }}
            />
            <div>
              <Text fw={700}>{t('staff.enrolment.secretLabel')}</Text>
              <Code fz="lg" className="totp-secret">
                {groupSecret(enrolment.secret)}
              </Code>
            </div>
            <ConfirmForm />
          </>
        )}
        <SignOutButton />
      </Stack>
    </PlainLayout>
  );
}
