/**
 * Shape of the ward's procedure catalogue (danh mục thủ tục hành chính) and its load-time validation.
 * Pure: no I/O; the loader passes the parsed JSON in.
 */
import { z } from 'zod';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isoDate = z.string().regex(ISO_DATE, 'Ngày phải có dạng YYYY-MM-DD');
const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Mã phải là chữ thường ASCII nối bằng dấu gạch ngang');
const text = z.string().trim().min(1);
const money = z.number().int().nonnegative();
const count = z.number().int().nonnegative();
const positiveDays = z.number().int().positive();

export const ConfidenceLevelSchema = z.enum(['confirmed', 'secondary', 'unconfirmed']);

/** Optional extras of the statutory time limit, as found in the national procedure records. */
const timeLimitExtras = {
  /** Total cap when verification (xác minh) is needed, in working days. */
  maxWorkingDaysIfVerification: positiveDays.optional(),
  /** Added to the base limit when verification is needed, in working days. */
  extraWorkingDaysIfVerification: positiveDays.optional(),
  /** Added to the base limit for complex cases (many originals, pages or copies), in working days. */
  extraWorkingDaysIfComplex: positiveDays.optional(),
  /** Total cap for complex cases, in working days. */
  maxWorkingDaysIfComplex: positiveDays.optional(),
  /** Total cap when verification is needed; the record does not say whether these are working days. */
  maxDaysIfVerification: positiveDays.optional(),
};

export const TimeLimitSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('working_days'),
    // Half days exist (xác nhận thông tin cư trú: 0,5 ngày làm việc).
    days: z.number().positive().multipleOf(0.5),
    ...timeLimitExtras,
  }),
  z.strictObject({
    kind: z.literal('same_day'),
    cutoff: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
    ...timeLimitExtras,
  }),
]);

export const ProcedureDocumentSchema = z.strictObject({
  id: kebabId,
  name: text,
  originals: count,
  copies: count,
  form: text.optional(),
  /** Shown at the counter, not handed in. */
  presentOnly: z.literal(true).optional(),
  /** When the paper is needed (absent: always). */
  condition: text.optional(),
  confidence: z.enum(['secondary', 'unconfirmed']).optional(),
});

const itemBase = { id: kebabId, label: text };
export const FeeItemSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...itemBase, kind: z.literal('fixed'), amount: money, onlineAmount: money.optional() }),
  z.strictObject({
    ...itemBase,
    kind: z.literal('per_unit'),
    unit: text,
    amount: money,
    onlineAmount: money.optional(),
  }),
  z.strictObject({
    ...itemBase,
    kind: z.literal('per_page'),
    tiers: z
      .array(z.strictObject({ fromPage: z.number().int().positive(), price: money }))
      .min(1)
      .refine((t) => t[0].fromPage === 1 && t.every((x, i) => i === 0 || x.fromPage > t[i - 1].fromPage), {
        message: 'Bậc giá phải bắt đầu từ trang 1 và tăng dần',
      }),
    maxPerCopy: money.optional(),
  }),
]);

export const FeeExemptionSchema = z.strictObject({
  code: kebabId,
  label: text,
  basis: text,
  unconfirmed: z.literal(true).optional(),
});

const unique = <T>(values: T[]): boolean => new Set(values).size === values.length;

export const FeeScheduleSchema = z
  .strictObject({
    /** The procedure itself is free (miễn lệ phí); items may still charge for extras such as copies. */
    free: z.boolean(),
    basis: text,
    items: z.array(FeeItemSchema),
    exemptions: z.array(FeeExemptionSchema),
    /** The amount is not known (e.g. set by the city People's Council and not yet looked up). */
    unconfirmed: z.literal(true).optional(),
    note: text.optional(),
  })
  .superRefine((s, ctx) => {
    if (!s.free && s.items.length === 0 && !s.unconfirmed)
      ctx.addIssue({
        code: 'custom',
        message: 'Thủ tục có thu phí phải có khoản thu hoặc đánh dấu unconfirmed',
      });
    if (s.unconfirmed && !s.note)
      ctx.addIssue({ code: 'custom', message: 'Mức thu chưa xác nhận phải có ghi chú (note)' });
    if (!unique(s.items.map((i) => i.id))) ctx.addIssue({ code: 'custom', message: 'Trùng mã khoản thu' });
    if (!unique(s.exemptions.map((e) => e.code)))
      ctx.addIssue({ code: 'custom', message: 'Trùng mã lý do miễn' });
  });

export const ProcedureSchema = z
  .strictObject({
    nationalCode: z.string().regex(/^\d\.\d{6}$/, 'Mã thủ tục quốc gia có dạng 1.001193'),
    name: text,
    field: text,
    handlingUnit: z.enum(['ubnd_phuong', 'cong_an_phuong']),
    legalBasis: z.array(text).min(1),
    timeLimit: TimeLimitSchema,
    /** Deadline the citizen must meet (e.g. register a birth within 60 days). */
    citizenDeadline: z
      .strictObject({ days: positiveDays, relation: z.enum(['after', 'before']), event: text })
      .optional(),
    documents: z.array(ProcedureDocumentSchema).min(1),
    fees: FeeScheduleSchema,
    onlineLevel: z.enum(['toan_trinh', 'mot_phan', 'truc_tiep']),
    resultType: text,
    sameDayLaneEligible: z.boolean(),
    effectiveFrom: isoDate,
    effectiveTo: isoDate.nullable(),
    confidence: z.strictObject({
      overall: ConfidenceLevelSchema,
      fields: z.strictObject({
        nationalCode: ConfidenceLevelSchema,
        name: ConfidenceLevelSchema,
        timeLimit: ConfidenceLevelSchema,
        fees: ConfidenceLevelSchema,
        documents: ConfidenceLevelSchema,
        onlineLevel: ConfidenceLevelSchema,
      }),
    }),
    notes: text.optional(),
  })
  .superRefine((p, ctx) => {
    if (!unique(p.documents.map((d) => d.id)))
      ctx.addIssue({ code: 'custom', path: ['documents'], message: 'Trùng mã giấy tờ trong một thủ tục' });
    if (p.effectiveTo !== null && p.effectiveTo < p.effectiveFrom)
      ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: 'effectiveTo trước effectiveFrom' });
  });

export const CatalogueSchema = z
  .strictObject({
    wardCode: z.string().regex(/^\d{5}$/),
    wardName: text,
    sources: z.array(text).min(1),
    notes: text.optional(),
    procedures: z.array(ProcedureSchema).min(1),
  })
  .refine((c) => unique(c.procedures.map((p) => p.nationalCode)), { message: 'Trùng mã thủ tục quốc gia' });

export type ConfidenceLevel = z.infer<typeof ConfidenceLevelSchema>;
export type TimeLimit = z.infer<typeof TimeLimitSchema>;
export type ProcedureDocument = z.infer<typeof ProcedureDocumentSchema>;
export type FeeItem = z.infer<typeof FeeItemSchema>;
export type FeeExemption = z.infer<typeof FeeExemptionSchema>;
export type FeeSchedule = z.infer<typeof FeeScheduleSchema>;
export type Procedure = z.infer<typeof ProcedureSchema>;
export type Catalogue = z.infer<typeof CatalogueSchema>;

/** Validates a parsed catalogue file; throws a ZodError listing every problem. */
export function parseCatalogue(json: unknown): Catalogue {
  return CatalogueSchema.parse(json);
}
