import { describe, expect, it } from 'vitest';
import { OFFICIAL_ADJUSTMENTS_2025_2026 } from '../../platform/calendar/official-adjustments';
import { buildCalendar } from '../../platform/calendar/rules';
import {
  extraDayProblem,
  mondayOf,
  receptionOutlook,
  representativesProblem,
  scheduleProblem,
  sessionDayProblem,
  upcomingFridays,
  type ReceptionSchedule,
} from './rules';

const calendar = buildCalendar(OFFICIAL_ADJUSTMENTS_2025_2026);
const schedule = (weekdays: number[]): ReceptionSchedule => ({
  weekdays,
  startsAt: '07:30',
  endsAt: '11:30',
  place: 'Phòng tiếp công dân',
  rulesText: 'Nội quy tiếp công dân của phường.',
});

describe('reception schedule (Luật Tiếp công dân 2013, điều 15)', () => {
  it('needs at least one weekday from Monday to Friday and hours in order', () => {
    expect(scheduleProblem(schedule([]))?.field).toBe('weekdays');
    expect(scheduleProblem(schedule([6]))?.field).toBe('weekdays');
    expect(scheduleProblem({ ...schedule([2]), endsAt: '07:30' })?.field).toBe('endsAt');
    expect(scheduleProblem(schedule([2, 4]))).toBeNull();
  });

  it('finds the Monday of a week', () => {
    expect(mondayOf('2026-02-15')).toBe('2026-02-09'); // Sunday
    expect(mondayOf('2026-02-16')).toBe('2026-02-16');
  });

  it('skips Tuesday 17/02/2026 (Tết) and warns about the Tết week, which has no working day', () => {
    const outlook = receptionOutlook(schedule([2]), [], '2026-02-09', 3, calendar);
    expect(outlook.days.map((d) => d.date)).toEqual(['2026-02-10', '2026-02-24']);
    expect(outlook.skipped).toEqual([
      expect.objectContaining({
        date: '2026-02-17',
        weekdayName: 'thứ Ba',
        reason: expect.stringContaining('Nghỉ'),
      }),
    ]);
    expect(outlook.warnings.map((w) => [w.weekStart, w.weekEnd])).toEqual([['2026-02-16', '2026-02-22']]);
  });

  it('counts a day the ward added, and a week with two scheduled days keeps one when the other is a holiday', () => {
    // Thursday 30/04 and Friday 01/05/2026 are holidays; a Tuesday-and-Thursday schedule still has 28/04.
    const two = receptionOutlook(schedule([2, 4]), [], '2026-04-27', 1, calendar);
    expect(two.days.map((d) => d.date)).toEqual(['2026-04-28']);
    expect(two.warnings).toEqual([]);
    const thursday = receptionOutlook(schedule([4]), [], '2026-04-27', 1, calendar);
    expect(thursday.warnings).toHaveLength(1);
    const added = receptionOutlook(
      schedule([4]),
      [{ date: '2026-04-29', note: 'Tiếp bù' }],
      '2026-04-27',
      1,
      calendar,
    );
    expect(added.days).toEqual([
      { date: '2026-04-29', weekdayName: 'thứ Tư', origin: 'extra', note: 'Tiếp bù' },
    ]);
    expect(added.warnings).toEqual([]);
  });

  it('counts days of the current week already past, but lists only the coming ones', () => {
    const outlook = receptionOutlook(schedule([1]), [], '2026-03-04', 1, calendar);
    expect(outlook.days).toEqual([]);
    expect(outlook.warnings).toEqual([]);
  });

  it('warns for every week when there is no schedule', () => {
    expect(receptionOutlook(null, [], '2026-03-02', 2, calendar).warnings).toHaveLength(2);
  });

  it('adds only working days to come', () => {
    expect(extraDayProblem('2026-04-30', '2026-04-28', calendar)).toContain('ngày nghỉ');
    expect(extraDayProblem('2026-04-27', '2026-04-28', calendar)).toContain('đã qua');
    expect(extraDayProblem('2026-04-29', '2026-04-28', calendar)).toBeNull();
  });
});

describe('group representatives (Luật Tiếp công dân 2013, điều 30)', () => {
  it.each([
    [1, 0, null],
    [4, 0, null],
    [5, 0, 'từ 1 đến 2'],
    [5, 1, null],
    [10, 2, null],
    [10, 3, 'từ 1 đến 2'],
    [11, 1, 'từ 2 đến 5'],
    [11, 5, null],
    [30, 6, 'từ 2 đến 5'],
    [2, 3, 'không thể nhiều hơn'],
  ] as const)('%i people, %i representatives → %s', (size, reps, problem) => {
    const found = representativesProblem(size, reps);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });
});

describe('Friday listening sessions', () => {
  it('lists the coming Fridays and marks Friday 01/05/2026 (holiday) as not working', () => {
    expect(upcomingFridays('2026-04-28', 2, calendar)).toEqual([
      { date: '2026-05-01', working: false },
      { date: '2026-05-08', working: true },
    ]);
    expect(upcomingFridays('2026-05-08', 1, calendar)).toEqual([{ date: '2026-05-08', working: true }]);
    expect(sessionDayProblem('2026-05-01', calendar)).toContain('ngày nghỉ');
    expect(sessionDayProblem('2026-05-08', calendar)).toBeNull();
  });
});
