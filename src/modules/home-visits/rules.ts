/**
 * Home intake for people who cannot travel (the ward's plan, III.6, model 1): a request, the centre's appointment,
 * and the dossier the officer takes at the home with the ordinary intake (channel "home"). Pure rules.
 */
import { formatVn, parseClock } from '../../platform/calendar/holidays';
import type { IsoDate, OfficeHours, WorkingCalendar } from '../../platform/calendar/rules';

export const BASIS =
  'Kế hoạch xây dựng “Chính quyền thân thiện” của phường, mục III.6, mô hình (1): Trung tâm Phục vụ Hành chính công cử cán bộ tiếp nhận thủ tục hành chính tại nhà cho người già yếu, khuyết tật không có khả năng đi lại';

export const REASONS = ['elderly', 'disabled', 'ill'] as const;
export type Reason = (typeof REASONS)[number];
export const REASON_LABELS: Record<Reason, string> = {
  elderly: 'Người cao tuổi, già yếu',
  disabled: 'Người khuyết tật',
  ill: 'Ốm đau, không tự đi lại được',
};

/** Who asks: the person, a relative (both on the portal), or the residential-group head (workspace). */
export const REQUESTERS = ['self', 'relative', 'group_head'] as const;
export type Requester = (typeof REQUESTERS)[number];
export const REQUESTER_LABELS: Record<Requester, string> = {
  self: 'Người cần tiếp nhận',
  relative: 'Người thân',
  group_head: 'Tổ trưởng tổ dân phố',
};

export const STATUSES = ['requested', 'scheduled', 'done', 'cancelled'] as const;
export type Status = (typeof STATUSES)[number];
export const STATUS_LABELS: Record<Status, string> = {
  requested: 'Chờ xếp lịch',
  scheduled: 'Đã xếp lịch',
  done: 'Đã tiếp nhận hồ sơ',
  cancelled: 'Đã hủy',
};

export type Step = 'schedule' | 'cancel' | 'link';

/** A visit is (re)scheduled until its dossier is taken; cancelled while not done; linked once scheduled. */
const STEPS: Record<Status, readonly Step[]> = {
  requested: ['schedule', 'cancel'],
  scheduled: ['schedule', 'cancel', 'link'],
  done: [],
  cancelled: [],
};

const STEP_REFUSALS: Record<Step, string> = {
  schedule: 'Chỉ xếp lịch cho yêu cầu đang chờ hoặc đã xếp lịch.',
  cancel: 'Yêu cầu đã tiếp nhận hồ sơ hoặc đã hủy thì không hủy được nữa.',
  link: 'Chỉ gắn hồ sơ cho yêu cầu đã xếp lịch.',
};

/** Null when the step is allowed in the status, else the Vietnamese reason. */
export function stepRefusal(status: Status, step: Step): string | null {
  return STEPS[status].includes(step) ? null : STEP_REFUSALS[step];
}

/** Requests one portal account may have waiting at once: more is a mistake or a flood, not a need. */
export const MAX_OPEN_PER_REQUESTER = 3;

export interface Slot {
  day: IsoDate;
  from: string;
  to: string;
}

/** Null when the officer can keep the appointment, else the field at fault and why. */
export function slotProblem(
  slot: Slot,
  context: { today: IsoDate; hours: OfficeHours; calendar: WorkingCalendar },
): { field: keyof Slot; message: string } | null {
  if (slot.day < context.today) return { field: 'day', message: 'Ngày hẹn phải từ hôm nay trở đi.' };
  if (!context.calendar.isWorkingDay(slot.day))
    return { field: 'day', message: `Ngày ${formatVn(slot.day)} không phải ngày làm việc.` };
  const { opensAt, closesAt } = context.hours;
  if (parseClock(slot.from) < parseClock(opensAt) || parseClock(slot.to) > parseClock(closesAt))
    return { field: 'from', message: `Giờ hẹn phải trong giờ làm việc (${opensAt}–${closesAt}).` };
  if (parseClock(slot.from) >= parseClock(slot.to))
    return { field: 'to', message: 'Giờ kết thúc phải sau giờ bắt đầu.' };
  return null;
}

export interface LinkedDossier {
  wardCode: string;
  channel: string;
  receivedAt: Date;
}

/** The dossier the officer took at the home: of the ward, channel "home", and taken after the request. */
export function linkRefusal(
  dossier: LinkedDossier,
  visit: { wardCode: string; createdAt: Date },
): string | null {
  if (dossier.wardCode !== visit.wardCode) return 'Hồ sơ không thuộc phường của yêu cầu.';
  if (dossier.channel !== 'home') return 'Hồ sơ này không được tiếp nhận tại nhà (kênh “Tại nhà”).';
  if (dossier.receivedAt < visit.createdAt) return 'Hồ sơ được tiếp nhận trước khi có yêu cầu này.';
  return null;
}

/**
 * What the requester is told when the centre (re)schedules the visit: the day, the time window and who comes.
 * One short text: the whole SMS (without diacritics, see platform/channels/templates.ts).
 */
export function scheduledNotice(
  visit: { code: string; officerName: string } & Slot,
  rescheduled: boolean,
): { templateKey: string; subject: string; short: string } {
  const what = rescheduled ? 'Đã đổi lịch' : 'Đã xếp lịch';
  return {
    templateKey: rescheduled ? 'home_visit.rescheduled' : 'home_visit.scheduled',
    subject: `${what} tiếp nhận hồ sơ tại nhà (${visit.code})`,
    short:
      `${what} tiếp nhận hồ sơ tại nhà (${visit.code}): ngày ${formatVn(visit.day)}, ` +
      `từ ${visit.from} đến ${visit.to}, cán bộ ${visit.officerName}.`,
  };
}

/** Characters of the officer's reason an SMS has room for after the fixed words and a ward's name. */
const REASON_ROOM = 60;

/** What the requester is told when the centre cancels the visit: that no one will come, and why. */
export function cancelledNotice(
  visit: { code: string },
  reason: string,
): { templateKey: string; subject: string; short: string } {
  const said = reason.replace(/[.\s]+$/, '');
  const why = said.length > REASON_ROOM ? `${said.slice(0, REASON_ROOM - 3).trimEnd()}...` : `${said}.`;
  return {
    templateKey: 'home_visit.cancelled',
    subject: `Đã hủy lịch đến nhà tiếp nhận hồ sơ (${visit.code})`,
    short: `Đã hủy lịch đến nhà tiếp nhận hồ sơ (${visit.code}). Lý do: ${why}`,
  };
}
