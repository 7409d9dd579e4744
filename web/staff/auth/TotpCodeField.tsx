import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Digits only: people often type the code with a space in the middle, as authenticator apps show it. */
export function normaliseTotpCode(code: string): string {
  return code.replace(/\s/g, '');
}

export function isTotpCode(code: string): boolean {
  return /^\d{6}$/.test(normaliseTotpCode(code));
}

interface TotpCodeFieldProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  autoFocus?: boolean;
}

/** The 6-digit "Mã xác thực" field, with the phone's one-time-code autofill. */
export function TotpCodeField({ id, value, onChange, error, autoFocus }: TotpCodeFieldProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      id={id}
      label={t('staff.totp.codeLabel')}
      description={t('staff.totp.codeHint')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      required
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={7}
      w={{ base: '100%', xs: 220 }}
      autoFocus={autoFocus}
    />
  );
}
