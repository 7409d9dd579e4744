/**
 * A supplement sent online (Mẫu 02 answered from "Hồ sơ của tôi"): the citizen of an online dossier uploads the
 * papers the notice lists, and only those, then sends them at once. The dossier stays "Yêu cầu bổ sung giấy tờ"
 * (the clock stays stopped) until the counter officer records the complete file, which sets the new due date.
 */
import { recordAudit, type AuditContext } from '../../platform/audit/store';
import type { Db } from '../../platform/db/connect';
import { AppError } from '../../platform/http/errors';
import { findProcedureVersion } from '../procedures/api';
import type { DossierOwner } from './api';
import * as files from './files';
import { notifyApplicant } from './notices';
import * as store from './store';

/** The event of papers sent online in answer to a supplement request. */
export const SUPPLEMENT_SENT = 'supplement_submitted';

export interface SupplementFile {
  documentId: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  content: Buffer;
}

export interface SupplementContext {
  /** The caller's transaction. */
  db: Db;
  audit: AuditContext;
  now: Date;
  citizen: { id: string; fullName: string | null };
  /** The portal's address, for the tracking link in the message that confirms the papers arrived. */
  publicUrl?: string;
}

const NOT_FOUND = 'Không tìm thấy hồ sơ có mã này trong hồ sơ của bạn.';

/** The notice a citizen answers: the papers it asks for, what they uploaded, whether they sent them. */
async function noticeOf(db: Db, code: string, owner: DossierOwner, lock: boolean) {
  const row = lock ? await files.lockDossierByCode(db, code) : await store.findByCode(db, code);
  if (!row || !store.isOwnedBy(row, owner)) throw new AppError('NOT_FOUND', NOT_FOUND);
  if (row.channel !== 'online') {
    const message =
      'Hồ sơ này nộp trực tiếp: xin Ông/Bà mang giấy tờ bổ sung đến Trung tâm Phục vụ hành chính công.';
    throw new AppError('RULE_VIOLATION', message);
  }
  const events = await store.listEvents(db, row.id);
  const request = events.findLast((e) => e.action === 'request_supplement');
  if (row.status !== 'supplement_requested' || !request) {
    throw new AppError('INVALID_TRANSITION', 'Hồ sơ không có yêu cầu bổ sung giấy tờ nào đang chờ.');
  }
  const sent = events.find((e) => e.action === SUPPLEMENT_SENT && e.id > request.id);
  // A request made after receipt names its papers `requestedDocumentIds`; one made at intake, `missingDocuments`.
  const data = request.data as { requestedDocumentIds?: string[]; missingDocuments?: string[] };
  const ids = data.requestedDocumentIds ?? data.missingDocuments ?? [];
  const procedure = await findProcedureVersion(db, row.wardCode, row.procedureCode, row.procedureVersion);
  const names = new Map(procedure?.definition.documents.map((d) => [d.id, d.name]));
  return {
    row,
    requestedAt: request.at,
    reason: request.note,
    requested: ids.map((id) => ({ id, name: names.get(id) ?? id })),
    sentAt: sent?.at ?? null,
  };
}

function view(notice: Awaited<ReturnType<typeof noticeOf>>, uploads: Awaited<ReturnType<typeof pendingOf>>) {
  return {
    code: notice.row.code,
    procedureName: notice.row.procedureName,
    requestedAt: notice.requestedAt.toISOString(),
    reason: notice.reason,
    documents: notice.requested,
    uploads: uploads.map((u) => ({
      id: u.id,
      documentId: u.documentId,
      fileName: u.fileName,
      mediaType: u.mediaType,
      size: u.size,
      createdAt: u.createdAt.toISOString(),
    })),
    sentAt: notice.sentAt?.toISOString() ?? null,
  };
}

/** The papers of this notice: waiting to be sent, or sent in answer to it (not those of an earlier notice). */
async function pendingOf(db: Db, notice: { row: { id: string }; requestedAt: Date; sentAt: Date | null }) {
  if (!notice.sentAt) return files.listFilesOfKind(db, notice.row.id, files.FILE_KINDS.pending);
  const sent = await files.listFilesOfKind(db, notice.row.id, files.FILE_KINDS.supplement);
  return sent.filter((f) => f.createdAt >= notice.requestedAt);
}

export type SupplementNotice = ReturnType<typeof view>;

/** The supplement notice of one of the citizen's online dossiers and its papers so far. */
export async function findSupplementNotice(db: Db, code: string, owner: DossierOwner) {
  const notice = await noticeOf(db, code, owner, false);
  return view(notice, await pendingOf(db, notice));
}

/** The notice, locked, while the citizen may still change what they send; call it inside a transaction. */
async function openNotice(ctx: SupplementContext, code: string, owner: DossierOwner) {
  const notice = await noticeOf(ctx.db, code, owner, true);
  if (notice.sentAt) {
    throw new AppError('CONFLICT', 'Giấy tờ bổ sung đã được gửi; cán bộ một cửa đang kiểm tra.');
  }
  return notice;
}

function audit(
  ctx: SupplementContext,
  row: store.DossierRow,
  action: string,
  summary: Record<string, unknown>,
) {
  return recordAudit(ctx.db, ctx.audit, {
    action: `dossier.${action}`,
    targetType: 'dossier',
    targetId: row.code,
    wardCode: row.wardCode,
    summary,
  });
}

/**
 * Adds a paper (its bytes checked by the caller) to the supplement; a paper the notice does not list is refused,
 * as are more than `maxFiles` files and the same file twice. Call it inside a transaction.
 */
export async function addSupplementFile(
  ctx: SupplementContext,
  code: string,
  owner: DossierOwner,
  file: SupplementFile,
  maxFiles: number,
) {
  const notice = await openNotice(ctx, code, owner);
  if (!notice.requested.some((d) => d.id === file.documentId)) {
    const message = 'Giấy tờ này không có trong phiếu yêu cầu bổ sung của hồ sơ.';
    throw new AppError('DOCUMENT_NOT_IN_PROCEDURE', message, { documentId: message });
  }
  const pending = await pendingOf(ctx.db, notice);
  if (pending.length >= maxFiles) {
    const message = `Mỗi lần bổ sung tải lên tối đa ${maxFiles} tệp.`;
    throw new AppError('RULE_VIOLATION', message, { file: message });
  }
  if (pending.some((u) => u.sha256 === file.sha256)) {
    const message = 'Tệp này đã được tải lên.';
    throw new AppError('CONFLICT', message, { file: message });
  }
  const added = await files.insertFile(ctx.db, {
    ...file,
    wardCode: notice.row.wardCode,
    dossierId: notice.row.id,
    kind: files.FILE_KINDS.pending,
    createdAt: ctx.now,
  });
  const { documentId, mediaType, size, sha256 } = file;
  await audit(ctx, notice.row, 'supplement_uploaded', { documentId, mediaType, size, sha256 });
  return view(notice, [...pending, added]);
}

export async function removeSupplementFile(
  ctx: SupplementContext,
  code: string,
  owner: DossierOwner,
  id: string,
) {
  const notice = await openNotice(ctx, code, owner);
  if (!(await files.deleteFileOfKind(ctx.db, notice.row.id, id, files.FILE_KINDS.pending)))
    throw new AppError('NOT_FOUND', 'Không tìm thấy tệp này trong giấy tờ bổ sung.');
  await audit(ctx, notice.row, 'supplement_upload_deleted', { fileId: id });
}

/** Sends every paper the notice lists at once; the counter officer then records the complete file. */
export async function sendSupplement(ctx: SupplementContext, code: string, owner: DossierOwner) {
  const notice = await openNotice(ctx, code, owner);
  const pending = await pendingOf(ctx.db, notice);
  const missing = notice.requested.filter((d) => !pending.some((u) => u.documentId === d.id));
  if (missing.length > 0) {
    const fields = Object.fromEntries(
      missing.map((d) => [`documents.${d.id}`, `Xin vui lòng tải lên ${d.name}.`]),
    );
    throw new AppError('DOSSIER_INCOMPLETE', Object.values(fields).join(' '), fields);
  }
  await files.sendPendingFiles(ctx.db, notice.row.id);
  const documentIds = notice.requested.map((d) => d.id);
  await store.insertEvent(ctx.db, {
    wardCode: notice.row.wardCode,
    dossierId: notice.row.id,
    action: SUPPLEMENT_SENT,
    fromStatus: notice.row.status,
    toStatus: notice.row.status,
    at: ctx.now,
    actorId: null,
    actorName: ctx.citizen.fullName ?? notice.row.applicantName,
    toUnit: 'Trung tâm Phục vụ hành chính công',
    note: null,
    data: { documentIds, files: pending.length },
  });
  await audit(ctx, notice.row, SUPPLEMENT_SENT, { documentIds, files: pending.length });
  await notifyApplicant(ctx.db, notice.row, { action: SUPPLEMENT_SENT, toStatus: notice.row.status }, ctx);
  return view({ ...notice, sentAt: ctx.now }, pending);
}
