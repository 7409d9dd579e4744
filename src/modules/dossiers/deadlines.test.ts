import { describe, expect, it } from 'vitest';
import { OFFICIAL_ADJUSTMENTS_2025_2026 } from '../../platform/calendar/official-adjustments';
import { buildCalendar, DEFAULT_OFFICE_HOURS } from '../../platform/calendar/rules';
import {
  addWorkingDays,
  checkApology,
  classifyStep,
  classifyTiming,
  dueDateAfterSupplement,
  sweepOverdue,
  TIMING_LABELS,
  urgency,
  URGENCY_LABELS,
  workingDaysBetween,
  type SweepDossier,
} from './rules';

// Tết Bính Ngọ 2026: days off from Saturday 14/02 to Sunday 22/02; Friday 13/02 → Monday 23/02.
const calendar = buildCalendar(OFFICIAL_ADJUSTMENTS_2025_2026);
const at = (localDateTime: string) => new Date(`${localDateTime}:00+07:00`);
const hours = DEFAULT_OFFICE_HOURS;

describe('working-day helpers on the real calendar', () => {
  it('steps over Tết 2026 both ways', () => {
    expect(addWorkingDays('2026-02-13', 1, calendar)).toBe('2026-02-23');
    expect(addWorkingDays('2026-02-23', -1, calendar)).toBe('2026-02-13');
    expect(addWorkingDays('2026-02-13', 0, calendar)).toBe('2026-02-13');
    expect(workingDaysBetween('2026-02-12', '2026-02-24', calendar)).toBe(3);
    expect(workingDaysBetween('2026-02-24', '2026-02-12', calendar)).toBe(0);
  });
});

describe('dueDateAfterSupplement', () => {
  const base = { hours, calendar };

  it('requested at intake: the full limit runs from the complete file', () => {
    const r = dueDateAfterSupplement({
      ...base,
      workingDays: 3,
      validReceivedAt: null,
      pausedOn: '2026-02-10',
      completedAt: at('2026-02-13T09:00'),
    });
    expect(r).toMatchObject({ dueDate: '2026-02-25', usedWorkingDays: 0, remainingWorkingDays: 3 });
    expect(r.basis).toContain('hồ sơ hợp lệ');
  });

  it('requested after receipt: the remaining working days run from the supplement', () => {
    // Received Mon 02/03 (5 days → due 09/03); Mẫu 02 on Wed 04/03 uses 03 and 04/03; complete on Tue 10/03.
    const r = dueDateAfterSupplement({
      ...base,
      workingDays: 5,
      validReceivedAt: at('2026-03-02T09:00'),
      pausedOn: '2026-03-04',
      completedAt: at('2026-03-10T10:00'),
    });
    expect(r).toMatchObject({ dueDate: '2026-03-13', usedWorkingDays: 2, remainingWorkingDays: 3 });
  });

  it('pause across Tết; a supplement after office hours counts from the next working day', () => {
    const input = {
      ...base,
      workingDays: 3,
      validReceivedAt: at('2026-02-11T09:00'),
      pausedOn: '2026-02-12',
    };
    expect(dueDateAfterSupplement({ ...input, completedAt: at('2026-02-13T16:00') }).dueDate).toBe(
      '2026-02-24',
    );
    expect(dueDateAfterSupplement({ ...input, completedAt: at('2026-02-13T17:30') }).dueDate).toBe(
      '2026-02-25',
    );
  });

  it('already overdue when the supplement was requested: the passed due date stays', () => {
    const r = dueDateAfterSupplement({
      ...base,
      workingDays: 2,
      validReceivedAt: at('2026-03-02T09:00'),
      pausedOn: '2026-03-06',
      completedAt: at('2026-03-09T09:00'),
    });
    expect(r).toMatchObject({ dueDate: '2026-03-04', remainingWorkingDays: 0 });
  });

  it('rejects a pause before the receipt', () => {
    const bad = { ...base, workingDays: 2, validReceivedAt: at('2026-03-02T09:00'), pausedOn: '2026-02-27' };
    expect(() => dueDateAfterSupplement({ ...bad, completedAt: at('2026-03-03T09:00') })).toThrow(RangeError);
  });
});

describe('timing of the dossier and of each hand-over step', () => {
  it('Trước hạn / Đúng hạn / Quá hạn', () => {
    expect(classifyTiming('2026-02-23', '2026-02-13')).toBe('truoc_han');
    expect(classifyTiming('2026-02-23', '2026-02-23')).toBe('dung_han');
    expect(classifyTiming('2026-02-23', '2026-02-24')).toBe('qua_han');
    expect(Object.values(TIMING_LABELS)).toEqual(['Trước hạn', 'Đúng hạn', 'Quá hạn']);
  });

  it('a one-day step handed over before Tết is due on 23/02', () => {
    const step = (finishedOn: string) =>
      classifyStep({ startedOn: '2026-02-13', finishedOn, allottedWorkingDays: 1, calendar });
    expect(step('2026-02-13')).toEqual({
      timing: 'truoc_han',
      stepDueDate: '2026-02-23',
      spentWorkingDays: 0,
    });
    expect(step('2026-02-23')).toEqual({
      timing: 'dung_han',
      stepDueDate: '2026-02-23',
      spentWorkingDays: 1,
    });
    expect(step('2026-02-24')).toMatchObject({ timing: 'qua_han', spentWorkingDays: 2 });
  });

  it('a same-day step', () => {
    const s = classifyStep({
      startedOn: '2026-03-02',
      finishedOn: '2026-03-03',
      allottedWorkingDays: 0,
      calendar,
    });
    expect(s).toEqual({ timing: 'qua_han', stepDueDate: '2026-03-02', spentWorkingDays: 1 });
  });
});

describe('urgency around Tết 2026', () => {
  const due = '2026-02-23';
  it.each([
    ['2026-02-12', 'on_track'],
    ['2026-02-13', 'at_risk'],
    ['2026-02-17', 'at_risk'],
    ['2026-02-23', 'due_today'],
    ['2026-02-24', 'overdue'],
  ])('today %s, due 23/02 → %s', (today, level) => expect(urgency(due, today, calendar)).toBe(level));

  it('an ordinary week, and the labels', () => {
    expect(urgency('2026-03-04', '2026-03-02', calendar)).toBe('on_track');
    expect(urgency('2026-03-03', '2026-03-02', calendar)).toBe('at_risk');
    expect(URGENCY_LABELS).toEqual({
      overdue: 'Quá hạn',
      due_today: 'Đến hạn hôm nay',
      at_risk: 'Sắp đến hạn',
      on_track: 'Trong hạn',
    });
  });
});

describe('checkApology', () => {
  const base = {
    dueDate: '2026-02-23',
    today: '2026-02-13',
    newDate: '2026-02-25',
    previousApologies: 0,
    receivedOn: '2026-02-10',
    calendar,
  };
  const codes = (r: { errors: { code: string }[] }) => r.errors.map((e) => e.code);

  it('one working day before the due date, with a later working day as new date: allowed, Mẫu 04', () => {
    const r = checkApology(base);
    expect(r).toMatchObject({ ok: true, errors: [], escalate: false, latestIssueDay: '2026-02-13' });
    expect(r.form.name).toBe('Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết');
    expect(r.basis).toContain('Nghị định 118/2025/NĐ-CP (cơ chế một cửa, một cửa liên thông)');
  });

  it('on the due date itself, or during Tết after the last working day: too late', () => {
    expect(codes(checkApology({ ...base, today: '2026-02-23' }))).toEqual(['TOO_LATE']);
    expect(codes(checkApology({ ...base, today: '2026-02-14' }))).toEqual(['TOO_LATE']);
    expect(checkApology({ ...base, today: '2026-02-23' }).escalate).toBe(false);
  });

  it('the one-working-day rule is a parameter', () => {
    expect(checkApology({ ...base, today: '2026-02-23', minWorkingDaysBefore: 0 }).ok).toBe(true);
    expect(checkApology({ ...base, today: '2026-02-13', minWorkingDaysBefore: 2 }).ok).toBe(false);
  });

  it('the new date must be a working day after the due date', () => {
    expect(codes(checkApology({ ...base, newDate: '2026-02-23' }))).toEqual(['NEW_DATE_NOT_AFTER_DUE']);
    expect(codes(checkApology({ ...base, newDate: '2026-02-28' }))).toEqual(['NEW_DATE_NOT_WORKING_DAY']);
  });

  it('a second new date is refused and escalated to the chairman (never late twice)', () => {
    const r = checkApology({ ...base, previousApologies: 1 });
    expect(r).toMatchObject({ ok: false, escalate: true });
    expect(codes(r)).toEqual(['LATE_TWICE']);
    expect(r.errors[0].message).toContain('Chủ tịch UBND phường');
  });

  it('a dossier received before 01/07/2025 keeps the Circular 01/2018 form and Decree 61/2018', () => {
    const r = checkApology({
      ...base,
      dueDate: '2025-06-27',
      today: '2025-06-26',
      newDate: '2025-07-02',
      receivedOn: '2025-06-20',
    });
    expect(r.ok).toBe(true);
    expect(r.form.name).toBe('Phiếu xin lỗi và hẹn lại ngày trả kết quả');
    expect(r.basis[0]).toMatch(/^Nghị định 61\/2018/);
  });
});

describe('sweepOverdue', () => {
  const dossiers: SweepDossier[] = [
    { id: 'A', status: 'processing', dueDate: '2026-02-23', apologyIssued: false },
    { id: 'B', status: 'processing', dueDate: '2026-02-20', apologyIssued: true },
    { id: 'C', status: 'supplement_requested', dueDate: '2026-02-20', apologyIssued: false },
    { id: 'D', status: 'returned', dueDate: '2026-02-02', apologyIssued: false },
    { id: 'E', status: 'received', dueDate: '2026-02-24', apologyIssued: false },
    { id: 'F', status: 'awaiting_payment', dueDate: '2026-02-13', apologyIssued: false },
    { id: 'G', status: 'submitted', dueDate: null, apologyIssued: false },
    { id: 'H', status: 'result_ready', dueDate: '2026-02-13', apologyIssued: false },
  ];

  it('open dossiers past their due date, in Vietnam local time; apologised ones are late twice', () => {
    const now = new Date('2026-02-23T18:00:00Z'); // 01:00 on 24/02 in Vietnam
    expect(sweepOverdue(dossiers, now)).toEqual({
      overdue: [
        { id: 'F', dueDate: '2026-02-13' },
        { id: 'A', dueDate: '2026-02-23' },
      ],
      lateTwice: [{ id: 'B', dueDate: '2026-02-20' }],
    });
  });

  it('the due date itself is not late', () => {
    expect(sweepOverdue(dossiers, new Date('2026-02-23T16:59:00Z')).overdue.map((h) => h.id)).toEqual(['F']);
  });
});
