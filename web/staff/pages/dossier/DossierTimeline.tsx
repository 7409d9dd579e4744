import { Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format';
import { TableRegion } from '../../components/TableRegion';
import type { DossierEvent } from '../../dossiers/dossierApi';

/** The control sheet's column: the server may send the key or its Vietnamese label. */
const TIMINGS: Record<string, { key: string; className: string }> = {
  truoc_han: { key: 'truoc_han', className: 'timing-early' },
  dung_han: { key: 'dung_han', className: 'timing-on-time' },
  qua_han: { key: 'qua_han', className: 'timing-late' },
  'Trước hạn': { key: 'truoc_han', className: 'timing-early' },
  'Đúng hạn': { key: 'dung_han', className: 'timing-on-time' },
  'Quá hạn': { key: 'qua_han', className: 'timing-late' },
};

/** "Phiếu kiểm soát quá trình giải quyết hồ sơ": every step, who did it, where it went, and whether on time. */
export function DossierTimeline({ events }: { events: DossierEvent[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="phieu-kiem-soat">
      <Title order={2} size="h3" id="phieu-kiem-soat" mb="xs">
        {t('staff.timeline.title')}
      </Title>
      <TableRegion caption={t('staff.timeline.caption')} rowCount={events.length} minWidth={860}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('staff.timeline.at')}</Table.Th>
            <Table.Th scope="col">{t('staff.timeline.step')}</Table.Th>
            <Table.Th scope="col">{t('staff.timeline.actor')}</Table.Th>
            <Table.Th scope="col">{t('staff.timeline.unit')}</Table.Th>
            <Table.Th scope="col">{t('staff.timeline.timing')}</Table.Th>
            <Table.Th scope="col">{t('staff.timeline.note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event, index) => (
            <Table.Tr key={`${event.at}:${index}`}>
              <Table.Td className="nowrap">{formatDateTime(event.at)}</Table.Td>
              <Table.Th scope="row">
                {t(`staff.actionLabels.${event.action}`, { defaultValue: event.label })}
              </Table.Th>
              <Table.Td lang="vi">{event.actorName}</Table.Td>
              <Table.Td lang="vi">{event.unit ?? '—'}</Table.Td>
              <Table.Td>
                {event.timing ? (
                  <span className={`status-label ${TIMINGS[event.timing]?.className ?? ''}`}>
                    {t(`staff.timing.${TIMINGS[event.timing]?.key ?? event.timing}`, {
                      defaultValue: event.timing,
                    })}
                  </span>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td lang="vi">{event.note ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </TableRegion>
    </section>
  );
}
