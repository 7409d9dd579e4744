import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from './i18n';
import { ToggleButton } from './ToggleButton';

/** "Tiếng Việt / English" switch; each name is written in its own language. */
export function LanguageSwitch({ tone }: { tone: 'dark' | 'light' }) {
  const { t, i18n } = useTranslation();
  return (
    <Group gap="xs" role="group" aria-label={t('common.language')}>
      {LANGUAGES.map(({ code, label }) => (
        <ToggleButton
          key={code}
          lang={code}
          tone={tone}
          pressed={i18n.resolvedLanguage === code}
          onToggle={() => void i18n.changeLanguage(code)}
        >
          {label}
        </ToggleButton>
      ))}
    </Group>
  );
}
