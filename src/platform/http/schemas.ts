import { z } from 'zod';
import { idNumberProblem } from '../people/rules';

/** Official 5-digit code of a commune-level unit (Decision 19/2025/QĐ-TTg). */
export const WARD_CODE = z.string().regex(/^\d{5}$/, 'Mã phường, xã gồm 5 chữ số');

/** A local day 'YYYY-MM-DD' of the years the platform computes calendars for (PostgreSQL has no year 0000). */
export const ISO_DAY = z.iso
  .date({ error: 'Ngày theo dạng YYYY-MM-DD' })
  .refine((text) => text >= '2000' && text < '2101', 'Năm từ 2000 đến 2100');

/** Headers of a mutation that may carry an `Idempotency-Key`: a retry with the same key is applied once. */
export const IDEMPOTENCY_HEADERS = z.object({
  'idempotency-key': z.string().min(8).max(100).optional().describe('Áp dụng một lần cho mỗi khóa'),
});

/** Headers of a mutation that must carry one (an intake, a request a double click must not file twice). */
export const REQUIRED_IDEMPOTENCY_HEADERS = z.object({
  'idempotency-key': z
    .string()
    .min(8, 'Cần header Idempotency-Key (8–100 ký tự)')
    .max(100, 'Cần header Idempotency-Key (8–100 ký tự)'),
});

/** 'HH:MM', 24-hour. */
export const CLOCK_TIME = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ theo dạng HH:MM, ví dụ 07:30');

/** A căn cước number: 12 digits starting with a province code (the Vietnamese message says which is wrong). */
export const ID_NUMBER = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const problem = idNumberProblem(v);
    return problem ? (ctx.addIssue({ code: 'custom', message: problem }), z.NEVER) : v;
  });
