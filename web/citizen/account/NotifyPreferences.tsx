import { Button, Checkbox, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api';
import { useSubmission } from '../../shared/forms';
import type { Channel } from '../online/onlineApi';
import { NOTIFICATIONS_PATH, type CitizenMe } from './citizenApi';

const CHANNELS: Channel[] = ['sms', 'zalo', 'email'];

/** The channels the citizen hears by: kept in the account and offered again at each online filing. */
export function NotifyPreferences({ me }: { me: CitizenMe }) {
  const { t } = useTranslation();
  const [channels, setChannels] = useState<string[]>(me.preferredChannels);
  const [email, setEmail] = useState(me.email ?? '');
  const [saved, setSaved] = useState(false);
  const { submitting, run, error, fieldError } = useSubmission();
  const mail = channels.includes('email');
  const save = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    void run(async () => {
      await api.put(NOTIFICATIONS_PATH, mail ? { channels, email: email.trim() } : { channels });
      setSaved(true);
    });
  };
  return (
    <section aria-labelledby="nhan-thong-bao">
      <form onSubmit={save} noValidate>
        <Stack gap="sm">
          <Title order={2} id="nhan-thong-bao">
            {t('citizen.myDossiers.notifyTitle')}
          </Title>
          <Checkbox.Group
            value={channels}
            onChange={setChannels}
            label={t('citizen.online.notify.label')}
            description={t('citizen.myDossiers.notifyHint')}
            error={fieldError('channels') ?? fieldError('channels.0')}
          >
            <Stack gap="xs" mt="xs">
              {CHANNELS.map((value) => (
                <Checkbox
                  key={value}
                  id={`tai-khoan-kenh-${value}`}
                  value={value}
                  label={t(`citizen.online.notify.${value}`)}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          {mail && (
            <TextInput
              id="tai-khoan-thu-dien-tu"
              type="email"
              autoComplete="email"
              label={t('citizen.online.notify.email')}
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={fieldError('email')}
              required
            />
          )}
          <Group>
            <Button type="submit" variant="outline" loading={submitting}>
              {t('citizen.myDossiers.notifySave')}
            </Button>
          </Group>
          <Text role="status" c={error ? 'red.9' : undefined}>
            {error && !fieldError('email') && !fieldError('channels') ? error.message : ''}
            {saved ? t('citizen.myDossiers.notifySaved') : ''}
          </Text>
        </Stack>
      </form>
    </section>
  );
}
