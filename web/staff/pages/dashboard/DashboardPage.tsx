import { Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api';
import { ErrorSummary } from '../../../shared/ErrorSummary';
import { firstDayOfMonth, formatDate, todayInVietnam } from '../../../shared/format';
import { validationError } from '../../../shared/forms';
import { parseDayInput } from '../../../shared/parse';
import { useApiData, type ApiData } from '../../../shared/useApiData';
import { useMe } from '../../auth/session';
import { ApiDataView } from '../../components/ApiDataView';
import { PageTitle } from '../../components/PageTitle';
import { indicatorsPath, type Figure, type Indicators, type Period } from '../../dossiers/dossierApi';
import { isNotReady, NotReady } from '../../dossiers/NotReady';
import { FigureCards, FigureChart } from './FigureChart';
import { FigureRecords, LeaderLists } from './FigureLists';
import { ListeningPanel } from './ListeningPanel';
import { ONLINE_SERVICE_KEYS, OnlineServices } from './OnlineServices';

const PERIOD_FIELDS = { from: 'ky-tu-ngay', to: 'ky-den-ngay' };

interface CityWards {
  wards: { code: string; name: string; onPlatform: boolean }[];
}

function Figures({ indicators }: { indicators: ApiData<Indicators> }) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<Figure | null>(null);
  if (isNotReady(indicators.error)) return <NotReady what={t('staff.dashboard.figures')} />;
  return (
    <ApiDataView data={indicators}>
      {(data) => {
        const figures = data.figures.filter((figure) => !ONLINE_SERVICE_KEYS.includes(figure.key));
        return (
          <Stack gap="xl">
            <FigureCards figures={figures} selected={selected?.key ?? null} onOpen={setSelected} />
            <section aria-labelledby="bieu-do">
              <Title order={2} id="bieu-do" mb="xs">
                {t('staff.dashboard.chart')}
              </Title>
              <FigureChart figures={figures} selected={selected?.key ?? null} onOpen={setSelected} />
            </section>
            {selected && <FigureRecords key={selected.key} figure={selected} />}
          </Stack>
        );
      }}
    </ApiDataView>
  );
}

/** Accounts outside any ward (the city reviewer) choose which ward of the city to look at. */
function useWardChoice(needed: boolean) {
  const city = useApiData<CityWards>(needed ? '/api/v1/city/wards' : null);
  const [chosen, setChosen] = useState<string | null>(null);
  const onPlatform = (city.data?.wards ?? []).filter((ward) => ward.onPlatform);
  return { city, onPlatform, ward: chosen ?? onPlatform[0]?.code, setWard: setChosen };
}

/** `/staff/dieu-hanh`: one-stop figures of a period (this month by default) and the dossiers needing leaders. */
export function DashboardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const needsWard = me.ward === null;
  const { city, onPlatform, ward, setWard } = useWardChoice(needsWard);
  /** The period asked for; null until the user picks one (the server then counts this month). */
  const [period, setPeriod] = useState<Period | null>(null);
  const ready = !needsWard || ward !== undefined;
  const indicators = useApiData<Indicators>(
    ready ? indicatorsPath(period, needsWard ? ward : undefined) : null,
  );
  // Until the server says which month it counts (or when it cannot answer), this month on the device's clock.
  const today = todayInVietnam();
  const fallback = indicators.error ? { from: firstDayOfMonth(today), to: today } : null;
  const shown = period ?? indicators.data?.period ?? fallback;
  const [typed, setTyped] = useState<Period | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const typedValue = (name: keyof Period) => typed?.[name] ?? (shown ? formatDate(shown[name]) : '');

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const from = parseDayInput(typedValue('from'));
    const to = parseDayInput(typedValue('to'));
    const problems: Record<string, string> = {};
    if (!from) problems.from = t('staff.register.dayInvalid');
    if (!to) problems.to = t('staff.register.dayInvalid');
    else if (from && from > to) problems.to = t('staff.register.orderInvalid');
    if (!from || !to || Object.keys(problems).length > 0) {
      setError(validationError(t('common.checkFields'), problems));
      return;
    }
    setError(null);
    setPeriod({ from, to });
  };

  return (
    <Stack gap="xl">
      <div>
        <PageTitle>{t('staff.pages.dashboard.title')}</PageTitle>
        <form onSubmit={apply} noValidate aria-label={t('staff.dashboard.period')}>
          <ErrorSummary error={error} fieldIds={PERIOD_FIELDS} />
          <Group align="flex-end" gap="md">
            {needsWard && (
              <NativeSelect
                id="ky-phuong"
                label={t('staff.dashboard.ward')}
                value={ward ?? ''}
                onChange={(event) => setWard(event.currentTarget.value)}
                data={onPlatform.map((option) => ({ value: option.code, label: option.name }))}
                error={city.error?.message}
                w={{ base: '100%', sm: 260 }}
              />
            )}
            {(['from', 'to'] as const).map((name) => (
              <TextInput
                key={name}
                id={PERIOD_FIELDS[name]}
                label={t(`staff.register.${name}`)}
                description={t('common.dayHint')}
                inputMode="numeric"
                value={typedValue(name)}
                onChange={(event) => {
                  const { value } = event.currentTarget;
                  setTyped({ from: typedValue('from'), to: typedValue('to'), [name]: value });
                }}
                error={error?.fields[name]}
                w={200}
              />
            ))}
            <Button type="submit">{t('staff.dashboard.apply')}</Button>
          </Group>
        </form>
        {shown && indicators.data && (
          <Text mt="sm">
            {t('staff.dashboard.periodShown', { from: formatDate(shown.from), to: formatDate(shown.to) })}
          </Text>
        )}
      </div>
      <section aria-labelledby="chi-so">
        <Title order={2} id="chi-so" mb="sm">
          {t('staff.dashboard.figures')}
        </Title>
        {ready ? (
          <Figures key={`${ward}:${period?.from}:${period?.to}`} indicators={indicators} />
        ) : (
          <Text>{city.data ? t('staff.dashboard.noWard') : t('common.loading')}</Text>
        )}
      </section>
      {indicators.data?.period && (
        <section aria-labelledby="dich-vu-truc-tuyen">
          <Title order={2} id="dich-vu-truc-tuyen" mb="sm">
            {t('staff.dashboard.onlineServices')}
          </Title>
          <OnlineServices
            key={`${ward}:${indicators.data.period.from}:${indicators.data.period.to}`}
            figures={indicators.data.figures}
            period={indicators.data.period}
            ward={needsWard ? ward : undefined}
          />
        </section>
      )}
      <LeaderLists figures={indicators.data?.figures} />
      <ListeningPanel />
    </Stack>
  );
}
