import { Group, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { firstDayOfMonth, formatDate } from '../../../shared/format';
import { parseDayInput } from '../../../shared/parse';
import { registerPath } from '../../dossiers/dossierApi';
import { FileButton } from '../../dossiers/FileButton';

/** "Sổ theo dõi hồ sơ" of a period (this month by default, on the server's calendar), as PDF or spreadsheet. */
export function RegisterExport({ today }: { today: string }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(formatDate(firstDayOfMonth(today)));
  const [to, setTo] = useState(formatDate(today));
  const fromDay = parseDayInput(from);
  const toDay = parseDayInput(to);
  const valid = fromDay !== null && toDay !== null && fromDay <= toDay;

  return (
    <section aria-labelledby="so-theo-doi">
      <Title order={2} id="so-theo-doi" mb="xs">
        {t('staff.register.title')}
      </Title>
      <Text mb="sm">{t('staff.register.intro')}</Text>
      <Group align="flex-start" gap="md">
        <TextInput
          id="so-tu-ngay"
          label={t('staff.register.from')}
          description={t('common.dayHint')}
          inputMode="numeric"
          value={from}
          onChange={(event) => setFrom(event.currentTarget.value)}
          error={fromDay ? undefined : t('staff.register.dayInvalid')}
          w={200}
        />
        <TextInput
          id="so-den-ngay"
          label={t('staff.register.to')}
          description={t('common.dayHint')}
          inputMode="numeric"
          value={to}
          onChange={(event) => setTo(event.currentTarget.value)}
          error={
            toDay ? (valid ? undefined : t('staff.register.orderInvalid')) : t('staff.register.dayInvalid')
          }
          w={200}
        />
      </Group>
      {valid && (
        <Group mt="md" gap="sm" align="flex-start">
          <FileButton path={registerPath(fromDay, toDay, 'pdf')} label={t('staff.register.pdf')} />
          <FileButton
            path={registerPath(fromDay, toDay, 'xlsx')}
            label={t('staff.register.xlsx')}
            mode="download"
            fileName={`so-theo-doi-ho-so-${fromDay}-${toDay}.xlsx`}
          />
        </Group>
      )}
    </section>
  );
}
