import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

/** Sets `<title>` to "<page> – Chính quyền thân thiện" in the current language. */
export function usePageTitle(pageTitle: string): void {
  const { t } = useTranslation();
  useDocumentTitle(`${pageTitle} – ${t('common.appName')}`);
}
