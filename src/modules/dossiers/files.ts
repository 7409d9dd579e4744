/** The papers of a dossier as files (uploaded with an online filing): listed without their bytes, read one by one. */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect';
import { dossierFiles } from './schema';

export function listFiles(db: Db, dossierId: string) {
  return db
    .select({
      id: dossierFiles.id,
      kind: dossierFiles.kind,
      documentId: dossierFiles.documentId,
      fileName: dossierFiles.fileName,
      mediaType: dossierFiles.mediaType,
      size: dossierFiles.size,
      sha256: dossierFiles.sha256,
      createdAt: dossierFiles.createdAt,
    })
    .from(dossierFiles)
    .where(eq(dossierFiles.dossierId, dossierId))
    .orderBy(asc(dossierFiles.createdAt), asc(dossierFiles.id));
}

export async function findFile(db: Db, dossierId: string, id: string) {
  const [row] = await db
    .select()
    .from(dossierFiles)
    .where(and(eq(dossierFiles.dossierId, dossierId), eq(dossierFiles.id, id)));
  return row;
}
