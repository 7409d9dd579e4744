import { NativeSelect, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInVietnam } from '../../../shared/format';
import { useApiData } from '../../../shared/useApiData';
import { can, useMe } from '../../auth/session';
import { ApiDataView } from '../../components/ApiDataView';
import { PageTitle } from '../../components/PageTitle';
import { AdjustmentForm } from './AdjustmentForm';
import { CalendarDaysTable } from './CalendarDaysTable';
import { calendarDaysPath, type CalendarYear } from './calendarApi';
import { DueDateCalculator } from './DueDateCalculator';

function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}

/** `/staff/lich`: days off and working days of a year, the due-date calculator and ward adjustments. */
export function CalendarPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canAdjust = can(me, 'calendar.adjust');
  const thisYear = yearOf(todayInVietnam());
  const [year, setYear] = useState(thisYear);
  const days = useApiData<CalendarYear>(calendarDaysPath(year));
  const years = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map(String);

  const onAdjustmentAdded = (date: string) => {
    if (yearOf(date) === year) days.reload();
    else setYear(yearOf(date));
  };

  return (
    <Stack gap="xl">
      <PageTitle>{t('staff.pages.calendar.title')}</PageTitle>
      <section>
        <Title order={2} mb="sm">
          {t('staff.calendar.daysTitle')}
        </Title>
        <NativeSelect
          id="nam-lich"
          label={t('staff.calendar.year')}
          value={String(year)}
          onChange={(event) => setYear(Number(event.currentTarget.value))}
          data={years.includes(String(year)) ? years : [...years, String(year)]}
          w={160}
          mb="md"
        />
        <ApiDataView data={days}>
          {(value) => (
            <CalendarDaysTable
              year={value.year}
              days={value.days}
              canAdjust={canAdjust}
              onChanged={days.reload}
            />
          )}
        </ApiDataView>
      </section>
      {canAdjust && (
        <section>
          <Title order={2} mb="sm">
            {t('staff.adjustment.title')}
          </Title>
          <AdjustmentForm onAdded={onAdjustmentAdded} />
        </section>
      )}
      <section>
        <Title order={2} mb="sm">
          {t('staff.dueDate.title')}
        </Title>
        <DueDateCalculator />
      </section>
    </Stack>
  );
}
