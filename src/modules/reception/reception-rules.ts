/**
 * The reception log (sổ tiếp công dân): how a visit is classified, who speaks for a group, the answer the
 * visitor is owed within 10 working days and its kinds (Luật Tiếp công dân 2013, điều 27–28, 30), and where an
 * entry stands against that deadline.
 */
import { LAW } from '../feedback/rules';

export const CLASSIFICATIONS = {
  feedback: 'Phản ánh',
  petition: 'Kiến nghị',
  complaint: 'Khiếu nại',
  denunciation: 'Tố cáo',
  outside_competence: 'Không thuộc thẩm quyền',
} as const;
export type Classification = keyof typeof CLASSIFICATIONS;

/** Classifications recorded in the feedback register too, as kind phản ánh or kiến nghị. */
export const FEEDBACK_KIND_OF: Partial<Record<Classification, 'phan_anh' | 'kien_nghi'>> = {
  feedback: 'phan_anh',
  petition: 'kien_nghi',
};

/** The answer to the visitor (điều 28 khoản 2): accepted, needs more time, refused, or forwarded. */
export const RESULT_KINDS = {
  accepted: 'Thụ lý giải quyết',
  needs_time: 'Chưa thụ lý được, hẹn thời gian trả lời',
  refused: 'Không thụ lý (không đủ điều kiện hoặc không thuộc thẩm quyền)',
  forwarded: 'Hướng dẫn, chuyển đơn đến cơ quan có thẩm quyền',
} as const;
export type ResultKind = keyof typeof RESULT_KINDS;

export const GROUP_BASIS = `${LAW.reception}, điều 30 (nhiều người cùng khiếu nại, tố cáo, kiến nghị, phản ánh về một nội dung)`;

/**
 * Representatives a group must choose (điều 30 khoản 1): 5 to 10 people choose 1 or 2; more than 10 choose more,
 * at most 5. Fewer than 5 people: each may speak, no representative is required. Null when the count is right.
 */
export function representativesProblem(groupSize: number, representatives: number): string | null {
  if (!Number.isInteger(groupSize) || groupSize < 1) return 'Số người đến phải từ 1 trở lên.';
  if (representatives > groupSize) return 'Số người đại diện không thể nhiều hơn số người đến.';
  if (groupSize < 5) return null;
  const [min, max] = groupSize <= 10 ? [1, 2] : [2, 5];
  if (representatives < min || representatives > max)
    return `Đoàn ${groupSize} người cử từ ${min} đến ${max} người đại diện (${GROUP_BASIS}).`;
  return null;
}
