import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContext, currentStaff } from '../../platform/http/context';
import type { RouteOptions } from '../../platform/http/deps';
import { AppError } from '../../platform/http/errors';
import { siteOrigin } from '../../platform/http/html';
import { IDEMPOTENCY_HEADERS } from '../../platform/http/schemas';
import { DOSSIER_CODE } from '../dossiers/api';
import { findActiveCounter } from '../queue/api';
import { kioskPath } from './api';
import { BASIS, parseCounterId } from './rules';
import { BALLOT, castBallot, offerOnTablet } from './submit';
import { isRatingToken } from './token';

export const ratingRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;
  const secret = deps.config.ratingSecret;

  app.post(
    '/dossiers/:code/ratings',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['ratings'],
        summary: `Công dân đánh giá mức độ hài lòng với hồ sơ đã trả kết quả, bằng mã đánh giá in trên giấy tờ của hồ sơ. ${BASIS.oncePerDossier}; ${BASIS.levels}`,
        params: z.object({ code: DOSSIER_CODE }),
        headers: IDEMPOTENCY_HEADERS,
        body: BALLOT.extend({
          token: z.string().max(100).describe('Mã đánh giá của hồ sơ (tham số t của đường dẫn)'),
        }),
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      const { token, ...ballot } = request.body;
      // Before any read: a wrong token learns nothing, not even whether the dossier exists.
      if (!isRatingToken(secret, code, token)) throw new AppError('RATING_LINK_INVALID');
      const ctx = { audit: auditContext(request), now: deps.clock.now() };
      const rating = await db.transaction((tx) =>
        castBallot({ ...ctx, db: tx }, code, ballot, { kind: 'link' }),
      );
      return reply.status(201).send({
        dossierCode: rating.dossierCode,
        level: rating.level,
        levelLabel: rating.levelLabel,
        officerLevel: rating.officerLevel,
        officerLevelLabel: rating.officerLevelLabel,
        officerName: rating.officerName,
        comment: rating.comment,
        channel: rating.channel,
        createdAt: rating.createdAt.toISOString(),
      });
    },
  );

  app.post(
    '/counters/:id/rating-session',
    {
      config: { policy: { permission: 'ratings.kiosk' } },
      schema: {
        tags: ['ratings'],
        summary:
          'Cán bộ một cửa mời công dân đánh giá một hồ sơ đã trả kết quả trên máy tính bảng của quầy (trong vài phút); trả về địa chỉ trang đánh giá của quầy',
        params: z.object({
          id: z.string().max(10).describe('Mã quầy: <mã phường>-<số quầy>, ví dụ 10507-1'),
        }),
        headers: IDEMPOTENCY_HEADERS,
        body: z.strictObject({ dossierCode: DOSSIER_CODE }),
      },
    },
    async (request, reply) => {
      const staff = currentStaff(request);
      const counter = parseCounterId(request.params.id);
      if (!counter) {
        const message = 'Mã quầy có dạng <mã phường>-<số quầy>, ví dụ 10507-1.';
        throw new AppError('VALIDATION_FAILED', message, { id: message });
      }
      if (!staff.wardCode || counter.wardCode !== staff.wardCode) throw new AppError('FORBIDDEN');
      const desk = await findActiveCounter(db, counter.id);
      if (!desk) {
        const message = `Trung tâm của phường không có ${counter.label.toLowerCase()} đang làm việc.`;
        throw new AppError('NOT_FOUND', message, { id: message });
      }
      const ctx = { audit: auditContext(request), now: deps.clock.now() };
      const wardStaff = { ...staff, wardCode: staff.wardCode };
      const { session, dossier } = await db.transaction((tx) =>
        offerOnTablet({ ...ctx, db: tx }, wardStaff, counter.id, request.body.dossierCode),
      );
      return reply.status(201).send({
        counterId: counter.id,
        counterLabel: desk.label,
        dossierCode: session.dossierCode,
        procedureName: dossier.procedureName,
        expiresAt: session.expiresAt.toISOString(),
        kioskUrl: `${siteOrigin(request, deps.config.publicUrl)}${kioskPath(counter.id, secret)}`,
      });
    },
  );
};
