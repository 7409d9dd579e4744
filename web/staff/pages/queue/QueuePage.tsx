import { Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDate } from '../../../shared/format';
import { foldForSearch } from '../../../shared/text';
import { useApiData } from '../../../shared/useApiData';
import { can, useMe } from '../../auth/session';
import { ApiDataView } from '../../components/ApiDataView';
import { PageTitle } from '../../components/PageTitle';
import { DOSSIERS_PATH, URGENCIES, type DossierQueue, type Urgency } from '../../dossiers/dossierApi';
import { DossierTable, useStatusLabel } from '../../dossiers/DossierTable';
import { RegisterExport } from './RegisterExport';

const isUrgency = (value: string | null): value is Urgency => URGENCIES.includes(value as Urgency);

/** The same-day lane ("Làn trong ngày") of the "không hẹn, không chờ" day: `?lan=trong-ngay`. */
const SAME_DAY_LANE = 'trong-ngay';

/** The queue, filtered by the address's `q`, `urgency`, `status` and `lan` (so a figure elsewhere can link to it). */
function QueueView({
  queue,
  reload,
  reloading,
}: {
  queue: DossierQueue;
  reload: () => void;
  reloading: boolean;
}) {
  const { t } = useTranslation();
  const statusLabel = useStatusLabel();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const urgencyParam = params.get('urgency');
  const urgency = isUrgency(urgencyParam) ? urgencyParam : '';
  const status = params.get('status') ?? '';
  const sameDayLane = params.get('lan') === SAME_DAY_LANE;

  const setParam = (name: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  const needle = foldForSearch(query);
  const shown = queue.items.filter(
    (item) =>
      (!urgency || item.urgency === urgency) &&
      (!status || item.status === status) &&
      (!sameDayLane || item.sameDay) &&
      (!needle || foldForSearch(`${item.code} ${item.applicantName} ${item.procedureName}`).includes(needle)),
  );
  const statuses = [
    ...new Map(queue.items.map((item) => [item.status, statusLabel(item.status, item.statusLabel)])),
  ];
  const countOf = (level: Urgency) => queue.items.filter((item) => item.urgency === level).length;

  return (
    <Stack gap="md">
      <Text>{t('staff.queue.intro', { today: formatDate(queue.today), count: queue.items.length })}</Text>
      <section aria-labelledby="tong-hop-muc-khan">
        <Title order={2} size="h4" id="tong-hop-muc-khan" mb="xs">
          {t('staff.queue.byUrgency')}
        </Title>
        <Group gap="xs">
          {URGENCIES.map((level) => (
            <Button
              key={level}
              variant={urgency === level ? 'filled' : 'outline'}
              aria-pressed={urgency === level}
              onClick={() => setParam('urgency', urgency === level ? '' : level)}
              className={`urgency-button urgency-button-${level}`}
            >
              {t(`staff.urgency.${level}`)}: {countOf(level)}
            </Button>
          ))}
          <Button
            variant={sameDayLane ? 'filled' : 'outline'}
            aria-pressed={sameDayLane}
            onClick={() => setParam('lan', sameDayLane ? '' : SAME_DAY_LANE)}
          >
            {t('staff.queue.sameDayLane')}: {queue.items.filter((item) => item.sameDay).length}
          </Button>
          <Button
            variant={status === 'submitted' ? 'filled' : 'outline'}
            aria-pressed={status === 'submitted'}
            onClick={() => setParam('status', status === 'submitted' ? '' : 'submitted')}
          >
            {t('staff.queue.onlineWaiting')}:{' '}
            {queue.items.filter((item) => item.status === 'submitted').length}
          </Button>
        </Group>
      </section>
      <Group align="flex-end" gap="md" role="search" aria-label={t('staff.queue.filters')}>
        <TextInput
          id="tim-ho-so"
          type="search"
          label={t('staff.queue.search')}
          description={t('staff.queue.searchHint')}
          value={query}
          onChange={(event) => setParam('q', event.currentTarget.value)}
          w={{ base: '100%', sm: 340 }}
        />
        <NativeSelect
          id="loc-muc-khan"
          label={t('staff.queue.urgency')}
          value={urgency}
          onChange={(event) => setParam('urgency', event.currentTarget.value)}
          data={[
            { value: '', label: t('staff.queue.all') },
            ...URGENCIES.map((level) => ({ value: level, label: t(`staff.urgency.${level}`) })),
          ]}
          w={{ base: '100%', sm: 200 }}
        />
        <NativeSelect
          id="loc-trang-thai"
          label={t('staff.queue.status')}
          value={status}
          onChange={(event) => setParam('status', event.currentTarget.value)}
          data={[
            { value: '', label: t('staff.queue.all') },
            ...statuses.map(([value, label]) => ({ value, label })),
            ...(status && !statuses.some(([value]) => value === status)
              ? [{ value: status, label: status }]
              : []),
          ]}
          w={{ base: '100%', sm: 260 }}
        />
        <Button variant="outline" onClick={reload} loading={reloading}>
          {t('staff.queue.reload')}
        </Button>
      </Group>
      <Text role="status">{t('staff.queue.shown', { shown: shown.length, total: queue.items.length })}</Text>
      <DossierTable caption={t('staff.queue.caption')} items={shown} />
    </Stack>
  );
}

/** `/staff/ho-so`: open dossiers of the ward, most urgent first (permission `dossiers.read`). */
export function QueuePage() {
  const { t } = useTranslation();
  const me = useMe();
  const queue = useApiData<DossierQueue>(DOSSIERS_PATH);
  return (
    <Stack gap="xl">
      <div>
        <PageTitle>{t('staff.pages.queue.title')}</PageTitle>
        <ApiDataView data={queue}>
          {(value) => (
            <QueueView
              queue={value}
              reload={queue.reload}
              reloading={queue.loading && queue.data !== undefined}
            />
          )}
        </ApiDataView>
      </div>
      {can(me, 'registers.export') && queue.data && <RegisterExport today={queue.data.today} />}
    </Stack>
  );
}
