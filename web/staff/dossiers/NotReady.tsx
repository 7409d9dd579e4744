import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api';

/**
 * A route that is not on the server yet answers 404 (or 405/501): such features say so politely instead of
 * showing an error. Only for routes known to be still in the making.
 */
export function isNotReady(error: ApiError | null | undefined): boolean {
  return error !== null && error !== undefined && [404, 405, 501].includes(error.status);
}

export function NotReady({ what }: { what?: string }) {
  const { t } = useTranslation();
  return (
    <Alert role="status" color="blue" variant="light" title={t('staff.notReady.title')} my="sm">
      <Text>{what ? t('staff.notReady.textWhat', { what }) : t('staff.notReady.text')}</Text>
    </Alert>
  );
}
