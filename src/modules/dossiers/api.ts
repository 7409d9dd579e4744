import { z } from 'zod';
/** What other modules may ask of dossiers (they never read its tables). */
import type { Db } from '../../platform/db/connect';
import { registeredReturn, statusOf, type StatusKey } from './rules';
import { findFile } from './files';
import { findByCode, isOwnedBy, listByApplicant, listEvents } from './store';
import { publicView } from './presenters';
import { resultDownloadable, resultFileOf } from './result-file';
import { applicantForms } from './forms';

/** A dossier's code in a route: `<ward>-<yymmdd>-<sequence>` (see ./code). */
export const DOSSIER_CODE = z.string().regex(/^\d{5}-\d{6}-\d{4}$/, 'Mã hồ sơ có dạng 10507-260213-0001');

export { fileOnline, type OnlineFiling } from './online-intake';
export {
  addSupplementFile,
  findSupplementNotice,
  removeSupplementFile,
  sendSupplement,
  type SupplementNotice,
} from './online-supplement';

/** Closed without a result: nothing can be collected for these any more. */
const CLOSED_WITHOUT_RESULT: readonly StatusKey[] = ['refused', 'withdrawn', 'stopped'];

export interface DossierForPayment {
  wardCode: string;
  code: string;
  procedureName: string;
  /** The payer named on a receipt. */
  applicantName: string;
  /** The fee charged at intake from the procedure's schedule, in đồng. */
  feeAmount: number;
  status: StatusKey;
  statusLabel: string;
  acceptsPayment: boolean;
}

/** The fee a dossier was charged at intake and what a payment shows with it; undefined for an unknown code. */
export async function findDossierForPayment(db: Db, code: string): Promise<DossierForPayment | undefined> {
  const row = await findByCode(db, code);
  if (!row) return undefined;
  const status = statusOf(row.status as StatusKey);
  return {
    wardCode: row.wardCode,
    code: row.code,
    procedureName: row.procedureName,
    applicantName: row.applicantName,
    feeAmount: row.feeAmount,
    status: status.key,
    statusLabel: status.label,
    acceptsPayment: !CLOSED_WITHOUT_RESULT.includes(status.key),
  };
}

export interface DossierForRating {
  wardCode: string;
  code: string;
  status: StatusKey;
  statusLabel: string;
  procedureCode: string;
  procedureName: string;
  receivedBy: { id: string | null; name: string };
  /** The officer who recorded the return of the result; null until it is returned. */
  returnedBy: { id: string | null; name: string } | null;
}

/** What a satisfaction rating needs of a dossier: its state and who received and returned it. */
export async function findDossierForRating(db: Db, code: string): Promise<DossierForRating | undefined> {
  const row = await findByCode(db, code);
  if (!row) return undefined;
  const status = statusOf(row.status as StatusKey);
  const returned = (await listEvents(db, row.id)).findLast((e) => e.action === 'return_result');
  return {
    wardCode: row.wardCode,
    code: row.code,
    status: status.key,
    statusLabel: status.label,
    procedureCode: row.procedureCode,
    procedureName: row.procedureName,
    receivedBy: { id: row.receivedBy, name: row.receivedByName },
    returnedBy: returned ? { id: returned.actorId, name: returned.actorName } : null,
  };
}

export interface ApplicantDossier {
  wardCode: string;
  code: string;
  procedureName: string;
  status: StatusKey;
  statusLabel: string;
  receivedAt: string;
  /** The appointment date in force (YYYY-MM-DD); null while the clock has not started. */
  dueDate: string | null;
}

/** How many of a person's dossiers are listed for them: their recent ones; older ones are found by code. */
const APPLICANT_DOSSIERS_LIMIT = 100;

/**
 * Whose dossiers a signed-in citizen sees: those they filed online, and those whose applicant has their căn cước
 * number or, for a person signed in by phone alone, those given that phone at intake.
 */
export interface DossierOwner {
  citizenId: string;
  applicant: { idNumber: string } | { phone: string } | null;
}

/** A person's own dossiers for the citizen portal (see DossierOwner). No other applicant's data is read. */
export async function listApplicantDossiers(db: Db, owner: DossierOwner): Promise<ApplicantDossier[]> {
  const rows = await listByApplicant(db, owner, APPLICANT_DOSSIERS_LIMIT);
  return rows.map((row) => {
    const status = statusOf(row.status as StatusKey);
    return {
      wardCode: row.wardCode,
      code: row.code,
      procedureName: row.procedureName,
      status: status.key,
      statusLabel: status.label,
      receivedAt: row.receivedAt.toISOString(),
      dueDate: row.dueDate,
    };
  });
}

/**
 * One of the citizen's own dossiers (see DossierOwner) with its timeline, as the portal shows it to them;
 * undefined for a dossier that is not theirs, as for one that does not exist.
 */
export async function findOwnDossier(db: Db, code: string, owner: DossierOwner) {
  const row = await findByCode(db, code);
  if (!row || !isOwnedBy(row, owner)) return undefined;
  const events = await listEvents(db, row.id);
  const result = resultDownloadable(row) ? await resultFileOf(db, row.id) : undefined;
  return {
    ...publicView(row, events),
    wardCode: row.wardCode,
    applicantName: row.applicantName,
    channel: row.channel,
    receiptDay: row.receiptDay,
    feeAmount: row.feeAmount,
    documentsReceived: row.documentsReceived,
    notifyChannels: row.notifyChannels,
    returnChannel: registeredReturn(row),
    /** The one-stop forms the applicant was given (Mẫu 01–04), each a PDF at documents/<form>. */
    forms: applicantForms(events),
    /** The electronic result to download, once ready, for a dossier returned online. */
    result: result
      ? { fileName: result.fileName, size: result.size, url: `/api/v1/citizen/dossiers/${row.code}/result` }
      : null,
  };
}

/** The electronic result of one of the citizen's own dossiers, with its bytes, once they may download it. */
export async function findOwnResult(db: Db, code: string, owner: DossierOwner) {
  const row = await findByCode(db, code);
  if (!row || !isOwnedBy(row, owner) || !resultDownloadable(row)) return undefined;
  const info = await resultFileOf(db, row.id);
  const file = info && (await findFile(db, row.id, info.id));
  return file && { wardCode: row.wardCode, code: row.code, file };
}

/** Whether the dossier of this code is one of the citizen's own (see DossierOwner). */
export async function ownsDossier(db: Db, code: string, owner: DossierOwner): Promise<boolean> {
  const row = await findByCode(db, code);
  return row !== undefined && isOwnedBy(row, owner);
}

export interface DossierIntakeFacts {
  wardCode: string;
  code: string;
  /** 'counter' | 'online' | 'home' */
  channel: string;
  receivedAt: Date;
}

/** Where and when a dossier was taken in (a home visit links the dossier its officer took); undefined if unknown. */
export async function findDossierIntake(db: Db, code: string): Promise<DossierIntakeFacts | undefined> {
  const row = await findByCode(db, code);
  return row && { wardCode: row.wardCode, code: row.code, channel: row.channel, receivedAt: row.receivedAt };
}
