import { Anchor, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber, formatPercent } from '../../../shared/format';
import { useApiData } from '../../../shared/useApiData';
import { can, useMe } from '../../auth/session';
import { TableRegion } from '../../components/TableRegion';
import {
  COMPLAINT_FIGURES_PATH,
  DENUNCIATION_FIGURES_PATH,
  type RegisterFigures,
} from '../complaints/complaintApi';
import { feedbackListPath, type FeedbackList } from '../feedback/feedbackApi';
import { LOG_FIGURES_PATH, type LogList } from '../reception/receptionApi';

interface Row {
  key: string;
  label: string;
  counts: { open: number; dueSoon: number; late: number };
  rate: { onTimePercent: number | null; onTime: number; answered: number } | null;
  /** Staff page of the records, by view. */
  page: (view: string) => string;
}

/** Complaints or denunciations: each figure opens its view of the register (resolved on time: the closed ones). */
function registerRow(key: string, label: string, figures: RegisterFigures, page: string): Row {
  const { resolved, onTime, onTimePercent } = figures.resolutionRate;
  return {
    key,
    label,
    counts: figures.counts,
    rate: { onTimePercent, onTime, answered: resolved },
    page: (view: string) => `${page}?view=${view === 'answered' ? 'closed' : view}`,
  };
}

/** A figure that opens the records it counts. */
function FigureLink({ to, children }: { to: string; children: string }) {
  return (
    <Anchor component={Link} to={to} underline="always">
      {children}
    </Anchor>
  );
}

/**
 * "Nghe dân nói" on the leader's dashboard: open items, due soon, late and the on-time answer rate for each kind
 * (phản ánh, kiến nghị, answers owed to visitors of the reception; complaints and denunciations resolved on
 * time), each figure linking to its records.
 */
export function ListeningPanel() {
  const { t } = useTranslation();
  const me = useMe();
  const readable = can(me, 'feedback.read') && can(me, 'reception.read');
  const feedback = useApiData<FeedbackList>(readable ? feedbackListPath('open') : null);
  const log = useApiData<LogList>(readable ? LOG_FIGURES_PATH : null);
  const complaints = useApiData<RegisterFigures>(can(me, 'complaints.read') ? COMPLAINT_FIGURES_PATH : null);
  const denunciations = useApiData<RegisterFigures>(
    can(me, 'denunciations.read') ? DENUNCIATION_FIGURES_PATH : null,
  );
  if (!readable || !feedback.data || !log.data || complaints.loading || denunciations.loading) return null;
  const rows: Row[] = [
    ...['phan_anh', 'kien_nghi'].map((kind) => {
      const rate = feedback.data?.answerRates.find((r) => r.kind === kind) ?? null;
      const items = feedback.data?.items.filter((i) => i.kind === kind) ?? [];
      return {
        key: kind,
        label: t(`staff.listening.panel.kinds.${kind}`),
        counts: {
          open: items.length,
          dueSoon: items.filter((i) => i.timeliness === 'due_soon').length,
          late: items.filter((i) => i.timeliness === 'late').length,
        },
        rate,
        page: (view: string) => `/phan-anh-kien-nghi?view=${view}`,
      };
    }),
    {
      key: 'reception',
      label: t('staff.listening.panel.kinds.reception'),
      counts: log.data.counts,
      rate: log.data.answerRate,
      page: (view: string) => `/so-tiep-cong-dan?view=${view === 'answered' ? 'period' : view}`,
    },
    ...(complaints.data
      ? [
          registerRow(
            'complaints',
            t('staff.listening.panel.kinds.complaints'),
            complaints.data,
            '/khieu-nai',
          ),
        ]
      : []),
    ...(denunciations.data
      ? [
          registerRow(
            'denunciations',
            t('staff.listening.panel.kinds.denunciations'),
            denunciations.data,
            '/to-cao',
          ),
        ]
      : []),
  ];
  return (
    <section aria-labelledby="nghe-dan-noi">
      <Title order={2} id="nghe-dan-noi" mb="sm">
        {t('staff.listening.panel.title')}
      </Title>
      <TableRegion caption={t('staff.listening.panel.caption')} rowCount={rows.length} minWidth={640}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('staff.listening.panel.kind')}</Table.Th>
            <Table.Th>{t('staff.listening.panel.open')}</Table.Th>
            <Table.Th>{t('staff.listening.panel.dueSoon')}</Table.Th>
            <Table.Th>{t('staff.listening.panel.late')}</Table.Th>
            <Table.Th>{t('staff.listening.panel.onTime')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Th scope="row">{row.label}</Table.Th>
              <Table.Td>
                <FigureLink to={row.page('open')}>{formatNumber(row.counts.open)}</FigureLink>
              </Table.Td>
              <Table.Td>
                <FigureLink to={row.page('due_soon')}>{formatNumber(row.counts.dueSoon)}</FigureLink>
              </Table.Td>
              <Table.Td>
                <FigureLink to={row.page('late')}>{formatNumber(row.counts.late)}</FigureLink>
              </Table.Td>
              <Table.Td>
                <FigureLink to={row.page('answered')}>
                  {row.rate?.onTimePercent == null
                    ? '—'
                    : t('staff.listening.panel.rate', {
                        percent: formatPercent(row.rate.onTimePercent),
                        onTime: row.rate.onTime,
                        answered: row.rate.answered,
                      })}
                </FigureLink>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </TableRegion>
    </section>
  );
}
