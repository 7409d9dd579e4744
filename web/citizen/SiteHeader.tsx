import { Container, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../shared/LanguageSwitch';
import { ToggleButton } from '../shared/ToggleButton';
import { useDisplayPreference } from './displayPreferences';

export function SiteHeader({ wardName }: { wardName: string | undefined }) {
  const { t } = useTranslation();
  const [largeText, toggleLargeText] = useDisplayPreference('largeText');
  const [highContrast, toggleHighContrast] = useDisplayPreference('highContrast');

  return (
    <header className="site-header">
      <Container size="md" py="sm">
        <Group justify="space-between" align="center" gap="sm">
          <a href="/" className="site-brand">
            <span className="site-brand__ward" lang={wardName ? 'vi' : undefined}>
              {wardName ?? t('common.appName')}
            </span>
            {wardName && <span className="site-brand__tagline">{t('common.appName')}</span>}
          </a>
          <Group gap="xs" role="group" aria-label={t('citizen.header.displayOptions')}>
            <LanguageSwitch tone="dark" />
            <ToggleButton tone="dark" pressed={largeText} onToggle={toggleLargeText}>
              {t('citizen.header.largeText')}
            </ToggleButton>
            <ToggleButton tone="dark" pressed={highContrast} onToggle={toggleHighContrast}>
              {t('citizen.header.highContrast')}
            </ToggleButton>
          </Group>
        </Group>
      </Container>
    </header>
  );
}
