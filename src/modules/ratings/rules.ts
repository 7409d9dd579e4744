/**
 * Citizen satisfaction with the handling of a dossier (đánh giá mức độ hài lòng): the three levels, the share
 * of satisfied ballots, the reporting quarter, and which figure a ballot counts in. Pure: the store hands over
 * the ballots of a period and this module decides where each one counts, so that a figure and the list of
 * ballots behind it can never disagree.
 *
 * A ballot rates the service (every ballot) and, optionally, the officer who returned the result: the ward's
 * and each procedure's figures count the service level, each officer's figures count the officer level.
 */
import { addDays, type IsoDate } from '../../platform/calendar/rules';
import { percent } from '../dossiers/indicators';

/** "(chưa xác nhận)": known from secondary sources only (vn-rules §1.5, §3), to check against the texts. */
export const BASIS = {
  levels:
    'Ba mức đánh giá: Rất hài lòng, Hài lòng, Không hài lòng; tổng hợp theo quý bằng tỷ lệ phần trăm trên tổng số phiếu (theo hệ thống một cửa của các tỉnh, chưa xác nhận)',
  mdhl: 'Quyết định 766/QĐ-TTg ngày 23/06/2022, nhóm chỉ số “Mức độ hài lòng” (MDHL, 18 điểm): tỷ lệ đánh giá hài lòng và rất hài lòng (công thức chi tiết chưa xác nhận)',
  officer:
    'Nghị định 61/2018/NĐ-CP, Thông tư 01/2018/TT-VPCP: chỉ số “Thái độ của cán bộ, công chức khi hướng dẫn, tiếp nhận, giải quyết” (chưa xác nhận)',
  oncePerDossier: 'Mỗi hồ sơ được đánh giá một lần, sau khi đã trả kết quả (quy định của phường)',
} as const;

export const LEVELS = ['rat_hai_long', 'hai_long', 'khong_hai_long'] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_LABELS: Record<Level, string> = {
  rat_hai_long: 'Rất hài lòng',
  hai_long: 'Hài lòng',
  khong_hai_long: 'Không hài lòng',
};

/** Satisfied in the sense of MDHL: "hài lòng" or "rất hài lòng". */
export function isSatisfied(level: Level): boolean {
  return level !== 'khong_hai_long';
}

export const COMMENT_MAX_LENGTH = 1000;

/** What the citizen typed as a comment: trimmed, and null when nothing is left. */
export function normaliseComment(comment: string | undefined | null): string | null {
  const text = comment?.trim() ?? '';
  return text === '' ? null : text;
}

// ---------------------------------------------------------------------------------------------------------------
// Counters.

const COUNTER_ID = /^(\d{5})-([1-9]\d?)$/;

export interface Counter {
  /** '10507-1' */
  id: string;
  wardCode: string;
  /** 'Quầy số 1' */
  label: string;
}

/** A counter of a ward's one-stop desk, named '<ward code>-<number 1–99>' (quầy số 1 of 10507: '10507-1'). */
export function parseCounterId(id: string): Counter | null {
  const match = COUNTER_ID.exec(id);
  return match?.[1] && match[2] ? { id, wardCode: match[1], label: `Quầy số ${match[2]}` } : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Reporting quarters.

export interface Quarter {
  /** '2026-Q1': the value of the `quarter` query parameter. */
  key: string;
  from: IsoDate;
  to: IsoDate;
  /** 'Quý I năm 2026' */
  label: string;
}

const ROMAN = ['I', 'II', 'III', 'IV'] as const;
const QUARTER_KEY = /^(20\d{2})-Q([1-4])$/;

function quarterNumbered(year: number, quarter: number): Quarter {
  const firstMonth = (quarter - 1) * 3 + 1;
  const from = `${year}-${String(firstMonth).padStart(2, '0')}-01`;
  const next = quarter === 4 ? `${year + 1}-01-01` : `${year}-${String(firstMonth + 3).padStart(2, '0')}-01`;
  return {
    key: `${year}-Q${quarter}`,
    from,
    to: addDays(next, -1),
    label: `Quý ${ROMAN[quarter - 1]} năm ${year}`,
  };
}

/** The quarter a day belongs to. */
export function quarterOf(day: IsoDate): Quarter {
  return quarterNumbered(Number(day.slice(0, 4)), Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1);
}

/** '2026-Q1' → that quarter; null for anything else. */
export function parseQuarter(key: string): Quarter | null {
  const match = QUARTER_KEY.exec(key);
  return match ? quarterNumbered(Number(match[1]), Number(match[2])) : null;
}

/** The quarter a period is exactly, or null when it is not one whole quarter. */
export function quarterMatching(from: IsoDate, to: IsoDate): Quarter | null {
  const quarter = quarterOf(from);
  return quarter.from === from && quarter.to === to ? quarter : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Figures.

/** What the computation needs of a ballot (the store selects exactly this). */
export interface RatingRow {
  dossierCode: string;
  procedureCode: string;
  procedureName: string;
  level: Level;
  officerLevel: Level | null;
  officerId: string | null;
  officerName: string | null;
  comment: string | null;
  channel: string;
  counterId: string | null;
  createdAt: Date;
}

/** Whose figures: the service (ward, procedure) or the officer who returned the result. */
export type Subject = 'service' | 'officer';

export const FIGURE_KEYS = ['ballots', ...LEVELS, 'satisfiedPercent'] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export const FIGURE_LABELS: Record<FigureKey, string> = {
  ballots: 'Số phiếu đánh giá',
  ...LEVEL_LABELS,
  satisfiedPercent: 'Tỷ lệ hài lòng (rất hài lòng và hài lòng trên tổng số phiếu)',
};

/** Shown instead of a percentage when there is no ballot to divide by. */
export const NO_BALLOT_LABEL = 'chưa có phiếu';

/** The level a ballot gives the subject; null when it does not rate it (no officer level). */
export function levelFor(row: Pick<RatingRow, 'level' | 'officerLevel'>, subject: Subject): Level | null {
  return subject === 'service' ? row.level : row.officerLevel;
}

/** The figures a ballot counts in for the subject (satisfiedPercent: its numerator). */
export function membership(row: RatingRow, subject: Subject): Set<FigureKey> {
  const level = levelFor(row, subject);
  if (level === null) return new Set();
  const keys = new Set<FigureKey>(['ballots', level]);
  if (isSatisfied(level)) keys.add('satisfiedPercent');
  return keys;
}

export interface Figure {
  key: FigureKey;
  label: string;
  /** A count, or a percentage with one decimal; null for a percentage with no ballot. */
  value: number | null;
  unit: 'count' | 'percent';
  /** "12", "66,7 %" or "chưa có phiếu". */
  display: string;
  numerator?: number;
  denominator?: number;
}

const formatPercent = (value: number) => `${value.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`;

/** Every figure of the ballots for the subject, in FIGURE_KEYS order. */
export function computeFigures(rows: readonly RatingRow[], subject: Subject): Figure[] {
  const counts = new Map<FigureKey, number>(FIGURE_KEYS.map((k) => [k, 0]));
  for (const row of rows)
    for (const key of membership(row, subject)) counts.set(key, (counts.get(key) ?? 0) + 1);
  const count = (key: FigureKey) => counts.get(key) ?? 0;
  return FIGURE_KEYS.map((key): Figure => {
    const label = FIGURE_LABELS[key];
    if (key !== 'satisfiedPercent') {
      const value = count(key);
      return { key, label, value, unit: 'count', display: value.toLocaleString('vi-VN') };
    }
    const numerator = count(key);
    const denominator = count('ballots');
    const value = percent(numerator, denominator);
    const display = value === null ? NO_BALLOT_LABEL : formatPercent(value);
    return { key, label, value, unit: 'percent', display, numerator, denominator };
  });
}

const byTime = (a: RatingRow, b: RatingRow) =>
  a.createdAt.getTime() - b.createdAt.getTime() || a.dossierCode.localeCompare(b.dossierCode);

/** The ballots behind one figure (for the percentage: those of its numerator), oldest first. */
export function ratingsOf(rows: readonly RatingRow[], key: FigureKey, subject: Subject): RatingRow[] {
  return rows.filter((row) => membership(row, subject).has(key)).sort(byTime);
}

/** A procedure's or an officer's figures: the ward's ballots narrowed to one of them. */
export interface Scope {
  procedureCode?: string;
  officerId?: string;
}

/** An officer's figures count the officer level; anything else counts the service level. */
export function subjectOf(scope: Scope): Subject {
  return scope.officerId ? 'officer' : 'service';
}

export function inScope(row: RatingRow, scope: Scope): boolean {
  if (scope.procedureCode && row.procedureCode !== scope.procedureCode) return false;
  if (scope.officerId && row.officerId !== scope.officerId) return false;
  return true;
}

export interface Group {
  /** The procedure's code or the officer's id. */
  id: string;
  name: string;
  rows: RatingRow[];
}

/**
 * The ballots per procedure, or per rated officer (only the ballots that rate one), sorted by name. A group is
 * named as on its latest ballot (a procedure's new version may rename it).
 */
export function groupBy(rows: readonly RatingRow[], by: 'procedure' | 'officer'): Group[] {
  const groups = new Map<string, Group>();
  for (const row of [...rows].sort(byTime)) {
    const id = by === 'procedure' ? row.procedureCode : row.officerLevel === null ? null : row.officerId;
    if (id === null) continue;
    const name = (by === 'procedure' ? row.procedureName : row.officerName) ?? '';
    const group = groups.get(id) ?? { id, name, rows: [] };
    group.name = name;
    group.rows.push(row);
    groups.set(id, group);
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi') || a.id.localeCompare(b.id));
}
