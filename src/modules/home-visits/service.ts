/**
 * The commands of a home visit: filed by a citizen or a residential-group head, scheduled or cancelled by the
 * one-stop centre, and closed by linking the dossier its officer took at the home. Each one audited in its
 * transaction; the audit summaries hold no personal data.
 */
import { randomInt } from 'node:crypto';
import { recordAudit, type AuditContext } from '../../platform/audit/store';
import { toLocalDate, type OfficeHours, type WorkingCalendar } from '../../platform/calendar/rules';
import { enqueueMessage } from '../../platform/channels/store';
import { smsBody } from '../../platform/channels/templates';
import type { Db } from '../../platform/db/connect';
import { AppError } from '../../platform/http/errors';
import { listStaff } from '../../platform/wards/store';
import { findDossierIntake } from '../dossiers/api';
import { findProcedure } from '../procedures/api';
import {
  cancelledNotice,
  linkRefusal,
  MAX_OPEN_PER_REQUESTER,
  scheduledNotice,
  slotProblem,
  stepRefusal,
  type Reason,
  type Requester,
  type Slot,
  type Status,
  type Step,
} from './rules';
import * as store from './store';

export interface VisitContext {
  db: Db;
  audit: AuditContext;
  now: Date;
  wardCode: string;
}

export interface RequestInput {
  requesterKind: Requester;
  requesterName: string;
  contactPhone: string;
  person: { fullName: string; address: string; phone?: string };
  reason: Reason;
  procedureCode: string;
  preferredTimes: string;
  note?: string;
}

const NOT_FOUND = 'Không tìm thấy yêu cầu tiếp nhận tại nhà này.';
const CODE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const UNIQUE_VIOLATION = '23505';
const sqlState = (error: unknown) =>
  ((error as { cause?: { code?: unknown } }).cause ?? (error as { code?: unknown })).code;

function newCode(): string {
  return `TN-${Array.from({ length: 6 }, () => CODE_LETTERS[randomInt(CODE_LETTERS.length)]).join('')}`;
}

function refuse(field: string, message: string): never {
  throw new AppError('VALIDATION_FAILED', message, { [field]: message });
}

export async function fileRequest(
  ctx: VisitContext,
  input: RequestInput,
  by: { citizenId: string } | { staffId: string },
): Promise<store.HomeVisitRow> {
  const procedure = await findProcedure(ctx.db, ctx.wardCode, input.procedureCode);
  if (!procedure) refuse('procedureCode', 'Xin vui lòng chọn một thủ tục của phường.');
  if ('citizenId' in by && (await store.countOpenOf(ctx.db, by.citizenId)) >= MAX_OPEN_PER_REQUESTER) {
    throw new AppError(
      'RULE_VIOLATION',
      `Bạn đang có ${MAX_OPEN_PER_REQUESTER} yêu cầu chờ tiếp nhận. Xin vui lòng đợi Trung tâm liên hệ, hoặc gọi điện cho Trung tâm.`,
    );
  }
  return ctx.db.transaction(async (tx) => {
    const visit = await store.insertVisit(tx, {
      code: newCode(),
      wardCode: ctx.wardCode,
      status: 'requested',
      requesterKind: input.requesterKind,
      requesterName: input.requesterName,
      contactPhone: input.contactPhone,
      citizenId: 'citizenId' in by ? by.citizenId : null,
      requestedByStaffId: 'staffId' in by ? by.staffId : null,
      personName: input.person.fullName,
      personAddress: input.person.address,
      personPhone: input.person.phone ?? null,
      reason: input.reason,
      procedureCode: procedure.code,
      procedureName: procedure.definition.name,
      preferredTimes: input.preferredTimes,
      note: input.note ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await recordAudit(tx, ctx.audit, {
      action: 'home_visit.requested',
      targetType: 'home_visit',
      targetId: visit.code,
      wardCode: ctx.wardCode,
      summary: {
        requesterKind: visit.requesterKind,
        reason: visit.reason,
        procedureCode: visit.procedureCode,
      },
    });
    return visit;
  });
}

/** Runs a step on a locked request of the ward: refused unless its status allows the step. */
async function step<T>(
  ctx: VisitContext,
  id: string,
  name: Step,
  act: (tx: Db, visit: store.HomeVisitRow) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    const visit = await store.findVisit(tx, ctx.wardCode, id, true);
    if (!visit) throw new AppError('NOT_FOUND', NOT_FOUND);
    const refusal = stepRefusal(visit.status as Status, name);
    if (refusal) throw new AppError('INVALID_TRANSITION', refusal);
    return act(tx, visit);
  });
}

/** Schedules (or moves) the visit and tells the requester by SMS, in the same transaction (outbox). */
export async function scheduleVisit(
  ctx: VisitContext & { hours: OfficeHours; calendar: WorkingCalendar; wardName: string },
  id: string,
  appointment: Slot & { officerId: string },
) {
  const { officerId, ...slot } = appointment;
  const problem = slotProblem(slot, {
    today: toLocalDate(ctx.now),
    hours: ctx.hours,
    calendar: ctx.calendar,
  });
  if (problem) refuse(problem.field, problem.message);
  const officer = (await listStaff(ctx.db, ctx.wardCode)).find(
    (s) => s.id === officerId && s.role === 'counter_officer',
  );
  if (!officer) refuse('officerId', 'Xin chọn một công chức của Trung tâm Phục vụ hành chính công.');
  return step(ctx, id, 'schedule', async (tx, visit) => {
    const updated = await store.updateVisit(
      tx,
      visit.id,
      {
        status: 'scheduled',
        visitDay: slot.day,
        visitFrom: slot.from,
        visitTo: slot.to,
        officerId: officer.id,
        officerName: officer.fullName,
      },
      ctx.now,
    );
    await recordAudit(tx, ctx.audit, {
      action: visit.status === 'scheduled' ? 'home_visit.rescheduled' : 'home_visit.scheduled',
      targetType: 'home_visit',
      targetId: visit.code,
      wardCode: ctx.wardCode,
      summary: { ...slot, officerId: officer.id },
    });
    const notice = scheduledNotice(
      { code: visit.code, officerName: officer.fullName, ...slot },
      visit.status === 'scheduled',
    );
    await tellRequester(tx, ctx, visit, notice);
    return updated;
  });
}

/** An SMS to the phone the request gave (the person at home, a relative or the group head), after commit. */
async function tellRequester(
  tx: Db,
  ctx: VisitContext & { wardName: string },
  visit: { code: string; contactPhone: string },
  notice: { templateKey: string; subject: string; short: string },
) {
  await enqueueMessage(
    tx,
    {
      wardCode: ctx.wardCode,
      channel: 'sms',
      recipient: visit.contactPhone,
      templateKey: notice.templateKey,
      subject: notice.subject,
      body: smsBody({ wardName: ctx.wardName }, notice.short),
      reference: { type: 'home_visit', id: visit.code },
    },
    ctx.now,
  );
}

export function cancelVisit(ctx: VisitContext & { wardName: string }, id: string, reason: string) {
  return step(ctx, id, 'cancel', async (tx, visit) => {
    const updated = await store.updateVisit(
      tx,
      visit.id,
      { status: 'cancelled', cancelReason: reason },
      ctx.now,
    );
    await recordAudit(tx, ctx.audit, {
      action: 'home_visit.cancelled',
      targetType: 'home_visit',
      targetId: visit.code,
      wardCode: ctx.wardCode,
      summary: { fromStatus: visit.status, reason },
    });
    await tellRequester(tx, ctx, visit, cancelledNotice(visit, reason));
    return updated;
  });
}

/** The visit is done: the dossier its officer took at the home (intake with channel "home") is linked to it. */
export async function linkDossier(ctx: VisitContext, id: string, dossierCode: string) {
  const dossier = await findDossierIntake(ctx.db, dossierCode);
  if (!dossier || dossier.wardCode !== ctx.wardCode) refuse('dossierCode', 'Không tìm thấy hồ sơ có mã này.');
  try {
    return await step(ctx, id, 'link', async (tx, visit) => {
      const refusal = linkRefusal(dossier, visit);
      if (refusal) throw new AppError('RULE_VIOLATION', refusal, { dossierCode: refusal });
      const updated = await store.updateVisit(tx, visit.id, { status: 'done', dossierCode }, ctx.now);
      await recordAudit(tx, ctx.audit, {
        action: 'home_visit.dossier_taken',
        targetType: 'home_visit',
        targetId: visit.code,
        wardCode: ctx.wardCode,
        summary: { dossierCode },
      });
      return updated;
    });
  } catch (error) {
    if (sqlState(error) !== UNIQUE_VIOLATION) throw error;
    const message = 'Hồ sơ này đã được gắn với một yêu cầu tiếp nhận tại nhà khác.';
    throw new AppError('CONFLICT', message, { dossierCode: message });
  }
}
