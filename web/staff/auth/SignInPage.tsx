import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { api } from '../../shared/api';
import { ErrorSummary } from '../../shared/ErrorSummary';
import { useSubmission, validationError } from '../../shared/forms';
import { PlainLayout } from '../shell/PlainLayout';
import { SIGN_IN_PATH } from './RequireSession';
import { useSession } from './session';
import { TotpCodeField } from './TotpCodeField';
import { useTotpCodeForm } from './useTotpCodeForm';

const PASSWORD_FIELDS = { username: 'ten-dang-nhap', password: 'mat-khau' };
const TOTP_FIELDS = { code: 'ma-xac-thuc' };

interface LoginResponse {
  csrfToken: string;
  totpRequired: boolean;
}

function PasswordStep({
  onPasswordAccepted,
}: {
  onPasswordAccepted: (totpRequired: boolean) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { submitting, error, setError, run, fieldError } = useSubmission();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!username.trim()) missing.username = t('staff.signIn.usernameMissing');
    if (!password) missing.password = t('staff.signIn.passwordMissing');
    if (Object.keys(missing).length > 0) return setError(validationError(t('common.checkFields'), missing));
    void run(async () => {
      const result = await api.post<LoginResponse>('/api/v1/auth/login', {
        username: username.trim(),
        password,
      });
      await onPasswordAccepted(result.totpRequired);
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary error={error} fieldIds={PASSWORD_FIELDS} />
      <Stack gap="md">
        <TextInput
          id={PASSWORD_FIELDS.username}
          label={t('staff.signIn.username')}
          value={username}
          onChange={(event) => setUsername(event.currentTarget.value)}
          error={fieldError('username')}
          required
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
        />
        <TextInput
          id={PASSWORD_FIELDS.password}
          type="password"
          label={t('staff.signIn.password')}
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={fieldError('password')}
          required
          autoComplete="current-password"
        />
        <Group>
          <Button type="submit" loading={submitting}>
            {t('staff.signIn.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TotpStep({ onVerified, onRestart }: { onVerified: () => Promise<void>; onRestart: () => void }) {
  const { t } = useTranslation();
  const { code, setCode, submit, submitting, error, fieldError } = useTotpCodeForm(
    '/api/v1/auth/totp',
    onVerified,
  );

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary error={error} fieldIds={TOTP_FIELDS} />
      <Stack gap="md">
        <Text>{t('staff.signIn.totpIntro')}</Text>
        <TotpCodeField
          id={TOTP_FIELDS.code}
          value={code}
          onChange={setCode}
          error={fieldError('code')}
          autoFocus
        />
        <Group>
          <Button type="submit" loading={submitting}>
            {t('staff.totp.confirm')}
          </Button>
          <Button variant="outline" onClick={onRestart}>
            {t('staff.signIn.restart')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** `/staff/dang-nhap`: password, then the authenticator code when the account has two-step verification. */
export function SignInPage() {
  const { t } = useTranslation();
  const { state, refresh } = useSession();
  const location = useLocation();
  const [step, setStep] = useState<'password' | 'totp'>('password');

  if (state.status === 'signedIn') {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from && from !== SIGN_IN_PATH ? from : '/'} replace />;
  }

  const onPasswordAccepted = async (totpRequired: boolean) => {
    if (totpRequired) setStep('totp');
    else await refresh();
  };

  return (
    <PlainLayout title={step === 'password' ? t('staff.signIn.title') : t('staff.signIn.totpTitle')}>
      {step === 'password' ? (
        <PasswordStep onPasswordAccepted={onPasswordAccepted} />
      ) : (
        <TotpStep onVerified={refresh} onRestart={() => setStep('password')} />
      )}
    </PlainLayout>
  );
}
