import { Anchor, Stack, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../shared/format';
import { can, useMe } from '../auth/session';
import { TableRegion } from '../components/TableRegion';
import { dossierPagePath } from '../shell/navigation';
import type { DossierListItem } from './dossierApi';
import { LateTwiceLabel, UrgencyLabel } from './UrgencyLabel';

/** Status label in the current language; the server's Vietnamese label otherwise. */
export function useStatusLabel(): (status: string, label: string) => string {
  const { t } = useTranslation();
  return (status, label) => t(`staff.status.${status}`, { defaultValue: label });
}

/** Dossiers as a table: urgency in words, the code linking to the dossier's page. */
export function DossierTable({ caption, items }: { caption: string; items: DossierListItem[] }) {
  const { t } = useTranslation();
  const statusLabel = useStatusLabel();
  /** Readers without dossier access (the city reviewer) see the codes without links to pages they cannot open. */
  const canOpen = can(useMe(), 'dossiers.read');
  const withUrgency = items.some((item) => item.urgency);
  const withApplicant = items.some((item) => item.applicantName);
  const withFinished = items.some((item) => item.finishedAt);
  return (
    <TableRegion caption={caption} rowCount={items.length} minWidth={880}>
      <Table.Thead>
        <Table.Tr>
          {withUrgency && <Table.Th scope="col">{t('staff.queue.urgency')}</Table.Th>}
          <Table.Th scope="col">{t('staff.queue.code')}</Table.Th>
          <Table.Th scope="col">{t('staff.queue.procedure')}</Table.Th>
          {withApplicant && <Table.Th scope="col">{t('staff.queue.applicant')}</Table.Th>}
          <Table.Th scope="col">{t('staff.queue.status')}</Table.Th>
          <Table.Th scope="col">{t('staff.queue.receivedAt')}</Table.Th>
          <Table.Th scope="col">{t('staff.queue.dueDate')}</Table.Th>
          {withFinished && <Table.Th scope="col">{t('staff.queue.finishedAt')}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.code}>
            {withUrgency && (
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  {item.urgency && <UrgencyLabel urgency={item.urgency} label={item.urgencyLabel} />}
                  {item.lateTwice && <LateTwiceLabel />}
                </Stack>
              </Table.Td>
            )}
            <Table.Th scope="row" className="nowrap">
              {canOpen ? (
                <Anchor component={Link} to={dossierPagePath(item.code)} underline="always">
                  {item.code}
                </Anchor>
              ) : (
                item.code
              )}
            </Table.Th>
            <Table.Td lang="vi">{item.procedureName}</Table.Td>
            {withApplicant && <Table.Td lang="vi">{item.applicantName}</Table.Td>}
            <Table.Td>
              <Stack gap={4} align="flex-start">
                <span>{statusLabel(item.status, item.statusLabel)}</span>
                {item.supplementArrived && (
                  <span className="status-label status-current">{t('staff.queue.supplementArrived')}</span>
                )}
              </Stack>
            </Table.Td>
            <Table.Td className="nowrap">{formatDateTime(item.receivedAt)}</Table.Td>
            <Table.Td className="nowrap">{item.dueDate ? formatDate(item.dueDate) : '—'}</Table.Td>
            {withFinished && (
              <Table.Td className="nowrap">
                {item.finishedAt ? formatDateTime(item.finishedAt) : '—'}
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableRegion>
  );
}
