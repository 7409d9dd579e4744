import { Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiData } from '../../shared/useApiData';
import { ApiDataView } from '../components/ApiDataView';
import { TableRegion } from '../components/TableRegion';
import { useRoleLabel } from '../shell/useRoleLabel';

interface StaffList {
  staff: { id: string; fullName: string; role: string; unitName: string | null }[];
}

/** Staff of the ward (permission `staff.directory.read`). */
export function StaffDirectory({ wardCode }: { wardCode: string }) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const staff = useApiData<StaffList>(`/api/v1/wards/${wardCode}/staff`);

  return (
    <section>
      <Title order={2} mb="sm">
        {t('staff.directory.title')}
      </Title>
      <ApiDataView data={staff}>
        {({ staff: rows }) => (
          <TableRegion
            caption={t('staff.directory.caption', { count: rows.length })}
            rowCount={rows.length}
            minWidth={320}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('staff.directory.fullName')}</Table.Th>
                <Table.Th scope="col">{t('staff.directory.role')}</Table.Th>
                <Table.Th scope="col">{t('staff.directory.unit')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((person) => (
                <Table.Tr key={person.id}>
                  <Table.Th scope="row" lang="vi">
                    {person.fullName}
                  </Table.Th>
                  <Table.Td>{roleLabel(person.role)}</Table.Td>
                  <Table.Td lang={person.unitName ? 'vi' : undefined}>
                    {person.unitName ?? t('staff.directory.noUnit')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </TableRegion>
        )}
      </ApiDataView>
    </section>
  );
}
