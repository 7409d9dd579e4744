/**
 * The steps of the dossier lifecycle after intake, one per action of the ACTIONS table (./workflow): the body each
 * takes, the fields checkAction checks, and what each changes. The executor (./actions) runs them.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AuditContext } from '../../platform/audit/store';
import { staffAccounts } from '../../platform/auth/schema';
import type { Principal } from '../../platform/auth/store';
import type { OfficeHours, WorkingCalendar } from '../../platform/calendar/rules';
import { dueDateInWorkingDays, toLocalDate } from '../../platform/calendar/rules';
import type { Db } from '../../platform/db/connect';
import { AppError } from '../../platform/http/errors';
import { orgUnits } from '../../platform/wards/schema';
import { findProcedureVersion } from '../procedures/api';
import type { Procedure } from '../procedures/catalogue';
import { computeFee, FeeError, type FeeInput } from '../procedures/rules';
import { onlineReturnFile, readyResultFile } from './result-file';
import * as rules from './rules';
import { dossierEvents, dossierPayments, dossiers } from './schema';
import type { DossierRow } from './store';

const DOCUMENT_ID = z.string().regex(/^[a-z0-9-]{1,80}$/, 'Mã giấy tờ gồm chữ thường không dấu, số và dấu -');
const note = z.string().trim().min(1).max(1000).optional();
export const REASON = z.string().trim().min(3, 'Xin vui lòng ghi rõ lý do.').max(1000);
const documentIds = z.array(DOCUMENT_ID).min(1, 'Xin vui lòng chọn giấy tờ.').max(50);
const count = (max: number) => z.number().int().min(1).max(max).optional();
const METHODS = ['cash', 'bank_transfer', 'card', 'online'] as const;

export const PAYMENT_METHODS: Record<(typeof METHODS)[number], string> = {
  cash: 'Tiền mặt',
  bank_transfer: 'Chuyển khoản',
  card: 'Thẻ ngân hàng',
  online: 'Thanh toán trực tuyến',
};

/** Bodies of the actions. A fee names counts only; unknown fields reach computeFee, which refuses them (422). */
export const ACTION_INPUTS = {
  /** Completes a dossier whose Mẫu 02 was issued at intake: the clock starts (Mẫu 01). */
  receive: z.strictObject({ receivedDocumentIds: documentIds, note }),
  hand_over: z.strictObject({
    toUnit: z.uuid(),
    /** Absent: the receiving unit's head. */
    toOfficerId: z.uuid().optional(),
    note,
    /** Working days the receiving unit has for its step (0 = same day); absent: the dossier's due date. */
    stepWorkingDays: z.number().int().min(0).max(60).optional(),
  }),
  request_supplement: z.strictObject({
    requestedDocumentIds: documentIds,
    reason: REASON,
    headApproval: z.strictObject({ approverId: z.uuid() }).optional(),
  }),
  supplement_received: z.strictObject({ receivedDocumentIds: documentIds, note }),
  request_payment: z.strictObject({
    fee: z
      .object({
        item: z.string().max(80).optional(),
        pages: count(10_000),
        copies: count(1000),
        quantity: count(1000),
        exemption: z.string().max(80).optional(),
      })
      .catchall(z.unknown()),
  }),
  payment_received: z.strictObject({
    receiptNumber: z.string().trim().min(1, 'Xin vui lòng nhập số biên lai.').max(50),
    method: z.enum(METHODS),
    note,
  }),
  approve: z.strictObject({ outcome: z.enum(['granted', 'denied']), note }),
  mark_result_ready: z.strictObject({ resultDocument: z.string().trim().min(3).max(300), note }),
  return_result: z.strictObject({ channel: z.enum(rules.RETURN_CHANNELS), note }),
  withdraw: z.strictObject({ reason: REASON }),
  stop: z.strictObject({ reason: REASON }),
  /** Refuses a dossier submitted online, as at the counter (Mẫu 03). */
  refuse: z.strictObject({ reasons: z.array(REASON).min(1, 'Xin vui lòng ghi rõ lý do.').max(10) }),
} as const;

export type LifecycleAction = keyof typeof ACTION_INPUTS;
export type Inputs = { [K in LifecycleAction]: z.infer<(typeof ACTION_INPUTS)[K]> };

export interface ActionContext {
  /** The transaction the whole step runs in. */
  db: Db;
  staff: Principal & { wardCode: string };
  audit: AuditContext;
  now: Date;
  hours: OfficeHours;
  calendar: WorkingCalendar;
  /** The site's address, for the tracking link in the applicant's messages. */
  publicUrl?: string;
}

export type Event = typeof dossierEvents.$inferSelect;
export type Changes = Partial<typeof dossiers.$inferInsert>;
export interface Effect {
  changes?: Changes;
  toUnit?: string;
  note?: string | null;
  data?: Record<string, unknown>;
  /** No timing for the step: the time was the citizen's, not the ward's. */
  untimed?: boolean;
}
export interface Step<K extends LifecycleAction> {
  /** The fields checkAction checks; by default the body itself (its names are those of the ACTIONS table). */
  fields?(ctx: ActionContext, dossier: DossierRow, input: Inputs[K]): Promise<Record<string, unknown>>;
  apply(ctx: ActionContext, dossier: DossierRow, input: Inputs[K]): Promise<Effect>;
}

export async function lastEvent(db: Db, dossierId: string, action?: string): Promise<Event | undefined> {
  const [row] = await db
    .select()
    .from(dossierEvents)
    .where(and(eq(dossierEvents.dossierId, dossierId), action ? eq(dossierEvents.action, action) : undefined))
    .orderBy(desc(dossierEvents.id))
    .limit(1);
  return row;
}

/** The procedure as it stood on the receipt date: a later edit of the catalogue does not change the rules. */
async function procedureOf(ctx: ActionContext, dossier: DossierRow): Promise<Procedure> {
  const record = await findProcedureVersion(
    ctx.db,
    dossier.wardCode,
    dossier.procedureCode,
    dossier.procedureVersion,
  );
  if (!record)
    throw new AppError('RULE_VIOLATION', 'Không tìm thấy phiên bản thủ tục mà hồ sơ được tiếp nhận theo.');
  return record.definition;
}

function refuseForeignDocuments(procedure: Procedure, ids: readonly string[]): void {
  const known = new Set(procedure.documents.map((d) => d.id));
  const foreign = ids.filter((id) => !known.has(id));
  if (foreign.length === 0) return;
  const message = `Giấy tờ không có trong thành phần hồ sơ của thủ tục: ${foreign.join(', ')}.`;
  throw new AppError('DOCUMENT_NOT_IN_PROCEDURE', message, { receivedDocumentIds: message });
}

/** Statutory limit in whole working days (half days round up, as at intake) and the office hours it runs on. */
function limitOf(procedure: Procedure, hours: OfficeHours): { workingDays: number; hours: OfficeHours } {
  const limit = procedure.timeLimit;
  if (limit.kind === 'same_day') return { workingDays: 0, hours: { ...hours, sameDayCutoff: limit.cutoff } };
  return { workingDays: Math.ceil(limit.days), hours };
}

/** An active account of the staff member's ward. */
async function wardAccount(ctx: ActionContext, id: string) {
  const [row] = await ctx.db.select().from(staffAccounts).where(eq(staffAccounts.id, id));
  return row && row.active && row.wardCode === ctx.staff.wardCode ? row : undefined;
}

/** The head of a unit of the ward: its department head, else a ward leader working in it. */
async function unitHead(ctx: ActionContext, unitId: string): Promise<string | undefined> {
  const rows = await ctx.db
    .select({ id: staffAccounts.id, role: staffAccounts.role })
    .from(staffAccounts)
    .where(and(eq(staffAccounts.orgUnitId, unitId), eq(staffAccounts.active, true)))
    .orderBy(asc(staffAccounts.createdAt));
  return (rows.find((r) => r.role === 'department_head') ?? rows.find((r) => r.role === 'ward_leader'))?.id;
}

/** Where the clock runs from: the last supplement received restarted it with the days left then. */
async function clockSegment(ctx: ActionContext, dossier: DossierRow, procedure: Procedure) {
  const resumed = await lastEvent(ctx.db, dossier.id, 'supplement_received');
  const data = resumed?.data as { clockStartedAt?: string; clockWorkingDays?: number } | undefined;
  const { workingDays, hours } = limitOf(procedure, ctx.hours);
  if (data?.clockStartedAt && typeof data.clockWorkingDays === 'number')
    return { startedAt: new Date(data.clockStartedAt), workingDays: data.clockWorkingDays, hours };
  return { startedAt: dossier.receivedAt, workingDays, hours };
}

const formOf = (form: rules.FormVersion | null) =>
  form && { formNo: form.formNo, name: form.name, basis: form.basis };
const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

export const STEPS: { [K in LifecycleAction]: Step<K> } = {
  receive: {
    fields: async (_ctx, d, input) => ({
      procedureCode: d.procedureCode,
      applicantName: d.applicantName,
      receivedDocumentIds: input.receivedDocumentIds,
      // Computed in apply from the complete file; a dossier received already keeps its date (and is refused).
      dueDate: d.originalDueDate ?? 'tính khi nhận đủ hồ sơ',
    }),
    apply: async (ctx, d, input) => {
      if (d.originalDueDate !== null) {
        const message =
          'Hồ sơ đã được tiếp nhận: giấy tờ bổ sung được nhận bằng thao tác "Nhận hồ sơ bổ sung".';
        throw new AppError('INVALID_TRANSITION', message);
      }
      const procedure = await procedureOf(ctx, d);
      refuseForeignDocuments(procedure, input.receivedDocumentIds);
      const documents = union(d.documentsReceived, input.receivedDocumentIds);
      const missing = procedure.documents.filter(
        (x) => !x.condition && !x.presentOnly && !documents.includes(x.id),
      );
      if (missing.length > 0) {
        const message = `Hồ sơ còn thiếu: ${missing.map((x) => x.name).join('; ')}.`;
        throw new AppError('DOSSIER_INCOMPLETE', message, { receivedDocumentIds: message });
      }
      const { workingDays, hours } = limitOf(procedure, ctx.hours);
      const pausedOn = toLocalDate(d.pausedAt ?? d.receivedAt);
      const args = { workingDays, validReceivedAt: null, pausedOn, completedAt: ctx.now, hours };
      // Filed online: the clock starts when the officer accepts it (after hours: the next working day).
      const accepted = dueDateInWorkingDays(ctx.now, workingDays, hours, ctx.calendar);
      const due =
        d.status === 'submitted'
          ? accepted
          : rules.dueDateAfterSupplement({ ...args, calendar: ctx.calendar });
      const { receiptDay } = accepted;
      const receiver = d.receivedBy ? {} : { receivedBy: ctx.staff.id, receivedByName: ctx.staff.fullName };
      const changes = {
        ...receiver,
        originalDueDate: due.dueDate,
        dueDate: due.dueDate,
        receiptDay,
        receivedAt: ctx.now,
      };
      return {
        changes: { ...changes, pausedAt: null, documentsReceived: documents },
        untimed: true,
        note: input.note,
        data: { receivedDocumentIds: input.receivedDocumentIds, newDueDate: due.dueDate, basis: due.basis },
      };
    },
  },
  hand_over: {
    fields: async (ctx, _d, input) => ({
      toUnit: input.toUnit,
      toOfficerId: input.toOfficerId ?? (await unitHead(ctx, input.toUnit)),
    }),
    apply: async (ctx, _d, input) => {
      const [unit] = await ctx.db.select().from(orgUnits).where(eq(orgUnits.id, input.toUnit));
      if (unit?.wardCode !== ctx.staff.wardCode) {
        const message = 'Đơn vị nhận không thuộc phường.';
        throw new AppError('RULE_VIOLATION', message, { toUnit: message });
      }
      const officer = await wardAccount(ctx, input.toOfficerId ?? (await unitHead(ctx, unit.id)) ?? '');
      if (
        !officer ||
        officer.orgUnitId !== unit.id ||
        !(rules.ROLES as readonly string[]).includes(officer.role)
      ) {
        const message = `Cán bộ nhận hồ sơ phải là công chức đang làm việc tại ${unit.name}.`;
        throw new AppError('RULE_VIOLATION', message, { toOfficerId: message });
      }
      const step = input.stepWorkingDays ?? null;
      return {
        changes: { assignedUnitId: unit.id, assignedOfficerId: officer.id },
        toUnit: unit.name,
        note: input.note,
        data: {
          toUnitId: unit.id,
          toOfficerId: officer.id,
          toOfficerName: officer.fullName,
          stepWorkingDays: step,
        },
      };
    },
  },
  request_supplement: {
    apply: async (ctx, d, input) => {
      const procedure = await procedureOf(ctx, d);
      const approverId = input.headApproval?.approverId;
      const approver = approverId ? await wardAccount(ctx, approverId) : undefined;
      if (approverId && approver?.role !== 'department_head') {
        const message =
          'Người phê duyệt yêu cầu bổ sung lần nữa phải là trưởng phòng, ban chuyên môn của phường.';
        throw new AppError('SUPPLEMENT_APPROVAL_REQUIRED', message, { 'headApproval.approverId': message });
      }
      const check = rules.checkSupplementRequest({
        procedureDocumentIds: procedure.documents.map((x) => x.id),
        requestedDocumentIds: input.requestedDocumentIds,
        previousSupplementRequests: d.supplementRequests,
        headApproval: approver !== undefined,
      });
      const outside = check.errors.find((e) => e.code === 'OUTSIDE_PROCEDURE')?.message;
      if (outside)
        throw new AppError('DOCUMENT_NOT_IN_PROCEDURE', outside, { requestedDocumentIds: outside });
      const refused = check.errors.find((e) => e.code === 'SECOND_REQUEST_NOT_APPROVED')?.message;
      if (refused) throw new AppError('SUPPLEMENT_APPROVAL_REQUIRED', refused, { headApproval: refused });
      if (!check.ok) throw new AppError('RULE_VIOLATION', check.errors.map((e) => e.message).join(' '));
      const ids = input.requestedDocumentIds;
      return {
        changes: {
          pausedAt: ctx.now,
          supplementRequests: d.supplementRequests + 1,
          supplementBreaches: d.supplementBreaches + (check.breach ? 1 : 0),
        },
        note: input.reason,
        data: {
          requestedDocumentIds: ids,
          requestedDocuments: ids.map((id) => procedure.documents.find((x) => x.id === id)?.name ?? id),
          breach: check.breach,
          approver: approver ? { id: approver.id, name: approver.fullName } : null,
          form: formOf(rules.formFor('supplement', d.receiptDay)),
          basis: check.basis,
        },
      };
    },
  },
  supplement_received: {
    apply: async (ctx, d, input) => {
      if (d.originalDueDate === null) {
        const message =
          'Hồ sơ được yêu cầu bổ sung khi tiếp nhận: khi nhận đủ, xin dùng thao tác "Tiếp nhận hồ sơ".';
        throw new AppError('INVALID_TRANSITION', message);
      }
      const procedure = await procedureOf(ctx, d);
      refuseForeignDocuments(procedure, input.receivedDocumentIds);
      const request = await lastEvent(ctx.db, d.id, 'request_supplement');
      const requested = (request?.data.requestedDocumentIds as string[] | undefined) ?? [];
      const missing = requested.filter((id) => !input.receivedDocumentIds.includes(id));
      if (missing.length > 0) {
        const message = `Chưa nhận đủ giấy tờ đã yêu cầu bổ sung: ${missing.join(', ')}.`;
        throw new AppError('DOSSIER_INCOMPLETE', message, { receivedDocumentIds: message });
      }
      const segment = await clockSegment(ctx, d, procedure);
      const resumed = rules.dueDateAfterSupplement({
        workingDays: segment.workingDays,
        validReceivedAt: segment.startedAt,
        pausedOn: toLocalDate(d.pausedAt ?? ctx.now),
        completedAt: ctx.now,
        hours: segment.hours,
        calendar: ctx.calendar,
      });
      const { usedWorkingDays, remainingWorkingDays } = resumed;
      return {
        changes: {
          dueDate: resumed.dueDate,
          pausedAt: null,
          documentsReceived: union(d.documentsReceived, input.receivedDocumentIds),
        },
        untimed: true,
        note: input.note,
        data: {
          receivedDocumentIds: input.receivedDocumentIds,
          pausedAt: d.pausedAt?.toISOString() ?? null,
          oldDueDate: d.dueDate,
          newDueDate: resumed.dueDate,
          usedWorkingDays,
          remainingWorkingDays,
          // The segment the next supplement, if any, starts from.
          clockStartedAt: ctx.now.toISOString(),
          clockWorkingDays: remainingWorkingDays,
          basis: resumed.basis,
        },
      };
    },
  },
  request_payment: {
    fields: async (_ctx, _d, input) => ({ feeInput: input.fee }),
    apply: async (ctx, d, input) => {
      const procedure = await procedureOf(ctx, d);
      // Online filing is the dossier's channel, never the caller's word.
      const given = Object.fromEntries(Object.entries(input.fee).filter(([k]) => k !== 'online')) as FeeInput;
      let fee: ReturnType<typeof computeFee>;
      try {
        fee = computeFee(procedure.fees, { ...given, online: d.channel === 'online' });
      } catch (error) {
        if (!(error instanceof FeeError)) throw error;
        throw new AppError('FEE_INVALID', error.message, { fee: error.message });
      }
      if (fee.amount === 0)
        throw new AppError('RULE_VIOLATION', 'Theo biểu phí của thủ tục, hồ sơ không phải nộp khoản nào.');
      const due = { amount: fee.amount, lines: fee.lines, basis: fee.basis };
      return { changes: { feeDue: due }, data: { fee: due, input: input.fee } };
    },
  },
  payment_received: {
    apply: async (ctx, d, input) => {
      const due = d.feeDue;
      if (!due) throw new AppError('RULE_VIOLATION', 'Hồ sơ không có khoản phí, lệ phí nào đang chờ nộp.');
      const { receiptNumber, method } = input;
      const staff = { receivedBy: ctx.staff.id, receivedByName: ctx.staff.fullName };
      const [payment] = await ctx.db
        .insert(dossierPayments)
        .values({
          wardCode: d.wardCode,
          dossierId: d.id,
          ...due,
          receiptNumber,
          method,
          paidAt: ctx.now,
          ...staff,
        })
        .returning({ id: dossierPayments.id });
      return {
        changes: { feeDue: null },
        note: input.note,
        data: { paymentId: payment?.id, receiptNumber, method, ...due },
      };
    },
  },
  approve: {
    apply: async (ctx, _d, input) => ({
      changes: { approvedAt: ctx.now },
      note: input.note,
      data: { outcome: input.outcome },
    }),
  },
  mark_result_ready: {
    apply: async (ctx, d, input) => ({
      changes: { finishedAt: ctx.now },
      note: input.note,
      data: { resultDocument: input.resultDocument, ...(await readyResultFile(ctx.db, d)) },
    }),
  },
  return_result: {
    apply: async (ctx, d, { channel, note }) => ({
      changes: { returnedAt: ctx.now, returnChannel: channel, resultElectronic: channel === 'online' },
      note,
      data: {
        channel,
        ...(channel === 'online' && (await onlineReturnFile(ctx.db, d, procedureOf(ctx, d)))),
      },
    }),
  },
  withdraw: { apply: async (_ctx, _d, input) => ({ changes: { pausedAt: null }, note: input.reason }) },
  refuse: {
    apply: async (_ctx, d, input) => ({
      note: input.reasons.join('; '),
      data: { reasons: input.reasons, form: formOf(rules.formFor('refusal', d.receiptDay)) },
    }),
  },
  stop: {
    apply: async (_ctx, d, input) => ({
      changes: { pausedAt: null },
      note: input.reason,
      data: { form: formOf(rules.formFor('stop', d.receiptDay)) },
    }),
  },
};
