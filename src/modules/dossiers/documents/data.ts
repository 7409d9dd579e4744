/** What the printed forms read: the dossier with its timeline, the procedure's papers, the ward's heading. */
import { and, asc, gte, eq, lte } from 'drizzle-orm';
import type { IsoDate } from '../../../platform/calendar/rules';
import type { Db } from '../../../platform/db/connect';
import { placeName } from '../../../platform/documents/dates';
import { findWard } from '../../../platform/wards/store';
import { findProcedure, findProcedureVersion } from '../../procedures/api';
import type { Procedure } from '../../procedures/catalogue';
import { dossiers } from '../schema';
import * as store from '../store';

export type DossierRow = store.DossierRow;
export type EventRow = Awaited<ReturnType<typeof store.listEvents>>[number];
export type ProcedureDocument = Procedure['documents'][number];

export interface WardHeading {
  code: string;
  /** 'Phường Thành Đông' */
  name: string;
  /** 'phường Thành Đông': the name inside a sentence. */
  inSentence: string;
  /** 'Thành Đông': the place of the date line. */
  place: string;
  provinceName: string;
  address: string;
  phone: string;
  email: string;
}

export async function loadWardHeading(db: Db, wardCode: string): Promise<WardHeading> {
  const row = await findWard(db, wardCode);
  if (!row) throw new Error(`ward ${wardCode} not found`);
  return {
    code: wardCode,
    name: row.name,
    inSentence: `${row.name.charAt(0).toLocaleLowerCase('vi')}${row.name.slice(1)}`,
    place: placeName(row.name),
    provinceName: row.provinceName,
    address: row.ward.address,
    phone: row.ward.phone,
    email: row.ward.email,
  };
}

/** The dossier and its timeline, or undefined when it does not exist or belongs to another ward. */
export async function loadDossier(
  db: Db,
  code: string,
  reader: { wardCode: string } | { owner: Parameters<typeof store.isOwnedBy>[1] },
) {
  const dossier = await store.findByCode(db, code);
  const readable =
    dossier &&
    ('owner' in reader ? store.isOwnedBy(dossier, reader.owner) : dossier.wardCode === reader.wardCode);
  if (!dossier || !readable) return undefined;
  return { dossier, events: await store.listEvents(db, dossier.id) };
}

/** The procedure in the version the dossier was received under (else as it stands now; undefined if removed). */
export async function procedureOf(db: Db, dossier: DossierRow): Promise<Procedure | undefined> {
  const { wardCode, procedureCode, procedureVersion } = dossier;
  const record =
    (await findProcedureVersion(db, wardCode, procedureCode, procedureVersion)) ??
    (await findProcedure(db, wardCode, procedureCode));
  return record?.definition;
}

/** Dossiers of a ward counted as received in [from, to], in the order they were received. */
export function listRegister(db: Db, wardCode: string, from: IsoDate, to: IsoDate) {
  return db
    .select({
      code: dossiers.code,
      procedureName: dossiers.procedureName,
      applicantName: dossiers.applicantName,
      applicantAddress: dossiers.applicantAddress,
      applicantPhone: dossiers.applicantPhone,
      receivedAt: dossiers.receivedAt,
      receiptDay: dossiers.receiptDay,
      originalDueDate: dossiers.originalDueDate,
      dueDate: dossiers.dueDate,
      returnedAt: dossiers.returnedAt,
      status: dossiers.status,
      apologies: dossiers.apologies,
    })
    .from(dossiers)
    .where(and(eq(dossiers.wardCode, wardCode), gte(dossiers.receiptDay, from), lte(dossiers.receiptDay, to)))
    .orderBy(asc(dossiers.receivedAt), asc(dossiers.code));
}

export type RegisterRow = Awaited<ReturnType<typeof listRegister>>[number];
