import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api';
import { useSubmission, validationError } from '../../shared/forms';
import { isTotpCode, normaliseTotpCode } from './TotpCodeField';

/**
 * A form that sends one 6-digit code to `endpoint` (the sign-in step or the enrolment confirmation): checks
 * its shape first, then runs `after` once the server accepts it.
 */
export function useTotpCodeForm(endpoint: string, after: () => Promise<void>) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const { submitting, error, setError, run, fieldError } = useSubmission();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isTotpCode(code)) {
      return setError(validationError(t('common.checkFields'), { code: t('staff.totp.codeInvalid') }));
    }
    void run(async () => {
      await api.post(endpoint, { code: normaliseTotpCode(code) });
      await after();
    });
  };

  return { code, setCode, submit, submitting, error, fieldError };
}
