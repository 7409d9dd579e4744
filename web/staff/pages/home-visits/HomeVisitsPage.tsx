import { Anchor, Button, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiData } from '../../../shared/useApiData';
import { can, useMe } from '../../auth/session';
import { ApiDataView } from '../../components/ApiDataView';
import { PageTitle } from '../../components/PageTitle';
import { dossierPagePath } from '../../shell/navigation';
import { CancelForm } from './CancelForm';
import {
  HOME_VISIT_STATUSES,
  HOME_VISITS_PATH,
  homeIntakePath,
  type HomeVisit,
  type HomeVisitStatus,
} from './homeVisitApi';
import { ScheduleForm } from './ScheduleForm';
import { VisitDetails } from './VisitDetails';

type Open = { id: string; form: 'schedule' | 'cancel' } | null;

function VisitCard({
  visit,
  open,
  setOpen,
  onChanged,
}: {
  visit: HomeVisit;
  open: Open;
  setOpen: (open: Open) => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const serves =
    can(me, 'homeVisits.schedule') && (visit.status === 'requested' || visit.status === 'scheduled');
  const form = open?.id === visit.id ? open.form : null;
  const toggle = (name: 'schedule' | 'cancel') =>
    setOpen(form === name ? null : { id: visit.id, form: name });
  const done = () => {
    setOpen(null);
    onChanged();
  };
  return (
    <Card withBorder padding="lg" component="li">
      <Title order={3} size="h4" mb="xs">
        {visit.code} · {visit.statusLabel}
      </Title>
      <VisitDetails visit={visit} />
      {visit.dossierCode && can(me, 'dossiers.read') && (
        <Anchor component={Link} to={dossierPagePath(visit.dossierCode)} underline="always">
          {t('staff.homeVisits.openDossier', { code: visit.dossierCode })}
        </Anchor>
      )}
      {serves && me.ward && (
        <Stack gap="md" mt="md">
          <Group gap="sm">
            {visit.status === 'scheduled' && (
              <Button component={Link} to={homeIntakePath(visit.id)}>
                {t('staff.homeVisits.takeDossier')}
              </Button>
            )}
            <Button variant="outline" aria-expanded={form === 'schedule'} onClick={() => toggle('schedule')}>
              {visit.visit ? t('staff.homeVisits.reschedule') : t('staff.homeVisits.schedule')}
            </Button>
            <Button variant="outline" aria-expanded={form === 'cancel'} onClick={() => toggle('cancel')}>
              {t('staff.homeVisits.cancel')}
            </Button>
          </Group>
          {form === 'schedule' && <ScheduleForm visit={visit} wardCode={me.ward.code} onDone={done} />}
          {form === 'cancel' && <CancelForm visit={visit} onDone={done} />}
        </Stack>
      )}
    </Card>
  );
}

/** `/staff/tiep-nhan-tai-nha`: requests for an officer to take a dossier at a home (seed III.6, model 1). */
export function HomeVisitsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<HomeVisitStatus | ''>('');
  const [open, setOpen] = useState<Open>(null);
  const visits = useApiData<{ items: HomeVisit[] }>(
    status ? `${HOME_VISITS_PATH}?status=${status}` : HOME_VISITS_PATH,
  );
  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{t('staff.pages.homeVisits.title')}</PageTitle>
        <Text>{t('staff.homeVisits.intro')}</Text>
      </div>
      <NativeSelect
        id="loc-yeu-cau"
        label={t('staff.homeVisits.show')}
        value={status}
        onChange={(event) => setStatus(event.currentTarget.value as HomeVisitStatus | '')}
        data={[
          { value: '', label: t('staff.homeVisits.openOnes') },
          ...HOME_VISIT_STATUSES.map((value) => ({ value, label: t(`staff.homeVisits.statuses.${value}`) })),
        ]}
        w={{ base: '100%', sm: 280 }}
      />
      <ApiDataView data={visits}>
        {({ items }) =>
          items.length === 0 ? (
            <Text>{t('staff.homeVisits.none')}</Text>
          ) : (
            <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
              {items.map((visit) => (
                <VisitCard
                  key={visit.id}
                  visit={visit}
                  open={open}
                  setOpen={setOpen}
                  onChanged={visits.reload}
                />
              ))}
            </Stack>
          )
        }
      </ApiDataView>
    </Stack>
  );
}
