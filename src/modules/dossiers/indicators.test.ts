import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeFigures,
  dossiersOf,
  FIGURE_KEYS,
  FIGURE_LABELS,
  membership,
  NO_DOSSIER_LABEL,
  percent,
  periodInstants,
  type Figure,
  type FigureKey,
  type IndicatorRow,
  type Period,
} from './indicators';
import { STATUSES } from './workflow';

const MARCH: Period = { from: '2026-03-01', to: '2026-03-31', today: '2026-04-02' };

let serial = 0;
function row(overrides: Partial<IndicatorRow> = {}): IndicatorRow {
  serial++;
  return {
    code: `10507-260305-${String(serial).padStart(4, '0')}`,
    procedureName: 'Đăng ký khai sinh',
    status: 'received',
    channel: 'counter',
    receivedAt: new Date('2026-03-05T02:00:00Z'),
    receiptDay: '2026-03-05',
    originalDueDate: '2026-03-06',
    dueDate: '2026-03-06',
    dueDateBeforeApology: null,
    resolvedAt: null,
    digitised: false,
    supplementRequests: 0,
    supplementBreaches: 0,
    apologies: 0,
    lateTwiceAt: null,
    sameDay: false,
    feePayments: [],
    ...overrides,
  };
}

/** A dossier resolved on a Vietnam local day (10:00 there). */
const resolvedOn = (day: string, dueDate: string, status = 'returned') =>
  row({ status, dueDate, resolvedAt: new Date(`${day}T10:00:00+07:00`) });

const byKey = (figures: Figure[]) =>
  Object.fromEntries(figures.map((f) => [f.key, f])) as Record<FigureKey, Figure>;

describe('percent', () => {
  it('is null with nothing to divide by, never 0 or 100', () => {
    expect(percent(0, 0)).toBeNull();
    expect(percent(0, 3)).toBe(0);
    expect(percent(3, 3)).toBe(100);
    expect(percent(2, 3)).toBe(66.7);
  });

  it('labels an empty denominator "chưa có hồ sơ"', () => {
    const figures = byKey(computeFigures([], MARCH));
    for (const key of ['onTimePercent', 'onlineShare', 'digitisedShare'] as const) {
      expect(figures[key]).toMatchObject({
        value: null,
        unit: 'percent',
        display: NO_DOSSIER_LABEL,
        numerator: 0,
        denominator: 0,
      });
    }
    expect(figures.received).toMatchObject({ value: 0, unit: 'count', display: '0' });
  });
});

describe('period', () => {
  it('runs from midnight of `from` to midnight after `to`, Vietnam time', () => {
    expect(periodInstants(MARCH)).toEqual({
      start: new Date('2026-02-28T17:00:00Z'),
      end: new Date('2026-03-31T17:00:00Z'),
    });
  });

  it('counts a dossier resolved late in the evening of the last day, not one resolved just after midnight', () => {
    const evening = row({ status: 'returned', resolvedAt: new Date('2026-03-31T16:59:00Z') });
    const afterMidnight = row({ status: 'returned', resolvedAt: new Date('2026-03-31T17:00:00Z') });
    expect(membership(evening, MARCH).has('resolved')).toBe(true);
    expect(membership(afterMidnight, MARCH).has('resolved')).toBe(false);
  });
});

describe('resolved and its timing', () => {
  it('compares the day of resolution with the statutory due date', () => {
    const rows = [
      resolvedOn('2026-03-05', '2026-03-06'), // trước hạn
      resolvedOn('2026-03-06', '2026-03-06', 'result_ready'), // đúng hạn
      resolvedOn('2026-03-09', '2026-03-06'), // quá hạn
      resolvedOn('2026-03-10', '2026-03-12'), // trước hạn: a supplement pause moved the due date
    ];
    const f = byKey(computeFigures(rows, MARCH));
    expect(f.resolved.value).toBe(4);
    expect(f.resolvedEarly.value).toBe(2);
    expect(f.resolvedOnTime.value).toBe(1);
    expect(f.resolvedLate.value).toBe(1);
    expect(f.onTimePercent).toMatchObject({ value: 75, numerator: 3, denominator: 4, display: '75 %' });
  });

  it("judges a dossier returned by the apology's new date against the date the apology moved: late", () => {
    const apologised = {
      ...resolvedOn('2026-03-10', '2026-03-12'),
      dueDateBeforeApology: '2026-03-06',
      apologies: 1,
    };
    const f = byKey(computeFigures([apologised], MARCH));
    expect(f.resolvedLate.value).toBe(1);
    expect(f.onTimePercent).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
    expect(f.apologies.value).toBe(1);
    expect(
      membership({ ...apologised, status: 'processing', resolvedAt: null }, MARCH).has('lateStock'),
    ).toBe(true);
  });

  it('counts only result_ready and returned dossiers that have a time of resolution in the period', () => {
    const rows = [
      row({ status: 'returned', resolvedAt: null }),
      row({ status: 'stopped', resolvedAt: new Date('2026-03-10T03:00:00Z') }),
      row({ status: 'withdrawn', resolvedAt: new Date('2026-03-10T03:00:00Z') }),
      resolvedOn('2026-02-27', '2026-03-02'),
      resolvedOn('2026-04-01', '2026-04-02'),
    ];
    expect(byKey(computeFigures(rows, MARCH)).resolved.value).toBe(0);
  });
});

describe('received and its shares', () => {
  it('counts dossiers whose clock started (Mẫu 01) on a day of the period', () => {
    const rows = [
      row({ channel: 'online', digitised: true }),
      row({ channel: 'online' }),
      row({ status: 'withdrawn', digitised: true }),
      row({ status: 'refused', originalDueDate: null, dueDate: null }),
      row({ status: 'supplement_requested', originalDueDate: null, dueDate: null, supplementRequests: 1 }),
      row({ receiptDay: '2026-02-28' }),
    ];
    const f = byKey(computeFigures(rows, MARCH));
    expect(f.received.value).toBe(3);
    expect(f.onlineShare).toMatchObject({ value: 66.7, numerator: 2, denominator: 3, display: '66,7 %' });
    expect(f.digitisedShare).toMatchObject({ value: 66.7, numerator: 2, denominator: 3 });
    expect(f.supplements.value).toBe(1);
  });
});

describe('home intakes, the same-day day and online payment', () => {
  it('counts the dossiers taken at a home, whatever the outcome at the visit', () => {
    const rows = [
      row({ channel: 'home' }),
      row({ channel: 'home', status: 'supplement_requested', originalDueDate: null, dueDate: null }),
      row({ channel: 'counter' }),
      row({ channel: 'home', receiptDay: '2026-02-27' }),
    ];
    const f = byKey(computeFigures(rows, MARCH));
    expect(f.homeIntakes.value).toBe(2);
    expect(f.received.value).toBe(2);
  });

  it('shares the same-day dossiers resolved on their receipt day among those resolved in the period', () => {
    const sameDay = (day: string, resolved: string) => ({
      ...resolvedOn(resolved, day),
      receiptDay: day,
      sameDay: true,
    });
    const rows = [
      sameDay('2026-03-05', '2026-03-05'),
      sameDay('2026-03-12', '2026-03-12'),
      sameDay('2026-03-19', '2026-03-20'), // a day late
      { ...sameDay('2026-03-26', '2026-03-26'), resolvedAt: null, status: 'processing' }, // not resolved yet
      resolvedOn('2026-03-05', '2026-03-05'), // not a same-day dossier
    ];
    const f = byKey(computeFigures(rows, MARCH));
    expect(f.sameDayResolved.value).toBe(3);
    expect(f.sameDayShare).toMatchObject({ value: 66.7, numerator: 2, denominator: 3 });
    expect(dossiersOf(rows, 'sameDayShare', MARCH).map((r) => r.receiptDay)).toEqual([
      '2026-03-05',
      '2026-03-12',
    ]);
  });

  it('shares the dossiers with a fee paid online among those with a fee paid in the period', () => {
    const paid = (day: string, online: boolean) => ({ paidAt: new Date(`${day}T10:00:00+07:00`), online });
    const rows = [
      row({ feePayments: [paid('2026-03-10', true)] }),
      row({ feePayments: [paid('2026-03-10', false)] }),
      row({ feePayments: [paid('2026-03-11', false), paid('2026-03-12', true)] }),
      row({ receiptDay: '2026-02-20', feePayments: [paid('2026-03-02', true)] }), // paid in the period
      row({ feePayments: [paid('2026-04-01', true)] }), // paid after it
      row(),
    ];
    const f = byKey(computeFigures(rows, MARCH));
    expect(f.feePaid.value).toBe(4);
    expect(f.onlinePaymentShare).toMatchObject({ value: 75, numerator: 3, denominator: 4, display: '75 %' });
  });
});

describe('late stock', () => {
  it('holds dossiers whose clock runs and whose due date is before today, whatever the period', () => {
    const rows = [
      row({ status: 'processing', receiptDay: '2026-01-05', dueDate: '2026-04-01' }),
      row({ status: 'awaiting_payment', dueDate: '2026-03-20' }),
      row({ status: 'received', dueDate: '2026-04-02' }), // due today: not late yet
      row({ status: 'supplement_requested', dueDate: '2026-03-20' }), // clock paused
      row({ status: 'result_ready', dueDate: '2026-03-20', resolvedAt: new Date('2026-04-01T03:00:00Z') }),
    ];
    expect(dossiersOf(rows, 'lateStock', MARCH).map((r) => r.status)).toEqual([
      'processing',
      'awaiting_payment',
    ]);
  });
});

describe('commitments', () => {
  it('counts apologies, late twice and supplements among the dossiers taken in during the period', () => {
    const rows = [
      row({ apologies: 1 }),
      row({ apologies: 1, lateTwiceAt: new Date('2026-04-01T02:00:00Z') }),
      row({ supplementRequests: 2, supplementBreaches: 1 }),
      row({ supplementRequests: 1 }),
      row({ receiptDay: '2026-02-20', apologies: 1, supplementRequests: 2, supplementBreaches: 1 }),
    ];
    const f = byKey(computeFigures(rows, MARCH));
    expect(f.apologies.value).toBe(2);
    expect(f.lateTwice.value).toBe(1);
    expect(f.supplements.value).toBe(2);
    expect(f.secondSupplements.value).toBe(1);
  });
});

describe('every figure', () => {
  it('has a Vietnamese label and comes in a fixed order', () => {
    const figures = computeFigures([], MARCH);
    expect(figures.map((f) => f.key)).toEqual([...FIGURE_KEYS]);
    for (const f of figures) expect(f.label).toBe(FIGURE_LABELS[f.key]);
  });

  const day = fc
    .integer({ min: 0, max: 120 })
    .map((n) => new Date(Date.UTC(2026, 1, 1) + n * 86_400_000).toISOString().slice(0, 10));
  const arbitraryRow = fc
    .record({
      status: fc.constantFrom(...STATUSES.map((s) => s.key)),
      channel: fc.constantFrom('counter', 'online', 'home'),
      receiptDay: day,
      started: fc.boolean(),
      dueDate: fc.option(day),
      resolvedAt: fc.option(
        fc.date({ min: new Date('2026-02-01'), max: new Date('2026-06-01'), noInvalidDate: true }),
      ),
      digitised: fc.boolean(),
      supplementRequests: fc.nat(3),
      supplementBreaches: fc.nat(2),
      apologies: fc.nat(1),
      lateTwice: fc.boolean(),
      sameDay: fc.boolean(),
      feePayments: fc.array(
        fc.record({
          paidAt: fc.date({ min: new Date('2026-02-01'), max: new Date('2026-06-01'), noInvalidDate: true }),
          online: fc.boolean(),
        }),
        { maxLength: 2 },
      ),
    })
    .map((r) =>
      row({
        ...r,
        originalDueDate: r.started ? (r.dueDate ?? r.receiptDay) : null,
        lateTwiceAt: r.lateTwice ? new Date('2026-03-15T02:00:00Z') : null,
      }),
    );

  it('lists exactly the dossiers it counts (a percentage: those of its numerator)', () => {
    fc.assert(
      fc.property(fc.array(arbitraryRow, { maxLength: 40 }), (rows) => {
        const figures = computeFigures(rows, MARCH);
        for (const f of figures) {
          const listed = dossiersOf(rows, f.key, MARCH).length;
          expect(listed).toBe(f.unit === 'count' ? f.value : f.numerator);
        }
        const f = byKey(figures);
        expect(
          (f.resolvedEarly.value ?? 0) + (f.resolvedOnTime.value ?? 0) + (f.resolvedLate.value ?? 0),
        ).toBeLessThanOrEqual(f.resolved.value ?? 0);
        const percents = [
          'onTimePercent',
          'onlineShare',
          'digitisedShare',
          'sameDayShare',
          'onlinePaymentShare',
        ];
        for (const key of percents as FigureKey[]) {
          const { value, numerator = 0, denominator = 0 } = f[key];
          if (denominator === 0) expect(value).toBeNull();
          else expect(value).toBeCloseTo((100 * numerator) / denominator, 1);
        }
      }),
    );
  });
});
