import { Button, Group, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDate, formatPercent } from '../../../shared/format';
import { parseDayInput } from '../../../shared/parse';
import { useApiData } from '../../../shared/useApiData';
import { can, useMe } from '../../auth/session';
import { ApiDataView } from '../../components/ApiDataView';
import { PageTitle } from '../../components/PageTitle';
import { SealedIdentity } from '../../components/SealedIdentity';
import { TableRegion } from '../../components/TableRegion';
import { FileButton } from '../../dossiers/FileButton';
import { TimelinessLabel } from '../feedback/TimelinessLabel';
import { AnswerForm } from './AnswerForm';
import {
  LOG_VIEWS,
  logExportPath,
  logIdentityPath,
  logListPath,
  type LogList,
  type LogView,
} from './receptionApi';
import { VisitForm } from './VisitForm';

const isView = (value: string | null): value is LogView => LOG_VIEWS.includes(value as LogView);

/** `/staff/so-tiep-cong-dan`: the reception log — a period, or the visits still owed an answer — with exports. */
export function ReceptionLogPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const requested = params.get('view');
  const view: LogView = isView(requested) ? requested : 'period';
  // Until the officer types a period, the server's last 30 days (its calendar, not the browser's clock).
  const [typed, setTyped] = useState<{ from: string; to: string } | null>(null);
  const fromDay = typed ? parseDayInput(typed.from) : null;
  const toDay = typed ? parseDayInput(typed.to) : null;
  const valid = fromDay !== null && toDay !== null && fromDay <= toDay;
  const list = useApiData<LogList>(
    view === 'period' && typed ? (valid ? logListPath(view, fromDay, toDay) : null) : logListPath(view),
  );
  const shown = {
    from: typed?.from ?? (list.data ? formatDate(list.data.from) : ''),
    to: typed?.to ?? (list.data ? formatDate(list.data.to) : ''),
  };
  const period = typed ? (valid ? { from: fromDay, to: toDay } : null) : list.data;
  const [answering, setAnswering] = useState<string | null>(null);
  const [logged, setLogged] = useState<string | null>(null);

  return (
    <Stack gap="xl">
      <PageTitle>{t('staff.pages.receptionLog.title')}</PageTitle>
      <Text role="status" fw={700}>
        {logged ?? ''}
      </Text>
      <SegmentedControl
        value={view}
        onChange={(value) => setParams({ view: value })}
        data={LOG_VIEWS.map((v) => ({ value: v, label: t(`staff.listening.log.views.${v}`) }))}
        aria-label={t('staff.listening.feedback.viewsLabel')}
      />
      {view === 'period' && (
        <Group align="flex-start">
          <TextInput
            id="so-tcd-tu"
            label={t('staff.register.from')}
            description={t('common.dayHint')}
            inputMode="numeric"
            value={shown.from}
            onChange={(e) => setTyped({ ...shown, from: e.currentTarget.value })}
            error={!typed || fromDay ? undefined : t('staff.register.dayInvalid')}
            w={200}
          />
          <TextInput
            id="so-tcd-den"
            label={t('staff.register.to')}
            description={t('common.dayHint')}
            inputMode="numeric"
            value={shown.to}
            onChange={(e) => setTyped({ ...shown, to: e.currentTarget.value })}
            error={
              !typed || valid
                ? undefined
                : toDay
                  ? t('staff.register.orderInvalid')
                  : t('staff.register.dayInvalid')
            }
            w={200}
          />
        </Group>
      )}
      {period && can(me, 'reception.export') && (
        <Group gap="sm">
          <FileButton
            path={logExportPath(period.from, period.to, 'pdf')}
            label={t('staff.listening.log.pdf')}
          />
          <FileButton
            path={logExportPath(period.from, period.to, 'xlsx')}
            label={t('staff.listening.log.xlsx')}
            mode="download"
            fileName={`so-tiep-cong-dan-${period.from}-${period.to}.xlsx`}
          />
        </Group>
      )}
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
            <Text>
              {t('staff.listening.log.rate', {
                percent:
                  loaded.answerRate.onTimePercent === null
                    ? '—'
                    : formatPercent(loaded.answerRate.onTimePercent),
                onTime: loaded.answerRate.onTime,
                answered: loaded.answerRate.answered,
              })}
            </Text>
            <TableRegion
              caption={t('staff.listening.log.caption', { count: loaded.entries.length })}
              rowCount={loaded.entries.length}
              minWidth={960}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('staff.listening.log.number')}</Table.Th>
                  <Table.Th>{t('staff.listening.log.visitor')}</Table.Th>
                  <Table.Th>{t('staff.listening.log.matter')}</Table.Th>
                  <Table.Th>{t('staff.listening.log.classification')}</Table.Th>
                  <Table.Th>{t('staff.listening.feedback.due')}</Table.Th>
                  <Table.Th>{t('staff.listening.log.result')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {loaded.entries.map((entry) => (
                  <Fragment key={entry.id}>
                    <Table.Tr>
                      <Table.Td>
                        {entry.number}/{entry.year}
                        <Text size="sm">{formatDate(entry.receiptDay)}</Text>
                      </Table.Td>
                      <Table.Td lang="vi">
                        {entry.visitorSealed ? (
                          <SealedIdentity
                            path={logIdentityPath(entry.id)}
                            mayOpen={can(me, 'reception.identity.read')}
                          />
                        ) : (
                          entry.visitorName
                        )}
                        {entry.visitorIdNumber && <Text size="sm">CCCD {entry.visitorIdNumber}</Text>}
                        {entry.groupSize > 1 && (
                          <Text size="sm">
                            {t('staff.listening.log.group', {
                              count: entry.groupSize,
                              names: entry.representatives.join(', '),
                            })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td lang="vi">{entry.matter}</Table.Td>
                      <Table.Td lang="vi">
                        {entry.classificationLabel}
                        {entry.feedbackCode && <Text size="sm">{entry.feedbackCode}</Text>}
                      </Table.Td>
                      <Table.Td>
                        {formatDate(entry.dueDate)}{' '}
                        <TimelinessLabel timeliness={entry.timeliness} label={entry.timelinessLabel} />
                      </Table.Td>
                      <Table.Td lang="vi">
                        {entry.resultKindLabel ? (
                          `${entry.resultKindLabel}: ${entry.result ?? ''}`
                        ) : can(me, 'reception.log') ? (
                          <Button
                            variant="outline"
                            size="xs"
                            aria-expanded={answering === entry.id}
                            onClick={() => setAnswering(answering === entry.id ? null : entry.id)}
                          >
                            {t('staff.listening.log.answer')}
                          </Button>
                        ) : (
                          t('staff.listening.log.notAnswered')
                        )}
                      </Table.Td>
                    </Table.Tr>
                    {answering === entry.id && (
                      <Table.Tr>
                        <Table.Td colSpan={6}>
                          <AnswerForm
                            entry={entry}
                            onDone={() => {
                              setAnswering(null);
                              list.reload();
                            }}
                          />
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                ))}
              </Table.Tbody>
            </TableRegion>
          </Stack>
        )}
      </ApiDataView>
      {can(me, 'reception.log') && (
        <VisitForm
          onSaved={(entry) => {
            setLogged(
              t('staff.listening.log.saved', {
                number: `${entry.number}/${entry.year}`,
                due: formatDate(entry.dueDate),
              }),
            );
            list.reload();
          }}
        />
      )}
    </Stack>
  );
}
