/**
 * The feedback register (phản ánh, kiến nghị): kinds, sources, categories, statuses and what each step needs,
 * tracking codes, photos, and how close an item is to its deadline. Seed III.2, III.3, III.6.
 */
import { addWorkingDays, type IsoDate, type WorkingCalendar } from '../../platform/calendar/rules';
import { sniffMediaType, type MediaType } from '../../platform/documents/files';

export const KINDS = { phan_anh: 'Phản ánh', kien_nghi: 'Kiến nghị' } as const;
export type Kind = keyof typeof KINDS;

/** Where an item came from: the portal, or an officer who wrote it down. */
export const SOURCES = {
  portal: 'Cổng thông tin của phường',
  open311: 'Ứng dụng kết nối (Open311)',
  counter: 'Trung tâm Phục vụ hành chính công',
  hotline: 'Đường dây nóng',
  residential_group: 'Tổ dân phố',
  leader_visit: 'Lãnh đạo phường xuống cơ sở',
  friday_session: '“Ngày thứ sáu nghe dân nói”',
  reception: 'Tiếp công dân',
} as const;
export type Source = keyof typeof SOURCES;
/** The sources an officer records an item from (the online ones are filed by the citizen). */
export const RECORDED_SOURCES = [
  'counter',
  'hotline',
  'residential_group',
  'leader_visit',
  'friday_session',
] as const satisfies readonly Source[];

/**
 * Categories, also the Open311 services. `unit` is the kind of ward unit (org_units.kind) an item of the
 * category is routed to by default.
 */
export const CATEGORIES = [
  {
    code: 'ha-tang',
    name: 'Hạ tầng, giao thông, chiếu sáng',
    description: 'Đường, vỉa hè, cống thoát nước, đèn chiếu sáng công cộng, cây xanh hư hỏng.',
    unit: 'economy',
  },
  {
    code: 'moi-truong',
    name: 'Vệ sinh môi trường',
    description: 'Rác thải, nước thải, ô nhiễm tiếng ồn, khói bụi.',
    unit: 'economy',
  },
  {
    code: 'trat-tu-do-thi',
    name: 'Trật tự đô thị, xây dựng',
    description: 'Lấn chiếm lòng đường, vỉa hè; xây dựng không phép; quảng cáo sai quy định.',
    unit: 'economy',
  },
  {
    code: 'an-ninh-trat-tu',
    name: 'An ninh, trật tự',
    description: 'Mất trật tự công cộng, tụ tập gây rối, nguy cơ mất an toàn.',
    unit: 'office',
  },
  {
    code: 'thu-tuc-hanh-chinh',
    name: 'Thủ tục hành chính, thái độ phục vụ',
    description: 'Việc giải quyết thủ tục hành chính, thái độ, tác phong của cán bộ, công chức.',
    unit: 'oneStop',
  },
  {
    code: 'van-hoa-xa-hoi',
    name: 'Văn hoá, xã hội, chính sách',
    description: 'Chính sách xã hội, y tế, giáo dục, văn hoá, thể thao.',
    unit: 'culture',
  },
  {
    code: 'khac',
    name: 'Nội dung khác',
    description: 'Các phản ánh, kiến nghị khác gửi Ủy ban nhân dân phường.',
    unit: 'office',
  },
] as const;
export type CategoryCode = (typeof CATEGORIES)[number]['code'];
export const CATEGORY_CODES = CATEGORIES.map((c) => c.code) as [CategoryCode, ...CategoryCode[]];

export function categoryOf(code: string) {
  return CATEGORIES.find((c) => c.code === code);
}

export const STATUSES = {
  received: 'Đã tiếp nhận',
  routed: 'Đang xử lý',
  answered: 'Đã trả lời',
  merged: 'Đã gộp vào phản ánh khác',
} as const;
export type Status = keyof typeof STATUSES;
export const OPEN_STATUSES: readonly Status[] = ['received', 'routed'];

export type Step = 'route' | 'answer' | 'publish' | 'merge' | 'rate';

/** The item as the workflow sees it. */
export interface ItemState {
  status: Status;
  publishConsent: boolean;
  publishedAt: Date | null;
  rated: boolean;
}

/** Null when the step is allowed, else why not (Vietnamese, for the officer or the citizen). */
export function stepProblem(step: Step, item: ItemState): string | null {
  switch (step) {
    case 'route':
      return OPEN_STATUSES.includes(item.status)
        ? null
        : 'Chỉ chuyển xử lý phản ánh, kiến nghị chưa trả lời.';
    case 'answer':
      if (item.status === 'received')
        return 'Xin chuyển phản ánh, kiến nghị đến đơn vị xử lý trước khi trả lời.';
      return item.status === 'routed' ? null : 'Phản ánh, kiến nghị này đã được trả lời hoặc đã gộp.';
    case 'publish':
      if (item.status !== 'answered') return 'Chỉ công khai phản ánh, kiến nghị đã được trả lời.';
      if (!item.publishConsent) return 'Người gửi không đồng ý công khai phản ánh, kiến nghị này.';
      return item.publishedAt ? 'Phản ánh, kiến nghị này đã được công khai.' : null;
    case 'merge':
      return OPEN_STATUSES.includes(item.status) ? null : 'Chỉ gộp phản ánh, kiến nghị chưa trả lời.';
    case 'rate':
      if (item.status !== 'answered') return 'Chỉ đánh giá được khi phản ánh, kiến nghị đã có trả lời.';
      return item.rated ? 'Câu trả lời này đã được đánh giá. Mỗi phản ánh chỉ đánh giá một lần.' : null;
  }
}

/** The duplicate an item is merged into: another item of the same ward, not itself merged. */
export function mergeTargetProblem(
  item: { id: string },
  target: { id: string; status: Status },
): string | null {
  if (item.id === target.id) return 'Không gộp một phản ánh vào chính nó.';
  return target.status === 'merged'
    ? 'Phản ánh được chọn đã gộp vào phản ánh khác; xin chọn phản ánh chính.'
    : null;
}

export const RATINGS = {
  rat_hai_long: 'Rất hài lòng',
  hai_long: 'Hài lòng',
  khong_hai_long: 'Không hài lòng',
} as const;
export type Rating = keyof typeof RATINGS;

// ---------------------------------------------------------------------------------------------------------------
// Tracking codes: `PA-XXXX-XXXX`, eight random symbols of Crockford's base 32 (no I, L, O, U: nothing to misread).
// Random rather than sequential: the code is the citizen's key to the answer, so it must not be guessable.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TRACKING_CODE = /^PA-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
export const TRACKING_CODE_EXAMPLE = 'PA-7K3M-Q2XD';
export const TRACKING_RANDOM_BYTES = 8;

/** A code from eight random bytes (one symbol per byte, 5 bits of each). */
export function trackingCode(random: Uint8Array): string {
  if (random.length < TRACKING_RANDOM_BYTES) throw new RangeError('Cần 8 byte ngẫu nhiên');
  const symbols = Array.from(random.subarray(0, TRACKING_RANDOM_BYTES), (b) => ALPHABET[b & 31]).join('');
  return `PA-${symbols.slice(0, 4)}-${symbols.slice(4)}`;
}

/** What a citizen typed → the canonical code, or null: case, spaces, dashes and look-alikes are forgiven. */
export function normaliseTrackingCode(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s\u2010-\u2015\u2212-]/g, '');
  const symbols = (compact.length === 10 && compact.startsWith('PA') ? compact.slice(2) : compact)
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{8}$/.test(symbols)) return null;
  return `PA-${symbols.slice(0, 4)}-${symbols.slice(4)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Photos: up to five, JPEG or PNG as their bytes say (not as the file name or the browser claims).

export const MAX_PHOTOS = 5;
export const MAX_PHOTO_BYTES = 3 * 1024 * 1024;
export type PhotoType = Exclude<MediaType, 'application/pdf'>;

/** The image type the bytes are, or null (a PDF is not a photo). */
export function photoType(bytes: Uint8Array): PhotoType | null {
  const type = sniffMediaType(bytes);
  return type === 'application/pdf' ? null : type;
}

/** Null when the photos can be kept, else the message for the citizen. */
export function photosProblem(photos: readonly Uint8Array[]): string | null {
  if (photos.length > MAX_PHOTOS) return `Xin gửi tối đa ${MAX_PHOTOS} ảnh.`;
  for (const [i, photo] of photos.entries()) {
    const which = photos.length > 1 ? `Ảnh thứ ${i + 1}` : 'Ảnh';
    if (photo.length === 0) return `${which} không có nội dung.`;
    if (photo.length > MAX_PHOTO_BYTES)
      return `${which} lớn hơn ${MAX_PHOTO_BYTES / 1024 / 1024} MB; xin chọn ảnh nhỏ hơn.`;
    if (!photoType(photo)) return `${which} không phải ảnh JPEG hoặc PNG.`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Deadlines in the lists of units and leaders.

export type Timeliness = 'late' | 'due_soon' | 'on_time';
export const TIMELINESS_LABELS: Record<Timeliness, string> = {
  late: 'Quá hạn',
  due_soon: 'Sắp đến hạn',
  on_time: 'Trong hạn',
};
/** "Due soon": the due date is today or within this many working days. */
export const DUE_SOON_WORKING_DAYS = 2;

/** Where an open item stands against its due date on `today`. */
export function timeliness(dueDate: IsoDate, today: IsoDate, calendar: WorkingCalendar): Timeliness {
  if (today > dueDate) return 'late';
  return dueDate <= addWorkingDays(today, DUE_SOON_WORKING_DAYS, calendar) ? 'due_soon' : 'on_time';
}

/** An answer counts as on time when given on or before the due date. */
export function answeredOnTime(dueDate: IsoDate, answeredOn: IsoDate): boolean {
  return answeredOn <= dueDate;
}
