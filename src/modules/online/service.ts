/**
 * Drafts of online filings: created or resumed, answered a page at a time, papers uploaded and checked, then
 * submitted as a dossier (dossiers/api `fileOnline`) in the transaction that marks the draft submitted. Each
 * change is audited in its transaction; a draft is only ever its own citizen's.
 */
import { createHash } from 'node:crypto';
import { recordAudit, type AuditContext } from '../../platform/audit/store';
import type { OfficeHours, WorkingCalendar } from '../../platform/calendar/rules';
import type { Citizen } from '../../platform/citizens/store';
import type { Db } from '../../platform/db/connect';
import { AppError } from '../../platform/http/errors';
import { fileOnline } from '../dossiers/api';
import { findProcedure, formatVnd, type ProcedureRecord } from '../procedures/api';
import { computeFee, FeeError } from '../procedures/rules';
import { fileRefusal, MEDIA_TYPES, safeFileName, sniffMediaType } from '../../platform/documents/files';
import { pdfPageCount } from '../../platform/documents/pdf-pages';
import {
  acceptsOnlineFiling,
  ANSWER_INPUTS,
  formSteps,
  missingAnswers,
  onlineFeeInput,
  returnChannelsFor,
  stepOfField,
  UPLOAD_RULES,
  uploadableDocuments,
  type DraftAnswers,
  type StepKey,
} from './rules';
import * as store from './store';

export interface DraftContext {
  db: Db;
  citizen: Citizen;
  audit: AuditContext;
  now: Date;
}

const DRAFT_NOT_FOUND = 'Không tìm thấy bản nháp hồ sơ này.';
/** Open drafts a citizen may keep at once. */
const MAX_OPEN_DRAFTS = 10;

/** The ward's current procedure, if it takes online filings. */
export async function onlineProcedure(db: Db, wardCode: string, code: string): Promise<ProcedureRecord> {
  const procedure = await findProcedure(db, wardCode, code);
  if (!procedure) throw new AppError('NOT_FOUND', 'Phường không có thủ tục này.');
  if (!acceptsOnlineFiling(procedure.definition)) {
    const message = 'Thủ tục này chỉ nộp hồ sơ trực tiếp tại Trung tâm Phục vụ hành chính công của phường.';
    throw new AppError('RULE_VIOLATION', message, { procedureCode: message });
  }
  return procedure;
}

function audit(
  ctx: DraftContext,
  draft: store.DraftRow,
  action: string,
  summary: Record<string, unknown> = {},
) {
  return recordAudit(ctx.db, ctx.audit, {
    action: `online_draft.${action}`,
    targetType: 'online_draft',
    targetId: draft.id,
    wardCode: draft.wardCode,
    summary: { procedureCode: draft.procedureCode, ...summary },
  });
}

/** The draft, locked, while it is the citizen's and still open; call it inside a transaction. */
async function openDraft(ctx: DraftContext, id: string): Promise<store.DraftRow> {
  const draft = await store.lockDraft(ctx.db, id, ctx.citizen.id);
  if (!draft) throw new AppError('NOT_FOUND', DRAFT_NOT_FOUND);
  if (draft.status !== 'open')
    throw new AppError('CONFLICT', `Hồ sơ này đã được nộp, mã hồ sơ ${draft.dossierCode ?? ''}.`);
  return draft;
}

/** The citizen's open draft of the procedure, or a new one; `created` tells which. */
export async function startDraft(ctx: DraftContext, wardCode: string, procedureCode: string) {
  const procedure = await onlineProcedure(ctx.db, wardCode, procedureCode);
  const found = await store.findOpenDraft(ctx.db, ctx.citizen.id, procedure.code);
  if (found) return { draft: found, procedure, created: false };
  if ((await store.listOpenDrafts(ctx.db, ctx.citizen.id)).length >= MAX_OPEN_DRAFTS) {
    const message = `Bạn đang có ${MAX_OPEN_DRAFTS} hồ sơ chưa nộp. Xin vui lòng nộp hoặc xóa bớt trước khi bắt đầu hồ sơ mới.`;
    throw new AppError('RULE_VIOLATION', message, { procedureCode: message });
  }
  const draft = await store.insertDraft(
    ctx.db,
    {
      wardCode,
      citizenId: ctx.citizen.id,
      procedureCode: procedure.code,
      answers: {},
      currentStep: 'nguoi-nop',
    },
    ctx.now,
  );
  await audit(ctx, draft, 'created');
  return { draft, procedure, created: true };
}

export async function findDraft(ctx: Omit<DraftContext, 'audit' | 'now'>, id: string) {
  const draft = await store.findDraft(ctx.db, id, ctx.citizen.id);
  if (!draft) throw new AppError('NOT_FOUND', DRAFT_NOT_FOUND);
  return draft;
}

export interface AnswersInput {
  currentStep?: string;
  applicant?: unknown;
  address?: unknown;
  returnChannel?: unknown;
  notify?: unknown;
}

/** Each answer given is checked whole; the errors name the fields as `applicant.phone`, `notify.email`… */
function checkedAnswers(input: AnswersInput): Partial<DraftAnswers> {
  const answers: Partial<DraftAnswers> = {};
  const fields: Record<string, string> = {};
  for (const key of ['applicant', 'address', 'returnChannel', 'notify'] as const) {
    if (input[key] === undefined) continue;
    const parsed = ANSWER_INPUTS[key].safeParse(input[key]);
    if (parsed.success) Object.assign(answers, { [key]: parsed.data });
    else
      for (const issue of parsed.error.issues)
        fields[[key, ...issue.path.map(String)].join('.')] ??= issue.message;
  }
  if (Object.keys(fields).length > 0)
    throw new AppError('VALIDATION_FAILED', Object.values(fields).join(' '), fields);
  return answers;
}

export async function saveAnswers(ctx: DraftContext, id: string, input: AnswersInput) {
  const answers = checkedAnswers(input);
  const draft = await openDraft(ctx, id);
  const procedure = await onlineProcedure(ctx.db, draft.wardCode, draft.procedureCode);
  const steps = formSteps(procedure.definition).map((s) => s.key as string);
  if (input.currentStep !== undefined && !steps.includes(input.currentStep)) {
    const message = 'Trang này không có trong hồ sơ của thủ tục.';
    throw new AppError('VALIDATION_FAILED', message, { currentStep: message });
  }
  const saved = await store.updateDraft(
    ctx.db,
    draft.id,
    { answers: { ...draft.answers, ...answers }, currentStep: input.currentStep },
    ctx.now,
  );
  await audit(ctx, saved, 'saved', { answered: Object.keys(answers), currentStep: saved.currentStep });
  return { draft: saved, procedure };
}

export async function deleteDraft(ctx: DraftContext, id: string): Promise<void> {
  const draft = await openDraft(ctx, id);
  await store.deleteDraft(ctx.db, draft.id);
  await audit(ctx, draft, 'deleted');
}

export interface CheckedFile {
  documentId: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  pages: number;
  content: Buffer;
}

/**
 * A paper as the bytes say it is (the name and the browser's word are not trusted), within the size limit, for
 * a document of the procedure's list; its pages counted (a PDF's, or 1 for a photograph). Outside any
 * transaction: reading a PDF takes a while.
 */
export async function checkFile(
  procedure: ProcedureRecord,
  upload: { documentId: string; fileName: string; content: Buffer },
  maxBytes: number,
): Promise<CheckedFile> {
  const document = uploadableDocuments(procedure.definition).find((d) => d.id === upload.documentId);
  if (!document) {
    const message = 'Giấy tờ này không có trong thành phần hồ sơ nộp trực tuyến của thủ tục.';
    throw new AppError('DOCUMENT_NOT_IN_PROCEDURE', message, { documentId: message });
  }
  return checkBytes({ ...upload, documentId: document.id }, maxBytes);
}

/** The byte checks of checkFile alone, for a document the caller has already checked (a supplement's). */
export async function checkBytes(
  upload: { documentId: string; fileName: string; content: Buffer },
  maxBytes: number,
): Promise<CheckedFile> {
  const type = sniffMediaType(upload.content);
  const refused = fileRefusal(upload.content.length, maxBytes, type);
  if (refused || !type) {
    const code = upload.content.length > maxBytes ? 'PAYLOAD_TOO_LARGE' : 'UNSUPPORTED_MEDIA_TYPE';
    throw new AppError(code, refused ?? '', { file: refused ?? '' });
  }
  const pages = type === 'application/pdf' ? await pdfPageCount(upload.content) : 1;
  if (pages === null) {
    const message = 'Không đọc được tệp PDF (tệp bị hỏng hoặc có mật khẩu). Xin vui lòng chọn tệp khác.';
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', message, { file: message });
  }
  return {
    documentId: upload.documentId,
    fileName: safeFileName(upload.fileName, type),
    mediaType: type,
    size: upload.content.length,
    sha256: createHash('sha256').update(upload.content).digest('hex'),
    pages,
    content: upload.content,
  };
}

export async function addUpload(ctx: DraftContext, draftId: string, file: CheckedFile) {
  const draft = await openDraft(ctx, draftId);
  const uploads = await store.listUploads(ctx.db, draft.id);
  if (uploads.length >= UPLOAD_RULES.maxFiles) {
    const message = `Mỗi hồ sơ tải lên tối đa ${UPLOAD_RULES.maxFiles} tệp.`;
    throw new AppError('RULE_VIOLATION', message, { file: message });
  }
  if (uploads.some((u) => u.sha256 === file.sha256)) {
    const message = 'Tệp này đã được tải lên hồ sơ.';
    throw new AppError('CONFLICT', message, { file: message });
  }
  const upload = await store.insertUpload(ctx.db, { ...file, draftId: draft.id, createdAt: ctx.now });
  await store.updateDraft(ctx.db, draft.id, {}, ctx.now);
  await audit(ctx, draft, 'uploaded', {
    documentId: file.documentId,
    mediaType: file.mediaType,
    size: file.size,
    pages: file.pages,
    sha256: file.sha256,
  });
  return upload;
}

export async function removeUpload(ctx: DraftContext, draftId: string, uploadId: string): Promise<void> {
  const draft = await openDraft(ctx, draftId);
  if (!(await store.deleteUpload(ctx.db, draft.id, uploadId)))
    throw new AppError('NOT_FOUND', 'Không tìm thấy tệp này trong hồ sơ.');
  await store.updateDraft(ctx.db, draft.id, {}, ctx.now);
  await audit(ctx, draft, 'upload_deleted', { uploadId });
}

/** The fee an online filing of these pages costs, or null when the officer computes it later. */
export function feePreview(procedure: ProcedureRecord, pages: number) {
  const input = onlineFeeInput(procedure.definition.fees, pages);
  if (!input) return null;
  try {
    const fee = computeFee(procedure.definition.fees, { ...input, online: true });
    return { ...fee, amountText: formatVnd(fee.amount) };
  } catch (error) {
    if (error instanceof FeeError) return null;
    throw error;
  }
}

function missingOf(procedure: ProcedureRecord, draft: store.DraftRow, uploads: readonly store.UploadInfo[]) {
  return missingAnswers(procedure.definition, draft.answers, uploads);
}

/** What the form shows of a draft: its pages (each complete or not), answers, papers, the fee, what is missing. */
export function draftView(
  procedure: ProcedureRecord,
  draft: store.DraftRow,
  uploads: readonly store.UploadInfo[],
  identity: Pick<Citizen, 'fullName' | 'idNumber' | 'phone' | 'email' | 'preferredChannels'>,
  maxBytes: number,
) {
  const { definition } = procedure;
  const missing = missingOf(procedure, draft, uploads);
  const incompleteSteps = new Set(Object.keys(missing).map((f) => stepOfField(definition, f)));
  const pages = uploads.reduce((sum, u) => sum + u.pages, 0);
  return {
    id: draft.id,
    status: draft.status,
    dossierCode: draft.dossierCode,
    procedure: {
      code: procedure.code,
      name: definition.name,
      onlineLevel: definition.onlineLevel,
      timeLimit: definition.timeLimit,
      resultType: definition.resultType,
    },
    steps: formSteps(definition).map((step) => ({
      ...step,
      complete: step.kind === 'summary' ? incompleteSteps.size === 0 : !incompleteSteps.has(step.key),
    })),
    currentStep: draft.currentStep,
    answers: draft.answers,
    /** What the citizen's identity gives, to prefill the applicant and notification pages. */
    prefill: {
      fullName: identity.fullName,
      idNumber: identity.idNumber,
      phone: identity.phone,
      email: identity.email,
      channels: identity.preferredChannels,
    },
    returnChannels: returnChannelsFor(definition),
    documents: uploadableDocuments(definition).map((d) => ({
      id: d.id,
      name: d.name,
      condition: d.condition ?? null,
      required: !d.condition,
      originals: d.originals,
      copies: d.copies,
    })),
    uploads: uploads.map(uploadView),
    pages,
    fee: feePreview(procedure, pages),
    missing: Object.entries(missing).map(([field, message]) => ({
      field,
      step: stepOfField(definition, field),
      message,
    })),
    uploadRules: {
      maxFiles: UPLOAD_RULES.maxFiles,
      maxBytes,
      accepted: MEDIA_TYPES,
    },
    updatedAt: draft.updatedAt.toISOString(),
  };
}

export function uploadView(upload: store.UploadInfo) {
  return {
    id: upload.id,
    documentId: upload.documentId,
    fileName: upload.fileName,
    mediaType: upload.mediaType,
    size: upload.size,
    pages: upload.pages,
    createdAt: upload.createdAt.toISOString(),
  };
}

export interface SubmitContext extends DraftContext {
  hours: OfficeHours;
  calendar: WorkingCalendar;
  publicUrl?: string;
}

/** Files the draft as a dossier, all of it or nothing: call it inside a transaction. */
export async function submitDraft(ctx: SubmitContext, draftId: string) {
  const draft = await openDraft(ctx, draftId);
  const procedure = await onlineProcedure(ctx.db, draft.wardCode, draft.procedureCode);
  const uploads = await store.listUploadContents(ctx.db, draft.id);
  const missing = missingOf(procedure, draft, uploads);
  const { applicant, address, notify, returnChannel } = draft.answers;
  if (Object.keys(missing).length > 0 || !applicant || !address || !notify || !returnChannel) {
    throw new AppError('DOSSIER_INCOMPLETE', Object.values(missing).join(' '), missing);
  }
  const pages = uploads.reduce((sum, u) => sum + u.pages, 0);
  const { dossier, fee } = await fileOnline(
    { ...ctx, wardCode: draft.wardCode },
    {
      procedure,
      citizenId: ctx.citizen.id,
      applicant: { ...applicant, address },
      notify,
      returnChannel,
      files: uploads,
      fee: onlineFeeInput(procedure.definition.fees, pages),
    },
  );
  const submitted = await store.updateDraft(
    ctx.db,
    draft.id,
    { status: 'submitted', dossierCode: dossier.code, currentStep: 'kiem-tra' satisfies StepKey },
    ctx.now,
  );
  await store.deleteUploads(ctx.db, draft.id);
  await audit(ctx, submitted, 'submitted', { dossierCode: dossier.code, files: uploads.length, pages });
  return { dossier, fee, pages };
}
