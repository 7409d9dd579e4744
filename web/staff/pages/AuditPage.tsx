import { Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format';
import { useApiData } from '../../shared/useApiData';
import { ApiDataView } from '../components/ApiDataView';
import { PageTitle } from '../components/PageTitle';
import { TableRegion } from '../components/TableRegion';

interface AuditList {
  records: {
    id: string;
    at: string;
    actorName: string;
    action: string;
    targetType: string;
    targetId: string;
    wardCode: string;
    ip: string;
    /** Details of the action as recorded (a JSON object, often empty). */
    summary: Record<string, unknown>;
  }[];
}

/** The recorded details as text, "key: value; key: value" (a JSON object cannot be rendered as is). */
function formatSummary(summary: Record<string, unknown>): string {
  return Object.entries(summary)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('; ');
}

const AUDIT_PATH = '/api/v1/audit?limit=50';

/** `/staff/nhat-ky`: the 50 latest audit records (permission `audit.read`). */
export function AuditPage() {
  const { t } = useTranslation();
  const audit = useApiData<AuditList>(AUDIT_PATH);

  return (
    <>
      <PageTitle>{t('staff.pages.audit.title')}</PageTitle>
      <Group justify="space-between" mb="md">
        <Text>{t('staff.audit.intro')}</Text>
        <Button variant="outline" onClick={audit.reload} loading={audit.loading && audit.data !== undefined}>
          {t('staff.audit.reload')}
        </Button>
      </Group>
      <ApiDataView data={audit}>
        {({ records }) => (
          <TableRegion caption={t('staff.audit.caption')} rowCount={records.length} minWidth={960}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('staff.audit.at')}</Table.Th>
                <Table.Th scope="col">{t('staff.audit.actor')}</Table.Th>
                <Table.Th scope="col">{t('staff.audit.action')}</Table.Th>
                <Table.Th scope="col">{t('staff.audit.target')}</Table.Th>
                <Table.Th scope="col">{t('staff.audit.ward')}</Table.Th>
                <Table.Th scope="col">{t('staff.audit.ip')}</Table.Th>
                <Table.Th scope="col">{t('staff.audit.summary')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {records.map((record) => (
                <Table.Tr key={record.id}>
                  <Table.Th scope="row">{formatDateTime(record.at, { seconds: true })}</Table.Th>
                  <Table.Td lang="vi">{record.actorName}</Table.Td>
                  <Table.Td>
                    <code>{record.action}</code>
                  </Table.Td>
                  <Table.Td>
                    {record.targetType} {record.targetId}
                  </Table.Td>
                  <Table.Td>{record.wardCode}</Table.Td>
                  <Table.Td>{record.ip}</Table.Td>
                  <Table.Td>{formatSummary(record.summary)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </TableRegion>
        )}
      </ApiDataView>
    </>
  );
}
