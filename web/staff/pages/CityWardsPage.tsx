import { Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldForSearch } from '../../shared/text';
import { useApiData } from '../../shared/useApiData';
import { ApiDataView } from '../components/ApiDataView';
import { PageTitle } from '../components/PageTitle';
import { TableRegion } from '../components/TableRegion';

interface CityWards {
  province: { code: string; name: string };
  wards: { code: string; name: string; onPlatform: boolean }[];
}

function WardTable({ city }: { city: CityWards }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const needle = foldForSearch(query);
  const shown = needle
    ? city.wards.filter((ward) => foldForSearch(`${ward.name} ${ward.code}`).includes(needle))
    : city.wards;

  return (
    <>
      <Text mb="md" lang="vi">
        {city.province.name}
      </Text>
      <TextInput
        id="tim-phuong"
        type="search"
        label={t('staff.city.searchLabel')}
        description={t('staff.city.searchHint')}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        maw={420}
        mb="sm"
      />
      <Text role="status" mb="md">
        {t('staff.city.shownCount', { shown: shown.length, total: city.wards.length })}
      </Text>
      <TableRegion
        caption={t('staff.city.caption', { province: city.province.name })}
        rowCount={shown.length}
        minWidth={320}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('staff.city.code')}</Table.Th>
            <Table.Th scope="col">{t('staff.city.name')}</Table.Th>
            <Table.Th scope="col">{t('staff.city.onPlatform')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((ward) => (
            <Table.Tr key={ward.code}>
              <Table.Td>{ward.code}</Table.Td>
              <Table.Th scope="row" lang="vi">
                {ward.name}
              </Table.Th>
              <Table.Td>{ward.onPlatform ? t('staff.city.joined') : t('staff.city.notJoined')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </TableRegion>
    </>
  );
}

/** `/staff/thanh-pho`: every ward and commune of the city, searchable without diacritics (permission `city.read`). */
export function CityWardsPage() {
  const { t } = useTranslation();
  const city = useApiData<CityWards>('/api/v1/city/wards');
  return (
    <>
      <PageTitle>{t('staff.pages.city.title')}</PageTitle>
      <ApiDataView data={city}>{(value) => <WardTable city={value} />}</ApiDataView>
    </>
  );
}
