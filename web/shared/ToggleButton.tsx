import { Button } from '@mantine/core';
import type { ReactNode } from 'react';

interface ToggleButtonProps {
  pressed: boolean;
  onToggle: () => void;
  /** `dark` for use on the blue header band, `light` on white. */
  tone: 'dark' | 'light';
  lang?: string;
  children: ReactNode;
}

/** A button with `aria-pressed`; its state shows as a tick and a fill, never by colour alone. */
export function ToggleButton({ pressed, onToggle, tone, lang, children }: ToggleButtonProps) {
  const pressedVariant = tone === 'dark' ? 'white' : 'filled';
  return (
    <Button
      aria-pressed={pressed}
      lang={lang}
      onClick={onToggle}
      variant={pressed ? pressedVariant : 'outline'}
      color={tone === 'dark' && !pressed ? 'white' : undefined}
      leftSection={pressed ? <span aria-hidden="true">✓</span> : undefined}
      px="sm"
    >
      {children}
    </Button>
  );
}
