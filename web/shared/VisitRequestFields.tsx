import { Group, NativeSelect, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The fields of a request that an officer come to the home of a person who cannot travel: the same on the
 * citizen portal and in the residential-group head's workspace (which adds who asks, see the pages).
 */
export const VISIT_REASONS = ['elderly', 'disabled', 'ill'] as const;

export interface VisitRequestValues {
  personName: string;
  address: string;
  personPhone: string;
  reason: string;
  procedureCode: string;
  preferredTimes: string;
  contactPhone: string;
  note: string;
}

export const EMPTY_VISIT_REQUEST: VisitRequestValues = {
  personName: '',
  address: '',
  personPhone: '',
  reason: '',
  procedureCode: '',
  preferredTimes: '',
  contactPhone: '',
  note: '',
};

/** Input ids by the API's field names (error summaries link to them). */
export const VISIT_REQUEST_IDS = {
  'person.fullName': 'nguoi-can-tiep-nhan',
  'person.address': 'dia-chi-tiep-nhan',
  'person.phone': 'dien-thoai-nguoi-can',
  reason: 'ly-do-tai-nha-elderly',
  procedureCode: 'thu-tuc-can-lam',
  preferredTimes: 'thoi-gian-thuan-tien',
  contactPhone: 'dien-thoai-lien-he',
  note: 'ghi-chu-them',
};

/** The body the API takes; blank optional fields are left out. */
export function visitRequestBody(values: VisitRequestValues) {
  const trimmed = (value: string) => value.trim() || undefined;
  return {
    person: {
      fullName: values.personName.trim(),
      address: values.address.trim(),
      phone: trimmed(values.personPhone),
    },
    reason: values.reason,
    procedureCode: values.procedureCode,
    preferredTimes: values.preferredTimes.trim(),
    contactPhone: values.contactPhone.trim(),
    note: trimmed(values.note),
  };
}

/** Problems the form can tell before sending, by the API's field names. */
export function visitRequestProblems(values: VisitRequestValues, t: (key: string) => string) {
  const problems: Record<string, string> = {};
  if (values.personName.trim().length < 2) problems['person.fullName'] = t('homeVisitForm.personNameMissing');
  if (values.address.trim().length < 5) problems['person.address'] = t('homeVisitForm.addressMissing');
  if (!values.reason) problems.reason = t('homeVisitForm.reasonMissing');
  if (!values.procedureCode) problems.procedureCode = t('homeVisitForm.procedureMissing');
  if (values.preferredTimes.trim().length < 3) problems.preferredTimes = t('homeVisitForm.timesMissing');
  if (!values.contactPhone.trim()) problems.contactPhone = t('homeVisitForm.contactPhoneMissing');
  return problems;
}

interface FieldsProps {
  values: VisitRequestValues;
  set: (changes: Partial<VisitRequestValues>) => void;
  procedures: { code: string; name: string }[];
  fieldError: (field: string) => string | undefined;
}

export function VisitRequestFields({ values, set, procedures, fieldError }: FieldsProps) {
  const { t } = useTranslation();
  const text = (name: keyof VisitRequestValues) => ({
    value: values[name],
    onChange: (event: { currentTarget: { value: string } }) => set({ [name]: event.currentTarget.value }),
  });
  return (
    <Stack gap="md">
      <TextInput
        id={VISIT_REQUEST_IDS['person.fullName']}
        label={t('homeVisitForm.personName')}
        description={t('homeVisitForm.personNameHint')}
        autoComplete="off"
        {...text('personName')}
        error={fieldError('person.fullName')}
        required
      />
      <TextInput
        id={VISIT_REQUEST_IDS['person.address']}
        label={t('homeVisitForm.address')}
        description={t('homeVisitForm.addressHint')}
        autoComplete="off"
        {...text('address')}
        error={fieldError('person.address')}
        required
      />
      <TextInput
        id={VISIT_REQUEST_IDS['person.phone']}
        label={t('homeVisitForm.personPhone')}
        description={t('homeVisitForm.optional')}
        type="tel"
        autoComplete="off"
        {...text('personPhone')}
        error={fieldError('person.phone')}
        w={{ base: '100%', xs: 260 }}
      />
      <Radio.Group
        label={t('homeVisitForm.reason')}
        value={values.reason}
        onChange={(reason) => set({ reason })}
        error={fieldError('reason')}
        withAsterisk
      >
        <Stack gap="xs" mt="xs">
          {VISIT_REASONS.map((reason) => (
            <Radio
              key={reason}
              id={`ly-do-tai-nha-${reason}`}
              value={reason}
              label={t(`homeVisitForm.reasons.${reason}`)}
            />
          ))}
        </Stack>
      </Radio.Group>
      <NativeSelect
        id={VISIT_REQUEST_IDS.procedureCode}
        label={t('homeVisitForm.procedure')}
        {...text('procedureCode')}
        error={fieldError('procedureCode')}
        data={[
          { value: '', label: t('homeVisitForm.chooseProcedure') },
          ...procedures.map((procedure) => ({ value: procedure.code, label: procedure.name })),
        ]}
        required
      />
      <TextInput
        id={VISIT_REQUEST_IDS.preferredTimes}
        label={t('homeVisitForm.preferredTimes')}
        description={t('homeVisitForm.preferredTimesHint')}
        {...text('preferredTimes')}
        error={fieldError('preferredTimes')}
        required
      />
      <Group>
        <TextInput
          id={VISIT_REQUEST_IDS.contactPhone}
          label={t('homeVisitForm.contactPhone')}
          description={t('homeVisitForm.contactPhoneHint')}
          type="tel"
          autoComplete="tel"
          {...text('contactPhone')}
          error={fieldError('contactPhone')}
          required
          w={{ base: '100%', xs: 260 }}
        />
      </Group>
      <Textarea
        id={VISIT_REQUEST_IDS.note}
        label={t('homeVisitForm.note')}
        description={t('homeVisitForm.optional')}
        {...text('note')}
        error={fieldError('note')}
        autosize
        minRows={2}
      />
    </Stack>
  );
}
