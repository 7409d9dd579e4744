/**
 * The steps of a denunciation, each in the caller's transaction with its audit record. The denouncer's identity
 * is sealed on the way in (platform/crypto/sealed, bound to the record's id) and opened only by `openIdentity`,
 * for the chairman or the assigned handler, each opening audited. No audit record, message, response of a step
 * or log line carries it: a step answers with the sealed view, which also keeps it out of stored idempotent replies.
 */
import { randomUUID } from 'node:crypto';
import { seal, unseal } from '../../platform/crypto/sealed';
import { AppError } from '../../platform/http/errors';
import { denunciationResolution } from '../feedback/deadlines';
import { asOfReceipt, audit, changed, wardOfficer, type StepContext } from './context';
import {
  acceptanceNotice,
  denunciationStepProblem,
  forwarding,
  initialProcessing,
  mayOpenIdentity,
  type DenouncerIdentity,
  type DenunciationStep,
  type NotAcceptedReason,
} from './rules';
import type { Complexity } from '../feedback/deadlines';
import * as store from './store';
import type { DenunciationRow } from './store';

export interface NewDenunciationInput {
  denouncer: DenouncerIdentity;
  channel: 'written' | 'in_person';
  accused: string;
  content: string;
  evidence: string[];
  signed: boolean;
}

const WHAT = 'Tố cáo';

export async function recordDenunciation(
  ctx: StepContext,
  key: Buffer,
  input: NewDenunciationInput,
): Promise<DenunciationRow> {
  const id = randomUUID();
  const initial = initialProcessing(ctx.now, false, ctx.deadlines);
  const forward = forwarding(ctx.now, ctx.deadlines);
  const row = await store.insertDenunciation(
    ctx.db,
    {
      id,
      wardCode: ctx.staff.wardCode,
      identitySealed: seal(key, JSON.stringify(input.denouncer), id),
      channel: input.channel,
      accused: input.accused,
      content: input.content,
      evidence: input.evidence,
      signed: input.signed,
      receivedAt: ctx.now,
      receiptDay: initial.receiptDay,
      initialDue: initial.dueDate,
      initialBasis: initial.basis,
      forwardDue: forward.dueDate,
      status: 'received',
      extensions: [],
      recordedBy: ctx.staff.id,
      recordedByName: ctx.staff.fullName,
      updatedAt: ctx.now,
    },
    `TC-${initial.receiptDay.slice(0, 4)}`,
  );
  await audit(ctx, 'denunciation', row.code, 'denunciation.record', {
    channel: row.channel,
    initialDue: row.initialDue,
    forwardDue: row.forwardDue,
  });
  return row;
}

export async function denunciationOfWard(ctx: Pick<StepContext, 'db' | 'staff'>, code: string) {
  const row = await store.findDenunciation(ctx.db, ctx.staff.wardCode, code);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy tố cáo có số này.');
  return row;
}

function sealedFor(ctx: Pick<StepContext, 'staff'>, row: DenunciationRow) {
  if (!mayOpenIdentity(ctx.staff, row.handlerId))
    throw new AppError(
      'FORBIDDEN',
      'Thông tin người tố cáo được giữ bí mật: chỉ Chủ tịch UBND phường và người được giao giải quyết được xem (Luật Tố cáo 2018, điều 8, 56).',
    );
}

/** The denouncer's identity for the chairman or the handler; the reading is audited, not what was read. */
export async function openIdentity(ctx: StepContext, key: Buffer, code: string): Promise<DenouncerIdentity> {
  const row = await denunciationOfWard(ctx, code);
  sealedFor(ctx, row);
  const identity = JSON.parse(unseal(key, row.identitySealed, row.id)) as DenouncerIdentity;
  await audit(ctx, 'denunciation', code, 'denunciation.identity.read', { reader: ctx.staff.fullName });
  return identity;
}

function check(step: DenunciationStep, row: DenunciationRow) {
  const problem = denunciationStepProblem(step, {
    status: row.status as never,
    initialExtended: row.initialExtended,
  });
  if (problem) throw new AppError('INVALID_TRANSITION', problem);
}

/** Each step of the handling: the chairman or the assigned handler. */
async function handled(ctx: StepContext, code: string, step: DenunciationStep) {
  const row = await denunciationOfWard(ctx, code);
  if (!mayOpenIdentity(ctx.staff, row.handlerId))
    throw new AppError(
      'FORBIDDEN',
      `Tố cáo này do ${row.handlerName ?? 'người được Chủ tịch giao'} giải quyết.`,
    );
  check(step, row);
  return row;
}

export async function assignHandler(ctx: StepContext, code: string, handlerId: string) {
  const row = await denunciationOfWard(ctx, code);
  if (row.status !== 'received' && row.status !== 'accepted')
    throw new AppError('INVALID_TRANSITION', 'Tố cáo này đã kết thúc.');
  const handler = await wardOfficer(ctx, handlerId, 'denunciations.handle', 'handlerId');
  const updated = changed(
    await store.updateDenunciation(ctx.db, row.id, ['received', 'accepted'], {
      handlerId: handler.id,
      handlerName: handler.fullName,
      updatedAt: ctx.now,
    }),
    WHAT,
  );
  await audit(ctx, 'denunciation', code, 'denunciation.assign', {
    from: row.handlerName,
    to: handler.fullName,
  });
  return updated;
}

export async function extendInitial(ctx: StepContext, code: string, reason: string) {
  const row = await handled(ctx, code, 'extend_initial');
  const due = initialProcessing(row.receivedAt, true, asOfReceipt(ctx, row.receiptDay));
  const updated = changed(
    await store.updateDenunciation(ctx.db, row.id, ['received'], {
      initialExtended: true,
      initialExtensionReason: reason,
      initialDue: due.dueDate,
      initialBasis: due.basis,
      updatedAt: ctx.now,
    }),
    WHAT,
  );
  await audit(ctx, 'denunciation', code, 'denunciation.extend_initial', { initialDue: due.dueDate, reason });
  return updated;
}

export async function acceptDenunciation(ctx: StepContext, code: string, complexity: Complexity) {
  const row = await handled(ctx, code, 'accept');
  const pinned = asOfReceipt(ctx, row.receiptDay);
  const resolution = denunciationResolution(ctx.now, complexity, [], pinned);
  if (!resolution.ok) throw new Error('no extension yet: cannot fail');
  const notify = acceptanceNotice(ctx.now, pinned);
  const updated = changed(
    await store.updateDenunciation(ctx.db, row.id, ['received'], {
      status: 'accepted',
      complexity,
      acceptedAt: ctx.now,
      notifyDue: notify.dueDate,
      resolutionDue: resolution.deadline.dueDate,
      resolutionBasis: resolution.deadline.basis,
      updatedAt: ctx.now,
    }),
    WHAT,
  );
  await audit(ctx, 'denunciation', code, 'denunciation.accept', {
    complexity,
    resolutionDue: resolution.deadline.dueDate,
    notifyDue: notify.dueDate,
  });
  return updated;
}

export async function forwardDenunciation(ctx: StepContext, code: string, to: string) {
  const row = await handled(ctx, code, 'forward');
  const updated = changed(
    await store.updateDenunciation(ctx.db, row.id, ['received'], {
      status: 'forwarded',
      forwardedTo: to,
      forwardedAt: ctx.now,
      updatedAt: ctx.now,
    }),
    WHAT,
  );
  await audit(ctx, 'denunciation', code, 'denunciation.forward', { to, forwardDue: row.forwardDue });
  return updated;
}

export async function notAcceptDenunciation(ctx: StepContext, code: string, reason: NotAcceptedReason) {
  const row = await handled(ctx, code, 'not_accept');
  const updated = changed(
    await store.updateDenunciation(ctx.db, row.id, ['received'], {
      status: 'not_accepted',
      notAcceptedReason: reason,
      notAcceptedAt: ctx.now,
      updatedAt: ctx.now,
    }),
    WHAT,
  );
  await audit(ctx, 'denunciation', code, 'denunciation.not_accept', { reason });
  return updated;
}

/** One more extension of the resolution, checked against điều 30 with the ones before it. */
export async function extendResolution(
  ctx: StepContext,
  code: string,
  extension: { days: number; reason: string },
) {
  const row = await handled(ctx, code, 'extend');
  if (!row.acceptedAt || !row.complexity) throw new Error('accepted denunciation without acceptance');
  const extensions = [
    ...row.extensions,
    { ...extension, at: ctx.now.toISOString(), byName: ctx.staff.fullName },
  ];
  const resolution = denunciationResolution(
    row.acceptedAt,
    row.complexity as Complexity,
    extensions,
    asOfReceipt(ctx, row.receiptDay),
  );
  if (!resolution.ok)
    throw new AppError('RULE_VIOLATION', resolution.errors.map((e) => e.message).join(' '), {
      days: resolution.errors[0]?.message ?? '',
    });
  const updated = changed(
    await store.updateDenunciation(ctx.db, row.id, ['accepted'], {
      extensions,
      resolutionDue: resolution.deadline.dueDate,
      resolutionBasis: resolution.deadline.basis,
      updatedAt: ctx.now,
    }),
    WHAT,
  );
  await audit(ctx, 'denunciation', code, 'denunciation.extend', {
    days: extension.days,
    reason: extension.reason,
    resolutionDue: resolution.deadline.dueDate,
  });
  return updated;
}

export async function concludeDenunciation(ctx: StepContext, code: string, conclusion: string) {
  const row = await handled(ctx, code, 'conclude');
  const updated = changed(
    await store.updateDenunciation(ctx.db, row.id, ['accepted'], {
      status: 'concluded',
      conclusion,
      concludedAt: ctx.now,
      updatedAt: ctx.now,
    }),
    WHAT,
  );
  await audit(ctx, 'denunciation', code, 'denunciation.conclude', { resolutionDue: row.resolutionDue });
  return updated;
}
