/** What a feedback item is filed with, checked the same way from the API, the portal's form and Open311. */
import { z } from 'zod';
import { normaliseRecipient } from '../../platform/channels/rules';
import { normalisePhone, PHONE_MESSAGE } from '../../platform/people/rules';
import {
  CATEGORY_CODES,
  KINDS,
  MAX_PHOTO_BYTES,
  MAX_PHOTOS,
  RATINGS,
  RECORDED_SOURCES,
  TRACKING_CODE,
  TRACKING_CODE_EXAMPLE,
  type Kind,
  type Rating,
} from './rules';

export const CODE = z.string().regex(TRACKING_CODE, `Mã phản ánh có dạng ${TRACKING_CODE_EXAMPLE}`);

/** Five photos of 3 MB as base64, and the rest of the item. */
export const FEEDBACK_BODY_LIMIT = Math.ceil((MAX_PHOTOS * MAX_PHOTO_BYTES * 4) / 3) + 64 * 1024;
/** Filing and rating without sign-in: per address. */
export const FILE_LIMIT = { max: 10, timeWindow: '10 minutes' };

/** The citizen's tracking page. */
export const trackingPath = (code: string) => `/phan-anh/${code}`;

export const MESSAGES = {
  text: 'Xin Ông/Bà viết nội dung phản ánh, kiến nghị (ít nhất 10 ký tự).',
  textTooLong: 'Nội dung tối đa 4.000 ký tự.',
  name: 'Xin Ông/Bà nhập họ và tên.',
  email: 'Xin Ông/Bà nhập địa chỉ thư điện tử đúng dạng, ví dụ ten@example.com.',
  reachable:
    'Xin Ông/Bà để lại số điện thoại hoặc thư điện tử để phường gửi câu trả lời, hoặc chọn gửi ẩn danh.',
  place: 'Vị trí cần cả vĩ độ và kinh độ.',
  answer: 'Xin nhập nội dung trả lời (ít nhất 10 ký tự).',
} as const;

const TEXT = z.string().trim().min(10, MESSAGES.text).max(4000, MESSAGES.textTooLong);
export const PHONE = z
  .string()
  .max(30)
  .transform(
    (v, ctx) => normalisePhone(v) ?? (ctx.addIssue({ code: 'custom', message: PHONE_MESSAGE }), z.NEVER),
  );
const EMAIL = z
  .string()
  .max(254)
  .transform(
    (v, ctx) =>
      normaliseRecipient('email', v) ?? (ctx.addIssue({ code: 'custom', message: MESSAGES.email }), z.NEVER),
  );

export const CONTACT = z.object({
  name: z.string().trim().min(2, MESSAGES.name).max(100),
  phone: PHONE.optional(),
  email: EMAIL.optional(),
});

/** A photo as base64 text (JSON): its bytes are checked later (JPEG or PNG, size). */
const PHOTO = z
  .string()
  .max(Math.ceil(MAX_PHOTO_BYTES / 3) * 4 + 4, 'Ảnh lớn hơn 3 MB; xin chọn ảnh nhỏ hơn.')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Ảnh gửi dưới dạng base64')
  .transform((v) => Buffer.from(v, 'base64'));

const fields = {
  kind: z.enum(Object.keys(KINDS) as [Kind, ...Kind[]]).describe('phan_anh: Phản ánh; kien_nghi: Kiến nghị'),
  category: z.enum(CATEGORY_CODES).describe('Lĩnh vực (mã dịch vụ Open311)'),
  text: TEXT,
  address: z.string().trim().min(1).max(300).optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  anonymous: z.boolean().default(false).describe('Gửi ẩn danh: không lưu thông tin liên hệ'),
  contact: CONTACT.optional().describe('Bắt buộc khi không ẩn danh: họ tên và điện thoại hoặc thư điện tử'),
  publishConsent: z.boolean().default(false).describe('Đồng ý công khai nội dung và câu trả lời trên cổng'),
};
const photos = z.array(PHOTO).max(MAX_PHOTOS, `Xin gửi tối đa ${MAX_PHOTOS} ảnh.`).default([]);
const wardCode = z
  .string()
  .regex(/^\d{5}$/, 'Mã phường gồm 5 chữ số')
  .optional()
  .describe('Mặc định: phường của cổng');

type Filed = { anonymous: boolean; contact?: z.infer<typeof CONTACT>; latitude?: number; longitude?: number };

/** Someone to answer unless anonymous; a place has both coordinates or none. */
function refineFiled(value: Filed, ctx: z.RefinementCtx) {
  const contact = value.contact;
  if (!value.anonymous && !(contact?.phone || contact?.email))
    ctx.addIssue({ code: 'custom', path: ['contact'], message: MESSAGES.reachable });
  if ((value.latitude === undefined) !== (value.longitude === undefined))
    ctx.addIssue({ code: 'custom', path: ['latitude'], message: MESSAGES.place });
}

/** The citizen's own item, photos apart (the portal's form sends them as files, Open311 has none). */
export const CITIZEN_FIELDS = z.object({ ...fields, wardCode }).superRefine(refineFiled);

/** The citizen's own item from any client of the API, photos as base64. */
export const CITIZEN_FEEDBACK = z.object({ ...fields, wardCode, photos }).superRefine(refineFiled);

/** An item an officer took down at the counter, on the hotline, in a residential group, a visit or a session. */
export const RECORDED_FEEDBACK = z
  .object({
    ...fields,
    photos,
    source: z
      .enum(RECORDED_SOURCES)
      .describe('Nguồn: quầy, đường dây nóng, tổ dân phố, lãnh đạo xuống cơ sở, ngày thứ sáu'),
    sourceNote: z
      .string()
      .trim()
      .min(1)
      .max(300)
      .optional()
      .describe('Buổi, tổ dân phố hay chuyến thăm cụ thể'),
  })
  .superRefine(refineFiled);

export const ANSWER = z.string().trim().min(10, MESSAGES.answer).max(4000, MESSAGES.textTooLong);
export const RATING = z.object({
  rating: z.enum(Object.keys(RATINGS) as [Rating, ...Rating[]]),
  comment: z.string().trim().min(1).max(1000).optional(),
});
