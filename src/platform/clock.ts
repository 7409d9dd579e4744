/** The one place the server reads the time from, so demos and tests can set it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that starts at `start` and runs at normal speed from there. */
export function shiftedClock(start: Date): Clock {
  const offset = start.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

/** A clock that moves only when told to (tests). */
export function manualClock(start: Date): Clock & { set(at: Date): void; advance(ms: number): void } {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (at) => {
      current = at.getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

export class ClockConfigError extends Error {}

/**
 * `APP_NOW=<ISO 8601>` starts the clock at that instant (demos, tests); refused in production, where a
 * wrong clock would put wrong dates on legal documents.
 */
export function clockFromEnv(appNow: string | undefined, production: boolean): Clock {
  if (!appNow) return systemClock;
  if (production)
    throw new ClockConfigError(
      'APP_NOW không được dùng khi NODE_ENV=production. / APP_NOW is refused in production.',
    );
  const start = new Date(appNow);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(appNow) || Number.isNaN(start.getTime())) {
    throw new ClockConfigError(`APP_NOW không phải thời điểm ISO 8601 hợp lệ: ${appNow}`);
  }
  return shiftedClock(start);
}
