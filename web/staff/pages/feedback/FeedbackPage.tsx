import { Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDate, formatPercent } from '../../../shared/format';
import { useApiData } from '../../../shared/useApiData';
import { ApiDataView } from '../../components/ApiDataView';
import { PageTitle } from '../../components/PageTitle';
import { TableRegion } from '../../components/TableRegion';
import { FEEDBACK_VIEWS, feedbackListPath, type FeedbackList, type FeedbackView } from './feedbackApi';
import { FeedbackItemDetails } from './FeedbackItemDetails';
import { TimelinessLabel } from './TimelinessLabel';

const isView = (value: string | null): value is FeedbackView =>
  FEEDBACK_VIEWS.includes(value as FeedbackView);

/** `/staff/phan-anh-kien-nghi`: the feedback register — open, due soon, late, answered — routed and answered here. */
export function FeedbackPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('view');
  const view: FeedbackView = isView(requested) ? requested : 'open';
  const list = useApiData<FeedbackList>(feedbackListPath(view));
  const [opened, setOpened] = useState<string | null>(null);

  return (
    <Stack gap="lg">
      <PageTitle>{t('staff.pages.feedback.title')}</PageTitle>
      <SegmentedControl
        value={view}
        onChange={(value) => setParams({ view: value })}
        data={FEEDBACK_VIEWS.map((v) => ({ value: v, label: t(`staff.listening.feedback.views.${v}`) }))}
        aria-label={t('staff.listening.feedback.viewsLabel')}
      />
      <ApiDataView data={list}>
        {(loaded) => (
          <Stack gap="md">
            <Text>
              {t('staff.listening.feedback.counts', {
                open: loaded.counts.open,
                dueSoon: loaded.counts.dueSoon,
                late: loaded.counts.late,
              })}
            </Text>
            {loaded.answerRates.map((rate) => (
              <Text key={rate.kind}>
                {t('staff.listening.feedback.rate', {
                  kind: rate.kindLabel,
                  percent: rate.onTimePercent === null ? '—' : formatPercent(rate.onTimePercent),
                  onTime: rate.onTime,
                  answered: rate.answered,
                })}
              </Text>
            ))}
            <TableRegion
              caption={t('staff.listening.feedback.caption', { count: loaded.items.length })}
              rowCount={loaded.items.length}
              minWidth={900}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('staff.listening.feedback.code')}</Table.Th>
                  <Table.Th>{t('staff.listening.feedback.content')}</Table.Th>
                  <Table.Th>{t('staff.listening.feedback.unit')}</Table.Th>
                  <Table.Th>{t('staff.listening.feedback.due')}</Table.Th>
                  <Table.Th>{t('staff.listening.feedback.standing')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {loaded.items.map((item) => (
                  <Fragment key={item.code}>
                    <Table.Tr>
                      <Table.Td>
                        <Button
                          variant="subtle"
                          aria-expanded={opened === item.code}
                          onClick={() => setOpened(opened === item.code ? null : item.code)}
                        >
                          {item.code}
                        </Button>
                      </Table.Td>
                      <Table.Td lang="vi">
                        {item.kindLabel} · {item.categoryName} · {item.sourceLabel}
                        <Text size="sm" lineClamp={2}>
                          {item.text}
                        </Text>
                      </Table.Td>
                      <Table.Td lang="vi">{item.responsibleUnitName ?? item.statusLabel}</Table.Td>
                      <Table.Td>{formatDate(item.dueDate)}</Table.Td>
                      <Table.Td>
                        {item.timeliness ? (
                          <TimelinessLabel timeliness={item.timeliness} label={item.timelinessLabel} />
                        ) : (
                          <span lang="vi">{item.statusLabel}</span>
                        )}
                      </Table.Td>
                    </Table.Tr>
                    {opened === item.code && (
                      <Table.Tr>
                        <Table.Td colSpan={5}>
                          <FeedbackItemDetails code={item.code} onChanged={list.reload} />
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                ))}
              </Table.Tbody>
            </TableRegion>
            <Group>
              <Button variant="outline" onClick={list.reload}>
                {t('staff.listening.reload')}
              </Button>
            </Group>
          </Stack>
        )}
      </ApiDataView>
    </Stack>
  );
}
