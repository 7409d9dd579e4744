/**
 * The electronic result of a dossier returned online (Nghị định 45/2020/NĐ-CP): the officer attaches it as a PDF
 * (checked by its bytes) while the dossier is being processed or waits to be returned; a new one replaces it.
 * The applicant downloads it from "Hồ sơ của tôi" once the result is ready; the download is audited.
 */
import { createHash } from 'node:crypto';
import { recordAudit, type AuditContext } from '../../platform/audit/store';
import type { Db } from '../../platform/db/connect';
import { AppError } from '../../platform/http/errors';
import { fileRefusal, formatMegabytes, safeFileName, sniffMediaType } from '../../platform/documents/files';
import { pdfPageCount } from '../../platform/documents/pdf-pages';
import * as files from './files';
import { registeredReturn, returnChannelsFor, type StatusKey } from './rules';
import * as store from './store';

const PDF_MESSAGE = 'Bản điện tử của kết quả phải là tệp PDF. Xin vui lòng chọn tệp khác.';
const ATTACHABLE: readonly StatusKey[] = ['processing', 'result_ready'];
const DOWNLOADABLE: readonly StatusKey[] = ['result_ready', 'returned'];

/** The PDF's bytes as stored: its type read from the bytes, never from the name; a damaged PDF is refused. */
export async function checkResultPdf(fileName: string, content: Buffer, maxBytes: number) {
  const type = sniffMediaType(content);
  const refused = fileRefusal(content.length, maxBytes, type);
  if (refused && content.length > maxBytes)
    throw new AppError('PAYLOAD_TOO_LARGE', `Tệp lớn hơn ${formatMegabytes(maxBytes)}.`, { file: refused });
  if (refused || type !== 'application/pdf' || (await pdfPageCount(content)) === null)
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', PDF_MESSAGE, { file: PDF_MESSAGE });
  return {
    fileName: safeFileName(fileName, type),
    mediaType: type,
    size: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    content,
  };
}

export type ResultPdf = Awaited<ReturnType<typeof checkResultPdf>>;

export interface ResultFileContext {
  /** The caller's transaction. */
  db: Db;
  wardCode: string;
  audit: AuditContext;
  now: Date;
}

/** Attaches the result to a dossier of the officer's ward, replacing an earlier one. Call it in a transaction. */
export async function attachResultFile(ctx: ResultFileContext, code: string, pdf: ResultPdf) {
  const row = await files.lockDossierByCode(ctx.db, code);
  if (row?.wardCode !== ctx.wardCode) throw new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ có mã này.');
  if (!ATTACHABLE.includes(row.status as StatusKey)) {
    const message = 'Chỉ đính kèm kết quả khi hồ sơ đang giải quyết hoặc đã có kết quả mà chưa trả.';
    throw new AppError('INVALID_TRANSITION', message);
  }
  const earlier = await files.listFilesOfKind(ctx.db, row.id, files.FILE_KINDS.result);
  for (const file of earlier) await files.deleteFileOfKind(ctx.db, row.id, file.id, files.FILE_KINDS.result);
  const added = await files.insertFile(ctx.db, {
    ...pdf,
    wardCode: row.wardCode,
    dossierId: row.id,
    kind: files.FILE_KINDS.result,
    createdAt: ctx.now,
  });
  await recordAudit(ctx.db, ctx.audit, {
    action: 'dossier.result_file_attached',
    targetType: 'dossier',
    targetId: row.code,
    wardCode: row.wardCode,
    summary: { fileId: added.id, size: added.size, sha256: added.sha256, replaced: earlier.length },
  });
  return added;
}

/** The dossier's electronic result, if one is attached (without its bytes). */
export async function resultFileOf(db: Db, dossierId: string) {
  const [file] = await files.listFilesOfKind(db, dossierId, files.FILE_KINDS.result);
  return file;
}

/** The attached result, by its digest; refused when none is attached. */
async function requireResultFile(db: Db, dossierId: string) {
  const file = await resultFileOf(db, dossierId);
  if (file) return { resultFile: file.sha256 };
  const message =
    'Người dân nhận kết quả trực tuyến: xin đính kèm bản điện tử của kết quả (tệp PDF) trước khi thực hiện.';
  throw new AppError('RULE_VIOLATION', message, { resultFile: message });
}

/** A result the applicant registered to receive online is marked ready with its file: the message says download. */
export function readyResultFile(db: Db, dossier: store.DossierRow): Promise<{ resultFile?: string }> {
  return registeredReturn(dossier) === 'online' ? requireResultFile(db, dossier.id) : Promise.resolve({});
}

/** A result returned online: a fully online (toàn trình) procedure, with its file attached. */
export async function onlineReturnFile(
  db: Db,
  dossier: store.DossierRow,
  procedure: Promise<{ onlineLevel: string }>,
) {
  if (!returnChannelsFor(await procedure).includes('online')) {
    const message = 'Thủ tục này không được giải quyết trực tuyến toàn trình: không trả kết quả trực tuyến.';
    throw new AppError('RULE_VIOLATION', message, { channel: message });
  }
  return requireResultFile(db, dossier.id);
}

/** Whether the applicant may download the electronic result of this dossier now. */
export function resultDownloadable(row: Pick<store.DossierRow, 'status' | 'returnChannel' | 'channel'>) {
  return DOWNLOADABLE.includes(row.status as StatusKey) && registeredReturn(row) === 'online';
}
