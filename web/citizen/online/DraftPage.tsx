import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Fragment, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { LoadError, Loading } from '../../shared/DataStatus';
import { useApiData } from '../../shared/useApiData';
import { CITIZEN_ME_PATH, SIGN_IN_PAGE, type CitizenMe } from '../account/citizenApi';
import { DocumentStep } from './DocumentStep';
import { draftPath, stepPage, submittedPage, type Draft } from './onlineApi';
import { AddressStep, ApplicantStep, NotifyStep, ReturnStep } from './QuestionSteps';
import { SummaryStep } from './SummaryStep';

export interface StepProps {
  draft: Draft;
  /** The key of the page after this one. */
  nextStep: string;
  /** Shows the draft as the server answered after a change. */
  onChange: (draft: Draft) => void;
}

/** The procedure's name above the question, and the way back to the previous page. */
export function StepFrame({
  draft,
  back,
  children,
}: {
  draft: Draft;
  back: string | null;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      {back && (
        <Anchor component={Link} to={back} underline="always" className="tap-target back-link">
          {t('citizen.online.back')}
        </Anchor>
      )}
      <Text c="gray.8" lang="vi" className="step-caption">
        {draft.procedure.name}
      </Text>
      {children}
    </Stack>
  );
}

/** `/nop-truc-tuyen/ho-so/<draft>/<page>`: one page of the guided form. */
export function DraftPage() {
  const { t } = useTranslation();
  const { draftId = '', step = '' } = useParams();
  const me = useApiData<CitizenMe>(CITIZEN_ME_PATH);
  const loaded = useApiData<Draft>(me.data ? draftPath(draftId) : null);
  // The draft as the last change left it: the next page opens on what was just saved.
  const [changed, setChanged] = useState<Draft | null>(null);

  if (me.error?.status === 401) return <Navigate to={SIGN_IN_PAGE} replace />;
  const error = me.error ?? loaded.error;
  if (error) {
    return (
      <>
        <Title order={1}>{t('citizen.online.start.title')}</Title>
        <LoadError error={error} onRetry={me.error ? me.reload : loaded.reload} />
      </>
    );
  }
  const draft = changed?.id === draftId ? changed : loaded.data;
  if (!draft) return <Loading />;
  if (draft.status === 'submitted' && draft.dossierCode)
    return <Navigate to={submittedPage(draft.dossierCode)} replace />;
  const index = draft.steps.findIndex((s) => s.key === step);
  const current = draft.steps[index];
  if (!current) return <Navigate to={stepPage(draft.id, draft.currentStep)} replace />;
  const nextStep = draft.steps[index + 1]?.key ?? current.key;
  const back =
    index > 0 ? stepPage(draft.id, draft.steps[index - 1]?.key ?? '') : `/thu-tuc/${draft.procedure.code}`;
  const props = { draft, nextStep, onChange: setChanged };
  let page: ReactNode;
  if (current.kind === 'applicant') page = <ApplicantStep {...props} />;
  else if (current.kind === 'address') page = <AddressStep {...props} />;
  else if (current.kind === 'return') page = <ReturnStep {...props} />;
  else if (current.kind === 'notify') page = <NotifyStep {...props} />;
  else if (current.kind === 'document')
    page = <DocumentStep {...props} documentId={current.documentId ?? ''} />;
  else page = <SummaryStep {...props} />;
  return (
    <StepFrame draft={draft} back={back}>
      <Fragment key={current.key}>{page}</Fragment>
    </StepFrame>
  );
}
