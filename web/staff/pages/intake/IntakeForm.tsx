import { Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../../shared/DataStatus';
import { ErrorSummary } from '../../../shared/ErrorSummary';
import { useSubmission, validationError } from '../../../shared/forms';
import { useApiData } from '../../../shared/useApiData';
import { useMe, useSession } from '../../auth/session';
import {
  DOSSIERS_PATH,
  procedurePath,
  type IntakeOutcome,
  type IntakeResult,
  type ProcedureDetail,
  type ProcedureSummary,
} from '../../dossiers/dossierApi';
import { DocumentChecklist } from '../../dossiers/DocumentChecklist';
import { useIdempotentPost } from '../../dossiers/idempotency';
import { homeVisitPath, type HomeVisit } from '../home-visits/homeVisitApi';
import { FeeFields } from './FeeFields';
import { IntakeConfirmation, type IntakeDone } from './IntakeConfirmation';
import {
  documentInputId,
  EMPTY_VALUES,
  feeInputsNeeded,
  FIELD_IDS,
  fieldIdsFor,
  intakeBody,
  timeLimitText,
  unticked,
  validate,
  type ApplicantValues,
  type IntakeValues,
} from './intakeForm';
import { ProcedurePicker } from './ProcedurePicker';
import { ReturnFields } from './ReturnFields';

function ProcedureFacts({ procedure }: { procedure: ProcedureSummary }) {
  const { t } = useTranslation();
  return (
    <Text mt="xs">
      {[
        t('staff.intake.code', { code: procedure.code }),
        procedure.field,
        timeLimitText(t, procedure.timeLimit),
        procedure.free ? t('staff.intake.free') : t('staff.intake.paid'),
      ].join(' · ')}
    </Text>
  );
}

/** The applicant of a dossier taken at a home: the person the visit was asked for. */
function homeApplicant(visit: HomeVisit): IntakeValues {
  const { person } = visit;
  const applicant = {
    fullName: person.fullName,
    idNumber: '',
    phone: person.phone ?? '',
    address: person.address ?? '',
  };
  return { ...EMPTY_VALUES, applicant };
}

/**
 * One intake, from choosing the procedure to the printed receipt; remounted for the next applicant. With a home
 * visit, taken at the home (channel "home") for the visit's person and procedure, then linked to the visit.
 */
export function IntakeForm({
  procedures,
  onNew,
  homeVisit,
}: {
  procedures: ProcedureSummary[];
  onNew: () => void;
  homeVisit?: HomeVisit;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const { expire } = useSession();
  const searchRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  const receiveRef = useRef<HTMLButtonElement>(null);
  const [selected, setSelected] = useState<ProcedureSummary | null>(
    () => procedures.find((p) => p.code === homeVisit?.procedure.code) ?? null,
  );
  const [values, setValues] = useState<IntakeValues>(() =>
    homeVisit ? homeApplicant(homeVisit) : EMPTY_VALUES,
  );
  const [mode, setMode] = useState<IntakeOutcome>('receive');
  const [done, setDone] = useState<IntakeDone | null>(null);
  const { submitting, error, setError, run, fieldError } = useSubmission();
  const { post, reset } = useIdempotentPost();
  const link = useIdempotentPost();
  const detail = useApiData<ProcedureDetail>(selected ? procedurePath(selected.code, me.ward?.code) : null);
  const procedure = detail.data?.code === selected?.code ? detail.data : undefined;

  useEffect(() => searchRef.current?.focus(), []);
  useEffect(() => {
    if (error?.status === 401) expire();
  }, [error, expire]);
  useEffect(() => {
    if (mode !== 'receive') reasonRef.current?.focus();
  }, [mode]);

  if (done) return <IntakeConfirmation done={done} onNew={onNew} />;

  const choose = (procedure: ProcedureSummary | null) => {
    setSelected(procedure);
    setMode('receive');
    setValues((current) => ({ ...EMPTY_VALUES, applicant: current.applicant }));
    setError(null);
    if (procedure) nameRef.current?.focus();
  };

  const setApplicant = (name: keyof ApplicantValues) => (event: { currentTarget: { value: string } }) => {
    const { value } = event.currentTarget;
    setValues((current) => ({ ...current, applicant: { ...current.applicant, [name]: value } }));
  };

  const openMode = (next: IntakeOutcome) => {
    if (!procedure) {
      setError(
        validationError(t('common.checkFields'), { procedureCode: t('staff.intake.errors.procedure') }),
      );
      return;
    }
    setError(null);
    if (next === 'request_supplement') {
      setValues((current) => ({
        ...current,
        missing: unticked(procedure, current.received),
        reason: current.reason || t('staff.intake.supplement.defaultReason'),
      }));
    }
    setMode(next);
  };

  const backToReceive = () => {
    setError(null);
    setMode('receive');
    window.requestAnimationFrame(() => receiveRef.current?.focus());
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = validate(t, procedure, values, mode);
    if (!procedure || Object.keys(problems).length > 0) {
      setError(validationError(t('common.checkFields'), problems));
      return;
    }
    const outcome = mode;
    void run(async () => {
      const channel = homeVisit ? 'home' : 'counter';
      const created = await post<IntakeResult>(DOSSIERS_PATH, {
        ...intakeBody(procedure, values, outcome),
        channel,
      });
      if (homeVisit) {
        await link.post(`${homeVisitPath(homeVisit.id)}/dossier`, { dossierCode: created.code });
        link.reset();
      }
      reset();
      setDone({
        outcome,
        created,
        applicantName: values.applicant.fullName.trim(),
        procedureName: procedure.name,
      });
    });
  };

  const applicantField = (
    name: keyof ApplicantValues,
    extra: Partial<Parameters<typeof TextInput>[0]> = {},
  ) => (
    <TextInput
      id={FIELD_IDS[`applicant.${name}`]}
      label={t(`staff.intake.applicant.${name}`)}
      value={values.applicant[name]}
      onChange={setApplicant(name)}
      error={fieldError(`applicant.${name}`)}
      autoComplete="off"
      {...extra}
    />
  );

  return (
    <form onSubmit={submit} noValidate aria-label={t('staff.pages.intake.title')}>
      <ErrorSummary error={error} fieldIds={fieldIdsFor(procedure)} />
      <Stack gap="lg">
        <section aria-labelledby="buoc-thu-tuc">
          <Title order={2} size="h3" id="buoc-thu-tuc" mb="xs">
            {t('staff.intake.steps.procedure')}
          </Title>
          <ProcedurePicker
            procedures={procedures}
            selected={selected}
            onSelect={choose}
            error={fieldError('procedureCode')}
            inputRef={searchRef}
          />
          {selected && <ProcedureFacts procedure={selected} />}
        </section>

        <section aria-labelledby="buoc-nguoi-nop">
          <Title order={2} size="h3" id="buoc-nguoi-nop" mb="xs">
            {t('staff.intake.steps.applicant')}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="sm">
            {applicantField('fullName', { ref: nameRef, autoCapitalize: 'words' })}
            {applicantField('idNumber', {
              inputMode: 'numeric',
              description: t('staff.intake.applicant.idNumberHint'),
              maxLength: 15,
            })}
            {applicantField('phone', { type: 'tel', description: t('staff.intake.applicant.phoneHint') })}
            {applicantField('address', { description: t('staff.intake.applicant.addressHint') })}
          </SimpleGrid>
        </section>

        {selected &&
          !procedure &&
          (detail.error ? <LoadError error={detail.error} onRetry={detail.reload} /> : <Loading />)}

        {procedure && (
          <section aria-labelledby="buoc-giay-to">
            <Title order={2} size="h3" id="buoc-giay-to" mb="xs">
              {t('staff.intake.steps.documents')}
            </Title>
            <DocumentChecklist
              legend={t('staff.intake.documentsLegend')}
              hint={t('staff.intake.documentsHint')}
              documents={procedure.documents}
              checked={values.received}
              onChange={(received) => setValues((current) => ({ ...current, received }))}
              inputId={(id) => documentInputId('nop', id)}
              error={fieldError('documentsReceived')}
            />
            {feeInputsNeeded(procedure) && mode === 'receive' && (
              <Paper mt="md" p={0}>
                <FeeFields
                  procedure={procedure}
                  values={values.fee}
                  onChange={(fee) => setValues((current) => ({ ...current, fee }))}
                  fieldError={fieldError}
                />
              </Paper>
            )}
            {procedure.fees.items.length > 0 && mode === 'receive' && (
              <Checkbox
                id={FIELD_IDS.payment}
                mt="md"
                label={t('staff.intake.fee.cash')}
                description={t('staff.intake.fee.cashHint')}
                checked={values.paidInCash}
                onChange={(event) => {
                  const paidInCash = event.currentTarget.checked;
                  setValues((current) => ({ ...current, paidInCash }));
                }}
                error={fieldError('payment')}
              />
            )}
            {mode === 'receive' && (
              <ReturnFields
                procedure={procedure}
                values={{ returnChannel: values.returnChannel, returnAddress: values.returnAddress }}
                onChange={(chosen) => setValues((current) => ({ ...current, ...chosen }))}
                fieldError={fieldError}
              />
            )}
          </section>
        )}

        {mode === 'receive' && (
          <Group gap="sm">
            <Button ref={receiveRef} type="submit" loading={submitting}>
              {t('staff.intake.submit.receive')}
            </Button>
            <Button variant="outline" onClick={() => openMode('request_supplement')} disabled={submitting}>
              {t('staff.intake.submit.request_supplement')}
            </Button>
            <Button variant="outline" color="red.9" onClick={() => openMode('refuse')} disabled={submitting}>
              {t('staff.intake.submit.refuse')}
            </Button>
          </Group>
        )}

        {procedure && mode !== 'receive' && (
          <Paper withBorder p="md" component="section" aria-labelledby="phieu-khac">
            <Title order={2} size="h3" id="phieu-khac" mb="xs">
              {t(`staff.intake.${mode === 'refuse' ? 'refusal' : 'supplement'}.title`)}
            </Title>
            <Stack gap="md">
              {mode === 'request_supplement' && (
                <DocumentChecklist
                  legend={t('staff.intake.supplement.legend')}
                  hint={t('staff.intake.supplement.hint')}
                  documents={procedure.documents.filter((document) => !document.presentOnly)}
                  checked={values.missing}
                  onChange={(missing) => setValues((current) => ({ ...current, missing }))}
                  inputId={(id) => documentInputId('bo-sung', id)}
                  error={fieldError('missingDocuments')}
                />
              )}
              <TextInput
                ref={reasonRef}
                id={FIELD_IDS.reasons}
                label={t(`staff.intake.${mode === 'refuse' ? 'refusal' : 'supplement'}.reason`)}
                description={t(`staff.intake.${mode === 'refuse' ? 'refusal' : 'supplement'}.reasonHint`)}
                value={values.reason}
                onChange={(event) => {
                  const reason = event.currentTarget.value;
                  setValues((current) => ({ ...current, reason }));
                }}
                error={fieldError('reasons')}
              />
              <Group gap="sm">
                <Button type="submit" loading={submitting} color={mode === 'refuse' ? 'red.9' : undefined}>
                  {t(`staff.intake.submit.${mode}`)}
                </Button>
                <Button variant="outline" onClick={backToReceive} disabled={submitting}>
                  {t('staff.intake.backToReceive')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        )}
      </Stack>
    </form>
  );
}
