import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api';
import { ErrorSummary } from '../../shared/ErrorSummary';
import { useSubmission, validationError } from '../../shared/forms';
import { useMe } from '../auth/session';
import { PageTitle } from '../components/PageTitle';
import { useRoleLabel } from '../shell/useRoleLabel';

const MIN_PASSWORD_LENGTH = 10;
const FIELDS = {
  currentPassword: 'mat-khau-hien-tai',
  newPassword: 'mat-khau-moi',
  confirmation: 'nhap-lai-mat-khau',
};

function AccountDetails() {
  const { t } = useTranslation();
  const me = useMe();
  const roleLabel = useRoleLabel();
  const rows = [
    [t('staff.account.fullName'), me.fullName, 'vi'],
    [t('staff.account.username'), me.username],
    [t('staff.account.role'), roleLabel(me.role)],
    [t('staff.account.unit'), me.unit?.name, 'vi'],
    [t('staff.account.ward'), me.ward?.name, 'vi'],
  ].filter((row): row is [string, string, string?] => Boolean(row[1]));
  return (
    <dl className="details-list">
      {rows.map(([term, value, lang]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd lang={lang}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function ChangePasswordForm() {
  const { t } = useTranslation();
  const [values, setValues] = useState({ currentPassword: '', newPassword: '', confirmation: '' });
  const [changed, setChanged] = useState(false);
  const { submitting, error, setError, run, fieldError } = useSubmission();

  const field = (name: keyof typeof values) => ({
    id: FIELDS[name],
    value: values[name],
    onChange: (event: { currentTarget: HTMLInputElement }) => {
      const { value } = event.currentTarget;
      setValues((current) => ({ ...current, [name]: value }));
    },
    error: fieldError(name),
    type: 'password',
    required: true,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChanged(false);
    const problems: Record<string, string> = {};
    if (!values.currentPassword) problems.currentPassword = t('staff.account.currentMissing');
    if (values.newPassword.length < MIN_PASSWORD_LENGTH)
      problems.newPassword = t('staff.account.newTooShort');
    else if (values.confirmation !== values.newPassword) problems.confirmation = t('staff.account.mismatch');
    if (Object.keys(problems).length > 0) return setError(validationError(t('common.checkFields'), problems));
    void run(async () => {
      const { currentPassword, newPassword } = values;
      await api.post('/api/v1/auth/password', { currentPassword, newPassword });
      setValues({ currentPassword: '', newPassword: '', confirmation: '' });
      setChanged(true);
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary error={error} fieldIds={FIELDS} />
      <Stack gap="md" maw={420}>
        <TextInput
          {...field('currentPassword')}
          label={t('staff.account.currentPassword')}
          autoComplete="current-password"
        />
        <TextInput
          {...field('newPassword')}
          label={t('staff.account.newPassword')}
          description={t('staff.account.newPasswordHint')}
          autoComplete="new-password"
        />
        <TextInput
          {...field('confirmation')}
          label={t('staff.account.confirmation')}
          autoComplete="new-password"
        />
        <Group>
          <Button type="submit" loading={submitting}>
            {t('staff.account.submit')}
          </Button>
        </Group>
        <Text role="status" fw={700}>
          {changed ? t('staff.account.changed') : ''}
        </Text>
      </Stack>
    </form>
  );
}

/** `/staff/tai-khoan`: who is signed in, and changing the password. */
export function AccountPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="xl">
      <PageTitle>{t('staff.pages.account.title')}</PageTitle>
      <section>
        <Title order={2} mb="sm">
          {t('staff.account.detailsTitle')}
        </Title>
        <AccountDetails />
      </section>
      <section>
        <Title order={2} mb="sm">
          {t('staff.account.passwordTitle')}
        </Title>
        <ChangePasswordForm />
      </section>
    </Stack>
  );
}
