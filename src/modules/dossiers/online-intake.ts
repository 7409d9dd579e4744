/**
 * A dossier filed on the portal: it waits as "Mới đăng ký" (national status 1) until the counter officer accepts
 * it (Mẫu 01, the clock starts then), asks once for a supplement or refuses it, as at the counter. A filing made
 * outside office hours counts as received on the next working day (Nghị định 118/2025/NĐ-CP).
 */
import type { AuditContext } from '../../platform/audit/store';
import type { OfficeHours, WorkingCalendar } from '../../platform/calendar/rules';
import { dueDateInWorkingDays, toLocalDate } from '../../platform/calendar/rules';
import type { NotifyChoice } from '../../platform/channels/choice';
import type { Db } from '../../platform/db/connect';
import type { ProcedureRecord } from '../procedures/api';
import type { FeeInput } from '../procedures/rules';
import { dossierCodePrefix } from './code';
import { fee } from './intake';
import { intakeMessages } from './notices';
import { statusOf, type ReturnChannel } from './rules';
import { dossierFiles } from './schema';
import * as store from './store';

export interface OnlineFiling {
  procedure: ProcedureRecord;
  citizenId: string;
  applicant: { fullName: string; idNumber: string; phone: string; address: string };
  notify: NotifyChoice;
  /** How the applicant registered to receive the result (Mẫu 01). */
  returnChannel: ReturnChannel;
  files: {
    documentId: string;
    fileName: string;
    mediaType: string;
    size: number;
    sha256: string;
    content: Buffer;
  }[];
  /** The counts the fee is computed from; undefined when the officer has to choose the item later. */
  fee: FeeInput | undefined;
}

export interface OnlineFilingContext {
  /** The caller's transaction. */
  db: Db;
  wardCode: string;
  audit: AuditContext;
  now: Date;
  hours: OfficeHours;
  calendar: WorkingCalendar;
  publicUrl?: string;
}

const PORTAL = 'Cổng dịch vụ công trực tuyến';
const ACTION = 'submit_online';

/** Files the dossier, its papers and the applicant's acknowledgement; call it inside a transaction. */
export async function fileOnline(ctx: OnlineFilingContext, filing: OnlineFiling) {
  const { definition } = filing.procedure;
  const charged = filing.fee ? fee(definition, filing.fee, true) : { amount: 0, lines: [], basis: '' };
  const received = dueDateInWorkingDays(ctx.now, 0, ctx.hours, ctx.calendar);
  const documents = [...new Set(filing.files.map((f) => f.documentId))];
  const day = toLocalDate(ctx.now);
  const codePrefix = dossierCodePrefix(ctx.wardCode, day);
  const contact = {
    notifyChannels: filing.notify.channels,
    applicantEmail: filing.notify.email ?? null,
    applicantPhone: filing.applicant.phone,
    returnChannel: filing.returnChannel,
  };
  const event = { action: ACTION, toStatus: 'submitted', note: null, data: {} };
  const messages = await intakeMessages(
    ctx.db,
    {
      ...contact,
      wardCode: ctx.wardCode,
      procedureName: definition.name,
      dueDate: null,
      feeDue: null,
      channel: 'online',
    },
    codePrefix,
    event,
    ctx,
  );
  const dossier = await store.insertIntake(ctx.db, {
    codePrefix,
    day,
    messages,
    dossier: {
      ...contact,
      wardCode: ctx.wardCode,
      procedureCode: filing.procedure.code,
      procedureVersion: filing.procedure.version,
      procedureName: definition.name,
      statusCode: statusOf('submitted').code,
      status: 'submitted',
      channel: 'online',
      applicantName: filing.applicant.fullName,
      applicantIdNumber: filing.applicant.idNumber,
      applicantAddress: filing.applicant.address,
      documentsReceived: documents,
      receivedAt: ctx.now,
      receiptDay: received.receiptDay,
      originalDueDate: null,
      dueDate: null,
      pausedAt: null,
      receivedBy: null,
      receivedByName: PORTAL,
      feeAmount: charged.amount,
      supplementRequests: 0,
      supplementBreaches: 0,
      citizenId: filing.citizenId,
      // By post: to the address the citizen gave.
      returnAddress: null,
      // A same-day promise is made when the officer accepts it, not at filing.
      sameDay: false,
    },
    event: {
      ...event,
      wardCode: ctx.wardCode,
      fromStatus: null,
      at: ctx.now,
      actorId: null,
      actorName: filing.applicant.fullName,
      toUnit: PORTAL,
      data: {
        documentsReceived: documents,
        files: filing.files.length,
        fee: charged,
        receiptBasis: received.basis,
      },
    },
    audit: {
      context: ctx.audit,
      entry: {
        action: `dossier.${ACTION}`,
        targetType: 'dossier',
        wardCode: ctx.wardCode,
        summary: {
          procedureCode: filing.procedure.code,
          status: 'submitted',
          channel: 'online',
          files: filing.files.length,
        },
      },
    },
  });
  if (filing.files.length > 0) {
    await ctx.db.insert(dossierFiles).values(
      filing.files.map((f) => ({
        wardCode: ctx.wardCode,
        dossierId: dossier.id,
        kind: 'submitted',
        documentId: f.documentId,
        fileName: f.fileName,
        mediaType: f.mediaType,
        size: f.size,
        sha256: f.sha256,
        content: f.content,
        createdAt: ctx.now,
      })),
    );
  }
  return { dossier, fee: charged };
}
