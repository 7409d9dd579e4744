/**
 * Casting a ballot and offering a dossier on a counter's tablet: the checks, the writes and their audit records
 * in the caller's transaction. Shared by the API and the pages.
 */
import { z } from 'zod';
import { recordAudit, type AuditContext } from '../../platform/audit/store';
import type { Db } from '../../platform/db/connect';
import { AppError } from '../../platform/http/errors';
import { findDossierForRating, type DossierForRating } from '../dossiers/api';
import { BASIS, COMMENT_MAX_LENGTH, LEVEL_LABELS, LEVELS, normaliseComment } from './rules';
import * as store from './store';

/** A tablet offers a dossier this long after the officer chose it. */
export const SESSION_MINUTES = 5;

const NOT_FOUND = 'Không tìm thấy hồ sơ có mã này.';
const NOT_RETURNED =
  'Hồ sơ chưa trả kết quả nên chưa thể đánh giá. Xin Ông/Bà đánh giá sau khi nhận kết quả giải quyết.';

const LEVEL = z.enum(LEVELS, 'Chọn một trong: rat_hai_long, hai_long, khong_hai_long');

/** A ballot as the API and the pages' forms take it. */
export const BALLOT = z.strictObject({
  level: LEVEL.describe('Mức hài lòng với việc giải quyết hồ sơ'),
  officerLevel: LEVEL.optional().describe('Mức hài lòng với cán bộ trả kết quả (không bắt buộc)'),
  comment: z.string().max(COMMENT_MAX_LENGTH).optional().describe('Ý kiến góp ý (không bắt buộc)'),
});

export type Ballot = z.infer<typeof BALLOT>;

export type Channel = { kind: 'link' } | { kind: 'kiosk'; counterId: string };

export interface RatingContext {
  db: Db;
  audit: AuditContext;
  now: Date;
}

/** The dossier a ballot is about and whether it has one already; undefined for an unknown code. */
export async function ratingTarget(
  db: Db,
  code: string,
): Promise<{ dossier: DossierForRating; rated: boolean } | undefined> {
  const dossier = await findDossierForRating(db, code);
  return dossier && { dossier, rated: await store.hasRating(db, code) };
}

/** The officer a ballot rates: the one who returned the result (else, the one who received the dossier). */
export function ratedOfficer(dossier: DossierForRating): { id: string | null; name: string } {
  return dossier.returnedBy ?? dossier.receivedBy;
}

/** Records the one ballot of a returned dossier; call it inside a transaction. */
export async function castBallot(ctx: RatingContext, code: string, ballot: Ballot, channel: Channel) {
  const dossier = await findDossierForRating(ctx.db, code);
  if (!dossier) throw new AppError('NOT_FOUND', NOT_FOUND);
  if (dossier.status !== 'returned') throw new AppError('INVALID_TRANSITION', NOT_RETURNED);
  const officer = ratedOfficer(dossier);
  const officerLevel = ballot.officerLevel ?? null;
  const rating = {
    wardCode: dossier.wardCode,
    dossierCode: code,
    procedureCode: dossier.procedureCode,
    procedureName: dossier.procedureName,
    level: ballot.level,
    officerLevel,
    officerId: officer.id,
    officerName: officer.name,
    comment: normaliseComment(ballot.comment),
    channel: channel.kind,
    counterId: channel.kind === 'kiosk' ? channel.counterId : null,
    createdAt: ctx.now,
  };
  if (!(await store.insertRating(ctx.db, rating))) throw new AppError('ALREADY_RATED');
  if (channel.kind === 'kiosk') await store.endSession(ctx.db, channel.counterId, code);
  await recordAudit(ctx.db, ctx.audit, {
    action: 'rating.cast',
    targetType: 'dossier',
    targetId: code,
    wardCode: dossier.wardCode,
    // The comment is the citizen's own words: kept with the ballot, not copied into the trail.
    summary: {
      level: rating.level,
      officerLevel,
      officerId: officer.id,
      channel: rating.channel,
      counterId: rating.counterId,
      hasComment: rating.comment !== null,
      basis: BASIS.oncePerDossier,
    },
  });
  return {
    ...rating,
    levelLabel: LEVEL_LABELS[rating.level],
    officerLevelLabel: officerLevel && LEVEL_LABELS[officerLevel],
  };
}

/**
 * The officer at a counter offers a returned, unrated dossier of the ward on that counter's tablet for a few
 * minutes (replacing any earlier offer); call it inside a transaction.
 */
export async function offerOnTablet(
  ctx: RatingContext,
  staff: { id: string; fullName: string; wardCode: string },
  counterId: string,
  code: string,
) {
  const target = await ratingTarget(ctx.db, code);
  if (!target || target.dossier.wardCode !== staff.wardCode) throw new AppError('NOT_FOUND', NOT_FOUND);
  if (target.dossier.status !== 'returned') throw new AppError('INVALID_TRANSITION', NOT_RETURNED);
  if (target.rated) throw new AppError('ALREADY_RATED');
  const session = {
    counterId,
    wardCode: staff.wardCode,
    dossierCode: code,
    startedBy: staff.id,
    startedByName: staff.fullName,
    expiresAt: new Date(ctx.now.getTime() + SESSION_MINUTES * 60_000),
  };
  await store.startSession(ctx.db, session);
  await recordAudit(ctx.db, ctx.audit, {
    action: 'rating.offer_on_tablet',
    targetType: 'dossier',
    targetId: code,
    wardCode: staff.wardCode,
    summary: { counterId, expiresAt: session.expiresAt.toISOString() },
  });
  return { session, dossier: target.dossier };
}
