import { useTranslation } from 'react-i18next';

export const MAIN_CONTENT_ID = 'noi-dung-chinh';

/** First focusable element of every page: jumps past the header to `<main>`. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href={`#${MAIN_CONTENT_ID}`}>
      {t('common.skipLink')}
    </a>
  );
}
