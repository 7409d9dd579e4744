import { Alert, Button, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { formatDate, formatWeekday } from '../../../shared/format';
import { useSubmission } from '../../../shared/forms';
import { TableRegion } from '../../components/TableRegion';
import { adjustmentPath, type CalendarDay } from './calendarApi';

interface CalendarDaysTableProps {
  year: number;
  days: CalendarDay[];
  /** Shows a delete button on adjustment rows (permission `calendar.adjust`). */
  canAdjust: boolean;
  onChanged: () => void;
}

export function CalendarDaysTable({ year, days, canAdjust, onChanged }: CalendarDaysTableProps) {
  const { t, i18n } = useTranslation();
  const { submitting, error, run } = useSubmission();
  const [deleted, setDeleted] = useState<string | null>(null);

  const remove = (date: string) =>
    void run(async () => {
      setDeleted(null);
      await api.delete(adjustmentPath(date));
      setDeleted(date);
      onChanged();
    });

  return (
    <>
      {error && (
        <Alert role="alert" color="red" mb="md" title={t('staff.calendar.deleteFailed')}>
          {error.message}
        </Alert>
      )}
      <Text role="status" fw={700} mb={deleted ? 'md' : 0}>
        {deleted ? t('staff.calendar.deleted', { date: formatDate(deleted) }) : ''}
      </Text>
      <TableRegion caption={t('staff.calendar.daysCaption', { year })} rowCount={days.length} minWidth={760}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('staff.calendar.date')}</Table.Th>
            <Table.Th scope="col">{t('staff.calendar.weekday')}</Table.Th>
            <Table.Th scope="col">{t('staff.calendar.kind')}</Table.Th>
            <Table.Th scope="col">{t('staff.calendar.reason')}</Table.Th>
            <Table.Th scope="col">{t('staff.calendar.legalBasis')}</Table.Th>
            <Table.Th scope="col">{t('staff.calendar.source')}</Table.Th>
            {canAdjust && <Table.Th scope="col">{t('staff.calendar.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {days.map((day) => (
            <Table.Tr key={`${day.date}:${day.source}`}>
              <Table.Th scope="row">{formatDate(day.date)}</Table.Th>
              <Table.Td>{formatWeekday(day.date, i18n.language)}</Table.Td>
              <Table.Td>
                {t(`staff.calendar.kinds.${day.kind}`)}
                {day.provisional && ` (${t('staff.calendar.provisional')})`}
              </Table.Td>
              <Table.Td>{day.reason}</Table.Td>
              <Table.Td>{day.legalBasis}</Table.Td>
              <Table.Td>{t(`staff.calendar.sources.${day.source}`)}</Table.Td>
              {canAdjust && (
                <Table.Td>
                  {day.source === 'adjustment' && (
                    <Button
                      variant="outline"
                      color="red.9"
                      disabled={submitting}
                      aria-label={t('staff.calendar.deleteLabel', { date: formatDate(day.date) })}
                      onClick={() => remove(day.date)}
                    >
                      {t('staff.calendar.delete')}
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </TableRegion>
    </>
  );
}
