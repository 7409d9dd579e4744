import { Alert, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asApiError } from '../../shared/api';

/** A sealed denouncer as the identity route returns it (a reception visit adds the group's representatives). */
interface SealedPerson {
  fullName: string;
  address: string | null;
  phone: string | null;
  idNumber: string | null;
  representatives?: string[];
}

/**
 * The denouncer: "Đã niêm phong" for everyone; those the law allows may open it from `path`, one audited reading
 * at a time, and it is never kept beyond this card.
 */
export function SealedIdentity({ path, mayOpen }: { path: string; mayOpen: boolean }) {
  const { t } = useTranslation();
  const [identity, setIdentity] = useState<SealedPerson | null>(null);
  const [error, setError] = useState<string | null>(null);
  const open = async () => {
    try {
      setIdentity(await api.get<SealedPerson>(path));
    } catch (caught) {
      setError(asApiError(caught).message);
    }
  };
  return (
    <Stack gap={4}>
      <Text>
        {t('staff.denunciations.denouncer')}:{' '}
        <span className="status-label">{t('staff.denunciations.sealed')}</span>
      </Text>
      {identity ? (
        <div>
          <Alert color="blue" variant="light" title={t('staff.denunciations.identityTitle')}>
            <Text lang="vi">{[identity.fullName, identity.address].filter(Boolean).join(' — ')}</Text>
            {identity.phone && <Text>{identity.phone}</Text>}
            {identity.idNumber && <Text>{identity.idNumber}</Text>}
            {identity.representatives && identity.representatives.length > 0 && (
              <Text lang="vi">{identity.representatives.join(', ')}</Text>
            )}
          </Alert>
          <Button mt="xs" size="xs" variant="outline" onClick={() => setIdentity(null)}>
            {t('staff.denunciations.hide')}
          </Button>
        </div>
      ) : (
        mayOpen && (
          <div>
            <Button size="xs" variant="outline" onClick={() => void open()}>
              {t('staff.denunciations.open')}
            </Button>
            <Text size="sm" c="gray.7">
              {t('staff.denunciations.openHint')}
            </Text>
          </div>
        )
      )}
      {error && <Text c="red.8">{error}</Text>}
    </Stack>
  );
}
