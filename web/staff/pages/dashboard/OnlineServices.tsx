import { Stack, Table, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format';
import { useApiData } from '../../../shared/useApiData';
import { ApiDataView } from '../../components/ApiDataView';
import { TableRegion } from '../../components/TableRegion';
import type { Figure, Period } from '../../dossiers/dossierApi';
import { LoadError } from '../../../shared/DataStatus';
import { FigureCards, figureValue } from './FigureChart';
import { FigureRecords } from './FigureLists';

/** The one-stop figures shown here rather than among the others (seed III.2, III.6: online services). */
export const ONLINE_SERVICE_KEYS = ['onlineShare', 'onlinePaymentShare', 'homeIntakes', 'sameDayShare'];
const SATISFACTION_KEY = 'satisfiedPercent';

interface Ballot {
  dossierCode: string;
  procedureName: string;
  levelLabel: string;
  comment: string | null;
  createdAt: string;
}

/** The ballots behind the satisfaction figure. */
function BallotRecords({ figure }: { figure: Figure }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [figure.key]);
  const ballots = useApiData<{ items: Ballot[] }>(figure.href.startsWith('/api/') ? figure.href : null);
  return (
    <section aria-labelledby="phieu-cua-chi-so">
      <Title order={2} id="phieu-cua-chi-so" ref={headingRef} tabIndex={-1} mb="xs">
        {t('staff.dashboard.ballotsOf', { label: figure.label, value: figureValue(figure) })}
      </Title>
      <ApiDataView data={ballots}>
        {({ items }) => (
          <TableRegion caption={figure.label} rowCount={items.length} minWidth={720}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('staff.queue.code')}</Table.Th>
                <Table.Th scope="col">{t('staff.queue.procedure')}</Table.Th>
                <Table.Th scope="col">{t('staff.dashboard.level')}</Table.Th>
                <Table.Th scope="col">{t('staff.dashboard.comment')}</Table.Th>
                <Table.Th scope="col">{t('staff.dashboard.ratedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((ballot) => (
                <Table.Tr key={ballot.dossierCode}>
                  <Table.Th scope="row" className="nowrap">
                    {ballot.dossierCode}
                  </Table.Th>
                  <Table.Td lang="vi">{ballot.procedureName}</Table.Td>
                  <Table.Td lang="vi">{ballot.levelLabel}</Table.Td>
                  <Table.Td lang="vi">{ballot.comment ?? '—'}</Table.Td>
                  <Table.Td className="nowrap">{formatDateTime(ballot.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </TableRegion>
        )}
      </ApiDataView>
    </section>
  );
}

/**
 * "Dịch vụ trực tuyến": online filing, online payment, satisfaction, home intakes and the same-day share of the
 * period; each card opens the records it counts (dossiers, or the satisfaction ballots).
 */
export function OnlineServices({
  figures,
  period,
  ward,
}: {
  figures: Figure[];
  period: Period;
  ward?: string;
}) {
  const [selected, setSelected] = useState<Figure | null>(null);
  const query = new URLSearchParams({ from: period.from, to: period.to, ...(ward ? { ward } : {}) });
  const satisfaction = useApiData<{ figures: Figure[] }>(
    `/api/v1/indicators/satisfaction?${query.toString()}`,
  );
  const satisfied = satisfaction.data?.figures.find((figure) => figure.key === SATISFACTION_KEY);
  const oneStop = (key: string) => figures.find((figure) => figure.key === key);
  const shown = [
    oneStop('onlineShare'),
    oneStop('onlinePaymentShare'),
    satisfied,
    oneStop('homeIntakes'),
    oneStop('sameDayShare'),
  ].filter((figure): figure is Figure => figure !== undefined);
  return (
    <Stack gap="lg">
      {satisfaction.error && <LoadError error={satisfaction.error} onRetry={satisfaction.reload} />}
      <FigureCards figures={shown} selected={selected?.key ?? null} onOpen={setSelected} />
      {selected?.key === SATISFACTION_KEY && <BallotRecords figure={selected} />}
      {selected && selected.key !== SATISFACTION_KEY && (
        <FigureRecords key={selected.key} figure={selected} />
      )}
    </Stack>
  );
}
