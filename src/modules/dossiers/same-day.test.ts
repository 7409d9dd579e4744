import { describe, expect, it } from 'vitest';
import { OFFICIAL_ADJUSTMENTS_2025_2026 } from '../../platform/calendar/official-adjustments';
import { buildCalendar, DEFAULT_OFFICE_HOURS, dueDateInWorkingDays } from '../../platform/calendar/rules';
import { SAME_DAY_BASIS, sameDayDueDate, scheduleOn, type SameDaySchedule } from './rules';

const calendar = buildCalendar(OFFICIAL_ADJUSTMENTS_2025_2026);
const hours = DEFAULT_OFFICE_HOURS;
const at = (localDateTime: string) => new Date(`${localDateTime}:00+07:00`);

/** Nhận cha, mẹ, con: 3 working days by law. */
const RECOGNITION = '1.001022';
const BIRTH = '1.001193';
/** Thursdays from 1 March 2026, then Tuesdays from 19 March. */
const SCHEDULES: SameDaySchedule[] = [
  { weekday: 2, procedureCodes: [RECOGNITION], effectiveFrom: '2026-03-19' },
  { weekday: 4, procedureCodes: [RECOGNITION, BIRTH], effectiveFrom: '2026-03-01' },
];

function dueOf(receivedAt: string, procedureCode = RECOGNITION, schedules = SCHEDULES) {
  const when = at(receivedAt);
  const statutory = dueDateInWorkingDays(when, 3, hours, calendar);
  return sameDayDueDate({ schedules, procedureCode, receivedAt: when, hours, calendar, statutory });
}

describe('scheduleOn', () => {
  it('takes the decision in force on the day, none before the first', () => {
    expect(scheduleOn(SCHEDULES, '2026-02-28')).toBeNull();
    expect(scheduleOn(SCHEDULES, '2026-03-01')?.weekday).toBe(4);
    expect(scheduleOn(SCHEDULES, '2026-03-18')?.weekday).toBe(4);
    expect(scheduleOn(SCHEDULES, '2026-03-19')?.weekday).toBe(2);
    expect(scheduleOn([], '2026-03-19')).toBeNull();
  });
});

describe('sameDayDueDate', () => {
  it('makes a listed procedure received on the weekday due that day, quoting the law beside it', () => {
    const due = dueOf('2026-03-12T10:00'); // Thursday
    expect(due).toMatchObject({ receiptDay: '2026-03-12', dueDate: '2026-03-12' });
    expect(due?.basis).toContain(SAME_DAY_BASIS);
    expect(due?.basis).toContain('hồ sơ nhận lúc 10:00 thứ Năm, ngày 12/03/2026');
    expect(due?.basis).toContain('Thời hạn theo quy định: Thời hạn 3 ngày làm việc');
  });

  it('holds until the office closes, later than the legal 15:00 same-day cutoff, and early arrivals', () => {
    expect(dueOf('2026-03-12T16:59')?.dueDate).toBe('2026-03-12');
    expect(dueOf('2026-03-12T07:00')?.dueDate).toBe('2026-03-12');
    expect(dueOf('2026-03-12T17:00')).toBeNull();
    expect(dueOf('2026-03-12T18:30')).toBeNull();
  });

  it('does not apply on other weekdays, nor on a holiday that falls on the weekday', () => {
    expect(dueOf('2026-03-11T10:00')).toBeNull(); // Wednesday
    const thursdays = SCHEDULES.filter((s) => s.weekday === 4);
    expect(dueOf('2026-04-23T10:00', RECOGNITION, thursdays)?.dueDate).toBe('2026-04-23');
    expect(dueOf('2026-04-30T10:00', RECOGNITION, thursdays)).toBeNull(); // Ngày Giải phóng miền Nam
    expect(dueOf('2026-03-14T10:00')).toBeNull(); // Saturday
  });

  it('applies only to the procedures the decision lists', () => {
    expect(dueOf('2026-03-12T10:00', '2.000815')).toBeNull();
    expect(dueOf('2026-03-12T10:00', BIRTH)?.dueDate).toBe('2026-03-12');
    expect(dueOf('2026-03-24T10:00', BIRTH)).toBeNull(); // Tuesday: the new decision lists recognition only
  });

  it('follows the decision in force on the day of receipt', () => {
    expect(dueOf('2026-03-19T10:00')).toBeNull(); // Thursday, but Tuesdays from that day
    expect(dueOf('2026-03-24T10:00')?.dueDate).toBe('2026-03-24');
    expect(dueOf('2026-02-26T10:00')).toBeNull(); // a Thursday before the first decision
    const suspended = [...SCHEDULES, { weekday: 2, procedureCodes: [], effectiveFrom: '2026-04-01' }];
    expect(dueOf('2026-04-07T10:00', RECOGNITION, suspended)).toBeNull();
  });
});
