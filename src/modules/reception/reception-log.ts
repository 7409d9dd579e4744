/**
 * The steps of the reception log, each in the caller's transaction with its audit record: writing a visit down
 * (with the answer due within 10 working days; a feedback or petition also goes into the feedback register,
 * source "Tiếp công dân") and recording the answer given to the visitor. A visitor who came to denounce is a
 * denouncer: their identity is sealed on the way in, as in the denunciation register (Luật Tố cáo 2018, điều 8,
 * 56), and opened only by the chairman through `openVisitor`, each opening audited.
 */
import { randomUUID } from 'node:crypto';
import { seal, unseal } from '../../platform/crypto/sealed';
import { recordAudit, type AuditContext } from '../../platform/audit/store';
import type { OfficeHours, WorkingCalendar } from '../../platform/calendar/rules';
import { formatVn } from '../../platform/calendar/holidays';
import type { Db } from '../../platform/db/connect';
import { AppError } from '../../platform/http/errors';
import type { Principal } from '../../platform/auth/store';
import { currentRules, fileItem } from '../feedback/api';
import { deadline, type CategoryCode } from '../feedback/rules';
import { SEALED_LABEL } from '../complaints/rules';
import { FEEDBACK_KIND_OF, representativesProblem, type Classification, type ResultKind } from './rules';
import * as store from './store';
import type { LogRow } from './store';

export interface LogContext {
  db: Db;
  audit: AuditContext;
  now: Date;
  hours: OfficeHours;
  calendar: WorkingCalendar;
}

export interface NewVisit {
  wardCode: string;
  visitorName: string;
  visitorIdNumber?: string;
  visitorAddress?: string;
  visitorPhone?: string;
  groupSize: number;
  representatives: string[];
  matter: string;
  classification: Classification;
  /** The feedback register's category, for a feedback or petition. */
  category: CategoryCode;
}

const TARGET = 'reception_log';

/** What is sealed of a denouncing visitor: who they are and who spoke for the group. */
export interface VisitorIdentity {
  fullName: string;
  idNumber: string | null;
  address: string | null;
  phone: string | null;
  representatives: string[];
}

/** The identity columns of a new entry: in clear, or sealed (bound to the entry's id) for a denunciation. */
function identityColumns(key: Buffer, id: string, visit: NewVisit) {
  const identity: VisitorIdentity = {
    fullName: visit.visitorName,
    idNumber: visit.visitorIdNumber ?? null,
    address: visit.visitorAddress ?? null,
    phone: visit.visitorPhone ?? null,
    representatives: visit.representatives,
  };
  if (visit.classification !== 'denunciation')
    return {
      visitorName: identity.fullName,
      visitorIdNumber: identity.idNumber,
      visitorAddress: identity.address,
      visitorPhone: identity.phone,
      representatives: identity.representatives,
    };
  return {
    visitorName: SEALED_LABEL,
    visitorSealed: seal(key, JSON.stringify(identity), id),
    representatives: identity.representatives.map(() => SEALED_LABEL),
  };
}

function audit(
  ctx: { db: Db; audit: AuditContext },
  row: LogRow,
  action: string,
  summary: Record<string, unknown>,
) {
  return recordAudit(ctx.db, ctx.audit, {
    action,
    targetType: TARGET,
    targetId: `${row.year}/${row.number}`,
    wardCode: row.wardCode,
    summary: { number: row.number, ...summary },
  });
}

export async function recordVisit(
  ctx: LogContext,
  key: Buffer,
  staff: Principal,
  visit: NewVisit,
): Promise<LogRow> {
  const problem = representativesProblem(visit.groupSize, visit.representatives.length);
  if (problem) throw new AppError('VALIDATION_FAILED', problem, { representatives: problem });
  const rules = await currentRules(ctx.db);
  const due = deadline('reception.answer', ctx.now, { hours: ctx.hours, calendar: ctx.calendar, rules });
  const kind = FEEDBACK_KIND_OF[visit.classification];
  const item = kind
    ? await fileItem(
        ctx,
        {
          wardCode: visit.wardCode,
          kind,
          category: visit.category,
          text: visit.matter,
          address: visit.visitorAddress,
          anonymous: false,
          contact: { name: visit.visitorName, phone: visit.visitorPhone },
          publishConsent: false,
          photos: [],
          source: 'reception',
          sourceNote: `Tiếp công dân ngày ${formatVn(due.receiptDay)}`,
        },
        staff,
      )
    : undefined;
  const id = randomUUID();
  const row = await store.insertLogEntry(ctx.db, {
    id,
    wardCode: visit.wardCode,
    year: Number(due.receiptDay.slice(0, 4)),
    receivedAt: ctx.now,
    receiptDay: due.receiptDay,
    ...identityColumns(key, id, visit),
    groupSize: visit.groupSize,
    matter: visit.matter,
    classification: visit.classification,
    receivedBy: staff.id,
    receivedByName: staff.fullName,
    dueDate: due.dueDate,
    dueRuleFrom: due.rule.effectiveFrom,
    dueBasis: due.basis,
    feedbackCode: item?.code ?? null,
  });
  await audit(ctx, row, 'reception.log', {
    classification: row.classification,
    groupSize: row.groupSize,
    dueDate: row.dueDate,
    feedbackCode: row.feedbackCode,
  });
  return row;
}

/** A denouncing visitor's identity (the route lets only the chairman ask); audited, not what was read. */
export async function openVisitor(
  ctx: { db: Db; audit: AuditContext },
  key: Buffer,
  staff: Principal & { wardCode: string },
  id: string,
): Promise<VisitorIdentity> {
  const entry = await store.findLogEntry(ctx.db, staff.wardCode, id);
  if (!entry?.visitorSealed)
    throw new AppError('NOT_FOUND', 'Không tìm thấy lượt tiếp tố cáo có thông tin niêm phong này.');
  const identity = JSON.parse(unseal(key, entry.visitorSealed, entry.id)) as VisitorIdentity;
  await audit(ctx, entry, 'reception.identity.read', { reader: staff.fullName });
  return identity;
}

export async function answerVisit(
  ctx: { db: Db; audit: AuditContext; now: Date },
  staff: Principal & { wardCode: string },
  id: string,
  answer: { resultKind: ResultKind; result: string },
): Promise<LogRow> {
  const entry = await store.findLogEntry(ctx.db, staff.wardCode, id);
  if (!entry) throw new AppError('NOT_FOUND', 'Không tìm thấy lượt tiếp công dân này trong sổ.');
  if (entry.answeredAt) throw new AppError('INVALID_TRANSITION', 'Lượt tiếp này đã được trả lời.');
  const row = await store.answerLogEntry(ctx.db, entry.id, {
    ...answer,
    answeredAt: ctx.now,
    answeredByName: staff.fullName,
  });
  if (!row) throw new AppError('CONFLICT', 'Lượt tiếp này vừa được người khác trả lời. Xin tải lại trang.');
  await audit(ctx, row, 'reception.answer', { resultKind: answer.resultKind, dueDate: row.dueDate });
  return row;
}
