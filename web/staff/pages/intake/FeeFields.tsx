import { Group, NativeSelect, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../shared/format';
import type { FeeItem, ProcedureDetail } from '../../dossiers/dossierApi';
import { FIELD_IDS, selectedFeeItem, type FeeValues } from './intakeForm';

interface FeeFieldsProps {
  procedure: ProcedureDetail;
  values: FeeValues;
  onChange: (values: FeeValues) => void;
  fieldError: (field: string) => string | undefined;
}

/** "2.000 đ/trang (từ trang 3: 1.000 đ), tối đa 200.000 đ/bản" or "10.000 đ/người". */
function priceText(t: (key: string, options?: Record<string, string>) => string, item: FeeItem): string {
  switch (item.kind) {
    case 'fixed':
      return formatMoney(item.amount);
    case 'per_unit':
      return t('staff.intake.fee.perUnit', { amount: formatMoney(item.amount), unit: item.unit });
    case 'per_page': {
      const tiers = item.tiers
        .map((tier) =>
          t('staff.intake.fee.tier', { from: String(tier.fromPage), amount: formatMoney(tier.price) }),
        )
        .join('; ');
      const cap = item.maxPerCopy ? t('staff.intake.fee.cap', { amount: formatMoney(item.maxPerCopy) }) : '';
      return [tiers, cap].filter(Boolean).join('; ');
    }
  }
}

/** Fee counts and choices, only for schedules that need them; the server computes the amount. */
export function FeeFields({ procedure, values, onChange, fieldError }: FeeFieldsProps) {
  const { t } = useTranslation();
  const { items, exemptions, free } = procedure.fees;
  const item = selectedFeeItem(procedure, values);
  const set = (name: keyof FeeValues) => (event: { currentTarget: { value: string } }) =>
    onChange({ ...values, [name]: event.currentTarget.value });
  const chooseItem = items.length > 1 || (free && items.length > 0);

  return (
    <fieldset className="plain-fieldset">
      <legend className="fieldset-legend">{t('staff.intake.fee.title')}</legend>
      <Text mb="xs">{procedure.fees.basis}</Text>
      <Group align="flex-start" gap="md">
        {chooseItem && (
          <NativeSelect
            id={FIELD_IDS['fee.item']}
            label={t('staff.intake.fee.item')}
            value={item?.id ?? ''}
            onChange={set('item')}
            error={fieldError('fee.item') ?? fieldError('fee')}
            data={[
              ...(free ? [{ value: '', label: t('staff.intake.fee.noItemFree') }] : []),
              ...items.map((option) => ({
                value: option.id,
                label: `${option.label} – ${priceText(t, option)}`,
              })),
            ]}
            w={{ base: '100%', sm: 420 }}
          />
        )}
        {!chooseItem && item && (
          <Text mt="md">
            {item.label}: {priceText(t, item)}
          </Text>
        )}
        {item?.kind === 'per_page' && (
          <>
            <TextInput
              id={FIELD_IDS['fee.pages']}
              label={t('staff.intake.fee.pages')}
              inputMode="numeric"
              value={values.pages}
              onChange={set('pages')}
              error={fieldError('fee.pages')}
              w={140}
            />
            <TextInput
              id={FIELD_IDS['fee.copies']}
              label={t('staff.intake.fee.copies')}
              inputMode="numeric"
              value={values.copies}
              onChange={set('copies')}
              error={fieldError('fee.copies')}
              w={140}
            />
          </>
        )}
        {item?.kind === 'per_unit' && (
          <TextInput
            id={FIELD_IDS['fee.quantity']}
            label={t('staff.intake.fee.quantity', { unit: item.unit })}
            inputMode="numeric"
            value={values.quantity}
            onChange={set('quantity')}
            error={fieldError('fee.quantity')}
            w={160}
          />
        )}
        {exemptions.length > 0 && (
          <NativeSelect
            id={FIELD_IDS['fee.exemption']}
            label={t('staff.intake.fee.exemption')}
            value={values.exemption}
            onChange={set('exemption')}
            error={fieldError('fee.exemption')}
            data={[
              { value: '', label: t('staff.intake.fee.noExemption') },
              ...exemptions.map((exemption) => ({ value: exemption.code, label: exemption.label })),
            ]}
            w={{ base: '100%', sm: 320 }}
          />
        )}
      </Group>
    </fieldset>
  );
}
