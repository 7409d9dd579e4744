/**
 * The dossier lifecycle after intake (Nghị định 118/2025/NĐ-CP, cơ chế một cửa): hand-overs, supplements, fees,
 * approval, result, return, withdrawal, stop, and the one apology. One generic executor driven by the ACTIONS
 * table of ./workflow and the steps of ./action-steps: each step is re-checked with checkAction, then updates the
 * dossier, writes its row of the control sheet (dossier_events) and an audit record, in the caller's transaction.
 */
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/store';
import { ROLE_LABELS } from '../../platform/auth/roles';
import { toLocalDate } from '../../platform/calendar/rules';
import type { Db } from '../../platform/db/connect';
import { AppError } from '../../platform/http/errors';
import {
  ACTION_INPUTS,
  lastEvent,
  REASON,
  STEPS,
  type ActionContext,
  type Changes,
  type Event,
  type Inputs,
  type LifecycleAction,
  type Step,
} from './action-steps';
import { notifyApplicant } from './notices';
import * as rules from './rules';
import { dossierPayments, dossiers } from './schema';
import * as store from './store';

export { ACTION_INPUTS, PAYMENT_METHODS } from './action-steps';
export type { ActionContext, LifecycleAction } from './action-steps';

export const LIFECYCLE_ACTIONS = Object.keys(ACTION_INPUTS) as [LifecycleAction, ...LifecycleAction[]];
export const APOLOGY_INPUT = z.strictObject({
  reason: REASON,
  newDate: z.iso.date('Ngày có dạng YYYY-MM-DD'),
});

const ONE_STOP_UNIT = 'Trung tâm Phục vụ hành chính công';
const NOT_FOUND = 'Không tìm thấy hồ sơ có mã này.';
type Dossier = store.DossierRow;
type NewEvent = Omit<store.NewDossierEvent, 'wardCode' | 'dossierId' | 'at' | 'actorId' | 'actorName'>;

/** A body checked by the action's own schema; the answer lists the fields as the route validation does. */
export function parseInput<K extends LifecycleAction>(action: K, body: unknown): Inputs[K] {
  const parsed = ACTION_INPUTS[action].safeParse(body ?? {});
  if (parsed.success) return parsed.data as Inputs[K];
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const name = issue.path.map(String).join('.') || 'body';
    fields[name] ??= `Trường “${name}”: ${issue.message}.`;
  }
  const message = `Thông tin chưa hợp lệ ở trường: ${Object.keys(fields).join(', ')}.`;
  throw new AppError('VALIDATION_FAILED', message, fields);
}

/** The dossier, locked until the transaction ends; 404 when it does not exist or belongs to another ward. */
async function lockDossier(ctx: ActionContext, code: string): Promise<Dossier> {
  const [row] = await ctx.db.select().from(dossiers).where(eq(dossiers.code, code)).for('update');
  if (!row || row.wardCode !== ctx.staff.wardCode) throw new AppError('NOT_FOUND', NOT_FOUND);
  return row;
}

/** checkAction, its refusals in the API's taxonomy: 409 for the transition, 403 for the role, 400 for fields. */
function check(
  ctx: ActionContext,
  status: rules.StatusKey,
  action: LifecycleAction,
  fields: Record<string, unknown>,
) {
  const staffRole = ctx.staff.role;
  if (!(rules.ROLES as readonly string[]).includes(staffRole)) throw new AppError('FORBIDDEN');
  const role = staffRole as rules.Role;
  try {
    return rules.checkAction({ status, action, role, fields });
  } catch (error) {
    if (!(error instanceof rules.WorkflowError)) throw error;
    if (error.code === 'INVALID_TRANSITION') throw new AppError('INVALID_TRANSITION', error.message);
    if (error.code === 'ROLE_NOT_ALLOWED') {
      const message = `${ROLE_LABELS[role]} không được thực hiện "${rules.ACTIONS[action].label}".`;
      throw new AppError('FORBIDDEN', message);
    }
    throw new AppError('VALIDATION_FAILED', error.message);
  }
}

/**
 * Column "Kết quả giải quyết" of the control sheet for the step this event closes: against the working days the
 * last hand-over allotted to it when it did, else against the dossier's due date.
 */
function stepTiming(ctx: ActionContext, dossier: Dossier, previous: Event | undefined): rules.Timing | null {
  const finishedOn = toLocalDate(ctx.now);
  const allotted = previous?.data.stepWorkingDays;
  if (previous && typeof allotted === 'number') {
    const startedOn = toLocalDate(previous.at);
    return rules.classifyStep({
      startedOn,
      finishedOn,
      allottedWorkingDays: allotted,
      calendar: ctx.calendar,
    }).timing;
  }
  return dossier.dueDate ? rules.classifyTiming(dossier.dueDate, finishedOn) : null;
}

/**
 * Updates the dossier, writes the event, the audit record and the applicant's message (the caller's transaction
 * holds them together; the caller pokes the delivery after the commit).
 */
async function record(ctx: ActionContext, dossier: Dossier, changes: Changes, event: NewEvent) {
  const [updated] = await ctx.db
    .update(dossiers)
    .set({ ...changes, updatedAt: ctx.now })
    .where(eq(dossiers.id, dossier.id))
    .returning();
  if (!updated) throw new Error('dossier not updated');
  const row = { ...event, wardCode: dossier.wardCode, dossierId: dossier.id, at: ctx.now };
  await store.insertEvent(ctx.db, { ...row, actorId: ctx.staff.id, actorName: ctx.staff.fullName });
  const { fromStatus: from, toStatus: to, timing = null, note = null } = event;
  await recordAudit(ctx.db, ctx.audit, {
    action: `dossier.${event.action}`,
    targetType: 'dossier',
    targetId: dossier.code,
    wardCode: dossier.wardCode,
    summary: { from, to, timing, note, dueDate: updated.dueDate },
  });
  await notifyApplicant(ctx.db, updated, event, ctx);
  return { dossier: updated, event: row };
}

/** One step of the lifecycle, all of it or nothing: call it inside a transaction. */
export async function performAction<K extends LifecycleAction>(
  ctx: ActionContext,
  code: string,
  action: K,
  input: Inputs[K],
) {
  const dossier = await lockDossier(ctx, code);
  const step = STEPS[action] as Step<K>;
  const from = dossier.status as rules.StatusKey;
  const fields = step.fields ? await step.fields(ctx, dossier, input) : input;
  const to = check(ctx, from, action, fields);
  const effect = await step.apply(ctx, dossier, input);
  const previous = await lastEvent(ctx.db, dossier.id);
  const paused = rules.statusOf(from).clock === 'paused';
  const timing = effect.untimed || paused ? null : stepTiming(ctx, dossier, previous);
  const fromUnit = previous?.toUnit ?? ONE_STOP_UNIT;
  const changes = { ...effect.changes, status: to, statusCode: rules.statusOf(to).code };
  return record(ctx, dossier, changes, {
    action,
    fromStatus: from,
    toStatus: to,
    fromUnit,
    toUnit: effect.toUnit ?? fromUnit,
    timing: timing && rules.TIMING_LABELS[timing],
    note: effect.note ?? null,
    data: { ...effect.data, timing, basis: effect.data?.basis ?? rules.ACTIONS[action].basis },
  });
}

export type ApologyOutcome =
  | { kind: 'apology'; dossier: Dossier; form: { formNo: number; name: string }; basis: string[] }
  | { kind: 'refused'; message: string; escalated: boolean };

/**
 * The written apology with one new date (Mẫu 04), signed by the unit head: at most one per dossier. A second one
 * is refused and the dossier is reported to the chairman (late_twice_at, an event, an audit record, once); the
 * caller commits that before answering 422.
 */
export async function apologise(
  ctx: ActionContext,
  code: string,
  input: z.infer<typeof APOLOGY_INPUT>,
): Promise<ApologyOutcome> {
  const dossier = await lockDossier(ctx, code);
  const status = rules.statusOf(dossier.status as rules.StatusKey);
  if (status.clock !== 'running' || !dossier.dueDate) {
    const message = `Không thể xin lỗi, hẹn lại khi hồ sơ ở trạng thái "${status.label}".`;
    throw new AppError('INVALID_TRANSITION', message);
  }
  const result = rules.checkApology({
    dueDate: dossier.dueDate,
    today: toLocalDate(ctx.now),
    newDate: input.newDate,
    previousApologies: dossier.apologies,
    receivedOn: dossier.receiptDay,
    calendar: ctx.calendar,
  });
  const base = { fromStatus: status.key, toStatus: status.key, fromUnit: null, toUnit: null, timing: null };
  const { reason, newDate } = input;
  if (result.escalate) {
    const message = result.errors.find((e) => e.code === 'LATE_TWICE')?.message ?? '';
    if (dossier.lateTwiceAt) return { kind: 'refused', message, escalated: false };
    const data = { dueDate: dossier.dueDate, requestedNewDate: newDate, reason, basis: result.basis };
    await record(
      ctx,
      dossier,
      { lateTwiceAt: ctx.now },
      { ...base, action: 'late_twice', note: reason, data },
    );
    return { kind: 'refused', message, escalated: true };
  }
  if (!result.ok) {
    const message = result.errors.map((e) => e.message).join('. ');
    throw new AppError('RULE_VIOLATION', message, { newDate: message });
  }
  const form = { formNo: result.form.formNo, name: rules.formNameOn(result.form.formNo, dossier.receiptDay) };
  const { dossier: updated } = await record(
    ctx,
    dossier,
    { dueDate: newDate, apologies: dossier.apologies + 1 },
    {
      ...base,
      action: 'apology',
      note: reason,
      data: {
        oldDueDate: dossier.dueDate,
        newDueDate: newDate,
        reason,
        latestIssueDay: result.latestIssueDay,
        form: { ...form, basis: result.form.basis },
        basis: result.basis,
      },
    },
  );
  return { kind: 'apology', dossier: updated, form, basis: result.basis };
}

/** Fee receipts of a dossier of the staff member's ward (404 otherwise), oldest first. */
export async function listPayments(db: Db, wardCode: string, code: string) {
  const dossier = await store.findByCode(db, code);
  if (!dossier || dossier.wardCode !== wardCode) throw new AppError('NOT_FOUND', NOT_FOUND);
  const rows = await db
    .select()
    .from(dossierPayments)
    .where(eq(dossierPayments.dossierId, dossier.id))
    .orderBy(asc(dossierPayments.paidAt), asc(dossierPayments.receiptNumber));
  return { dossier, rows };
}
