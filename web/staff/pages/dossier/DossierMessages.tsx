import { Button, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format';
import { useSubmission } from '../../../shared/forms';
import { useApiData } from '../../../shared/useApiData';
import { can, useMe } from '../../auth/session';
import { TableRegion } from '../../components/TableRegion';
import { useIdempotentPost } from '../../dossiers/idempotency';

interface CitizenMessage {
  id: string;
  channel: string;
  channelLabel: string;
  /** Masked unless the role needs the full number or address. */
  recipient: string;
  subject: string | null;
  body: string;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  statusLabel: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

const STATUS_CLASS: Record<CitizenMessage['status'], string> = {
  pending: '',
  sending: '',
  sent: 'timing-on-time',
  failed: 'timing-late',
};

/**
 * What the citizen was told about the dossier, by which channel, and whether it reached the provider; a message
 * that failed its three attempts can be sent again.
 */
export function DossierMessages({ code }: { code: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const messages = useApiData<{ items: CitizenMessage[] }>(
    can(me, 'messages.read') ? `/api/v1/messages?reference=${encodeURIComponent(code)}` : null,
  );
  const { submitting, error, run } = useSubmission();
  const { post, reset } = useIdempotentPost();
  if (!messages.data) return null;
  const mayRetry = can(me, 'messages.retry');

  const retry = (id: string) =>
    run(async () => {
      await post(`/api/v1/messages/${id}/retry`, {});
      reset();
      messages.reload();
    });

  return (
    <section aria-labelledby="tin-nhan-nguoi-dan">
      <Title order={2} size="h3" id="tin-nhan-nguoi-dan" mb="xs">
        {t('staff.dossier.messages.title')}
      </Title>
      {error && (
        <Text role="alert" c="red.9" fw={700} mb="sm">
          {error.message}
        </Text>
      )}
      <TableRegion
        caption={t('staff.dossier.messages.caption')}
        rowCount={messages.data.items.length}
        minWidth={860}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('staff.dossier.messages.at')}</Table.Th>
            <Table.Th scope="col">{t('staff.dossier.messages.channel')}</Table.Th>
            <Table.Th scope="col">{t('staff.dossier.messages.content')}</Table.Th>
            <Table.Th scope="col">{t('staff.dossier.messages.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {messages.data.items.map((message) => (
            <Table.Tr key={message.id}>
              <Table.Td className="nowrap">{formatDateTime(message.createdAt)}</Table.Td>
              <Table.Th scope="row">
                {t(`staff.dossier.messages.channels.${message.channel}`, {
                  defaultValue: message.channelLabel,
                })}
                <Text size="sm">{message.recipient}</Text>
              </Table.Th>
              <Table.Td lang="vi">{message.subject ?? message.body}</Table.Td>
              <Table.Td>
                <span className={`status-label ${STATUS_CLASS[message.status]}`}>
                  {t(`staff.dossier.messages.statuses.${message.status}`, {
                    defaultValue: message.statusLabel,
                  })}
                </span>
                <Text size="sm">
                  {message.sentAt
                    ? formatDateTime(message.sentAt)
                    : t('staff.dossier.messages.attempts', { count: message.attempts })}
                </Text>
                {message.status === 'failed' && message.lastError && (
                  <Text size="sm" lang="en">
                    {message.lastError}
                  </Text>
                )}
                {message.status === 'failed' && mayRetry && (
                  <Button
                    size="xs"
                    mt="xs"
                    variant="outline"
                    loading={submitting}
                    onClick={() => void retry(message.id)}
                  >
                    {t('staff.dossier.messages.retry')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </TableRegion>
    </section>
  );
}
