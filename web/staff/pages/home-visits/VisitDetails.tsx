import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../shared/format';
import type { HomeVisit } from './homeVisitApi';

/** What a request says: who, where, why, which procedure, when it suits, and the appointment once made. */
export function VisitDetails({ visit }: { visit: HomeVisit }) {
  const { t } = useTranslation();
  const hidden = t('staff.homeVisits.hidden');
  return (
    <dl className="details-list">
      <dt>{t('staff.homeVisits.person')}</dt>
      <dd lang="vi">
        {visit.person.fullName} ({visit.reasonLabel})
      </dd>
      <dt>{t('staff.homeVisits.address')}</dt>
      <dd lang="vi">{visit.person.address ?? hidden}</dd>
      {visit.person.phone && (
        <>
          <dt>{t('staff.homeVisits.personPhone')}</dt>
          <dd>{visit.person.phone}</dd>
        </>
      )}
      <dt>{t('staff.homeVisits.requester')}</dt>
      <dd lang="vi">
        {visit.requesterName} ({visit.requesterLabel}) · {visit.contactPhone}
      </dd>
      <dt>{t('staff.homeVisits.procedure')}</dt>
      <dd lang="vi">{visit.procedure.name}</dd>
      <dt>{t('staff.homeVisits.preferredTimes')}</dt>
      <dd lang="vi">{visit.preferredTimes}</dd>
      {visit.note && (
        <>
          <dt>{t('staff.homeVisits.note')}</dt>
          <dd lang="vi">{visit.note}</dd>
        </>
      )}
      <dt>{t('staff.homeVisits.requestedAt')}</dt>
      <dd>{formatDateTime(visit.createdAt)}</dd>
      {visit.visit && (
        <>
          <dt>{t('staff.homeVisits.appointment')}</dt>
          <dd lang="vi">
            {t('staff.homeVisits.appointmentValue', {
              day: formatDate(visit.visit.day),
              from: visit.visit.from,
              to: visit.visit.to,
              officer: visit.visit.officerName,
            })}
          </dd>
        </>
      )}
      {visit.dossierCode && (
        <>
          <dt>{t('staff.homeVisits.dossier')}</dt>
          <dd>{visit.dossierCode}</dd>
        </>
      )}
      {visit.cancelReason && (
        <>
          <dt>{t('staff.homeVisits.cancelReason')}</dt>
          <dd lang="vi">{visit.cancelReason}</dd>
        </>
      )}
    </dl>
  );
}
