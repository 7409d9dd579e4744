import { Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiData } from '../../shared/useApiData';
import { useApiData } from '../../shared/useApiData';
import { formatNumber } from '../../shared/format';
import { can, useMe } from '../auth/session';
import { ApiDataView } from '../components/ApiDataView';
import { PageTitle } from '../components/PageTitle';
import { TableRegion } from '../components/TableRegion';
import { StaffDirectory } from './StaffDirectory';

interface UnitList {
  units: { id: string; name: string; kind: string; staffCount: number }[];
}

interface ResidentialGroupList {
  groups: { id: string; name: string; households: number; headName: string | null }[];
}

function Section<T>({
  title,
  data,
  children,
}: {
  title: string;
  data: ApiData<T>;
  children: (value: T) => ReactNode;
}) {
  return (
    <section>
      <Title order={2} mb="sm">
        {title}
      </Title>
      <ApiDataView data={data}>{children}</ApiDataView>
    </section>
  );
}

function WardStructure({ wardCode }: { wardCode: string }) {
  const { t } = useTranslation();
  const units = useApiData<UnitList>(`/api/v1/wards/${wardCode}/units`);
  const groups = useApiData<ResidentialGroupList>(`/api/v1/wards/${wardCode}/residential-groups`);

  return (
    <>
      <Section title={t('staff.structure.unitsTitle')} data={units}>
        {({ units: rows }) => (
          <TableRegion
            caption={t('staff.structure.unitsCaption', { count: rows.length })}
            rowCount={rows.length}
            minWidth={320}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('staff.structure.unitName')}</Table.Th>
                <Table.Th scope="col">{t('staff.structure.unitKind')}</Table.Th>
                <Table.Th scope="col">{t('staff.structure.staffCount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((unit) => (
                <Table.Tr key={unit.id}>
                  <Table.Th scope="row" lang="vi">
                    {unit.name}
                  </Table.Th>
                  <Table.Td>
                    {t(`staff.structure.unitKinds.${unit.kind}`, { defaultValue: unit.kind })}
                  </Table.Td>
                  <Table.Td>{formatNumber(unit.staffCount)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </TableRegion>
        )}
      </Section>
      <Section title={t('staff.structure.groupsTitle')} data={groups}>
        {({ groups: rows }) => (
          <TableRegion
            caption={t('staff.structure.groupsCaption', { count: rows.length })}
            rowCount={rows.length}
            minWidth={320}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('staff.structure.groupName')}</Table.Th>
                <Table.Th scope="col">{t('staff.structure.households')}</Table.Th>
                <Table.Th scope="col">{t('staff.structure.groupHead')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((group) => (
                <Table.Tr key={group.id}>
                  <Table.Th scope="row" lang="vi">
                    {group.name}
                  </Table.Th>
                  <Table.Td>{formatNumber(group.households)}</Table.Td>
                  <Table.Td lang={group.headName ? 'vi' : undefined}>
                    {group.headName ?? t('staff.structure.noGroupHead')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </TableRegion>
        )}
      </Section>
    </>
  );
}

/** `/staff/don-vi`: the ward's units, residential groups and, with `staff.directory.read`, its staff. */
export function StructurePage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Stack gap="xl">
      <PageTitle>{t('staff.pages.structure.title')}</PageTitle>
      {me.ward ? (
        <>
          <WardStructure wardCode={me.ward.code} />
          {can(me, 'staff.directory.read') && <StaffDirectory wardCode={me.ward.code} />}
        </>
      ) : (
        <Text>{t('staff.structure.noWard')}</Text>
      )}
    </Stack>
  );
}
