import { Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format';
import { useApiData } from '../../../shared/useApiData';
import { can, useMe } from '../../auth/session';
import { ApiDataView } from '../../components/ApiDataView';
import { PageTitle } from '../../components/PageTitle';
import {
  sessionPath,
  SESSIONS_PATH,
  type Session,
  type SessionDetail,
  type SessionList,
} from './receptionApi';
import { AttendanceForm, NewSessionForm, SessionItemForm } from './SessionForms';

function SessionCard({ session, today }: { session: Session; today: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const [open, setOpen] = useState(false);
  const detail = useApiData<SessionDetail>(open ? sessionPath(session.id) : null);
  const manage = can(me, 'listening.manage') && session.heldOn <= today;
  return (
    <Card withBorder padding="md" component="li">
      <Title order={3} size="h4" lang="vi">
        {formatDate(session.heldOn)} · {session.startsAt} · {session.statusLabel}
      </Title>
      <Text lang="vi">
        {session.place} — {session.chairedBy}
      </Text>
      {session.attendeeCount !== null && (
        <Text lang="vi">
          {t('staff.listening.sessions.attended', {
            count: session.attendeeCount,
            names: session.attendees.join(', '),
          })}
        </Text>
      )}
      <Button variant="subtle" w="fit-content" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('staff.listening.sessions.details')}
      </Button>
      {open && (
        <ApiDataView data={detail}>
          {(loaded) => (
            <Stack gap="md">
              <List>
                {loaded.items.map((item) => (
                  <List.Item key={item.code} lang="vi">
                    {item.code} · {item.raisedBy}: {item.text} — {t('staff.listening.feedback.due')}{' '}
                    {item.dueDate ? formatDate(item.dueDate) : ''} ({item.timelinessLabel ?? item.statusLabel}
                    )
                  </List.Item>
                ))}
              </List>
              {manage && <AttendanceForm id={session.id} onDone={detail.reload} />}
              {manage && <SessionItemForm id={session.id} onDone={detail.reload} />}
            </Stack>
          )}
        </ApiDataView>
      )}
    </Card>
  );
}

/** `/staff/ngay-thu-sau`: "Ngày thứ sáu nghe dân nói" — sessions, attendees and the matters raised. */
export function ListeningSessionsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const list = useApiData<SessionList>(SESSIONS_PATH);
  return (
    <Stack gap="xl">
      <PageTitle>{t('staff.pages.listening.title')}</PageTitle>
      <ApiDataView data={list}>
        {(loaded) => (
          <Stack gap="xl">
            <Text lang="vi">{loaded.basis}</Text>
            {loaded.fridaysWithout.length > 0 && (
              <Text>
                {t('staff.listening.sessions.without', {
                  days: loaded.fridaysWithout
                    .map((f) => `${formatDate(f.date)}${f.note ? ` (${f.note})` : ''}`)
                    .join('; '),
                })}
              </Text>
            )}
            {(['coming', 'past'] as const).map((group) => (
              <section key={group} aria-labelledby={`buoi-${group}`}>
                <Title order={2} id={`buoi-${group}`} mb="sm">
                  {t(`staff.listening.sessions.${group}`)}
                </Title>
                {loaded[group].length === 0 ? (
                  <Text>{t('common.noRows')}</Text>
                ) : (
                  <Stack component="ul" gap="sm" p={0} style={{ listStyle: 'none' }}>
                    {loaded[group].map((s) => (
                      <SessionCard key={s.id} session={s} today={loaded.today} />
                    ))}
                  </Stack>
                )}
              </section>
            ))}
            {can(me, 'listening.manage') && (
              <Group>
                <NewSessionForm
                  defaultDay={formatDate(loaded.fridaysWithout.find((f) => f.working)?.date ?? loaded.today)}
                  onDone={list.reload}
                />
              </Group>
            )}
          </Stack>
        )}
      </ApiDataView>
    </Stack>
  );
}
