import { Anchor, Button, Group, Paper, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime, formatMoney } from '../../../shared/format';
import { can, useMe } from '../../auth/session';
import {
  documentPath,
  type DocumentKind,
  type IntakeOutcome,
  type IntakeResult,
} from '../../dossiers/dossierApi';
import { FileButton } from '../../dossiers/FileButton';
import { dossierPagePath } from '../../shell/navigation';

const DOCUMENT_OF: Record<IntakeOutcome, DocumentKind> = {
  receive: 'receipt',
  request_supplement: 'supplement',
  refuse: 'refusal',
};

export interface IntakeDone {
  outcome: IntakeOutcome;
  created: IntakeResult;
  applicantName: string;
  procedureName: string;
}

/**
 * After intake: the code in large type, the appointment date and the fee; the print button has focus, so
 * Enter prints at once, and Tab reaches "Tiếp nhận hồ sơ mới".
 */
export function IntakeConfirmation({ done, onNew }: { done: IntakeDone; onNew: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const printRef = useRef<HTMLAnchorElement>(null);
  const { outcome, created } = done;

  useEffect(() => printRef.current?.focus(), []);

  return (
    <Paper withBorder p="lg" className="intake-done" component="section" aria-labelledby="ket-qua-tiep-nhan">
      <Title order={2} id="ket-qua-tiep-nhan" mb="sm">
        {t(`staff.intake.done.title.${outcome}`)}
      </Title>
      <div id="ket-qua-tom-tat">
        <Text>{t('staff.intake.done.code')}</Text>
        <Text className="dossier-code-large">{created.code}</Text>
        <dl className="details-list details-inline">
          <dt>{t('staff.intake.done.applicant')}</dt>
          <dd lang="vi">{done.applicantName}</dd>
          <dt>{t('staff.intake.done.procedure')}</dt>
          <dd lang="vi">{done.procedureName}</dd>
          <dt>{t('staff.intake.done.receivedAt')}</dt>
          <dd>{formatDateTime(created.receivedAt)}</dd>
          {outcome === 'receive' && created.dueDate && (
            <>
              <dt>{t('staff.intake.done.dueDate')}</dt>
              <dd>
                <strong className="big-figure">{formatDate(created.dueDate)}</strong>
              </dd>
              <dt>{t('staff.intake.done.fee')}</dt>
              <dd>
                <strong className="big-figure">{formatMoney(created.fee.amount)}</strong>
                {created.fee.amount === 0 && ` (${t('staff.intake.done.noFee')})`}
                {created.fee.lines.length > 0 &&
                  ` (${created.fee.lines.map((line) => `${line.label}: ${formatMoney(line.amount)}`).join('; ')})`}
              </dd>
              {created.payment && (
                <>
                  <dt>{t('staff.intake.done.cash')}</dt>
                  <dd>{t('staff.intake.done.cashReceipt', { number: created.payment.receiptNumber })}</dd>
                </>
              )}
            </>
          )}
        </dl>
      </div>
      <Group mt="md" gap="sm">
        <FileButton
          buttonRef={printRef}
          path={documentPath(created.code, DOCUMENT_OF[outcome])}
          label={t(`staff.intake.done.print.${outcome}`)}
          variant="filled"
          describedBy="ket-qua-tom-tat"
        />
        {created.payment && (
          <FileButton
            path={created.payment.receiptUrl}
            label={t('staff.intake.done.printReceipt')}
            describedBy="ket-qua-tom-tat"
          />
        )}
        <Button variant="outline" onClick={onNew}>
          {t('staff.intake.done.next')}
        </Button>
      </Group>
      {can(me, 'dossiers.read') && (
        <Anchor
          component={Link}
          to={dossierPagePath(created.code)}
          underline="always"
          mt="md"
          display="inline-block"
        >
          {t('staff.intake.done.open')}
        </Anchor>
      )}
    </Paper>
  );
}
