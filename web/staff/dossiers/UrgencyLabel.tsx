import { useTranslation } from 'react-i18next';
import type { Urgency } from './dossierApi';

/** Urgency as words on a coloured label: the colour helps, the words carry the meaning. */
export function UrgencyLabel({ urgency, label }: { urgency: Urgency; label?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`status-label urgency-${urgency}`}>
      {t(`staff.urgency.${urgency}`, { defaultValue: label ?? urgency })}
    </span>
  );
}

/** "Trễ hạn lần hai": the ward leader must step in. */
export function LateTwiceLabel() {
  const { t } = useTranslation();
  return <span className="status-label late-twice">{t('staff.urgency.lateTwice')}</span>;
}
