/**
 * One-stop indicators of a ward (Decision 766 TDGQ / CLGQ / MDSH and the Decree 61/2018 commitments), computed from
 * dossier rows. Pure: the store hands over the candidate rows, this module decides which dossier counts where, so
 * a figure and the list of dossiers behind it can never disagree.
 *
 * Which day anchors each figure in the period [from, to] (Vietnam local dates, both included):
 * - received: the receipt day of a valid dossier (Mẫu 01 issued: the clock has started; a Mẫu 02 issued at intake
 *   or a refusal is not a receipt);
 * - resolved and its timing: the day the dossier reached "Đã xử lý xong" or "Đã trả kết quả" (finished_at, else the
 *   time of that event), compared with the statutory due date (classifyTiming): the date the law's time limit
 *   gives, moved only by supplement pauses. The apology's new date is an appointment kept with the citizen, not
 *   more time under the law: a dossier returned by it is still late, and counted among the apologies too;
 * - supplements, second supplements (breaches), apologies and late twice: the dossiers taken in during the period
 *   (receipt day in the period, whatever the outcome at the counter) that have had one;
 * - lateStock: a snapshot on `today`, whatever the period: the clock runs and the statutory due date has passed;
 * - home intakes: the dossiers taken in at the home of a person who cannot travel (channel "home"), whatever the
 *   outcome at the visit;
 * - same-day ("không hẹn, không chờ", seed III.6): among those resolved in the period, the ones resolved on their
 *   receipt day;
 * - fees: the dossiers with a fee paid in the period (by the day of payment), and those paid online.
 */
import { addDays, toLocalDate, type IsoDate } from '../../platform/calendar/rules';
import { classifyTiming } from './deadlines';
import { statusOf, type StatusKey } from './workflow';

export const FIGURE_KEYS = [
  'received',
  'resolved',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'onTimePercent',
  'lateStock',
  'apologies',
  'lateTwice',
  'supplements',
  'secondSupplements',
  'onlineShare',
  'digitisedShare',
  'homeIntakes',
  'sameDayResolved',
  'sameDayShare',
  'feePaid',
  'onlinePaymentShare',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export const FIGURE_LABELS: Record<FigureKey, string> = {
  received: 'Hồ sơ tiếp nhận',
  resolved: 'Hồ sơ đã giải quyết',
  resolvedEarly: 'Giải quyết trước hạn',
  resolvedOnTime: 'Giải quyết đúng hạn',
  resolvedLate: 'Giải quyết quá hạn',
  onTimePercent: 'Tỷ lệ giải quyết trước hạn và đúng hạn',
  lateStock: 'Hồ sơ đang quá hạn (đến hôm nay)',
  apologies: 'Hồ sơ phải xin lỗi, hẹn lại',
  lateTwice: 'Hồ sơ trễ hẹn lần thứ hai',
  supplements: 'Hồ sơ phải bổ sung, hoàn thiện',
  secondSupplements: 'Hồ sơ bị yêu cầu bổ sung quá một lần',
  onlineShare: 'Tỷ lệ hồ sơ nộp trực tuyến',
  digitisedShare: 'Tỷ lệ hồ sơ được số hóa',
  homeIntakes: 'Hồ sơ tiếp nhận tại nhà',
  sameDayResolved: 'Hồ sơ “không hẹn, không chờ” đã giải quyết',
  sameDayShare: 'Tỷ lệ hồ sơ “không hẹn, không chờ” trả trong ngày',
  feePaid: 'Hồ sơ đã nộp phí, lệ phí',
  onlinePaymentShare: 'Tỷ lệ hồ sơ nộp phí, lệ phí trực tuyến',
};

/** Shown instead of a percentage when no dossier is in its denominator. */
export const NO_DOSSIER_LABEL = 'chưa có hồ sơ';

/** Percent figures: the count figure of their numerator and of their denominator. */
const PERCENTS = {
  onTimePercent: { denominator: 'resolved' },
  onlineShare: { denominator: 'received' },
  digitisedShare: { denominator: 'received' },
  sameDayShare: { denominator: 'sameDayResolved' },
  onlinePaymentShare: { denominator: 'feePaid' },
} as const satisfies Partial<Record<FigureKey, { denominator: FigureKey }>>;

export function isPercentFigure(key: FigureKey): key is keyof typeof PERCENTS {
  return Object.hasOwn(PERCENTS, key);
}

/** A fee paid for a dossier, at the counter or online (by any module that collects it). */
export interface FeePayment {
  paidAt: Date;
  online: boolean;
}

/** What the computation needs of a dossier (the store selects exactly this). */
export interface IndicatorRow {
  code: string;
  procedureName: string;
  status: string;
  channel: string;
  receivedAt: Date;
  receiptDay: IsoDate;
  /** Set once a valid dossier was received (Mẫu 01). */
  originalDueDate: IsoDate | null;
  /** The due date in force. */
  dueDate: IsoDate | null;
  /** The due date in force before the apology moved it; null when there was no apology. */
  dueDateBeforeApology: IsoDate | null;
  /** When the dossier reached result_ready / returned: finished_at, else the time of that event. */
  resolvedAt: Date | null;
  digitised: boolean;
  supplementRequests: number;
  supplementBreaches: number;
  apologies: number;
  lateTwiceAt: Date | null;
  /** Due the day it was received, by the ward's "không hẹn, không chờ" commitment. */
  sameDay: boolean;
  feePayments: readonly FeePayment[];
}

export interface Period {
  from: IsoDate;
  to: IsoDate;
  /** The day lateStock is taken on. */
  today: IsoDate;
}

export const RESOLVED_STATUSES = ['result_ready', 'returned'] as const;

/** The instants that bound the period: [start of `from`, start of the day after `to`), Vietnam time (UTC+7). */
export function periodInstants(period: Pick<Period, 'from' | 'to'>): { start: Date; end: Date } {
  return {
    start: new Date(`${addDays(period.from, 0)}T00:00:00+07:00`),
    end: new Date(`${addDays(period.to, 1)}T00:00:00+07:00`),
  };
}

function clockRuns(status: string): boolean {
  try {
    return statusOf(status as StatusKey).clock === 'running';
  } catch {
    return false;
  }
}

/** The date the law's time limit gives (supplement pauses included): the apology's new date is not. */
export function statutoryDueDate(
  row: Pick<IndicatorRow, 'dueDate' | 'dueDateBeforeApology'>,
): IsoDate | null {
  return row.dueDateBeforeApology ?? row.dueDate;
}

/** The day the dossier was resolved, or null when it is not resolved (or has no trace of when). */
export function resolvedDay(row: IndicatorRow): IsoDate | null {
  if (!(RESOLVED_STATUSES as readonly string[]).includes(row.status) || !row.resolvedAt) return null;
  return toLocalDate(row.resolvedAt);
}

/**
 * The count figures a dossier belongs to (percent figures are read from their numerator: resolvedEarly +
 * resolvedOnTime for onTimePercent, the `online` / `digitised` members of `received`, the same-day dossiers
 * resolved on their receipt day, the dossiers with a fee paid online).
 */
export function membership(row: IndicatorRow, period: Period): Set<FigureKey> {
  const keys = new Set<FigureKey>();
  const inPeriod = (day: IsoDate) => day >= period.from && day <= period.to;
  const takenIn = inPeriod(row.receiptDay);
  if (takenIn && row.channel === 'home') keys.add('homeIntakes');
  if (takenIn && row.originalDueDate !== null) {
    keys.add('received');
    if (row.channel === 'online') keys.add('onlineShare');
    if (row.digitised) keys.add('digitisedShare');
  }
  const resolvedOn = resolvedDay(row);
  const dueDate = statutoryDueDate(row);
  if (resolvedOn !== null && inPeriod(resolvedOn)) {
    keys.add('resolved');
    if (dueDate) {
      const timing = classifyTiming(dueDate, resolvedOn);
      keys.add(
        timing === 'truoc_han' ? 'resolvedEarly' : timing === 'dung_han' ? 'resolvedOnTime' : 'resolvedLate',
      );
      if (timing !== 'qua_han') keys.add('onTimePercent');
    }
    if (row.sameDay) {
      keys.add('sameDayResolved');
      if (resolvedOn === row.receiptDay) keys.add('sameDayShare');
    }
  }
  const paidInPeriod = row.feePayments.filter((p) => inPeriod(toLocalDate(p.paidAt)));
  if (paidInPeriod.length > 0) keys.add('feePaid');
  if (paidInPeriod.some((p) => p.online)) keys.add('onlinePaymentShare');
  if (clockRuns(row.status) && dueDate !== null && dueDate < period.today) keys.add('lateStock');
  if (takenIn) {
    if (row.apologies > 0) keys.add('apologies');
    if (row.lateTwiceAt !== null) keys.add('lateTwice');
    if (row.supplementRequests > 0) keys.add('supplements');
    if (row.supplementBreaches > 0) keys.add('secondSupplements');
  }
  return keys;
}

export interface Figure {
  key: FigureKey;
  label: string;
  /** A count, or a percentage rounded to one decimal; null for a percentage with no dossier to divide by. */
  value: number | null;
  unit: 'count' | 'percent';
  /** The value as shown: "12", "66,7 %", or "chưa có hồ sơ". */
  display: string;
  /** Percentages only: the dossiers counted and the dossiers they are counted among. */
  numerator?: number;
  denominator?: number;
}

/** Share in percent with one decimal; null (never 0 nor 100) when there is nothing to divide by. */
export function percent(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return Math.round((numerator / denominator) * 1000) / 10;
}

const formatPercent = (value: number) => `${value.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`;

/** Every figure of the period, in FIGURE_KEYS order. */
export function computeFigures(rows: readonly IndicatorRow[], period: Period): Figure[] {
  const counts = new Map<FigureKey, number>(FIGURE_KEYS.map((k) => [k, 0]));
  for (const row of rows)
    for (const key of membership(row, period)) counts.set(key, (counts.get(key) ?? 0) + 1);
  const count = (key: FigureKey) => counts.get(key) ?? 0;
  return FIGURE_KEYS.map((key): Figure => {
    const label = FIGURE_LABELS[key];
    if (!isPercentFigure(key)) {
      const value = count(key);
      return { key, label, value, unit: 'count', display: value.toLocaleString('vi-VN') };
    }
    const numerator = count(key);
    const denominator = count(PERCENTS[key].denominator);
    const value = percent(numerator, denominator);
    const display = value === null ? NO_DOSSIER_LABEL : formatPercent(value);
    return { key, label, value, unit: 'percent', display, numerator, denominator };
  });
}

/** The dossiers behind one figure (for a percentage: those of its numerator), oldest receipt first. */
export function dossiersOf(rows: readonly IndicatorRow[], key: FigureKey, period: Period): IndicatorRow[] {
  return rows
    .filter((row) => membership(row, period).has(key))
    .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.code.localeCompare(b.code));
}
