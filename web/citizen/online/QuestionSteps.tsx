import { Button, Checkbox, Group, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { ErrorSummary } from '../../shared/ErrorSummary';
import { useSubmission, validationError } from '../../shared/forms';
import { usePageTitle } from '../../shared/usePageTitle';
import type { StepProps } from './DraftPage';
import { draftPath, stepPage, type Channel, type Draft } from './onlineApi';

/** Saves the page's answers, then opens the next page. */
function useSave({ draft, nextStep, onChange }: StepProps) {
  const navigate = useNavigate();
  const submission = useSubmission();
  const save = (answers: Record<string, unknown>) =>
    void submission.run(async () => {
      onChange(await api.put<Draft>(draftPath(draft.id), { ...answers, currentStep: nextStep }));
      await navigate(stepPage(draft.id, nextStep));
    });
  return { ...submission, save };
}

function QuestionForm({
  title,
  fieldIds,
  onSubmit,
  submission,
  children,
}: {
  title: string;
  fieldIds: Record<string, string>;
  onSubmit: () => void;
  submission: ReturnType<typeof useSave>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  usePageTitle(title);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary error={submission.error} fieldIds={fieldIds} />
      <Stack gap="lg">
        <Title order={1}>{title}</Title>
        {children}
        <Group>
          <Button type="submit" size="lg" loading={submission.submitting}>
            {t('citizen.online.continue')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const APPLICANT_IDS = {
  'applicant.fullName': 'ho-ten',
  'applicant.idNumber': 'so-can-cuoc',
  'applicant.phone': 'so-dien-thoai',
  applicant: 'ho-ten',
};

/** Who files: prefilled from the citizen's identity (VNeID, or the phone they signed in with). */
export function ApplicantStep(props: StepProps) {
  const { t } = useTranslation();
  const { answers, prefill } = props.draft;
  const [fullName, setFullName] = useState(answers.applicant?.fullName ?? prefill.fullName ?? '');
  const [idNumber, setIdNumber] = useState(answers.applicant?.idNumber ?? prefill.idNumber ?? '');
  const [phone, setPhone] = useState(answers.applicant?.phone ?? prefill.phone ?? '');
  const submission = useSave(props);
  const { fieldError } = submission;
  return (
    <QuestionForm
      title={t('citizen.online.applicant.title')}
      fieldIds={APPLICANT_IDS}
      submission={submission}
      onSubmit={() =>
        submission.save({
          applicant: { fullName: fullName.trim(), idNumber: idNumber.trim(), phone: phone.trim() },
        })
      }
    >
      <Text>{t('citizen.online.applicant.hint')}</Text>
      <TextInput
        id={APPLICANT_IDS['applicant.fullName']}
        size="lg"
        autoComplete="name"
        label={t('citizen.online.applicant.fullName')}
        value={fullName}
        onChange={(event) => setFullName(event.currentTarget.value)}
        error={fieldError('applicant.fullName')}
        required
      />
      <TextInput
        id={APPLICANT_IDS['applicant.idNumber']}
        size="lg"
        inputMode="numeric"
        maxLength={12}
        label={t('citizen.online.applicant.idNumber')}
        description={t('citizen.online.applicant.idNumberHint')}
        value={idNumber}
        onChange={(event) => setIdNumber(event.currentTarget.value)}
        error={fieldError('applicant.idNumber')}
        required
      />
      <TextInput
        id={APPLICANT_IDS['applicant.phone']}
        size="lg"
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        label={t('citizen.online.applicant.phone')}
        description={t('citizen.online.applicant.phoneHint')}
        value={phone}
        onChange={(event) => setPhone(event.currentTarget.value)}
        error={fieldError('applicant.phone')}
        required
      />
    </QuestionForm>
  );
}

const ADDRESS_IDS = { address: 'dia-chi' };

export function AddressStep(props: StepProps) {
  const { t } = useTranslation();
  const [address, setAddress] = useState(props.draft.answers.address ?? '');
  const submission = useSave(props);
  return (
    <QuestionForm
      title={t('citizen.online.address.title')}
      fieldIds={ADDRESS_IDS}
      submission={submission}
      onSubmit={() => submission.save({ address: address.trim() })}
    >
      <Textarea
        id={ADDRESS_IDS.address}
        size="lg"
        autosize
        minRows={2}
        autoComplete="street-address"
        label={t('citizen.online.address.label')}
        description={t('citizen.online.address.hint')}
        value={address}
        onChange={(event) => setAddress(event.currentTarget.value)}
        error={submission.fieldError('address')}
        required
      />
    </QuestionForm>
  );
}

const RETURN_IDS = { returnChannel: 'nhan-ket-qua-counter' };

/** How the citizen receives the result (registered on the receipt, Mẫu 01). */
export function ReturnStep(props: StepProps) {
  const { t } = useTranslation();
  const { answers, returnChannels } = props.draft;
  const [value, setValue] = useState<string>(answers.returnChannel ?? '');
  const submission = useSave(props);
  const submit = () => {
    if (!value) {
      const message = t('citizen.online.return.missing');
      return submission.setError(validationError(message, { returnChannel: message }));
    }
    submission.save({ returnChannel: value });
  };
  return (
    <QuestionForm
      title={t('citizen.online.return.title')}
      fieldIds={RETURN_IDS}
      submission={submission}
      onSubmit={submit}
    >
      <Radio.Group
        value={value}
        onChange={setValue}
        label={t('citizen.online.return.label')}
        description={t('citizen.online.return.hint')}
        error={submission.fieldError('returnChannel')}
        size="lg"
      >
        <Stack gap="sm" mt="sm">
          {returnChannels.map((channel) => (
            <Radio
              key={channel}
              id={`nhan-ket-qua-${channel}`}
              value={channel}
              label={t(`citizen.online.return.${channel}`)}
            />
          ))}
        </Stack>
      </Radio.Group>
    </QuestionForm>
  );
}

const NOTIFY_IDS = {
  notify: 'kenh-sms',
  'notify.channels': 'kenh-sms',
  'notify.channels.0': 'kenh-sms',
  'notify.email': 'thu-dien-tu',
};
const CHANNELS: Channel[] = ['sms', 'zalo', 'email'];

/** How the citizen hears of each change of the dossier: one channel or several (SMS first, the default). */
export function NotifyStep(props: StepProps) {
  const { t } = useTranslation();
  const { answers, prefill } = props.draft;
  const [channels, setChannels] = useState<string[]>(answers.notify?.channels ?? prefill.channels);
  const [email, setEmail] = useState(answers.notify?.email ?? prefill.email ?? '');
  const submission = useSave(props);
  const mail = channels.includes('email');
  const submit = () => {
    if (channels.length === 0) {
      const message = t('citizen.online.notify.missing');
      return submission.setError(validationError(message, { 'notify.channels': message }));
    }
    submission.save({ notify: mail ? { channels, email: email.trim() } : { channels } });
  };
  return (
    <QuestionForm
      title={t('citizen.online.notify.title')}
      fieldIds={NOTIFY_IDS}
      submission={submission}
      onSubmit={submit}
    >
      <Checkbox.Group
        value={channels}
        onChange={setChannels}
        label={t('citizen.online.notify.label')}
        description={t('citizen.online.notify.hint', { phone: answers.applicant?.phone ?? '' })}
        error={submission.fieldError('notify.channels') ?? submission.fieldError('notify.channels.0')}
        size="lg"
      >
        <Stack gap="sm" mt="sm">
          {CHANNELS.map((value) => (
            <Checkbox
              key={value}
              id={`kenh-${value}`}
              value={value}
              label={t(`citizen.online.notify.${value}`)}
            />
          ))}
        </Stack>
      </Checkbox.Group>
      {mail && (
        <TextInput
          id={NOTIFY_IDS['notify.email']}
          size="lg"
          type="email"
          autoComplete="email"
          label={t('citizen.online.notify.email')}
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={submission.fieldError('notify.email')}
          required
        />
      )}
    </QuestionForm>
  );
}
