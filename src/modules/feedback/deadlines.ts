/**
 * Legal deadlines of citizen reception, feedback, complaints and denunciations (vn-rules §5), as versioned data:
 * each version names its legal basis, the days it counts (working days, or "ngày" = calendar days whose last day
 * moves to the next working day, Bộ luật Dân sự 2015 điều 148) and when it is in force. A record keeps the
 * version in force on the day it was received. Values not read in a primary text are `confirmed: false`: an
 * administrator may correct them (RuleCorrection) and the interface says they are unconfirmed.
 */
import {
  addDays,
  dueDateInCalendarDays,
  dueDateInWorkingDays,
  toLocalDate,
  type DueDate,
  type IsoDate,
  type OfficeHours,
  type WorkingCalendar,
} from '../../platform/calendar/rules';

/** Law 136/2025/QH15 amending the laws on citizen reception, complaints and denunciations (vn-rules §0). */
export const AMENDMENT_2025_FROM: IsoDate = '2026-07-01';

export const LAW = {
  complaints: 'Luật Khiếu nại 2011 (02/2011/QH13)',
  complaintsGuide: 'Thông tư 07/2013/TT-TTCP',
  complaintsDecree: 'Nghị định 124/2020/NĐ-CP',
  denunciations: 'Luật Tố cáo 2018 (25/2018/QH14)',
  reception: 'Luật Tiếp công dân 2013 (42/2013/QH13)',
  amendment:
    'Luật sửa đổi, bổ sung một số điều của Luật Tiếp công dân, Luật Khiếu nại, Luật Tố cáo (136/2025/QH15)',
  complaintsDecree2026: 'Nghị định 155/2026/NĐ-CP sửa đổi Nghị định 124/2020/NĐ-CP',
} as const;

export const DEADLINE_KEYS = [
  'complaint.limitation',
  'complaint.acceptance',
  'complaint.resolution',
  'complaint.resolution_complex',
  'complaint.send_decision',
  'complaint.appeal',
  'denunciation.initial',
  'denunciation.initial_extended',
  'denunciation.forward',
  'denunciation.notify_acceptance',
  'denunciation.resolution',
  'denunciation.extension',
  'reception.answer',
  'feedback.answer',
] as const;
export type DeadlineKey = (typeof DEADLINE_KEYS)[number];

/** 'working': ngày làm việc; 'calendar': "ngày" of the law, calendar days (Bộ luật Dân sự 2015, điều 147–148). */
export type DayKind = 'working' | 'calendar';
export const DAY_KIND_LABELS: Record<DayKind, string> = { working: 'ngày làm việc', calendar: 'ngày' };

export interface RuleVersion {
  key: DeadlineKey;
  label: string;
  /** First day in force. */
  effectiveFrom: IsoDate;
  /** First day no longer in force (the next version's effectiveFrom); null while in force. */
  effectiveTo: IsoDate | null;
  days: number;
  dayKind: DayKind;
  legalBasis: string;
  /** Read in the legal text (vn-rules [C]); false for secondary sources and best knowledge. */
  confirmed: boolean;
  /** What is unconfirmed, or how the value was corrected. */
  note: string | null;
}

type Version = Omit<RuleVersion, 'effectiveTo' | 'note'> & { note?: string };

const COMPLAINTS_FROM = '2012-07-01';
const DENUNCIATIONS_FROM = '2019-01-01';
const RECEPTION_FROM = '2014-07-01';
const DAY_TYPE_UNCONFIRMED =
  'Chưa xác nhận Luật 136/2025/QH15 có đổi "ngày" thành "ngày làm việc" hay không (vn-rules, Phụ lục B mục 7).';

/** The same value after the 2025 amendment, unconfirmed until checked against the amended text. */
const amended = (v: Version): Version => ({
  ...v,
  effectiveFrom: AMENDMENT_2025_FROM,
  legalBasis: `${v.legalBasis}; ${LAW.amendment}`,
  confirmed: false,
  note: DAY_TYPE_UNCONFIRMED,
});

const COMPLAINT_RESOLUTION: Version = {
  key: 'complaint.resolution',
  label: 'Giải quyết khiếu nại lần đầu',
  effectiveFrom: COMPLAINTS_FROM,
  days: 30,
  dayKind: 'calendar',
  legalBasis: `${LAW.complaints}, điều 28 (kể từ ngày thụ lý)`,
  confirmed: true,
};
const COMPLAINT_RESOLUTION_COMPLEX: Version = {
  key: 'complaint.resolution_complex',
  label: 'Giải quyết khiếu nại lần đầu, vụ việc phức tạp',
  effectiveFrom: COMPLAINTS_FROM,
  days: 45,
  dayKind: 'calendar',
  legalBasis: `${LAW.complaints}, điều 28 (vụ việc phức tạp)`,
  confirmed: true,
};
const DENUNCIATION_RESOLUTION: Version = {
  key: 'denunciation.resolution',
  label: 'Giải quyết tố cáo',
  effectiveFrom: DENUNCIATIONS_FROM,
  days: 30,
  dayKind: 'calendar',
  legalBasis: `${LAW.denunciations}, điều 30 khoản 1 (kể từ ngày thụ lý)`,
  confirmed: true,
};
const DENUNCIATION_EXTENSION: Version = {
  key: 'denunciation.extension',
  label: 'Gia hạn giải quyết tố cáo (mỗi lần, tối đa)',
  effectiveFrom: DENUNCIATIONS_FROM,
  days: 30,
  dayKind: 'calendar',
  legalBasis: `${LAW.denunciations}, điều 30 khoản 1 (phức tạp: gia hạn một lần; đặc biệt phức tạp: hai lần)`,
  confirmed: true,
};

const VERSIONS: Version[] = [
  {
    key: 'complaint.limitation',
    label: 'Thời hiệu khiếu nại',
    effectiveFrom: COMPLAINTS_FROM,
    days: 90,
    dayKind: 'calendar',
    legalBasis: `${LAW.complaints}, điều 9 (kể từ ngày nhận được hoặc biết được quyết định, hành vi hành chính)`,
    confirmed: true,
  },
  {
    key: 'complaint.acceptance',
    label: 'Thụ lý khiếu nại',
    effectiveFrom: COMPLAINTS_FROM,
    days: 10,
    dayKind: 'working',
    legalBasis: `${LAW.complaints}, điều 27 và 36; ${LAW.complaintsGuide} (10 ngày làm việc)`,
    confirmed: true,
  },
  {
    key: 'complaint.acceptance',
    label: 'Thụ lý khiếu nại',
    effectiveFrom: AMENDMENT_2025_FROM,
    days: 7,
    dayKind: 'working',
    legalBasis: `${LAW.amendment}; ${LAW.complaintsDecree2026}`,
    confirmed: false,
    note: 'Theo bản sao văn bản thu thập được (nguồn thứ cấp); số nghị định chưa được đối chiếu.',
  },
  COMPLAINT_RESOLUTION,
  amended(COMPLAINT_RESOLUTION),
  COMPLAINT_RESOLUTION_COMPLEX,
  amended(COMPLAINT_RESOLUTION_COMPLEX),
  {
    key: 'complaint.send_decision',
    label: 'Gửi quyết định giải quyết khiếu nại',
    effectiveFrom: COMPLAINTS_FROM,
    days: 3,
    dayKind: 'working',
    legalBasis: `${LAW.complaintsGuide}; ${LAW.complaintsDecree} (kể từ ngày ban hành quyết định)`,
    confirmed: true,
  },
  {
    key: 'complaint.appeal',
    label: 'Khiếu nại lần hai hoặc khởi kiện',
    effectiveFrom: COMPLAINTS_FROM,
    days: 30,
    dayKind: 'calendar',
    legalBasis: `${LAW.complaints}, điều 33 (kể từ khi hết thời hạn giải quyết hoặc nhận quyết định lần đầu)`,
    confirmed: true,
  },
  {
    key: 'denunciation.initial',
    label: 'Tiếp nhận, xử lý ban đầu thông tin tố cáo',
    effectiveFrom: DENUNCIATIONS_FROM,
    days: 7,
    dayKind: 'working',
    legalBasis: `${LAW.denunciations}, điều 24 khoản 1`,
    confirmed: true,
  },
  {
    key: 'denunciation.initial_extended',
    label: 'Xử lý ban đầu thông tin tố cáo, khi cần kéo dài',
    effectiveFrom: DENUNCIATIONS_FROM,
    days: 10,
    dayKind: 'working',
    legalBasis: `${LAW.denunciations}, điều 24 khoản 1`,
    confirmed: true,
  },
  {
    key: 'denunciation.forward',
    label: 'Chuyển tố cáo không thuộc thẩm quyền',
    effectiveFrom: DENUNCIATIONS_FROM,
    days: 5,
    dayKind: 'working',
    legalBasis: `${LAW.denunciations}, điều 24 khoản 2`,
    confirmed: true,
  },
  {
    key: 'denunciation.notify_acceptance',
    label: 'Thông báo việc thụ lý tố cáo',
    effectiveFrom: DENUNCIATIONS_FROM,
    days: 5,
    dayKind: 'working',
    legalBasis: `${LAW.denunciations}, điều 29 khoản 3`,
    confirmed: true,
  },
  DENUNCIATION_RESOLUTION,
  amended(DENUNCIATION_RESOLUTION),
  DENUNCIATION_EXTENSION,
  amended(DENUNCIATION_EXTENSION),
  {
    key: 'reception.answer',
    label: 'Trả lời người đến tiếp công dân',
    effectiveFrom: RECEPTION_FROM,
    days: 10,
    dayKind: 'working',
    legalBasis: `${LAW.reception}, điều 28 (thụ lý, chưa thụ lý được, không thụ lý hoặc chuyển đơn)`,
    confirmed: true,
  },
  {
    key: 'feedback.answer',
    label: 'Trả lời phản ánh, kiến nghị',
    effectiveFrom: RECEPTION_FROM,
    days: 10,
    dayKind: 'working',
    legalBasis: `${LAW.reception}, điều 28, áp dụng cho phản ánh, kiến nghị nhận qua mọi kênh`,
    confirmed: false,
    note: 'Chưa tìm thấy văn bản quy định riêng thời hạn trả lời phản ánh, kiến nghị gửi qua cổng thông tin; phường áp dụng thời hạn trả lời của Luật Tiếp công dân.',
  },
];

/** Versions of each key in date order, each ending where the next begins. */
function withPeriods(versions: readonly Version[]): RuleVersion[] {
  const sorted = [...versions].sort(
    (a, b) => a.key.localeCompare(b.key) || a.effectiveFrom.localeCompare(b.effectiveFrom),
  );
  return sorted.map((v, i) => {
    const next = sorted[i + 1];
    return { note: null, ...v, effectiveTo: next && next.key === v.key ? next.effectiveFrom : null };
  });
}

export const DEADLINE_RULES: readonly RuleVersion[] = withPeriods(VERSIONS);

/** An administrator's correction of one version (by key and effectiveFrom), kept as data in the database. */
export interface RuleCorrection {
  key: DeadlineKey;
  effectiveFrom: IsoDate;
  days: number;
  dayKind: DayKind;
  legalBasis: string;
  confirmed: boolean;
  note: string | null;
}

/** Largest value a correction may set: a year. */
export const MAX_RULE_DAYS = 365;

/** The rules with the administrator's corrections applied; a correction of an unknown version is ignored. */
export function applyCorrections(
  rules: readonly RuleVersion[],
  corrections: readonly RuleCorrection[],
): RuleVersion[] {
  return rules.map((rule) => {
    const c = corrections.find((x) => x.key === rule.key && x.effectiveFrom === rule.effectiveFrom);
    if (!c) return rule;
    const { days, dayKind, legalBasis, confirmed, note } = c;
    return { ...rule, days, dayKind, legalBasis, confirmed, note };
  });
}

/** The version of a rule in force on a day (the receipt day of the record). */
export function ruleOn(key: DeadlineKey, day: IsoDate, rules: readonly RuleVersion[] = DEADLINE_RULES) {
  addDays(day, 0);
  const version = rules.find(
    (r) => r.key === key && r.effectiveFrom <= day && (r.effectiveTo === null || day < r.effectiveTo),
  );
  if (!version) throw new RangeError(`Không có quy định "${key}" có hiệu lực ngày ${day}`);
  return version;
}

export interface DeadlineContext {
  hours: OfficeHours;
  calendar: WorkingCalendar;
  rules?: readonly RuleVersion[];
}

export interface Deadline extends DueDate {
  rule: RuleVersion;
}

/** The note may end its own sentence (an administrator writes it too): one full stop, not two. */
const unconfirmedSuffix = (rule: RuleVersion) =>
  rule.confirmed
    ? ''
    : ` Quy định này chưa được xác nhận: ${(rule.note ?? 'cần đối chiếu văn bản gốc').replace(/\.+$/, '')}.`;

/** Due date of a rule for a record received (or an event that happened) at `from`, plus extra days if any. */
export function deadline(key: DeadlineKey, from: Date, ctx: DeadlineContext, extraDays = 0): Deadline {
  const rule = ruleOn(key, toLocalDate(from), ctx.rules);
  const days = rule.days + extraDays;
  const due =
    rule.dayKind === 'working'
      ? dueDateInWorkingDays(from, days, ctx.hours, ctx.calendar)
      : dueDateInCalendarDays(from, days, ctx.calendar);
  return { ...due, basis: `${rule.label}: ${rule.legalBasis}. ${due.basis}${unconfirmedSuffix(rule)}`, rule };
}

/**
 * Last day to complain: 90 days from the day the complainant received or learnt of the decision or act,
 * not counting the days an objective obstacle (illness, natural disaster…) kept them from it (điều 9).
 */
export function complaintLimitation(knownAt: Date, obstacleDays: number, ctx: DeadlineContext): Deadline {
  if (!Number.isInteger(obstacleDays) || obstacleDays < 0 || obstacleDays > MAX_RULE_DAYS * 10)
    throw new RangeError(`Số ngày trở ngại khách quan không hợp lệ: ${obstacleDays}`);
  return deadline('complaint.limitation', knownAt, ctx, obstacleDays);
}

/** Filed on or before the last day of the limitation period. */
export function withinLimitation(filedAt: Date, limitation: Deadline): boolean {
  return toLocalDate(filedAt) <= limitation.dueDate;
}

export type Complexity = 'normal' | 'complex' | 'very_complex';
export const EXTENSIONS_ALLOWED: Record<Complexity, number> = { normal: 0, complex: 1, very_complex: 2 };

export interface Extension {
  days: number;
  reason: string;
}

export type ExtensionIssueCode = 'TOO_MANY_EXTENSIONS' | 'EXTENSION_TOO_LONG' | 'EXTENSION_WITHOUT_REASON';
export type ResolutionCheck =
  { ok: true; deadline: Deadline } | { ok: false; errors: { code: ExtensionIssueCode; message: string }[] };

/**
 * Due date of a denunciation's resolution: 30 days from acceptance, plus the extensions granted — none for an
 * ordinary case, one for a complex case, two for a very complex one, each at most 30 days and with a reason
 * (Luật Tố cáo 2018, điều 30). The extensions follow one another, so they add up from the acceptance.
 */
export function denunciationResolution(
  acceptedAt: Date,
  complexity: Complexity,
  extensions: readonly Extension[],
  ctx: DeadlineContext,
): ResolutionCheck {
  const limit = ruleOn('denunciation.extension', toLocalDate(acceptedAt), ctx.rules);
  const errors: { code: ExtensionIssueCode; message: string }[] = [];
  const allowed = EXTENSIONS_ALLOWED[complexity];
  if (extensions.length > allowed) {
    const message =
      allowed === 0
        ? 'Vụ việc không phức tạp thì không được gia hạn thời hạn giải quyết tố cáo.'
        : `Vụ việc ${complexity === 'complex' ? 'phức tạp' : 'đặc biệt phức tạp'} chỉ được gia hạn tối đa ${allowed} lần.`;
    errors.push({ code: 'TOO_MANY_EXTENSIONS', message });
  }
  extensions.forEach((e, i) => {
    if (!Number.isInteger(e.days) || e.days < 1 || e.days > limit.days)
      errors.push({
        code: 'EXTENSION_TOO_LONG',
        message: `Lần gia hạn thứ ${i + 1}: mỗi lần gia hạn từ 1 đến ${limit.days} ngày.`,
      });
    if (e.reason.trim().length === 0)
      errors.push({
        code: 'EXTENSION_WITHOUT_REASON',
        message: `Lần gia hạn thứ ${i + 1} phải ghi rõ lý do.`,
      });
  });
  if (errors.length > 0) return { ok: false, errors };
  const extra = extensions.reduce((sum, e) => sum + e.days, 0);
  return { ok: true, deadline: deadline('denunciation.resolution', acceptedAt, ctx, extra) };
}
