import { describe, expect, it } from 'vitest';
import { ClockConfigError, clockFromEnv, manualClock, systemClock } from './clock';

describe('clock', () => {
  it('uses the system time without APP_NOW', () => {
    expect(clockFromEnv(undefined, false)).toBe(systemClock);
  });

  it('starts at APP_NOW and runs on from there', () => {
    const clock = clockFromEnv('2026-02-13T10:00:00+07:00', false);
    const drift = clock.now().getTime() - Date.parse('2026-02-13T03:00:00Z');
    expect(drift).toBeGreaterThanOrEqual(0);
    expect(drift).toBeLessThan(1000);
  });

  it('refuses APP_NOW in production and refuses a malformed APP_NOW', () => {
    expect(() => clockFromEnv('2026-02-13T10:00:00+07:00', true)).toThrow(ClockConfigError);
    expect(() => clockFromEnv('13/02/2026', false)).toThrow(ClockConfigError);
  });

  it('a manual clock moves only when told to', () => {
    const clock = manualClock(new Date('2026-02-13T03:00:00Z'));
    clock.advance(1000);
    expect(clock.now().toISOString()).toBe('2026-02-13T03:00:01.000Z');
    clock.set(new Date('2026-03-01T00:00:00Z'));
    expect(clock.now().toISOString()).toBe('2026-03-01T00:00:00.000Z');
  });
});
