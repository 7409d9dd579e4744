import { Group, Radio, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProcedureSummary, ReturnChannel } from '../../dossiers/dossierApi';
import { FIELD_IDS, returnChannelsFor, type IntakeValues } from './intakeForm';

type ReturnValues = Pick<IntakeValues, 'returnChannel' | 'returnAddress'>;

/** "Đăng ký nhận kết quả" of the receipt (Mẫu 01): at the centre, by post (to an address), or online. */
export function ReturnFields({
  procedure,
  values,
  onChange,
  fieldError,
}: {
  procedure: ProcedureSummary;
  values: ReturnValues;
  onChange: (values: ReturnValues) => void;
  fieldError: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Radio.Group
        mt="md"
        value={values.returnChannel}
        onChange={(value) => onChange({ ...values, returnChannel: value as ReturnChannel })}
        label={t('staff.intake.return.label')}
        description={t('staff.intake.return.hint')}
        error={fieldError('returnChannel')}
      >
        <Group gap="lg" mt="xs">
          {returnChannelsFor(procedure).map((channel) => (
            <Radio
              key={channel}
              id={`nhan-ket-qua-${channel}`}
              value={channel}
              label={t(`staff.intake.return.${channel}`)}
            />
          ))}
        </Group>
      </Radio.Group>
      {values.returnChannel === 'post' && (
        <TextInput
          id={FIELD_IDS.returnAddress}
          mt="sm"
          label={t('staff.intake.return.address')}
          description={t('staff.intake.return.addressHint')}
          value={values.returnAddress}
          onChange={(event) => onChange({ ...values, returnAddress: event.currentTarget.value })}
          error={fieldError('returnAddress')}
          autoComplete="off"
        />
      )}
    </>
  );
}
