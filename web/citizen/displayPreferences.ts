import { useState } from 'react';
import { readStored, writeStored } from '../shared/storage';

export type DisplayPreference = 'largeText' | 'highContrast';

const SETTINGS: Record<DisplayPreference, { storageKey: string; attribute: string }> = {
  largeText: { storageKey: 'display.largeText', attribute: 'data-large-text' },
  highContrast: { storageKey: 'display.highContrast', attribute: 'data-high-contrast' },
};

function isStoredOn(preference: DisplayPreference): boolean {
  return readStored(SETTINGS[preference].storageKey) === 'on';
}

function applyPreference(preference: DisplayPreference, on: boolean): void {
  document.documentElement.toggleAttribute(SETTINGS[preference].attribute, on);
}

/** Applies saved preferences to `<html>` before the first render, so the page never flashes. */
export function applyStoredDisplayPreferences(): void {
  for (const preference of Object.keys(SETTINGS) as DisplayPreference[]) {
    applyPreference(preference, isStoredOn(preference));
  }
}

/** A persisted on/off display preference (large text, high contrast). */
export function useDisplayPreference(preference: DisplayPreference): [boolean, () => void] {
  const [on, setOn] = useState(() => isStoredOn(preference));
  const toggle = () => {
    const next = !on;
    setOn(next);
    writeStored(SETTINGS[preference].storageKey, next ? 'on' : null);
    applyPreference(preference, next);
  };
  return [on, toggle];
}
