import { Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { documentPath, type DocumentKind, type DossierDetail } from '../../dossiers/dossierApi';
import { FileButton } from '../../dossiers/FileButton';

/** Papers this dossier has produced: receipt, supplement notice, refusal, apology; the control sheet always. */
function kindsFor(dossier: DossierDetail): DocumentKind[] {
  const did = (action: string) => dossier.events.some((event) => event.action === action);
  const kinds: DocumentKind[] = [];
  if (did('receive')) kinds.push('receipt');
  if (
    dossier.supplementRequests > 0 ||
    did('request_supplement') ||
    dossier.status === 'supplement_requested'
  )
    kinds.push('supplement');
  if (did('refuse') || dossier.status === 'refused') kinds.push('refusal');
  if (dossier.apologies > 0) kinds.push('apology');
  kinds.push('control-sheet');
  return kinds;
}

export function DossierDocuments({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="giay-to-in">
      <Title order={2} size="h3" id="giay-to-in" mb="xs">
        {t('staff.documents.title')}
      </Title>
      <Text mb="sm">{t('staff.documents.intro')}</Text>
      <Group gap="sm" align="flex-start">
        {kindsFor(dossier).map((kind) => (
          <FileButton
            key={kind}
            path={documentPath(dossier.code, kind)}
            label={t(`staff.documents.kinds.${kind}`)}
          />
        ))}
      </Group>
    </section>
  );
}
