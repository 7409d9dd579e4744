/**
 * Queue tickets at the ward's one-stop centre (số thứ tự): the service groups a citizen chooses from, how a
 * ticket is numbered, the steps a ticket goes through at a counter, and the figures of a period. Pure: the
 * store hands over the tickets and this module decides where each one counts, so that a figure and the list
 * of tickets behind it can never disagree.
 */
import { percent } from '../dossiers/indicators';

/** "(chưa xác nhận)": known from secondary sources only, to check against the texts. */
export const BASIS = {
  queue:
    'Nghị định 118/2025/NĐ-CP: Bộ phận Một cửa bố trí trang thiết bị phục vụ tổ chức, cá nhân đến giao dịch, trong đó có thiết bị lấy số thứ tự tự động (chưa xác nhận)',
  numbering:
    'Quy định của phường: mỗi lĩnh vực một dãy số riêng theo chữ cái (A001, B001…), bắt đầu lại từ 001 mỗi ngày (giờ Việt Nam)',
  noShow: 'Quy định của phường: số đã gọi mà công dân vắng mặt thì qua lượt; công dân đến sau xin lấy số mới',
} as const;

// ---------------------------------------------------------------------------------------------------------------
// Service groups.

export interface ServiceGroup {
  key: string;
  /** The letter the group's ticket numbers start with. */
  letter: string;
  name: string;
  /** What the citizen comes for, as the kiosk button says it. */
  hint: string;
}

export const SERVICE_GROUPS = [
  {
    key: 'tu-phap-ho-tich',
    letter: 'A',
    name: 'Tư pháp – Hộ tịch',
    hint: 'Khai sinh, kết hôn, khai tử, xác nhận tình trạng hôn nhân',
  },
  {
    key: 'dat-dai-xay-dung',
    letter: 'B',
    name: 'Đất đai – Xây dựng',
    hint: 'Đất đai, nhà ở, giấy phép xây dựng, môi trường',
  },
  {
    key: 'lao-dong-xa-hoi',
    letter: 'C',
    name: 'Lao động – Thương binh – Xã hội',
    hint: 'Người có công, bảo trợ xã hội, trẻ em, việc làm',
  },
  {
    key: 'chung-thuc',
    letter: 'D',
    name: 'Chứng thực',
    hint: 'Chứng thực bản sao, chữ ký, hợp đồng, giao dịch',
  },
] as const satisfies readonly ServiceGroup[];

export type GroupKey = (typeof SERVICE_GROUPS)[number]['key'];
export const GROUP_KEYS = SERVICE_GROUPS.map((g) => g.key) as [GroupKey, ...GroupKey[]];

export function groupOf(key: string): ServiceGroup | undefined {
  return SERVICE_GROUPS.find((g) => g.key === key);
}

/** The highest number of a group on one day: three digits on the ticket. */
export const MAX_TICKET_NUMBER = 999;

/** 'A' and 15 → 'A015'. */
export function ticketCode(letter: string, number: number): string {
  return `${letter}${String(number).padStart(3, '0')}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Counters.

export const COUNTER_NAME_MAX_LENGTH = 80;

/** 'Quầy số 2 – Đất đai – Xây dựng' */
export function counterLabel(counter: { number: number; name: string }): string {
  return `Quầy số ${counter.number} – ${counter.name}`;
}

// ---------------------------------------------------------------------------------------------------------------
// A ticket's steps.

export const TICKET_STATUSES = ['waiting', 'called', 'served', 'no_show'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const STATUS_LABELS: Record<TicketStatus, string> = {
  waiting: 'Đang chờ',
  called: 'Đã gọi',
  served: 'Đã phục vụ',
  no_show: 'Vắng mặt',
};

/** What an officer does with a ticket that a counter has called. */
export const TICKET_ACTIONS = ['served', 'no-show', 'recall'] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

const ACTION_RESULT: Record<TicketAction, TicketStatus> = {
  served: 'served',
  'no-show': 'no_show',
  recall: 'called',
};

export type ActionCheck = { ok: true; to: TicketStatus } | { ok: false; message: string };

/**
 * Whether an officer may take the action on the ticket: only a called ticket is served, marked absent or called
 * again; a ticket is called again only on its own day (the display shows only today's numbers).
 */
export function checkAction(
  ticket: { status: TicketStatus; day: string; code: string },
  action: TicketAction,
  today: string,
): ActionCheck {
  if (ticket.status !== 'called') {
    const message = `Số ${ticket.code} đang ở trạng thái “${STATUS_LABELS[ticket.status]}”: chỉ số đã gọi mới được đánh dấu đã phục vụ, vắng mặt hoặc gọi lại.`;
    return { ok: false, message };
  }
  if (action === 'recall' && ticket.day !== today)
    return { ok: false, message: `Số ${ticket.code} được cấp ngày khác: không gọi lại được.` };
  return { ok: true, to: ACTION_RESULT[action] };
}

// ---------------------------------------------------------------------------------------------------------------
// Durations.

/** Seconds between two instants, rounded to the nearest second. */
export function secondsBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / 1000);
}

/** 45 → '45 giây', 750 → '12 phút 30 giây', 3900 → '1 giờ 5 phút'. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} giây`;
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  if (hours > 0) return minutes > 0 ? `${hours} giờ ${minutes} phút` : `${hours} giờ`;
  const rest = s % 60;
  return rest > 0 ? `${minutes} phút ${rest} giây` : `${minutes} phút`;
}

/** The nearest-rank percentile (0 < p ≤ 1) of the values; null when there is none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? null;
}

function average(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Math.round(values.reduce((sum, v) => sum + v, 0) / values.length);
}

// ---------------------------------------------------------------------------------------------------------------
// Figures.

/** What the figures need of a ticket (the store selects exactly this). */
export interface TicketRow {
  id: string;
  code: string;
  /** The Vietnam day the ticket was issued on. */
  day: string;
  groupKey: string;
  status: TicketStatus;
  channel: string;
  issuedAt: Date;
  /** The first call. */
  calledAt: Date | null;
  /** Served or marked absent. */
  finishedAt: Date | null;
  /** The counter that called it. */
  counterId: string | null;
  counterName: string | null;
  calledByName: string | null;
}

export const FIGURE_KEYS = [
  'issued',
  'served',
  'noShow',
  'notCalled',
  'servedPercent',
  'waitAverage',
  'waitP90',
  'serviceAverage',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export const FIGURE_LABELS: Record<FigureKey, string> = {
  issued: 'Số phiếu đã cấp',
  served: 'Đã phục vụ',
  noShow: 'Vắng mặt khi được gọi',
  notCalled: 'Chưa được gọi',
  servedPercent: 'Tỷ lệ đã phục vụ trên số phiếu đã cấp',
  waitAverage: 'Thời gian chờ trung bình (từ lấy số đến khi được gọi)',
  waitP90: 'Thời gian chờ mà 90 % lượt không vượt quá (phân vị 90)',
  serviceAverage: 'Thời gian phục vụ trung bình (từ khi được gọi đến khi xong)',
};

/** Shown instead of a duration or a share when no ticket is measured. */
export const NO_TICKET_LABEL = 'chưa có lượt';

const P90 = 0.9;

/** The figures a ticket counts in (a duration figure: the tickets it is measured on; a share: its numerator). */
export function membership(row: TicketRow): Set<FigureKey> {
  const keys = new Set<FigureKey>(['issued']);
  if (row.calledAt === null) keys.add('notCalled');
  else keys.add('waitAverage').add('waitP90');
  if (row.status === 'served') {
    keys.add('served').add('servedPercent');
    if (row.calledAt && row.finishedAt) keys.add('serviceAverage');
  }
  if (row.status === 'no_show') keys.add('noShow');
  return keys;
}

/** The seconds a ticket waited from issue to its first call; null while not called. */
export function waitSeconds(row: Pick<TicketRow, 'issuedAt' | 'calledAt'>): number | null {
  return row.calledAt ? secondsBetween(row.issuedAt, row.calledAt) : null;
}

/** The seconds a served ticket took at the counter, from its first call to done. */
export function serviceSeconds(row: Pick<TicketRow, 'calledAt' | 'finishedAt'>): number | null {
  return row.calledAt && row.finishedAt ? secondsBetween(row.calledAt, row.finishedAt) : null;
}

export interface Figure {
  key: FigureKey;
  label: string;
  /** A count, a percentage with one decimal, or seconds; null when nothing is measured. */
  value: number | null;
  unit: 'count' | 'percent' | 'seconds';
  /** "12", "66,7 %", "12 phút 30 giây" or "chưa có lượt". */
  display: string;
  /** The tickets the figure is counted or measured on (a share: its numerator). */
  tickets: number;
  /** A share only: the tickets it is counted among. */
  denominator?: number;
}

const formatPercent = (value: number) => `${value.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`;

function durationFigure(
  key: FigureKey,
  seconds: number[],
  aggregate: (v: number[]) => number | null,
): Figure {
  const value = aggregate(seconds);
  return {
    key,
    label: FIGURE_LABELS[key],
    value,
    unit: 'seconds',
    display: value === null ? NO_TICKET_LABEL : formatDuration(value),
    tickets: seconds.length,
  };
}

/** Every figure of the tickets, in FIGURE_KEYS order. */
export function computeFigures(rows: readonly TicketRow[]): Figure[] {
  const members = new Map<FigureKey, TicketRow[]>(FIGURE_KEYS.map((k) => [k, []]));
  for (const row of rows) for (const key of membership(row)) members.get(key)?.push(row);
  const of = (key: FigureKey) => members.get(key) ?? [];
  const waits = of('waitAverage').map((r) => waitSeconds(r) ?? 0);
  const services = of('serviceAverage').map((r) => serviceSeconds(r) ?? 0);
  return FIGURE_KEYS.map((key): Figure => {
    const label = FIGURE_LABELS[key];
    const tickets = of(key).length;
    if (key === 'waitAverage') return durationFigure(key, waits, average);
    if (key === 'waitP90') return durationFigure(key, waits, (v) => percentile(v, P90));
    if (key === 'serviceAverage') return durationFigure(key, services, average);
    if (key === 'servedPercent') {
      const denominator = of('issued').length;
      const value = percent(tickets, denominator);
      const display = value === null ? NO_TICKET_LABEL : formatPercent(value);
      return { key, label, value, unit: 'percent', display, tickets, denominator };
    }
    return { key, label, value: tickets, unit: 'count', display: tickets.toLocaleString('vi-VN'), tickets };
  });
}

const byIssue = (a: TicketRow, b: TicketRow) =>
  a.issuedAt.getTime() - b.issuedAt.getTime() || a.day.localeCompare(b.day) || a.code.localeCompare(b.code);

/** The tickets behind one figure, oldest first. */
export function ticketsOf<T extends TicketRow>(rows: readonly T[], key: FigureKey): T[] {
  return rows.filter((row) => membership(row).has(key)).sort(byIssue);
}

/** A counter's figures count the tickets it called; a group's, the tickets taken for it. */
export interface Scope {
  counterId?: string;
  groupKey?: string;
}

export function inScope(row: TicketRow, scope: Scope): boolean {
  if (scope.counterId && row.counterId !== scope.counterId) return false;
  if (scope.groupKey && row.groupKey !== scope.groupKey) return false;
  return true;
}

/** The counters that called tickets, by number ('10507-2' before '10507-10'), named as on their latest call. */
export function countersOf(rows: readonly TicketRow[]): { id: string; name: string }[] {
  const names = new Map<string, string>();
  for (const row of [...rows].sort(byIssue))
    if (row.counterId) names.set(row.counterId, row.counterName ?? row.counterId);
  return [...names]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
}

/** The service groups tickets were taken for, in the catalogue's order. */
export function groupsOf(rows: readonly TicketRow[]): ServiceGroup[] {
  const used = new Set(rows.map((r) => r.groupKey));
  return SERVICE_GROUPS.filter((g) => used.has(g.key));
}
