import {
  Alert,
  Anchor,
  Button,
  Group,
  List,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asApiError, type ApiError } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { readStored, writeStored } from '../../../shared/storage';
import { useApiData } from '../../../shared/useApiData';
import { ApiDataView } from '../../components/ApiDataView';
import { PageTitle } from '../../components/PageTitle';
import { TableRegion } from '../../components/TableRegion';
import { useIdempotentPost } from '../../dossiers/idempotency';
import {
  callNextPath,
  COUNTERS_PATH,
  MY_COUNTER,
  ticketActionPath,
  TODAY_PATH,
  type Called,
  type Counter,
  type Counters,
  type Ticket,
  type TicketAction,
  type Today,
} from './callingApi';

/** The waiting list reloads itself this often: citizens keep taking numbers. */
const RELOAD_MS = 15_000;

const time = (at: string) => formatDateTime(at).slice(11);

/** `/staff/goi-so`: a counter officer calls the next number to their counter and closes the one in front of them. */
export function CallingPage() {
  const { t } = useTranslation();
  const counters = useApiData<Counters>(COUNTERS_PATH);
  const [counterId, setCounterId] = useState(() => readStored(MY_COUNTER) ?? '');

  const choose = (id: string) => {
    setCounterId(id);
    writeStored(MY_COUNTER, id || null);
  };

  return (
    <Stack gap="xl">
      <PageTitle>{t('staff.pages.calling.title')}</PageTitle>
      <ApiDataView data={counters}>
        {({ counters: list, pages }) => {
          const active = list.filter((c) => c.active);
          const mine = active.find((c) => c.id === counterId);
          return (
            <>
              <NativeSelect
                id="quay-cua-toi"
                label={t('staff.calling.counter')}
                value={mine?.id ?? ''}
                onChange={(event) => choose(event.currentTarget.value)}
                data={[
                  { value: '', label: t('staff.calling.chooseCounter') },
                  ...active.map((c) => ({
                    value: c.id,
                    label: t('staff.calling.counterLabel', { number: c.number, name: c.name }),
                  })),
                ]}
                w={{ base: '100%', xs: 420 }}
              />
              {mine ? <CounterDesk counter={mine} /> : <Text>{t('staff.calling.chooseFirst')}</Text>}
              <section>
                <Title order={2} mb="sm">
                  {t('staff.calling.pagesTitle')}
                </Title>
                <List>
                  <List.Item>
                    <Anchor href={pages.display}>{t('staff.calling.display')}</Anchor>
                  </List.Item>
                  <List.Item>
                    <Anchor href={pages.kiosk}>{t('staff.calling.kiosk')}</Anchor>
                  </List.Item>
                  <List.Item>
                    <Anchor href={pages.qr}>{t('staff.calling.qr')}</Anchor>
                  </List.Item>
                </List>
              </section>
            </>
          );
        }}
      </ApiDataView>
    </Stack>
  );
}

function CounterDesk({ counter }: { counter: Counter }) {
  const { t } = useTranslation();
  const today = useApiData<Today>(TODAY_PATH);
  const { post, reset } = useIdempotentPost();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [said, setSaid] = useState('');
  const { reload } = today;

  useEffect(() => {
    const timer = window.setInterval(reload, RELOAD_MS);
    return () => window.clearInterval(timer);
  }, [reload]);

  async function send(path: string, done: (answer: unknown) => string) {
    setBusy(true);
    setError(null);
    setSaid('');
    try {
      const answer = await post<unknown>(path, {});
      reset();
      setSaid(done(answer));
      reload();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  }

  const callNext = () =>
    send(callNextPath(counter.id), (answer) => {
      const { ticket } = answer as Called;
      return ticket ? t('staff.calling.called', { code: ticket.code }) : t('staff.calling.nobody');
    });
  const act = (ticket: Ticket, action: TicketAction) =>
    send(ticketActionPath(ticket.id, action), () => t(`staff.calling.done.${action}`, { code: ticket.code }));

  return (
    <ApiDataView data={today}>
      {(value) => {
        const current = value.counters.find((c) => c.id === counter.id)?.current ?? null;
        const waiting = value.waiting.filter((ticket) => counter.groups.includes(ticket.group.key));
        return (
          <Stack gap="lg">
            <Paper withBorder p="lg" maw={560}>
              <Title order={2} mb="sm">
                {t('staff.calling.currentTitle')}
              </Title>
              {current ? (
                <>
                  <Text fz={48} fw={700} lh={1.1}>
                    {current.code}
                  </Text>
                  <Text>
                    {current.group.name}
                    {current.calledAt
                      ? ` · ${t('staff.calling.calledAt', { time: time(current.calledAt) })}`
                      : ''}
                  </Text>
                  <Group mt="md">
                    <Button loading={busy} onClick={() => void act(current, 'served')}>
                      {t('staff.calling.served')}
                    </Button>
                    <Button variant="outline" disabled={busy} onClick={() => void act(current, 'no-show')}>
                      {t('staff.calling.noShow')}
                    </Button>
                    <Button variant="subtle" disabled={busy} onClick={() => void act(current, 'recall')}>
                      {t('staff.calling.recall')}
                    </Button>
                  </Group>
                </>
              ) : (
                <>
                  <Text>{t('staff.calling.none')}</Text>
                  <Button mt="md" size="lg" loading={busy} onClick={() => void callNext()}>
                    {t('staff.calling.callNext')}
                  </Button>
                </>
              )}
            </Paper>
            <Text role="status" fw={700}>
              {said}
            </Text>
            {error && (
              <Alert role="alert" color="red" title={t('staff.calling.failed')}>
                {error.message}
              </Alert>
            )}
            <section>
              <Title order={2} mb="sm">
                {t('staff.calling.waitingTitle', { n: waiting.length })}
              </Title>
              <TableRegion
                caption={t('staff.calling.waitingCaption')}
                rowCount={waiting.length}
                minWidth={420}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('staff.calling.code')}</Table.Th>
                    <Table.Th scope="col">{t('staff.calling.group')}</Table.Th>
                    <Table.Th scope="col">{t('staff.calling.issuedAt')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {waiting.map((ticket) => (
                    <Table.Tr key={ticket.id}>
                      <Table.Th scope="row">{ticket.code}</Table.Th>
                      <Table.Td>{ticket.group.name}</Table.Td>
                      <Table.Td>{time(ticket.issuedAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </TableRegion>
            </section>
          </Stack>
        );
      }}
    </ApiDataView>
  );
}
