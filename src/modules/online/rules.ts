/**
 * Online submission (dịch vụ công trực tuyến, Nghị định 45/2020/NĐ-CP; Nghị định 118/2025/NĐ-CP): which
 * procedures may be filed online, the guided form built from a procedure's definition (one question a page),
 * the papers a citizen uploads (checked by their bytes) and what a draft still lacks before it is submitted.
 * Pure: no I/O.
 */
import { z } from 'zod';
import { NOTIFY_CHOICE, type NotifyChoice } from '../../platform/channels/choice';
import { idNumberProblem, normalisePhone, PHONE_MESSAGE } from '../../platform/people/rules';
import { RETURN_CHANNELS, returnChannelsFor, type ReturnChannel } from '../dossiers/rules';
import type { FeeSchedule, Procedure, ProcedureDocument } from '../procedures/catalogue';
import type { FeeInput } from '../procedures/rules';

export const ONLINE_BASIS = 'Nghị định 45/2020/NĐ-CP về thực hiện thủ tục hành chính trên môi trường điện tử';

/** Fully online (toàn trình) and partly online (một phần) procedures take online filings; direct ones do not. */
export function acceptsOnlineFiling(procedure: Pick<Procedure, 'onlineLevel'>): boolean {
  return procedure.onlineLevel !== 'truc_tiep';
}

export interface DraftAnswers {
  applicant?: { fullName: string; idNumber: string; phone: string };
  address?: string;
  notify?: NotifyChoice;
  returnChannel?: ReturnChannel;
}

/** Papers filed online: all but those only shown at the counter. Unconditional ones are required. */
export function uploadableDocuments(procedure: Pick<Procedure, 'documents'>): ProcedureDocument[] {
  return procedure.documents.filter((d) => !d.presentOnly);
}

export type StepKey =
  'nguoi-nop' | 'dia-chi' | `giay-to-${string}` | 'nhan-ket-qua' | 'nhan-thong-bao' | 'kiem-tra';

export interface Step {
  key: StepKey;
  kind: 'applicant' | 'address' | 'document' | 'return' | 'notify' | 'summary';
  documentId?: string;
}

export { returnChannelsFor };

/**
 * The pages of the guided form: who files, where they live, one page per paper, how the result comes back, how
 * to reach them, the check.
 */
export function formSteps(procedure: Pick<Procedure, 'documents'>): Step[] {
  return [
    { key: 'nguoi-nop', kind: 'applicant' },
    { key: 'dia-chi', kind: 'address' },
    ...uploadableDocuments(procedure).map((d): Step => ({
      key: `giay-to-${d.id}`,
      kind: 'document',
      documentId: d.id,
    })),
    { key: 'nhan-ket-qua', kind: 'return' },
    { key: 'nhan-thong-bao', kind: 'notify' },
    { key: 'kiem-tra', kind: 'summary' },
  ];
}

const NAME_MESSAGE = 'Xin vui lòng nhập họ và tên người nộp hồ sơ.';
const ADDRESS_MESSAGE = 'Xin vui lòng nhập địa chỉ (số nhà, đường, tổ dân phố…).';
const RETURN_MESSAGE = 'Xin vui lòng chọn cách nhận kết quả.';

const phone = z
  .string()
  .max(20)
  .transform(
    (v, ctx) => normalisePhone(v) ?? (ctx.addIssue({ code: 'custom', message: PHONE_MESSAGE }), z.NEVER),
  );

/** The answers of each page, as the API takes them. */
export const ANSWER_INPUTS = {
  applicant: z.strictObject({
    fullName: z.string().trim().min(2, NAME_MESSAGE).max(100, 'Họ và tên tối đa 100 ký tự.'),
    idNumber: z
      .string()
      .trim()
      .superRefine((v, ctx) => {
        const problem = idNumberProblem(v);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    phone,
  }),
  address: z.string().trim().min(5, ADDRESS_MESSAGE).max(300, 'Địa chỉ tối đa 300 ký tự.'),
  notify: NOTIFY_CHOICE,
  returnChannel: z.enum(RETURN_CHANNELS, RETURN_MESSAGE),
};

export interface UploadSummary {
  documentId: string;
  pages: number;
}

/**
 * What still stops the draft from being submitted, by field (the page each belongs to is named in
 * `stepOfField`): empty when it is complete.
 */
export function missingAnswers(
  procedure: Pick<Procedure, 'documents' | 'onlineLevel'>,
  answers: DraftAnswers,
  uploads: readonly UploadSummary[],
): Record<string, string> {
  const missing: Record<string, string> = {};
  if (!answers.applicant) missing.applicant = 'Xin vui lòng khai thông tin người nộp hồ sơ.';
  if (!answers.address) missing.address = ADDRESS_MESSAGE;
  const uploaded = new Set(uploads.map((u) => u.documentId));
  for (const d of uploadableDocuments(procedure)) {
    if (!d.condition && !uploaded.has(d.id))
      missing[`documents.${d.id}`] = `Xin vui lòng tải lên: ${d.name}.`;
  }
  if (uploads.length === 0) missing.documents = 'Xin vui lòng tải lên ít nhất một giấy tờ của hồ sơ.';
  if (!answers.returnChannel || !returnChannelsFor(procedure).includes(answers.returnChannel))
    missing.returnChannel = RETURN_MESSAGE;
  if (!answers.notify) missing.notify = 'Xin vui lòng chọn cách nhận thông báo về hồ sơ.';
  return missing;
}

/** The page of the form where a field of `missingAnswers` (or of a refused answer) is given. */
export function stepOfField(procedure: Pick<Procedure, 'documents'>, field: string): StepKey {
  const [head, documentId] = field.split('.');
  if (head === 'applicant') return 'nguoi-nop';
  if (head === 'address') return 'dia-chi';
  if (head === 'returnChannel') return 'nhan-ket-qua';
  if (head === 'notify') return 'nhan-thong-bao';
  const first = uploadableDocuments(procedure)[0];
  return `giay-to-${documentId ?? first?.id ?? ''}`;
}

/**
 * The fee counts an online filing gives: for a per-page item (copy certification, Thông tư 226/2016/TT-BTC),
 * the pages uploaded, one copy; otherwise none. Undefined when the schedule has several items to choose from:
 * the officer asks for the fee later (request_payment).
 */
export function onlineFeeInput(schedule: FeeSchedule, pages: number): FeeInput | undefined {
  if (schedule.free) return {};
  if (schedule.items.length > 1) return undefined;
  return schedule.items[0]?.kind === 'per_page' ? { pages: Math.max(pages, 1) } : {};
}

// ---------------------------------------------------------------------------------------------------------------
// Uploads

export const UPLOAD_RULES = {
  /** Per draft, all papers together. */
  maxFiles: 20,
} as const;
