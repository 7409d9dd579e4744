import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect';
import { ReadCache } from '../../platform/db/read-cache';
import type { Procedure } from './catalogue';
import { procedures, procedureVersions } from './schema';

export interface ProcedureRecord {
  code: string;
  version: number;
  definition: Procedure;
}

/** Joins a procedure to the definition of its current version. */
const CURRENT_VERSION = and(
  eq(procedureVersions.wardCode, procedures.wardCode),
  eq(procedureVersions.code, procedures.code),
  eq(procedureVersions.version, procedures.currentVersion),
);

/** The ward's procedures, optionally filtered by a text that ignores diacritics ('khai sinh'). */
export function searchProcedures(db: Db, wardCode: string, query?: string) {
  const q = query?.trim();
  return db
    .select({
      code: procedures.code,
      name: procedures.name,
      field: procedures.field,
      version: procedures.currentVersion,
      definition: procedureVersions.definition,
    })
    .from(procedures)
    .innerJoin(procedureVersions, CURRENT_VERSION)
    .where(
      and(
        eq(procedures.wardCode, wardCode),
        q ? sql`f_unaccent(lower(${procedures.name})) LIKE '%' || f_unaccent(lower(${q})) || '%'` : undefined,
      ),
    )
    .orderBy(asc(procedures.field), asc(procedures.name));
}

/** The current version of each procedure (every intake asks for it); another process's save is seen within 30 s. */
const currentVersions = new ReadCache<ProcedureRecord>(30_000);

/** The current version of a ward's procedure (shared: read it, never change it). */
export function findProcedure(db: Db, wardCode: string, code: string): Promise<ProcedureRecord | undefined> {
  return currentVersions.get(db, `${wardCode}/${code}`, async () => {
    const [row] = await db
      .select({
        code: procedures.code,
        version: procedures.currentVersion,
        definition: procedureVersions.definition,
      })
      .from(procedures)
      .innerJoin(procedureVersions, CURRENT_VERSION)
      .where(and(eq(procedures.wardCode, wardCode), eq(procedures.code, code)));
    return row;
  });
}

/** One version of a procedure, as it stood when a dossier was received under it. */
export async function findProcedureVersion(
  db: Db,
  wardCode: string,
  code: string,
  version: number,
): Promise<ProcedureRecord | undefined> {
  const [row] = await db
    .select({
      code: procedureVersions.code,
      version: procedureVersions.version,
      definition: procedureVersions.definition,
    })
    .from(procedureVersions)
    .where(
      and(
        eq(procedureVersions.wardCode, wardCode),
        eq(procedureVersions.code, code),
        eq(procedureVersions.version, version),
      ),
    );
  return row;
}

export function listVersions(db: Db, wardCode: string, code: string) {
  return db
    .select({
      version: procedureVersions.version,
      effectiveFrom: procedureVersions.effectiveFrom,
      changeNote: procedureVersions.changeNote,
      createdAt: procedureVersions.createdAt,
    })
    .from(procedureVersions)
    .where(and(eq(procedureVersions.wardCode, wardCode), eq(procedureVersions.code, code)))
    .orderBy(asc(procedureVersions.version));
}

/** Adds a version of a procedure (the first one creates it) and makes it current. */
export async function saveProcedureVersion(
  db: Db,
  wardCode: string,
  definition: Procedure,
  changeNote: string,
  createdBy: string | null,
): Promise<number> {
  const code = definition.nationalCode;
  const [current] = await db
    .select({ version: procedures.currentVersion })
    .from(procedures)
    .where(and(eq(procedures.wardCode, wardCode), eq(procedures.code, code)))
    .for('update');
  const version = (current?.version ?? 0) + 1;
  currentVersions.changing(`${wardCode}/${code}`, (record) => (record?.version ?? 0) >= version);
  await db.insert(procedureVersions).values({
    wardCode,
    code,
    version,
    definition,
    effectiveFrom: definition.effectiveFrom,
    changeNote,
    createdBy,
  });
  await db
    .insert(procedures)
    .values({ wardCode, code, name: definition.name, field: definition.field, currentVersion: version })
    .onConflictDoUpdate({
      target: [procedures.wardCode, procedures.code],
      set: { name: definition.name, field: definition.field, currentVersion: version, updatedAt: sql`now()` },
    });
  return version;
}
