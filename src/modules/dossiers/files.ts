/**
 * The papers of a dossier as files (uploaded with an online filing or a supplement): listed without their bytes,
 * read one by one. A supplement's papers stay `supplement_pending`, seen by their citizen alone, until sent.
 */
import { and, asc, eq, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect';
import { dossierFiles, dossiers } from './schema';

export const FILE_KINDS = {
  pending: 'supplement_pending',
  supplement: 'supplement',
  /** The electronic result (one a dossier), for a result returned online. */
  result: 'result',
} as const;

export type NewFile = typeof dossierFiles.$inferInsert;

const INFO = {
  id: dossierFiles.id,
  kind: dossierFiles.kind,
  documentId: dossierFiles.documentId,
  fileName: dossierFiles.fileName,
  mediaType: dossierFiles.mediaType,
  size: dossierFiles.size,
  sha256: dossierFiles.sha256,
  createdAt: dossierFiles.createdAt,
};

/** The files the ward's staff see: everything but a supplement the citizen has not sent yet. */
export function listFiles(db: Db, dossierId: string) {
  return db
    .select(INFO)
    .from(dossierFiles)
    .where(and(eq(dossierFiles.dossierId, dossierId), ne(dossierFiles.kind, FILE_KINDS.pending)))
    .orderBy(asc(dossierFiles.createdAt), asc(dossierFiles.id));
}

export async function findFile(db: Db, dossierId: string, id: string) {
  const [row] = await db
    .select()
    .from(dossierFiles)
    .where(
      and(
        eq(dossierFiles.dossierId, dossierId),
        eq(dossierFiles.id, id),
        ne(dossierFiles.kind, FILE_KINDS.pending),
      ),
    );
  return row;
}

export function listFilesOfKind(db: Db, dossierId: string, kind: string) {
  return db
    .select(INFO)
    .from(dossierFiles)
    .where(and(eq(dossierFiles.dossierId, dossierId), eq(dossierFiles.kind, kind)))
    .orderBy(asc(dossierFiles.createdAt), asc(dossierFiles.id));
}

export async function insertFile(db: Db, values: NewFile) {
  const [row] = await db.insert(dossierFiles).values(values).returning(INFO);
  if (!row) throw new Error('file not inserted');
  return row;
}

export async function deleteFileOfKind(db: Db, dossierId: string, id: string, kind: string) {
  const rows = await db
    .delete(dossierFiles)
    .where(and(eq(dossierFiles.dossierId, dossierId), eq(dossierFiles.id, id), eq(dossierFiles.kind, kind)))
    .returning({ id: dossierFiles.id });
  return rows.length > 0;
}

/** Sends the pending supplement: its files become the dossier's. */
export async function sendPendingFiles(db: Db, dossierId: string): Promise<void> {
  await db
    .update(dossierFiles)
    .set({ kind: FILE_KINDS.supplement })
    .where(and(eq(dossierFiles.dossierId, dossierId), eq(dossierFiles.kind, FILE_KINDS.pending)));
}

/** The dossier, locked until the transaction ends. */
export async function lockDossierByCode(db: Db, code: string) {
  const [row] = await db.select().from(dossiers).where(eq(dossiers.code, code)).for('update');
  return row;
}
