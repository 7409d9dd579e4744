/** The steps of a complaint, each in the caller's transaction with its audit record (never the complainant's data). */
import { toLocalDate } from '../../platform/calendar/rules';
import { toSmsText } from '../../platform/channels/rules';
import { enqueueMessage } from '../../platform/channels/store';
import { formatVn } from '../../platform/documents/dates';
import { AppError } from '../../platform/http/errors';
import { asOfReceipt, audit, changed, wardOfficer, type StepContext } from './context';
import {
  appealWindow,
  complaintFiling,
  complaintResolution,
  complaintStepProblem,
  decisionProblem,
  decisionSending,
  missingContent,
  type ComplaintStep,
  type RefusalReason,
} from './rules';
import * as store from './store';
import type { ComplaintRow } from './store';

export interface NewComplaintInput {
  complainant: { fullName: string; address: string; phone?: string; idNumber?: string };
  channel: 'written' | 'in_person';
  complaintDate: string;
  subject: string;
  respondent: string;
  content: string;
  reasons: string;
  requests: string;
  evidence: string[];
  signed: boolean;
  knownOn: string;
  obstacleDays: number;
}

const WHAT = 'Khiếu nại';

export async function recordComplaint(ctx: StepContext, input: NewComplaintInput): Promise<ComplaintRow> {
  const { complainant: who } = input;
  const missing = missingContent({
    complainantName: who.fullName,
    complainantAddress: who.address,
    ...input,
    signed: true, // an unsigned complaint is recorded, and refused or signed before acceptance
  });
  if (missing.length > 0)
    throw new AppError('VALIDATION_FAILED', `Đơn khiếu nại còn thiếu: ${missing.join(', ')}.`);
  if (input.knownOn > toLocalDate(ctx.now)) {
    const message = 'Ngày biết được quyết định, hành vi bị khiếu nại không thể sau hôm nay.';
    throw new AppError('VALIDATION_FAILED', message, { knownOn: message });
  }
  const filing = complaintFiling(ctx.now, input.knownOn, input.obstacleDays, ctx.deadlines);
  const row = await store.insertComplaint(
    ctx.db,
    {
      wardCode: ctx.staff.wardCode,
      complainantName: who.fullName,
      complainantAddress: who.address,
      complainantPhone: who.phone ?? null,
      complainantIdNumber: who.idNumber ?? null,
      channel: input.channel,
      complaintDate: input.complaintDate,
      subject: input.subject,
      respondent: input.respondent,
      content: input.content,
      reasons: input.reasons,
      requests: input.requests,
      evidence: input.evidence,
      signed: input.signed,
      knownOn: input.knownOn,
      obstacleDays: input.obstacleDays,
      limitationDue: filing.limitation.dueDate,
      timely: filing.timely,
      receivedAt: ctx.now,
      receiptDay: filing.acceptance.receiptDay,
      acceptanceDue: filing.acceptance.dueDate,
      acceptanceBasis: filing.acceptance.basis,
      status: 'received',
      recordedBy: ctx.staff.id,
      recordedByName: ctx.staff.fullName,
      updatedAt: ctx.now,
    },
    `KN-${filing.acceptance.receiptDay.slice(0, 4)}`,
  );
  await audit(ctx, 'complaint', row.code, 'complaint.record', {
    channel: row.channel,
    timely: row.timely,
    limitationDue: row.limitationDue,
    acceptanceDue: row.acceptanceDue,
    acceptanceRuleFrom: filing.acceptance.rule.effectiveFrom,
  });
  return row;
}

export async function complaintOfWard(ctx: Pick<StepContext, 'db' | 'staff'>, code: string) {
  const row = await store.findComplaint(ctx.db, ctx.staff.wardCode, code);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy khiếu nại có số này.');
  return row;
}

function check(step: ComplaintStep, row: ComplaintRow) {
  const problem = complaintStepProblem(step, {
    status: row.status as never,
    timely: row.timely,
    signed: row.signed,
    dialogueHeld: row.dialogueAt !== null,
  });
  if (problem) throw new AppError('INVALID_TRANSITION', problem);
}

/** The chairman accepts (thụ lý), assigns the officer who verifies, and says whether the case is complex. */
export async function acceptComplaint(ctx: StepContext, code: string, handlerId: string, complex: boolean) {
  const row = await complaintOfWard(ctx, code);
  check('accept', row);
  const handler = await wardOfficer(ctx, handlerId, 'complaints.handle', 'handlerId');
  const due = complaintResolution(ctx.now, complex, asOfReceipt(ctx, row.receiptDay));
  const updated = changed(
    await store.updateComplaint(ctx.db, row.id, ['received'], {
      status: 'accepted',
      acceptedAt: ctx.now,
      complex,
      handlerId: handler.id,
      handlerName: handler.fullName,
      resolutionDue: due.dueDate,
      resolutionBasis: due.basis,
      updatedAt: ctx.now,
    }),
    WHAT,
  );
  await audit(ctx, 'complaint', code, 'complaint.accept', {
    handler: handler.fullName,
    complex,
    resolutionDue: due.dueDate,
    acceptedLate: toLocalDate(ctx.now) > row.acceptanceDue,
  });
  return updated;
}

export async function refuseComplaint(
  ctx: StepContext,
  code: string,
  reasons: RefusalReason[],
  note?: string,
) {
  const row = await complaintOfWard(ctx, code);
  check('refuse', row);
  const updated = changed(
    await store.updateComplaint(ctx.db, row.id, ['received'], {
      status: 'refused',
      refusedAt: ctx.now,
      refusalReasons: reasons,
      refusalNote: note ?? null,
      updatedAt: ctx.now,
    }),
    WHAT,
  );
  await audit(ctx, 'complaint', code, 'complaint.refuse', { reasons });
  return updated;
}

/** Only the assigned officer or a leader records the verification's dialogue. */
function mustHandle(ctx: StepContext, row: ComplaintRow) {
  if (ctx.staff.role !== 'ward_leader' && row.handlerId !== ctx.staff.id)
    throw new AppError('FORBIDDEN', `Khiếu nại này do ${row.handlerName ?? 'cán bộ khác'} xác minh.`);
}

export async function recordDialogue(
  ctx: StepContext,
  code: string,
  dialogue: { heldAt: Date; participants: string; minutes: string },
) {
  const row = await complaintOfWard(ctx, code);
  check('dialogue', row);
  mustHandle(ctx, row);
  const updated = changed(
    await store.updateComplaint(ctx.db, row.id, ['accepted'], {
      dialogueAt: dialogue.heldAt,
      dialogueParticipants: dialogue.participants,
      dialogueMinutes: dialogue.minutes,
      updatedAt: ctx.now,
    }),
    WHAT,
  );
  await audit(ctx, 'complaint', code, 'complaint.dialogue', { heldAt: dialogue.heldAt.toISOString() });
  return updated;
}

export async function decideComplaint(
  ctx: StepContext,
  code: string,
  decision: { number: string; summary: string; verificationDiffers: boolean },
) {
  const row = await complaintOfWard(ctx, code);
  check('decide', row);
  const problem = decisionProblem(decision.verificationDiffers, row.dialogueAt !== null);
  if (problem) throw new AppError('RULE_VIOLATION', problem);
  const send = decisionSending(ctx.now, asOfReceipt(ctx, row.receiptDay));
  const updated = changed(
    await store.updateComplaint(ctx.db, row.id, ['accepted'], {
      status: 'decided',
      decisionNumber: decision.number,
      decisionSummary: decision.summary,
      decidedAt: ctx.now,
      decidedByName: ctx.staff.fullName,
      sendDue: send.dueDate,
      updatedAt: ctx.now,
    }),
    WHAT,
  );
  await audit(ctx, 'complaint', code, 'complaint.decide', {
    decisionNumber: decision.number,
    sendDue: send.dueDate,
    decidedLate: row.resolutionDue !== null && toLocalDate(ctx.now) > row.resolutionDue,
  });
  return updated;
}

/** The decision is sent; the complainant who left a phone hears of it by SMS (outbox, after the commit). */
export async function markDecisionSent(ctx: StepContext, code: string) {
  const row = await complaintOfWard(ctx, code);
  check('send', row);
  const updated = changed(
    await store.updateComplaint(ctx.db, row.id, ['decided'], {
      status: 'sent',
      sentAt: ctx.now,
      updatedAt: ctx.now,
    }),
    WHAT,
  );
  const appeal = appealWindow(
    { sentAt: ctx.now, resolutionDue: row.resolutionDue },
    toLocalDate(ctx.now),
    asOfReceipt(ctx, row.receiptDay),
  );
  if (row.complainantPhone)
    await enqueueMessage(
      ctx.db,
      {
        channel: 'sms',
        recipient: row.complainantPhone,
        subject: null,
        body: toSmsText(
          `UBND phường đã gửi quyết định giải quyết khiếu nại ${row.code} (số ${row.decisionNumber ?? ''}) cho Ông/Bà. ` +
            (appeal
              ? `Nếu không đồng ý, Ông/Bà có thể khiếu nại lần hai hoặc khởi kiện đến hết ngày ${formatVn(appeal.dueDate)}.`
              : ''),
        ),
        wardCode: row.wardCode,
        templateKey: 'complaint.decision_sent',
        reference: { type: 'complaint', id: row.code },
      },
      ctx.now,
    );
  await audit(ctx, 'complaint', code, 'complaint.send', { appealDue: appeal?.dueDate ?? null });
  return updated;
}
