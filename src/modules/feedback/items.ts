/**
 * The steps of a feedback item, each in the caller's transaction with its audit record: filing (by the citizen
 * or an officer), routing to a unit, answering (and telling the citizen), publishing, merging a duplicate,
 * and the citizen's rating of the answer.
 */
import { createHash, randomBytes } from 'node:crypto';
import { recordAudit, type AuditContext } from '../../platform/audit/store';
import type { Principal } from '../../platform/auth/store';
import type { OfficeHours, WorkingCalendar } from '../../platform/calendar/rules';
import { enqueueMessage } from '../../platform/channels/store';
import { toSmsText } from '../../platform/channels/rules';
import type { Db } from '../../platform/db/connect';
import { AppError } from '../../platform/http/errors';
import type { Deps } from '../../platform/http/deps';
import { findWard, listUnits } from '../../platform/wards/store';
import {
  applyCorrections,
  categoryOf,
  deadline,
  DEADLINE_RULES,
  mergeTargetProblem,
  OPEN_STATUSES,
  photosProblem,
  photoType,
  stepProblem,
  trackingCode,
  TRACKING_RANDOM_BYTES,
  type Kind,
  type Rating,
  type RuleVersion,
  type Source,
  type Status,
  type Step,
} from './rules';
import * as store from './store';
import type { ItemRow } from './store';

export interface StepContext {
  db: Db;
  audit: AuditContext;
  now: Date;
}

export type WardStaff = Principal & { wardCode: string };

export interface Contact {
  name?: string;
  phone?: string;
  email?: string;
}

export interface NewFeedback {
  wardCode: string;
  kind: Kind;
  category: string;
  text: string;
  latitude?: number;
  longitude?: number;
  address?: string;
  anonymous: boolean;
  contact?: Contact;
  publishConsent: boolean;
  photos: readonly Buffer[];
  source: Source;
  sourceNote?: string;
}

/** The deadline rules with the administrator's corrections. */
export async function currentRules(db: Db): Promise<RuleVersion[]> {
  return applyCorrections(DEADLINE_RULES, await store.listCorrections(db));
}

const TARGET = 'feedback_item';

/**
 * Files an item for a ward in its own transaction: the ward's office hours and the legal calendar set the
 * answer deadline. 400 for a ward the platform does not serve.
 */
export async function fileForWard(
  deps: Deps,
  audit: AuditContext,
  input: NewFeedback,
  recordedBy?: Principal,
) {
  const { db } = deps.database;
  const ward = await findWard(db, input.wardCode);
  if (!ward) {
    const message = 'Không có phường này trên cổng.';
    throw new AppError('VALIDATION_FAILED', message, { wardCode: message });
  }
  const calendar = await deps.calendar.current();
  const now = deps.clock.now();
  return db.transaction((tx) =>
    fileItem({ db: tx, audit, now, hours: ward.ward.officeHours, calendar }, input, recordedBy),
  );
}

/** Files an item (the citizen online, or an officer who took it down) with its answer deadline. */
export async function fileItem(
  ctx: StepContext & { hours: OfficeHours; calendar: WorkingCalendar },
  input: NewFeedback,
  recordedBy?: Principal,
): Promise<ItemRow> {
  if (!categoryOf(input.category)) {
    const message = 'Xin chọn một lĩnh vực trong danh sách.';
    throw new AppError('VALIDATION_FAILED', message, { category: message });
  }
  const photoProblem = photosProblem(input.photos);
  if (photoProblem) throw new AppError('VALIDATION_FAILED', photoProblem, { photos: photoProblem });
  const contact = input.anonymous ? {} : (input.contact ?? {});
  const due = deadline('feedback.answer', ctx.now, {
    hours: ctx.hours,
    calendar: ctx.calendar,
    rules: await currentRules(ctx.db),
  });
  const photos = input.photos.map((bytes, position) => ({
    position,
    mediaType: photoType(bytes) as string,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    content: bytes,
  }));
  const values = {
    wardCode: input.wardCode,
    kind: input.kind,
    category: input.category,
    text: input.text,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    address: input.address ?? null,
    anonymous: input.anonymous,
    contactName: contact.name ?? null,
    contactPhone: contact.phone ?? null,
    contactEmail: contact.email ?? null,
    source: input.source,
    sourceNote: input.sourceNote ?? null,
    recordedBy: recordedBy?.id ?? null,
    recordedByName: recordedBy?.fullName ?? null,
    status: 'received',
    receivedAt: ctx.now,
    receiptDay: due.receiptDay,
    dueDate: due.dueDate,
    dueRuleFrom: due.rule.effectiveFrom,
    dueBasis: due.basis,
    publishConsent: input.publishConsent,
    updatedAt: ctx.now,
  };
  // 40 random bits: a clash is rare, and the unique index tells.
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = trackingCode(randomBytes(TRACKING_RANDOM_BYTES));
    const item = await store.insertItem(ctx.db, { ...values, code }, photos);
    if (!item) continue;
    await audit(ctx, item, 'feedback.file', {
      kind: item.kind,
      category: item.category,
      source: item.source,
      anonymous: item.anonymous,
      photos: photos.length,
      dueDate: item.dueDate,
    });
    return item;
  }
  throw new Error('fileItem: no free tracking code after 5 attempts');
}

function audit(ctx: StepContext, item: ItemRow, action: string, summary: Record<string, unknown>) {
  return recordAudit(ctx.db, ctx.audit, {
    action,
    targetType: TARGET,
    targetId: item.code,
    wardCode: item.wardCode,
    summary: { code: item.code, ...summary },
  });
}

/** The item of the staff member's ward with this code, or 404 (another ward's items do not exist for them). */
export async function itemOfWard(db: Db, code: string, wardCode: string | null): Promise<ItemRow> {
  const item = await store.findByCode(db, code);
  if (!item || item.wardCode !== wardCode)
    throw new AppError('NOT_FOUND', 'Không tìm thấy phản ánh, kiến nghị có mã này.');
  return item;
}

function check(step: Step, item: ItemRow): void {
  const problem = stepProblem(step, {
    status: item.status as Status,
    publishConsent: item.publishConsent,
    publishedAt: item.publishedAt,
    rated: item.rating !== null,
  });
  if (problem) throw new AppError('INVALID_TRANSITION', problem);
}

/** The changed row, or 409 when another step changed the item first. */
function changed(row: ItemRow | undefined): ItemRow {
  if (!row)
    throw new AppError('CONFLICT', 'Phản ánh, kiến nghị vừa được người khác xử lý. Xin tải lại trang.');
  return row;
}

export async function routeItem(ctx: StepContext, staff: WardStaff, code: string, unitId: string) {
  const item = await itemOfWard(ctx.db, code, staff.wardCode);
  check('route', item);
  const unit = (await listUnits(ctx.db, staff.wardCode)).find((u) => u.id === unitId);
  if (!unit) {
    const message = 'Xin chọn một đơn vị của phường.';
    throw new AppError('VALIDATION_FAILED', message, { unitId: message });
  }
  const row = changed(
    await store.updateItem(ctx.db, item.id, OPEN_STATUSES, {
      status: 'routed',
      responsibleUnitId: unit.id,
      responsibleUnitName: unit.name,
      routedAt: ctx.now,
      updatedAt: ctx.now,
    }),
  );
  await audit(ctx, row, 'feedback.route', { from: item.responsibleUnitName, to: unit.name });
  return row;
}

export interface AnswerNotice {
  wardName: string;
  trackingUrl: string;
}

/**
 * The responsible unit answers (a ward leader may answer any item); the citizen who left a phone or an e-mail
 * address is told, after the commit, through the outbox.
 */
export async function answerItem(
  ctx: StepContext,
  staff: WardStaff,
  code: string,
  answer: string,
  notice: AnswerNotice,
) {
  const item = await itemOfWard(ctx.db, code, staff.wardCode);
  check('answer', item);
  if (staff.role !== 'ward_leader' && item.responsibleUnitId !== staff.orgUnitId)
    throw new AppError(
      'FORBIDDEN',
      `Phản ánh, kiến nghị này do ${item.responsibleUnitName ?? 'đơn vị khác'} trả lời.`,
    );
  const unit = (await listUnits(ctx.db, staff.wardCode)).find((u) => u.id === staff.orgUnitId);
  const row = changed(
    await store.updateItem(ctx.db, item.id, ['routed'], {
      status: 'answered',
      answer,
      answeredAt: ctx.now,
      answeredBy: staff.id,
      answeredByName: staff.fullName,
      answeredUnitName: unit?.name ?? null,
      updatedAt: ctx.now,
    }),
  );
  const text = `${notice.wardName} đã trả lời phản ánh, kiến nghị ${row.code} của Ông/Bà. Xem câu trả lời tại ${notice.trackingUrl}`;
  const message = row.contactPhone
    ? { channel: 'sms' as const, recipient: row.contactPhone, subject: null, body: toSmsText(text) }
    : row.contactEmail
      ? {
          channel: 'email' as const,
          recipient: row.contactEmail,
          subject: `Trả lời phản ánh, kiến nghị ${row.code}`,
          body: `${text}\n\n${answer}`,
        }
      : null;
  if (message)
    await enqueueMessage(
      ctx.db,
      {
        ...message,
        wardCode: row.wardCode,
        templateKey: 'feedback.answered',
        reference: { type: 'feedback', id: row.code },
      },
      ctx.now,
    );
  await audit(ctx, row, 'feedback.answer', { dueDate: row.dueDate, notified: message?.channel ?? null });
  return row;
}

export async function publishItem(ctx: StepContext, staff: WardStaff, code: string) {
  const item = await itemOfWard(ctx.db, code, staff.wardCode);
  check('publish', item);
  const row = changed(
    await store.updateItem(ctx.db, item.id, ['answered'], {
      publishedAt: ctx.now,
      publishedByName: staff.fullName,
      updatedAt: ctx.now,
    }),
  );
  await audit(ctx, row, 'feedback.publish', {});
  return row;
}

/** A duplicate joins the main item: it is closed and its citizen follows the main item's answer. */
export async function mergeItem(ctx: StepContext, staff: WardStaff, code: string, intoCode: string) {
  const item = await itemOfWard(ctx.db, code, staff.wardCode);
  check('merge', item);
  const target = await itemOfWard(ctx.db, intoCode, staff.wardCode);
  const problem = mergeTargetProblem(item, { id: target.id, status: target.status as Status });
  if (problem) throw new AppError('INVALID_TRANSITION', problem);
  const row = changed(
    await store.updateItem(ctx.db, item.id, OPEN_STATUSES, {
      status: 'merged',
      mergedIntoId: target.id,
      updatedAt: ctx.now,
    }),
  );
  await audit(ctx, row, 'feedback.merge', { into: target.code });
  return { item: row, into: target };
}

/** The citizen holding the tracking code rates the answer, once. */
export async function rateItem(ctx: StepContext, code: string, rating: Rating, comment: string | undefined) {
  const item = await store.findByCode(ctx.db, code);
  if (!item) throw new AppError('NOT_FOUND', 'Không tìm thấy phản ánh, kiến nghị có mã này.');
  check('rate', item);
  const row = await store.rateItem(ctx.db, item.id, {
    rating,
    ratingComment: comment ?? null,
    ratedAt: ctx.now,
  });
  if (!row)
    throw new AppError(
      'ALREADY_RATED',
      'Câu trả lời này đã được đánh giá. Mỗi phản ánh chỉ đánh giá một lần.',
    );
  await audit(ctx, row, 'feedback.rate', { rating });
  return row;
}
