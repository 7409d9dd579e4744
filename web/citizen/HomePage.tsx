import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../shared/usePageTitle';
import type { Portal } from './portal';

const SERVICES = [
  { href: '/thu-tuc', key: 'procedures' },
  { href: '/tra-cuu', key: 'applicationStatus' },
  { href: '/ho-so-cua-toi', key: 'myDossiers' },
  { href: '/yeu-cau-tiep-nhan-tai-nha', key: 'homeVisit' },
  { href: '/phan-anh', key: 'feedback' },
  { href: '/tiep-cong-dan', key: 'reception' },
] as const;

function telephoneHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

function OfficeHours({ hours }: { hours: Portal['officeHours'] }) {
  const { t } = useTranslation();
  const weekdays = t('citizen.hours.weekdays', { opensAt: hours.opensAt, closesAt: hours.closesAt });
  return (
    <List spacing="xs">
      <List.Item>{weekdays}</List.Item>
      {hours.saturdayMorningReceiving && (
        <List.Item>
          {t('citizen.hours.saturdayMorning', { opensAt: hours.opensAt, closesAt: hours.saturdayClosesAt })}
        </List.Item>
      )}
      <List.Item>
        {hours.saturdayMorningReceiving ? t('citizen.hours.closedSunday') : t('citizen.hours.closedWeekend')}
      </List.Item>
    </List>
  );
}

export function HomePage({ portal }: { portal: Portal }) {
  const { t } = useTranslation();
  const { ward, slogans, officeHours } = portal;
  usePageTitle(ward.name);

  return (
    <Stack gap="xl">
      <div>
        <Title order={1} lang="vi">
          {ward.name}
        </Title>
        <Text size="lg" lang="vi">
          {ward.provinceName}
        </Text>
      </div>

      {slogans.length > 0 && (
        <ul className="slogans" lang="vi">
          {slogans.map((slogan) => (
            <li key={slogan}>{slogan}</li>
          ))}
        </ul>
      )}

      <section aria-labelledby="dich-vu">
        <Title order={2} id="dich-vu" mb="sm">
          {t('citizen.services.title')}
        </Title>
        <ul className="service-list">
          {SERVICES.map(({ href, key }) => (
            <li key={key}>
              <Anchor href={href} underline="always" fz="lg" fw={700}>
                {t(`citizen.services.${key}.link`)}
              </Anchor>
              <Text>{t(`citizen.services.${key}.description`)}</Text>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="gio-lam-viec">
        <Title order={2} id="gio-lam-viec" mb="sm">
          {t('citizen.hours.title')}
        </Title>
        <OfficeHours hours={officeHours} />
      </section>

      <section aria-labelledby="lien-he">
        <Title order={2} id="lien-he" mb="sm">
          {t('citizen.contact.title')}
        </Title>
        <dl className="details-list">
          <dt>{t('citizen.contact.address')}</dt>
          <dd lang="vi">{ward.address}</dd>
          <dt>{t('citizen.contact.phone')}</dt>
          <dd>
            <Anchor href={telephoneHref(ward.phone)} underline="always">
              {ward.phone}
            </Anchor>
          </dd>
          {ward.email && (
            <>
              <dt>{t('citizen.contact.email')}</dt>
              <dd>
                <Anchor href={`mailto:${ward.email}`} underline="always">
                  {ward.email}
                </Anchor>
              </dd>
            </>
          )}
        </dl>
      </section>
    </Stack>
  );
}
