import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect';
import type { DraftAnswers } from './rules';
import { onlineDrafts, onlineUploads } from './schema';

export type DraftRow = typeof onlineDrafts.$inferSelect;
export type UploadRow = typeof onlineUploads.$inferSelect;
export type UploadInfo = Omit<UploadRow, 'content'>;

const UPLOAD_INFO = {
  id: onlineUploads.id,
  draftId: onlineUploads.draftId,
  documentId: onlineUploads.documentId,
  fileName: onlineUploads.fileName,
  mediaType: onlineUploads.mediaType,
  size: onlineUploads.size,
  sha256: onlineUploads.sha256,
  pages: onlineUploads.pages,
  createdAt: onlineUploads.createdAt,
};

/** The citizen's open draft of a procedure, if any. */
export async function findOpenDraft(db: Db, citizenId: string, procedureCode: string) {
  const [row] = await db
    .select()
    .from(onlineDrafts)
    .where(
      and(
        eq(onlineDrafts.citizenId, citizenId),
        eq(onlineDrafts.procedureCode, procedureCode),
        eq(onlineDrafts.status, 'open'),
      ),
    )
    .orderBy(desc(onlineDrafts.updatedAt))
    .limit(1);
  return row;
}

export async function insertDraft(
  db: Db,
  values: Pick<DraftRow, 'wardCode' | 'citizenId' | 'procedureCode' | 'answers' | 'currentStep'>,
  now: Date,
): Promise<DraftRow> {
  const [row] = await db
    .insert(onlineDrafts)
    .values({ ...values, createdAt: now, updatedAt: now })
    .returning();
  if (!row) throw new Error('draft not inserted');
  return row;
}

/** A draft of this citizen's (another's is as if it did not exist); locked until the transaction ends. */
export async function lockDraft(db: Db, id: string, citizenId: string): Promise<DraftRow | undefined> {
  const [row] = await db
    .select()
    .from(onlineDrafts)
    .where(and(eq(onlineDrafts.id, id), eq(onlineDrafts.citizenId, citizenId)))
    .for('update');
  return row;
}

export async function findDraft(db: Db, id: string, citizenId: string): Promise<DraftRow | undefined> {
  const [row] = await db
    .select()
    .from(onlineDrafts)
    .where(and(eq(onlineDrafts.id, id), eq(onlineDrafts.citizenId, citizenId)));
  return row;
}

export function listOpenDrafts(db: Db, citizenId: string) {
  return db
    .select()
    .from(onlineDrafts)
    .where(and(eq(onlineDrafts.citizenId, citizenId), eq(onlineDrafts.status, 'open')))
    .orderBy(desc(onlineDrafts.updatedAt));
}

export async function updateDraft(
  db: Db,
  id: string,
  changes: { answers?: DraftAnswers; currentStep?: string; status?: string; dossierCode?: string },
  now: Date,
): Promise<DraftRow> {
  const [row] = await db
    .update(onlineDrafts)
    .set({ ...changes, updatedAt: now })
    .where(eq(onlineDrafts.id, id))
    .returning();
  if (!row) throw new Error('draft not updated');
  return row;
}

export async function deleteDraft(db: Db, id: string): Promise<void> {
  await db.delete(onlineDrafts).where(eq(onlineDrafts.id, id));
}

export function listUploads(db: Db, draftId: string): Promise<UploadInfo[]> {
  return db
    .select(UPLOAD_INFO)
    .from(onlineUploads)
    .where(eq(onlineUploads.draftId, draftId))
    .orderBy(asc(onlineUploads.createdAt), asc(onlineUploads.id));
}

/** The uploads with their bytes, for the dossier's files at submission. */
export function listUploadContents(db: Db, draftId: string): Promise<UploadRow[]> {
  return db
    .select()
    .from(onlineUploads)
    .where(eq(onlineUploads.draftId, draftId))
    .orderBy(asc(onlineUploads.createdAt), asc(onlineUploads.id));
}

export async function countUploads(db: Db, draftId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(onlineUploads)
    .where(eq(onlineUploads.draftId, draftId));
  return row?.count ?? 0;
}

export async function insertUpload(db: Db, values: Omit<UploadRow, 'id'>): Promise<UploadInfo> {
  const [row] = await db.insert(onlineUploads).values(values).returning(UPLOAD_INFO);
  if (!row) throw new Error('upload not inserted');
  return row;
}

export async function deleteUpload(db: Db, draftId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(onlineUploads)
    .where(and(eq(onlineUploads.draftId, draftId), eq(onlineUploads.id, id)))
    .returning({ id: onlineUploads.id });
  return rows.length > 0;
}

export async function deleteUploads(db: Db, draftId: string): Promise<void> {
  await db.delete(onlineUploads).where(eq(onlineUploads.draftId, draftId));
}
