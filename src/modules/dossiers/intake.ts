import type { AuditContext } from '../../platform/audit/store';
import { recordAudit } from '../../platform/audit/store';
import type { Principal } from '../../platform/auth/store';
import type { DueDate, OfficeHours, WorkingCalendar } from '../../platform/calendar/rules';
import { dueDateInWorkingDays, toLocalDate } from '../../platform/calendar/rules';
import type { Db } from '../../platform/db/connect';
import { AppError } from '../../platform/http/errors';
import type { Procedure } from '../procedures/catalogue';
import { computeFee, FeeError, type FeeInput } from '../procedures/rules';
import type { ProcedureRecord } from '../procedures/api';
import {
  checkAction,
  checkSupplementRequest,
  dossierCode,
  ROLES,
  statusOf,
  type Role,
  type StatusKey,
} from './rules';
import * as store from './store';

export interface IntakeInput {
  procedureCode: string;
  applicant: { fullName: string; idNumber: string; phone: string; address: string };
  documentsReceived: string[];
  channel: 'counter' | 'online' | 'home';
  /** What the counter hands back: the receipt (Mẫu 01), the supplement notice (Mẫu 02) or the refusal (Mẫu 03). */
  outcome: 'receive' | 'request_supplement' | 'refuse';
  missingDocuments?: string[];
  reasons?: string[];
  fee?: FeeInput;
}

export interface IntakeContext {
  db: Db;
  staff: Principal & { wardCode: string };
  audit: AuditContext;
  procedure: ProcedureRecord;
  now: Date;
  hours: OfficeHours;
  calendar: WorkingCalendar;
}

const OUTCOME_ACTION = {
  receive: 'receive',
  request_supplement: 'request_supplement',
  refuse: 'refuse',
} as const;

/** Papers every applicant hands in: not conditional, not only shown at the counter. */
function requiredDocuments(procedure: Procedure) {
  return procedure.documents.filter((d) => !d.condition && !d.presentOnly);
}

function refuseForeignDocuments(procedure: Procedure, ids: readonly string[], field: string) {
  const known = new Set(procedure.documents.map((d) => d.id));
  const foreign = ids.filter((id) => !known.has(id));
  if (foreign.length > 0) {
    const message = `Giấy tờ không có trong thành phần hồ sơ của thủ tục: ${foreign.join(', ')}.`;
    throw new AppError('DOCUMENT_NOT_IN_PROCEDURE', message, { [field]: message });
  }
}

/** Same-day procedures use their own cutoff; half days round up: the platform never promises early. */
function dueDate(procedure: Procedure, now: Date, hours: OfficeHours, calendar: WorkingCalendar): DueDate {
  const limit = procedure.timeLimit;
  if (limit.kind === 'same_day')
    return dueDateInWorkingDays(now, 0, { ...hours, sameDayCutoff: limit.cutoff }, calendar);
  return dueDateInWorkingDays(now, Math.ceil(limit.days), hours, calendar);
}

function fee(procedure: Procedure, input: FeeInput | undefined, online: boolean) {
  try {
    return computeFee(procedure.fees, { ...input, online });
  } catch (error) {
    if (!(error instanceof FeeError)) throw error;
    // The amount is set by the city council and not yet recorded: nothing is charged rather than a guess.
    if (error.code === 'FEE_UNCONFIRMED') return { amount: 0, lines: [], basis: error.message };
    throw new AppError('FEE_INVALID', error.message, { fee: error.message });
  }
}

/** Takes a dossier at the counter (or online, or at home): one of the three outcomes the law allows. */
export async function intakeDossier(ctx: IntakeContext, input: IntakeInput) {
  const { definition } = ctx.procedure;
  refuseForeignDocuments(definition, input.documentsReceived, 'documentsReceived');
  const action = OUTCOME_ACTION[input.outcome];
  let due: DueDate | null = null;
  let charged = { amount: 0, lines: [] as { label: string; amount: number }[], basis: '' };
  let breach = false;

  if (input.outcome === 'receive') {
    const received = new Set(input.documentsReceived);
    const missing = requiredDocuments(definition).filter((d) => !received.has(d.id));
    if (missing.length > 0) {
      const message = `Hồ sơ còn thiếu: ${missing.map((d) => d.name).join('; ')}. Xin lập phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.`;
      throw new AppError('DOSSIER_INCOMPLETE', message, { documentsReceived: message });
    }
    due = dueDate(definition, ctx.now, ctx.hours, ctx.calendar);
    charged = fee(definition, input.fee, input.channel === 'online');
  } else if (input.outcome === 'request_supplement') {
    const check = checkSupplementRequest({
      procedureDocumentIds: definition.documents.map((d) => d.id),
      requestedDocumentIds: input.missingDocuments ?? [],
      previousSupplementRequests: 0,
      headApproval: false,
    });
    if (!check.ok) {
      const message = check.errors.map((e) => e.message).join(' ');
      const code = check.errors.some((e) => e.code === 'OUTSIDE_PROCEDURE')
        ? 'DOCUMENT_NOT_IN_PROCEDURE'
        : 'RULE_VIOLATION';
      throw new AppError(code, message, { missingDocuments: message });
    }
    breach = check.breach;
  }

  const fields = {
    procedureCode: input.procedureCode,
    applicantName: input.applicant.fullName,
    receivedDocumentIds: input.documentsReceived,
    dueDate: due?.dueDate,
    requestedDocumentIds: input.missingDocuments,
    reason: input.reasons?.join('; '),
    reasons: input.reasons,
  };
  const role = ctx.staff.role;
  if (!(ROLES as readonly string[]).includes(role)) throw new AppError('FORBIDDEN');
  let status: StatusKey;
  try {
    status = checkAction({ status: 'submitted', action, role: role as Role, fields });
  } catch (error) {
    throw new AppError('RULE_VIOLATION', (error as Error).message);
  }

  const day = toLocalDate(ctx.now);
  const sequence = await store.nextSequence(ctx.db, ctx.staff.wardCode, day);
  const code = dossierCode(ctx.staff.wardCode, day, sequence);
  const dossier = await store.insertDossier(ctx.db, {
    wardCode: ctx.staff.wardCode,
    code,
    procedureCode: ctx.procedure.code,
    procedureVersion: ctx.procedure.version,
    procedureName: definition.name,
    statusCode: statusOf(status).code,
    status,
    channel: input.channel,
    applicantName: input.applicant.fullName,
    applicantIdNumber: input.applicant.idNumber,
    applicantPhone: input.applicant.phone,
    applicantAddress: input.applicant.address,
    documentsReceived: input.documentsReceived,
    receivedAt: ctx.now,
    receiptDay: due?.receiptDay ?? day,
    originalDueDate: due?.dueDate ?? null,
    dueDate: due?.dueDate ?? null,
    pausedAt: status === 'supplement_requested' ? ctx.now : null,
    receivedBy: ctx.staff.id,
    receivedByName: ctx.staff.fullName,
    feeAmount: charged.amount,
    supplementRequests: status === 'supplement_requested' ? 1 : 0,
    supplementBreaches: breach ? 1 : 0,
  });
  await store.insertEvent(ctx.db, {
    wardCode: dossier.wardCode,
    dossierId: dossier.id,
    action,
    fromStatus: null,
    toStatus: status,
    at: ctx.now,
    actorId: ctx.staff.id,
    actorName: ctx.staff.fullName,
    toUnit: 'Trung tâm Phục vụ hành chính công',
    note: input.reasons?.join('; ') ?? null,
    data: {
      documentsReceived: input.documentsReceived,
      missingDocuments: input.missingDocuments ?? [],
      fee: charged,
      dueDateBasis: due?.basis ?? null,
    },
  });
  await recordAudit(ctx.db, ctx.audit, {
    action: `dossier.${action}`,
    targetType: 'dossier',
    targetId: code,
    wardCode: dossier.wardCode,
    summary: {
      procedureCode: dossier.procedureCode,
      status,
      channel: input.channel,
      dueDate: dossier.dueDate,
    },
  });
  return { dossier, fee: charged, dueDateBasis: due?.basis ?? null };
}
