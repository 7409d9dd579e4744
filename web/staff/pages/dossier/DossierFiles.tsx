import { Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format';
import { useApiData } from '../../../shared/useApiData';
import { dossierPath, type DossierDetail } from '../../dossiers/dossierApi';
import { FileButton } from '../../dossiers/FileButton';

interface DossierFile {
  id: string;
  /** 'submitted' with the filing, 'supplement' sent later in answer to a Mẫu 02. */
  kind: string;
  documentName: string | null;
  fileName: string;
  size: number;
  createdAt: string;
  url: string;
}

/** The papers the citizen uploaded with an online filing; each opening is recorded as a read of personal data. */
export function DossierFiles({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const files = useApiData<{ items: DossierFile[] }>(
    dossier.channel === 'online' || dossier.returnChannel === 'online'
      ? `${dossierPath(dossier.code)}/files`
      : null,
  );
  if (!files.data || files.data.items.length === 0) return null;
  return (
    <section aria-labelledby="tep-nop-truc-tuyen">
      <Title order={2} size="h3" id="tep-nop-truc-tuyen" mb="xs">
        {t('staff.dossier.files.title')}
      </Title>
      <Text mb="sm">{t('staff.dossier.files.intro')}</Text>
      <ul className="plain-list">
        {files.data.items.map((file) => (
          <li key={file.id}>
            <Group gap="sm" align="center" wrap="wrap">
              <FileButton
                path={file.url}
                label={t('staff.dossier.files.open', { name: file.fileName })}
                describedBy={`tep-${file.id}`}
              />
              <Text id={`tep-${file.id}`} lang="vi">
                {file.documentName} · {formatDateTime(file.createdAt)}
                {file.kind === 'supplement' && ` · ${t('staff.dossier.files.supplement')}`}
              </Text>
            </Group>
          </li>
        ))}
      </ul>
    </section>
  );
}
