import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BASIS,
  computeFigures,
  FIGURE_KEYS,
  groupBy,
  inScope,
  isSatisfied,
  LEVEL_LABELS,
  LEVELS,
  membership,
  NO_BALLOT_LABEL,
  normaliseComment,
  parseCounterId,
  parseQuarter,
  quarterMatching,
  quarterOf,
  ratingsOf,
  subjectOf,
  type Figure,
  type FigureKey,
  type Level,
  type RatingRow,
} from './rules';
import { isKioskKey, isRatingToken, kioskKey, ratingToken } from './token';

let serial = 0;
function ballot(level: Level, overrides: Partial<RatingRow> = {}): RatingRow {
  serial++;
  return {
    dossierCode: `10507-260305-${String(serial).padStart(4, '0')}`,
    procedureCode: '1.001193',
    procedureName: 'Đăng ký khai sinh',
    level,
    officerLevel: null,
    officerId: null,
    officerName: null,
    comment: null,
    channel: 'link',
    counterId: null,
    createdAt: new Date(`2026-03-05T10:00:${String(serial % 60).padStart(2, '0')}+07:00`),
    ...overrides,
  };
}

const byKey = (figures: Figure[]) =>
  Object.fromEntries(figures.map((f) => [f.key, f])) as Record<FigureKey, Figure>;

describe('levels (vn-rules §1.5: three levels)', () => {
  it('are the three levels of the ballot, in Vietnamese', () => {
    expect(LEVELS.map((l) => LEVEL_LABELS[l])).toEqual(['Rất hài lòng', 'Hài lòng', 'Không hài lòng']);
  });

  it('counts "hài lòng" and "rất hài lòng" as satisfied (Decision 766, MDHL)', () => {
    expect(LEVELS.filter(isSatisfied)).toEqual(['rat_hai_long', 'hai_long']);
    expect(BASIS.mdhl).toContain('766/QĐ-TTg');
  });

  it('keeps a comment only when something is written', () => {
    expect(normaliseComment('  Cán bộ hướng dẫn tận tình ')).toBe('Cán bộ hướng dẫn tận tình');
    expect(normaliseComment('   ')).toBeNull();
    expect(normaliseComment(undefined)).toBeNull();
  });
});

describe('satisfaction percentage = (rất hài lòng + hài lòng) / ballots', () => {
  it('of 2 very satisfied, 3 satisfied and 1 unsatisfied ballots is 83,3 %', () => {
    const rows = [
      ...['rat_hai_long', 'rat_hai_long', 'hai_long', 'hai_long', 'hai_long', 'khong_hai_long'].map((l) =>
        ballot(l as Level),
      ),
    ];
    const figures = byKey(computeFigures(rows, 'service'));
    expect(figures.ballots.value).toBe(6);
    expect(figures.rat_hai_long.value).toBe(2);
    expect(figures.hai_long.value).toBe(3);
    expect(figures.khong_hai_long.value).toBe(1);
    expect(figures.satisfiedPercent).toMatchObject({
      value: 83.3,
      display: '83,3 %',
      numerator: 5,
      denominator: 6,
      unit: 'percent',
    });
  });

  it('is "chưa có phiếu" without ballots, never 0 % or 100 %', () => {
    const figures = byKey(computeFigures([], 'service'));
    expect(figures.satisfiedPercent).toMatchObject({ value: null, display: NO_BALLOT_LABEL });
    expect(figures.ballots.value).toBe(0);
  });

  it('is 0 % when every ballot is unsatisfied and 100 % when none is', () => {
    expect(byKey(computeFigures([ballot('khong_hai_long')], 'service')).satisfiedPercent.value).toBe(0);
    expect(byKey(computeFigures([ballot('hai_long')], 'service')).satisfiedPercent.value).toBe(100);
  });

  it('counts the officer level for an officer, and only the ballots that rate one', () => {
    const rows = [
      ballot('khong_hai_long', { officerLevel: 'rat_hai_long', officerId: 'a' }),
      ballot('hai_long', { officerLevel: null, officerId: 'a' }),
    ];
    const officer = byKey(computeFigures(rows, 'officer'));
    expect(officer.ballots.value).toBe(1);
    expect(officer.satisfiedPercent.value).toBe(100);
    expect(byKey(computeFigures(rows, 'service')).satisfiedPercent.value).toBe(50);
    expect(subjectOf({ officerId: 'a' })).toBe('officer');
    expect(subjectOf({ procedureCode: '1.001193' })).toBe('service');
  });
});

describe('a figure and the ballots behind it', () => {
  const level = fc.constantFrom(...LEVELS);
  const row = fc
    .record({ level, officerLevel: fc.option(level, { nil: null }), officer: fc.constantFrom('a', 'b') })
    .map((r) =>
      ballot(r.level, { officerLevel: r.officerLevel, officerId: r.officer, officerName: r.officer }),
    );

  it('always agree: each count is the length of its list, the percentage lists its numerator', () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 30 }),
        fc.constantFrom('service', 'officer'),
        (rows, subject) => {
          const figures = computeFigures(rows, subject as 'service' | 'officer');
          for (const figure of figures) {
            const listed = ratingsOf(rows, figure.key, subject as 'service' | 'officer').length;
            expect(figure.unit === 'percent' ? figure.numerator : figure.value).toBe(listed);
          }
          const f = byKey(figures);
          expect(f.ballots.value).toBe(
            (f.rat_hai_long.value ?? 0) + (f.hai_long.value ?? 0) + (f.khong_hai_long.value ?? 0),
          );
        },
      ),
    );
  });

  it('lists the ballots oldest first, and a ballot counts in its level and the ballots only', () => {
    const late = ballot('hai_long', { createdAt: new Date('2026-03-20T08:00:00+07:00') });
    const early = ballot('hai_long', { createdAt: new Date('2026-03-02T08:00:00+07:00') });
    expect(ratingsOf([late, early], 'hai_long', 'service')).toEqual([early, late]);
    expect([...membership(early, 'service')].sort()).toEqual(['ballots', 'hai_long', 'satisfiedPercent']);
    expect([...membership(ballot('khong_hai_long'), 'service')].sort()).toEqual([
      'ballots',
      'khong_hai_long',
    ]);
    expect(FIGURE_KEYS).toHaveLength(5);
  });
});

describe('groups', () => {
  it('per procedure: every ballot, named as on its latest ballot', () => {
    const rows = [
      ballot('hai_long', { procedureName: 'Tên cũ', createdAt: new Date('2026-03-01T08:00:00+07:00') }),
      ballot('hai_long', { procedureName: 'Tên mới', createdAt: new Date('2026-03-09T08:00:00+07:00') }),
      ballot('hai_long', { procedureCode: '1.004222', procedureName: 'Đăng ký thường trú' }),
    ];
    const groups = groupBy(rows, 'procedure');
    expect(groups.map((g) => [g.id, g.name, g.rows.length])).toEqual([
      ['1.004222', 'Đăng ký thường trú', 1],
      ['1.001193', 'Tên mới', 2],
    ]);
  });

  it('per officer: only the ballots that rate the officer', () => {
    const rows = [
      ballot('hai_long', { officerId: 'b', officerName: 'Trần Thị Bích', officerLevel: 'hai_long' }),
      ballot('hai_long', { officerId: 'a', officerName: 'Nguyễn Văn An', officerLevel: 'khong_hai_long' }),
      ballot('hai_long', { officerId: 'a', officerName: 'Nguyễn Văn An', officerLevel: null }),
    ];
    const groups = groupBy(rows, 'officer');
    expect(groups.map((g) => [g.name, g.rows.length])).toEqual([
      ['Nguyễn Văn An', 1],
      ['Trần Thị Bích', 1],
    ]);
    expect(rows.filter((r) => inScope(r, { officerId: 'a' }))).toHaveLength(2);
  });
});

describe('quarters (reported per quarter, vn-rules §1.5)', () => {
  it.each([
    ['2026-01-01', '2026-Q1', '2026-01-01', '2026-03-31', 'Quý I năm 2026'],
    ['2026-05-19', '2026-Q2', '2026-04-01', '2026-06-30', 'Quý II năm 2026'],
    ['2026-09-30', '2026-Q3', '2026-07-01', '2026-09-30', 'Quý III năm 2026'],
    ['2026-12-31', '2026-Q4', '2026-10-01', '2026-12-31', 'Quý IV năm 2026'],
  ])('%s is in %s (%s – %s)', (day, key, from, to, label) => {
    expect(quarterOf(day)).toEqual({ key, from, to, label });
    expect(parseQuarter(key)).toEqual({ key, from, to, label });
    expect(quarterMatching(from, to)?.key).toBe(key);
  });

  it('refuses what is not a quarter', () => {
    expect(parseQuarter('2026-Q5')).toBeNull();
    expect(parseQuarter('2026-1')).toBeNull();
    expect(quarterMatching('2026-01-01', '2026-03-30')).toBeNull();
    expect(quarterMatching('2026-01-02', '2026-03-31')).toBeNull();
  });
});

describe('counters', () => {
  it('are named <ward code>-<number 1–99>', () => {
    expect(parseCounterId('10507-1')).toEqual({ id: '10507-1', wardCode: '10507', label: 'Quầy số 1' });
    expect(parseCounterId('10507-12')?.label).toBe('Quầy số 12');
    for (const bad of ['10507-0', '10507-100', '1050-1', '10507-01', '10507', 'x'])
      expect(parseCounterId(bad)).toBeNull();
  });
});

describe('tokens', () => {
  const secret = 'a-secret-of-the-server-with-32-characters';

  it('bind a rating link to one dossier and one secret, 128 bits, URL-safe', () => {
    const token = ratingToken(secret, '10507-260305-0001');
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(ratingToken(secret, '10507-260305-0001')).toBe(token);
    expect(isRatingToken(secret, '10507-260305-0001', token)).toBe(true);
    expect(isRatingToken(secret, '10507-260305-0002', token)).toBe(false);
    expect(isRatingToken(`${secret}!`, '10507-260305-0001', token)).toBe(false);
    expect(isRatingToken(secret, '10507-260305-0001', token.slice(1))).toBe(false);
    expect(isRatingToken(secret, '10507-260305-0001', '')).toBe(false);
  });

  it('keep the kiosk key of a counter apart from any rating token', () => {
    const key = kioskKey(secret, '10507-1');
    expect(isKioskKey(secret, '10507-1', key)).toBe(true);
    expect(isKioskKey(secret, '10507-2', key)).toBe(false);
    expect(key).not.toBe(ratingToken(secret, '10507-1'));
  });
});
