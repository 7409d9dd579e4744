import type { AuditContext } from '../../platform/audit/store';
import type { Principal } from '../../platform/auth/store';
import type { DueDate, OfficeHours, WorkingCalendar } from '../../platform/calendar/rules';
import { dueDateInWorkingDays, toLocalDate } from '../../platform/calendar/rules';
import type { Db } from '../../platform/db/connect';
import { AppError } from '../../platform/http/errors';
import type { Procedure } from '../procedures/catalogue';
import { computeFee, FeeError, type FeeInput } from '../procedures/rules';
import { recordCashPayment } from '../payments/api';
import type { ProcedureRecord } from '../procedures/api';
import { dossierCodePrefix } from './code';
import { intakeMessages } from './notices';
import {
  checkAction,
  checkSupplementRequest,
  returnChannelsFor,
  ROLES,
  sameDayDueDate,
  statusOf,
  type ReturnChannel,
  type Role,
  type SameDaySchedule,
  type StatusKey,
} from './rules';
import { listSameDaySchedules } from './same-day-store';
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
  /** The fee was paid in cash to the officer at intake: recorded with a receipt, at the scheduled amount. */
  payment?: { method: 'cash' };
  /** How the applicant registers to receive the result (Mẫu 01); absent: at the centre. */
  returnChannel?: ReturnChannel;
  /** Where a result sent by post goes, when not the applicant's address. */
  returnAddress?: string;
}

export interface IntakeContext {
  db: Db;
  staff: Principal & { wardCode: string };
  audit: AuditContext;
  procedure: ProcedureRecord;
  now: Date;
  hours: OfficeHours;
  calendar: WorkingCalendar;
  /** The site's address, for the tracking link in the applicant's message. */
  publicUrl?: string;
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

/**
 * Same-day procedures use their own cutoff; half days round up: the platform never promises early. On the ward's
 * "không hẹn, không chờ" day, a procedure it lists is due that day: its own commitment, shorter than the law's.
 */
function dueDate(
  procedure: Procedure,
  now: Date,
  hours: OfficeHours,
  calendar: WorkingCalendar,
  sameDay: { procedureCode: string; schedules: readonly SameDaySchedule[] },
): DueDate & { sameDay: boolean } {
  const limit = procedure.timeLimit;
  const statutory =
    limit.kind === 'same_day'
      ? dueDateInWorkingDays(now, 0, { ...hours, sameDayCutoff: limit.cutoff }, calendar)
      : dueDateInWorkingDays(now, Math.ceil(limit.days), hours, calendar);
  const committed = sameDayDueDate({ ...sameDay, receivedAt: now, hours, calendar, statutory });
  return committed ? { ...committed, sameDay: true } : { ...statutory, sameDay: false };
}

export function fee(procedure: Procedure, input: FeeInput | undefined, online: boolean) {
  try {
    return computeFee(procedure.fees, { ...input, online });
  } catch (error) {
    if (!(error instanceof FeeError)) throw error;
    // The amount is set by the city council and not yet recorded: nothing is charged rather than a guess.
    if (error.code === 'FEE_UNCONFIRMED') return { amount: 0, lines: [], basis: error.message };
    throw new AppError('FEE_INVALID', error.message, { fee: error.message });
  }
}

/** The registered return: online only for a fully online procedure, an address only for the post. */
export function returnOf(
  procedure: Pick<Procedure, 'onlineLevel'>,
  input: Pick<IntakeInput, 'returnChannel' | 'returnAddress'>,
) {
  const channel = input.returnChannel ?? 'counter';
  if (!returnChannelsFor(procedure).includes(channel)) {
    const message =
      'Thủ tục này không được giải quyết trực tuyến toàn trình: kết quả nhận tại Trung tâm hoặc qua bưu chính.';
    throw new AppError('RULE_VIOLATION', message, { returnChannel: message });
  }
  if (input.returnAddress && channel !== 'post') {
    const message = 'Chỉ ghi địa chỉ nhận kết quả khi đăng ký nhận qua bưu chính.';
    throw new AppError('VALIDATION_FAILED', message, { returnAddress: message });
  }
  return { returnChannel: channel, returnAddress: input.returnAddress ?? null };
}

/** Takes a dossier at the counter (or online, or at home): one of the three outcomes the law allows. */
export async function intakeDossier(ctx: IntakeContext, input: IntakeInput) {
  const { definition } = ctx.procedure;
  refuseForeignDocuments(definition, input.documentsReceived, 'documentsReceived');
  const registered = returnOf(definition, input);
  const action = OUTCOME_ACTION[input.outcome];
  let due: (DueDate & { sameDay: boolean }) | null = null;
  let charged = { amount: 0, lines: [] as { label: string; amount: number }[], basis: '' };
  let breach = false;

  if (input.outcome === 'receive') {
    const received = new Set(input.documentsReceived);
    const missing = requiredDocuments(definition).filter((d) => !received.has(d.id));
    if (missing.length > 0) {
      const message = `Hồ sơ còn thiếu: ${missing.map((d) => d.name).join('; ')}. Xin lập phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.`;
      throw new AppError('DOSSIER_INCOMPLETE', message, { documentsReceived: message });
    }
    const schedules = await listSameDaySchedules(ctx.db, ctx.staff.wardCode);
    due = dueDate(definition, ctx.now, ctx.hours, ctx.calendar, {
      procedureCode: ctx.procedure.code,
      schedules,
    });
    charged = fee(definition, input.fee, input.channel === 'online');
    if (input.payment && charged.amount === 0) {
      const message = 'Theo biểu phí của thủ tục, hồ sơ không phải nộp phí, lệ phí.';
      throw new AppError('RULE_VIOLATION', message, { payment: message });
    }
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

  if (input.payment && input.outcome !== 'receive') {
    const message = 'Chỉ thu phí, lệ phí khi tiếp nhận hồ sơ (Mẫu 01).';
    throw new AppError('RULE_VIOLATION', message, { payment: message });
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
  const codePrefix = dossierCodePrefix(ctx.staff.wardCode, day);
  // Counter dossiers: the applicant hears of each change by SMS to the phone given at intake.
  const contact = { notifyChannels: ['sms'], applicantEmail: null, applicantPhone: input.applicant.phone };
  const requested = definition.documents.filter((d) => input.missingDocuments?.includes(d.id));
  const messages = await intakeMessages(
    ctx.db,
    {
      ...contact,
      wardCode: ctx.staff.wardCode,
      procedureName: definition.name,
      dueDate: due?.dueDate ?? null,
      feeDue: null,
      channel: input.channel,
      returnChannel: registered.returnChannel,
    },
    codePrefix,
    {
      action,
      toStatus: status,
      note: input.reasons?.join('; ') ?? null,
      data: { requestedDocuments: requested.map((d) => d.name), reasons: input.reasons ?? [] },
    },
    ctx,
  );
  const intake: store.Intake = {
    codePrefix,
    day,
    messages,
    dossier: {
      wardCode: ctx.staff.wardCode,
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
      sameDay: due?.sameDay ?? false,
      citizenId: null,
      notifyChannels: contact.notifyChannels,
      applicantEmail: null,
      ...registered,
    },
    event: {
      wardCode: ctx.staff.wardCode,
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
    },
    audit: {
      context: ctx.audit,
      entry: {
        action: `dossier.${action}`,
        targetType: 'dossier',
        wardCode: ctx.staff.wardCode,
        summary: {
          procedureCode: ctx.procedure.code,
          status,
          channel: input.channel,
          dueDate: due?.dueDate ?? null,
          returnChannel: registered.returnChannel,
        },
      },
    },
  };
  if (!input.payment) {
    const dossier = await store.insertIntake(ctx.db, intake);
    return { dossier, fee: charged, dueDateBasis: due?.basis ?? null, payment: null };
  }
  // Paid in cash: the receipt is written with the dossier or not at all.
  const { dossier, payment } = await ctx.db.transaction(async (tx) => {
    const row = await store.insertIntake(tx, intake);
    const cash = {
      wardCode: row.wardCode,
      dossierCode: row.code,
      amount: charged.amount,
      officer: ctx.staff,
    };
    return { dossier: row, payment: await recordCashPayment({ ...ctx, db: tx }, cash) };
  });
  return { dossier, fee: charged, dueDateBasis: due?.basis ?? null, payment };
}
