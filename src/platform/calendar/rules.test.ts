import { describe, expect, it } from 'vitest';
import { OFFICIAL_ADJUSTMENTS_2025_2026 } from './official-adjustments';
import {
  addDays,
  addWorkingDays,
  buildCalendar,
  DEFAULT_OFFICE_HOURS,
  dueDateInCalendarDays,
  dueDateInWorkingDays,
  toLocalDate,
  workingDaysBetween,
  type Adjustment,
  type OfficeHours,
} from './rules';

const cal = buildCalendar(OFFICIAL_ADJUSTMENTS_2025_2026);
const SATURDAY_HOURS: OfficeHours = { ...DEFAULT_OFFICE_HOURS, saturdayMorningReceiving: true };
const at = (iso: string): Date => new Date(iso);
const wd = (iso: string, n: number, hours = DEFAULT_OFFICE_HOURS, c = cal) =>
  dueDateInWorkingDays(at(iso), n, hours, c);
const exceptions = (year: number) => cal.daysOfYear(year).map((d) => `${d.date} ${d.kind}`);

describe('date helpers (Vietnam local, TZ-independent)', () => {
  it('converts instants to the Vietnam local date', () => {
    expect(toLocalDate(at('2026-03-09T17:00:00Z'))).toBe('2026-03-10'); // 00:00 +07:00
    expect(toLocalDate(at('2026-03-09T16:59:59Z'))).toBe('2026-03-09');
    expect(toLocalDate(at('2026-12-31T23:30:00+07:00'))).toBe('2026-12-31');
  });
  it('adds days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-03-01', 0.5)).toThrow(RangeError);
  });
});

describe('official calendar 2025–2026', () => {
  it('2025: non-working weekdays and the working Saturday', () => {
    expect(exceptions(2025)).toEqual([
      '2025-01-01 day_off',
      ...['27', '28', '29', '30', '31'].map((d) => `2025-01-${d} day_off`),
      '2025-04-07 day_off',
      '2025-04-26 working_day',
      '2025-04-30 day_off',
      '2025-05-01 day_off',
      '2025-05-02 day_off',
      '2025-09-01 day_off',
      '2025-09-02 day_off',
    ]);
  });

  it('2026: non-working weekdays and the working Saturdays', () => {
    expect(exceptions(2026)).toEqual([
      '2026-01-01 day_off',
      '2026-01-02 day_off',
      '2026-01-10 working_day',
      ...['16', '17', '18', '19', '20'].map((d) => `2026-02-${d} day_off`),
      '2026-04-27 day_off',
      '2026-04-30 day_off',
      '2026-05-01 day_off',
      '2026-08-22 working_day',
      '2026-08-31 day_off',
      '2026-09-01 day_off',
      '2026-09-02 day_off',
    ]);
  });

  it('names sources and legal bases', () => {
    const days = new Map(cal.daysOfYear(2026).map((d) => [d.date, d]));
    expect(days.get('2026-02-16')).toMatchObject({ source: 'statutory', provisional: false });
    expect(days.get('2026-02-18')).toMatchObject({
      source: 'adjustment',
      legalBasis: expect.stringMatching(/9441/),
    });
    expect(days.get('2026-04-27')).toMatchObject({
      source: 'compensatory',
      legalBasis: 'Bộ luật Lao động 2019, điều 111 khoản 3',
    });
    expect(cal.daysOfYear(2026).every((d) => d.legalBasis.length > 0 && d.reason.length > 0)).toBe(true);
  });

  it('treats the Sunday holiday as a holiday but lists only weekday exceptions', () => {
    expect(cal.isWorkingDay('2026-04-26')).toBe(false);
    expect(cal.isHoliday?.('2026-04-26')).toBe(true);
    expect(cal.isHoliday?.('2026-04-25')).toBe(false);
    expect(cal.daysOfYear(2026).some((d) => d.date === '2026-04-26')).toBe(false);
  });

  it('marks a year without any adjustment as provisional, and 2026 not', () => {
    const y2027 = cal.daysOfYear(2027);
    expect(y2027.length).toBeGreaterThan(0);
    expect(y2027.every((d) => d.provisional)).toBe(true);
    expect(cal.daysOfYear(2026).every((d) => !d.provisional)).toBe(true);
  });

  it('2027 (provisional): Tết = eve + 4 days with nghỉ bù, 02/9 + 01/9, 1/5 Saturday → Monday', () => {
    expect(exceptions(2027).map((d) => d.slice(0, 10))).toEqual([
      '2027-01-01',
      '2027-02-05', // eve (Fri); Sat 06 and Sun 07 are Tết days on the weekend
      '2027-02-08',
      '2027-02-09',
      '2027-02-10', // nghỉ bù for Sat 06/02
      '2027-02-11', // nghỉ bù for Sun 07/02
      '2027-04-16',
      '2027-04-30',
      '2027-05-03', // nghỉ bù for Sat 01/05
      '2027-09-01',
      '2027-09-02',
    ]);
  });

  it('lets adjustments win over computed days', () => {
    const extra: Adjustment = { date: '2026-04-27', kind: 'working_day', reason: 'thử', legalBasis: 'thử' };
    const c = buildCalendar([...OFFICIAL_ADJUSTMENTS_2025_2026, extra]);
    expect(c.isWorkingDay('2026-04-27')).toBe(true);
    expect(c.daysOfYear(2026).some((d) => d.date === '2026-04-27')).toBe(false);
  });

  it('uses 03/9 when the notice chooses it', () => {
    const c = buildCalendar([{ date: '2027-09-03', kind: 'day_off', reason: 'Quốc khánh', legalBasis: 'x' }]);
    expect(c.isWorkingDay('2027-09-01')).toBe(true);
    expect(c.isWorkingDay('2027-09-03')).toBe(false);
  });
});

describe('deadlines in working days', () => {
  it.each([
    ['Tết 2026', '2026-02-13T10:00:00+07:00', '2026-02-23'],
    ['Giỗ Tổ 2026 on a Sunday → nghỉ bù Monday', '2026-04-24T10:00:00+07:00', '2026-04-28'],
    ['30/4–1/5 2026', '2026-04-29T10:00:00+07:00', '2026-05-04'],
    ['New Year 2027 (provisional year)', '2026-12-31T10:00:00+07:00', '2027-01-04'],
    ['added working Saturday', '2026-01-09T10:00:00+07:00', '2026-01-10'],
    ['added day off', '2025-12-31T10:00:00+07:00', '2026-01-05'],
  ])('%s: 1 working day', (_name, receivedAt, due) => {
    const r = wd(receivedAt, 1);
    expect(r.dueDate).toBe(due);
    expect(r.receiptDay).toBe(receivedAt.slice(0, 10));
  });

  it('same day before the 15:00 cutoff, next working day after it', () => {
    const before = wd('2026-03-10T10:00:00+07:00', 0);
    expect(before).toMatchObject({ receiptDay: '2026-03-10', dueDate: '2026-03-10' });
    expect(before.basis).toMatch(/Nghị định 23\/2015\/NĐ-CP, điều 7/);
    expect(wd('2026-03-10T15:30:00+07:00', 0)).toMatchObject({
      receiptDay: '2026-03-10',
      dueDate: '2026-03-11',
    });
    expect(wd('2026-03-10T14:59:59+07:00', 0).dueDate).toBe('2026-03-10');
    expect(wd('2026-03-10T18:00:00+07:00', 0).dueDate).toBe('2026-03-11');
    expect(wd('2026-03-08T09:00:00+07:00', 0).dueDate).toBe('2026-03-09');
    expect(wd('2026-03-07T09:00:00+07:00', 0, SATURDAY_HOURS)).toMatchObject({
      receiptDay: '2026-03-07',
      dueDate: '2026-03-09',
    });
  });

  it('after hours counts as received the next working day', () => {
    const r = wd('2026-03-10T18:00:00+07:00', 1);
    expect(r).toMatchObject({ receiptDay: '2026-03-11', dueDate: '2026-03-12' });
    expect(r.receivedAt).toBe('2026-03-10T11:00:00.000Z');
    expect(r.basis).toMatch(/Bộ luật Dân sự 2015, điều 144–148/);
    expect(r.basis).toMatch(/sau giờ làm việc \(17:00\)/);
    expect(wd('2026-03-10T16:59:00+07:00', 1).receiptDay).toBe('2026-03-10');
    expect(wd('2026-03-10T17:00:00+07:00', 1).receiptDay).toBe('2026-03-11');
    expect(wd('2026-03-10T06:00:00+07:00', 1)).toMatchObject({
      receiptDay: '2026-03-10',
      dueDate: '2026-03-11',
    });
  });

  it('received on a Sunday', () => {
    expect(wd('2026-03-08T09:00:00+07:00', 1)).toMatchObject({
      receiptDay: '2026-03-09',
      dueDate: '2026-03-10',
    });
  });

  it('Saturday-morning receiving', () => {
    expect(wd('2026-03-07T09:00:00+07:00', 1, SATURDAY_HOURS)).toMatchObject({
      receiptDay: '2026-03-07',
      dueDate: '2026-03-09',
    });
    expect(wd('2026-03-07T14:00:00+07:00', 1, SATURDAY_HOURS)).toMatchObject({
      receiptDay: '2026-03-09',
      dueDate: '2026-03-10',
    });
    // without the setting, Saturday is a day off
    expect(wd('2026-03-07T09:00:00+07:00', 1).receiptDay).toBe('2026-03-09');
    // a Saturday inside a holiday break is not a receiving day
    expect(wd('2026-02-14T09:00:00+07:00', 1, SATURDAY_HOURS).receiptDay).toBe('2026-02-23');
    expect(wd('2026-02-21T09:00:00+07:00', 1, SATURDAY_HOURS).receiptDay).toBe('2026-02-23');
    expect(wd('2026-04-25T09:00:00+07:00', 1, SATURDAY_HOURS).receiptDay).toBe('2026-04-28');
    // a làm bù Saturday is a full working day
    expect(wd('2026-01-10T14:00:00+07:00', 1, SATURDAY_HOURS)).toMatchObject({
      receiptDay: '2026-01-10',
      dueDate: '2026-01-12',
    });
  });

  it('an added day off moves the deadline', () => {
    expect(wd('2026-03-10T10:00:00+07:00', 1).dueDate).toBe('2026-03-11');
    const extra: Adjustment = {
      date: '2026-03-11',
      kind: 'day_off',
      reason: 'Nghỉ đột xuất',
      legalBasis: 'x',
    };
    const c = buildCalendar([...OFFICIAL_ADJUSTMENTS_2025_2026, extra]);
    expect(wd('2026-03-10T10:00:00+07:00', 1, DEFAULT_OFFICE_HOURS, c).dueDate).toBe('2026-03-12');
  });

  it('counts several working days across a holiday block', () => {
    expect(wd('2026-08-27T10:00:00+07:00', 3).dueDate).toBe('2026-09-04'); // 28/08, 03/09, 04/09
  });

  it('rejects negative or non-integer counts', () => {
    expect(() => wd('2026-03-10T10:00:00+07:00', -1)).toThrow(RangeError);
    expect(() => wd('2026-03-10T10:00:00+07:00', 1.5)).toThrow(RangeError);
    expect(() => wd('not a date', 1)).toThrow(RangeError);
  });
});

describe('counting working days', () => {
  it('steps over Tết both ways and counts the days used', () => {
    expect(addWorkingDays('2026-02-13', 1, cal)).toBe('2026-02-23');
    expect(addWorkingDays('2026-02-23', -1, cal)).toBe('2026-02-13');
    expect(addWorkingDays('2026-01-09', 1, cal)).toBe('2026-01-10'); // the working Saturday
    expect(addWorkingDays('2026-02-13', 0, cal)).toBe('2026-02-13');
    expect(workingDaysBetween('2026-02-12', '2026-02-24', cal)).toBe(3);
    expect(() => addWorkingDays('2026-02-13', 1.5, cal)).toThrow(RangeError);
  });
});

describe('deadlines in calendar days', () => {
  it('ends on the next working day when the last day falls in Tết', () => {
    const r = dueDateInCalendarDays(at('2026-01-16T10:00:00+07:00'), 30, cal);
    expect(r).toMatchObject({ receiptDay: '2026-01-16', dueDate: '2026-02-23' });
    expect(r.basis).toMatch(/điều 148 khoản 5/);
  });

  it('does not count the day of the event', () => {
    expect(dueDateInCalendarDays(at('2026-03-10T23:00:00+07:00'), 1, cal).dueDate).toBe('2026-03-11');
    expect(dueDateInCalendarDays(at('2026-03-10T10:00:00+07:00'), 3, cal).dueDate).toBe('2026-03-13');
  });

  it('rejects negative or non-integer counts', () => {
    expect(() => dueDateInCalendarDays(at('2026-03-10T10:00:00+07:00'), -3, cal)).toThrow(RangeError);
    expect(() => dueDateInCalendarDays(at('2026-03-10T10:00:00+07:00'), 2.5, cal)).toThrow(RangeError);
  });
});
