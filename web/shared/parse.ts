const pad = (value: number) => String(value).padStart(2, '0');

/** A date typed as dd/mm/yyyy ("30/04/2026", also "30-4-2026") → "2026-04-30"; null if not a real date. */
export function parseDayInput(text: string): string | null {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!match) return null;
  const [day, month, year] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  const exists =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return exists ? `${year}-${pad(month)}-${pad(day)}` : null;
}

/** A 24-hour time typed as "08:05", "8:05" or "8h05" → "08:05"; null if not a real time. */
export function parseTimeInput(text: string): string | null {
  const match = /^\s*(\d{1,2})[:hH.](\d{2})\s*$/.exec(text);
  if (!match) return null;
  const [hour, minute] = match.slice(1).map(Number);
  return hour < 24 && minute < 60 ? `${pad(hour)}:${pad(minute)}` : null;
}
