import { Anchor, Button, Group, Paper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can, useMe } from '../../auth/session';
import type { DossierDetail, ProcedureDetail } from '../../dossiers/dossierApi';
import { availableActions, mayApologise } from '../../dossiers/workflowRules';
import { ratingTabletPath } from '../../shell/navigation';
import { ActionForm } from './ActionForm';
import type { ActionChoice } from './actionModel';

const FORM_ID = 'bieu-mau-thao-tac';

interface DossierActionsProps {
  dossier: DossierDetail;
  /** The dossier's procedure (its papers and fee schedule), once loaded. */
  procedure: ProcedureDetail | undefined;
  /** Called with a sentence saying what was done; the page reloads the dossier. */
  onDone: (message: string) => void;
}

/**
 * The actions the workflow allows for this status and the user's role (the server checks again); choosing one
 * opens its form below the buttons.
 */
export function DossierActions({ dossier, procedure, onDone }: DossierActionsProps) {
  const { t } = useTranslation();
  const me = useMe();
  const [open, setOpen] = useState<ActionChoice | null>(null);
  const actions: ActionChoice[] = can(me, 'dossiers.act') ? availableActions(dossier, me.role) : [];
  if (mayApologise(dossier, me.role, me.permissions)) actions.push('apology');

  return (
    <section aria-labelledby="thao-tac">
      <Title order={2} size="h3" id="thao-tac" mb="xs">
        {t('staff.dossier.actions')}
      </Title>
      {actions.length === 0 ? (
        <Text>{t('staff.dossier.noActions')}</Text>
      ) : (
        <Group gap="sm">
          {actions.map((action) => (
            <Button
              key={action}
              variant={open === action ? 'filled' : 'outline'}
              color={action === 'stop' || action === 'withdraw' ? 'red.9' : undefined}
              aria-expanded={open === action}
              aria-controls={open === action ? FORM_ID : undefined}
              onClick={() => setOpen(open === action ? null : action)}
            >
              {t(`staff.actionLabels.${action}`)}
            </Button>
          ))}
        </Group>
      )}
      {dossier.status === 'returned' && can(me, 'ratings.kiosk') && (
        <Anchor
          component={Link}
          to={ratingTabletPath(dossier.code)}
          underline="always"
          display="block"
          mt="sm"
        >
          {t('staff.ratingTablet.offer')}
        </Anchor>
      )}
      {open && actions.includes(open) && (
        <Paper withBorder p="md" mt="md" id={FORM_ID}>
          <ActionForm
            key={open}
            action={open}
            dossier={dossier}
            procedure={procedure}
            onCancel={() => setOpen(null)}
            onDone={() => {
              setOpen(null);
              onDone(t('staff.dossier.done', { action: t(`staff.actionLabels.${open}`) }));
            }}
          />
        </Paper>
      )}
    </section>
  );
}
