import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from './api';

/** Announced loading indicator. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <Group role="status" gap="sm" py="md">
      <Loader size="sm" aria-hidden="true" />
      <Text>{t('common.loading')}</Text>
    </Group>
  );
}

/** A failed load, with the server's message and a retry button. */
export function LoadError({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert role="alert" color="red" title={t('common.loadFailed')} my="md">
      <Text mb="sm">{error.message}</Text>
      {/* blue.9: the primary blue (blue.8) is only 4.1:1 on the alert's light red. */}
      <Button variant="outline" color="blue.9" onClick={onRetry}>
        {t('common.retry')}
      </Button>
    </Alert>
  );
}
