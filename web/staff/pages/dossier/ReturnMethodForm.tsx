import { Button, Group, Paper, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../shared/ErrorSummary';
import { useSubmission } from '../../../shared/forms';
import { dossierPath, type DossierDetail, type ProcedureSummary } from '../../dossiers/dossierApi';
import { useIdempotentPost } from '../../dossiers/idempotency';
import { FIELD_IDS } from '../intake/intakeForm';
import { ReturnFields } from '../intake/ReturnFields';

/** The applicant asks for the result another way (Mẫu 01 "Đăng ký nhận kết quả"), before processing ends. */
export function ReturnMethodForm({
  dossier,
  procedure,
  onDone,
}: {
  dossier: DossierDetail;
  procedure: ProcedureSummary;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState({
    returnChannel: dossier.returnChannel,
    returnAddress: dossier.returnAddress ?? '',
  });
  const { submitting, error, run, fieldError } = useSubmission();
  const { post, reset } = useIdempotentPost();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const address = values.returnAddress.trim();
      await post(`${dossierPath(dossier.code)}/return-method`, {
        returnChannel: values.returnChannel,
        ...(values.returnChannel === 'post' && address ? { returnAddress: address } : {}),
      });
      reset();
      setOpen(false);
      onDone(t('staff.dossier.returnChange.done', { way: t(`staff.intake.return.${values.returnChannel}`) }));
    });
  };

  if (!open) {
    return (
      <Button variant="outline" size="xs" mt="xs" onClick={() => setOpen(true)}>
        {t('staff.dossier.returnChange.open')}
      </Button>
    );
  }
  return (
    <Paper
      withBorder
      p="md"
      mt="xs"
      component="form"
      onSubmit={submit}
      noValidate
      aria-labelledby="doi-nhan-ket-qua"
    >
      <Title order={3} size="h4" id="doi-nhan-ket-qua">
        {t('staff.dossier.returnChange.title')}
      </Title>
      <ErrorSummary
        error={error}
        fieldIds={{ returnChannel: FIELD_IDS.returnChannel, returnAddress: FIELD_IDS.returnAddress }}
      />
      <ReturnFields procedure={procedure} values={values} onChange={setValues} fieldError={fieldError} />
      <Group mt="md" gap="sm">
        <Button type="submit" loading={submitting}>
          {t('staff.dossier.returnChange.submit')}
        </Button>
        <Button variant="subtle" onClick={() => setOpen(false)}>
          {t('staff.dossier.returnChange.cancel')}
        </Button>
      </Group>
    </Paper>
  );
}
