import { z } from 'zod';
import { normalisePhone, PHONE_MESSAGE } from '../../platform/people/rules';
import { REASONS } from './rules';

const PHONE = z
  .string()
  .max(30)
  .transform(
    (v, ctx) => normalisePhone(v) ?? (ctx.addIssue({ code: 'custom', message: PHONE_MESSAGE }), z.NEVER),
  );

/** What a residential-group head sends; the portal adds who is asking (requestBody). */
export const groupHeadRequestBody = z.object({
  contactPhone: PHONE,
  person: z.object({
    fullName: z.string().trim().min(2, 'Xin vui lòng nhập họ và tên người cần tiếp nhận tại nhà.').max(100),
    address: z.string().trim().min(5, 'Xin vui lòng nhập địa chỉ (số nhà, đường/ngõ, tổ dân phố).').max(300),
    phone: PHONE.optional(),
  }),
  reason: z.enum(REASONS, 'Xin vui lòng chọn lý do không thể đến Trung tâm.'),
  procedureCode: z.string().regex(/^\d\.\d{6}$/, 'Xin vui lòng chọn thủ tục cần làm.'),
  preferredTimes: z
    .string()
    .trim()
    .min(3, 'Xin cho biết thời gian thuận tiện để cán bộ đến (ví dụ: sáng thứ Ba hoặc thứ Năm).')
    .max(300),
  note: z.string().trim().max(500).optional(),
});

export const citizenRequestBody = groupHeadRequestBody.extend({
  requesterKind: z.enum(['self', 'relative'], 'Xin cho biết bạn là người cần tiếp nhận hay người thân.'),
  requesterName: z.string().trim().min(2, 'Xin vui lòng nhập họ và tên của bạn.').max(100),
});
