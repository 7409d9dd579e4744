import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { ErrorSummary } from '../../shared/ErrorSummary';
import { useSubmission, validationError } from '../../shared/forms';
import { MY_DOSSIERS_PAGE, OTP_PATH, OTP_VERIFY_PATH, type OtpSent } from './citizenApi';

const PHONE_FIELDS = { phone: 'so-dien-thoai' };
const CODE_FIELDS = { code: 'ma-xac-thuc' };

function PhoneStep({ onSent }: { onSent: (phone: string, sent: OtpSent) => void }) {
  const { t } = useTranslation();
  const [phone, setPhone] = useState('');
  const { submitting, error, setError, run, fieldError } = useSubmission();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!phone.trim()) {
      const message = t('citizen.signIn.phone.missing');
      return setError(validationError(message, { phone: message }));
    }
    void run(async () => onSent(phone.trim(), await api.post<OtpSent>(OTP_PATH, { phone: phone.trim() })));
  };

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary error={error} fieldIds={PHONE_FIELDS} />
      <Stack gap="md">
        <TextInput
          id={PHONE_FIELDS.phone}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          size="lg"
          label={t('citizen.signIn.phone.label')}
          description={t('citizen.signIn.phone.hint')}
          value={phone}
          onChange={(event) => setPhone(event.currentTarget.value)}
          error={fieldError('phone')}
          required
        />
        <Group>
          <Button type="submit" size="lg" loading={submitting}>
            {t('citizen.signIn.phone.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CodeStep({ phone, sent, onRestart }: { phone: string; sent: OtpSent; onRestart: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [resent, setResent] = useState(false);
  const { submitting, error, setError, run, fieldError } = useSubmission();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(code.trim())) {
      const message = t('citizen.signIn.code.invalid');
      return setError(validationError(message, { code: message }));
    }
    void run(async () => {
      await api.post(OTP_VERIFY_PATH, { phone, code: code.trim() });
      await navigate(MY_DOSSIERS_PAGE);
    });
  };

  const resend = () =>
    void run(async () => {
      await api.post<OtpSent>(OTP_PATH, { phone });
      setCode('');
      setResent(true);
    });

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary error={error} fieldIds={CODE_FIELDS} />
      <Stack gap="md">
        <Text role="status">
          {t(resent ? 'citizen.signIn.code.resent' : 'citizen.signIn.code.sent', { phone: sent.phone })}
        </Text>
        <TextInput
          id={CODE_FIELDS.code}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          size="lg"
          label={t('citizen.signIn.code.label')}
          description={t('citizen.signIn.code.hint')}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          error={fieldError('code')}
          required
          autoFocus
        />
        <Group>
          <Button type="submit" size="lg" loading={submitting}>
            {t('citizen.signIn.code.submit')}
          </Button>
          <Button variant="outline" size="lg" onClick={resend} disabled={submitting}>
            {t('citizen.signIn.code.resend')}
          </Button>
          <Button variant="subtle" size="lg" onClick={onRestart} disabled={submitting}>
            {t('citizen.signIn.code.changePhone')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Phone number, then the six-digit code sent to it by SMS. */
export function PhoneSignIn() {
  const [sentTo, setSentTo] = useState<{ phone: string; sent: OtpSent } | null>(null);
  return sentTo ? (
    <CodeStep phone={sentTo.phone} sent={sentTo.sent} onRestart={() => setSentTo(null)} />
  ) : (
    <PhoneStep onSent={(phone, sent) => setSentTo({ phone, sent })} />
  );
}
