/**
 * The citizen's side of the feedback register: filing an item (no sign-in, rate-limited), following it by its
 * tracking code, rating the answer, and reading the answers the ward published. No personal data goes out.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContext } from '../../platform/http/context';
import type { RouteOptions } from '../../platform/http/deps';
import { AppError } from '../../platform/http/errors';
import { IDEMPOTENCY_HEADERS } from '../../platform/http/schemas';
import { CITIZEN_FEEDBACK, CODE, FEEDBACK_BODY_LIMIT, FILE_LIMIT, RATING, trackingPath } from './inputs';
import { fileForWard, rateItem } from './items';
import { publicView, publishedView } from './presenters';
import * as store from './store';

const PAGE_SIZE = 20;

export const feedbackRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;

  app.post(
    '/feedback',
    {
      config: { policy: 'public', rateLimit: FILE_LIMIT },
      bodyLimit: FEEDBACK_BODY_LIMIT,
      schema: {
        tags: ['feedback'],
        summary:
          'Người dân gửi phản ánh, kiến nghị (tối đa 5 ảnh JPEG/PNG dạng base64, mỗi ảnh ≤ 3 MB; có thể ẩn danh); trả về mã theo dõi',
        headers: IDEMPOTENCY_HEADERS,
        body: CITIZEN_FEEDBACK,
      },
    },
    async (request, reply) => {
      const { wardCode = deps.config.portalWard, ...input } = request.body;
      const item = await fileForWard(deps, auditContext(request), { ...input, wardCode, source: 'portal' });
      return reply.status(201).send({
        code: item.code,
        status: item.status,
        receivedAt: item.receivedAt.toISOString(),
        dueDate: item.dueDate,
        dueDateBasis: item.dueBasis,
        trackingUrl: trackingPath(item.code),
      });
    },
  );

  app.get(
    '/feedback/:code/public',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['feedback'],
        summary:
          'Theo dõi phản ánh, kiến nghị theo mã: tình trạng, hạn trả lời, câu trả lời (không có dữ liệu cá nhân)',
        params: z.object({ code: CODE }),
      },
    },
    async (request, reply) => {
      const item = await store.findByCode(db, request.params.code);
      if (!item) throw new AppError('NOT_FOUND', 'Không tìm thấy phản ánh, kiến nghị có mã này.');
      const into = item.mergedIntoId ? await store.findById(db, item.mergedIntoId) : undefined;
      return reply.header('cache-control', 'no-store').send(publicView(item, into));
    },
  );

  app.post(
    '/feedback/:code/rating',
    {
      config: { policy: 'public', rateLimit: FILE_LIMIT },
      schema: {
        tags: ['feedback'],
        summary: 'Người gửi đánh giá câu trả lời (một lần, bằng mã theo dõi)',
        params: z.object({ code: CODE }),
        headers: IDEMPOTENCY_HEADERS,
        body: RATING,
      },
    },
    async (request, reply) => {
      const { rating, comment } = request.body;
      const ctx = { audit: auditContext(request), now: deps.clock.now() };
      const item = await db.transaction((tx) =>
        rateItem({ ...ctx, db: tx }, request.params.code, rating, comment),
      );
      return reply.status(201).send(publicView(item));
    },
  );

  app.get(
    '/feedback/published',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['feedback'],
        summary: 'Các phản ánh, kiến nghị đã trả lời và được công khai (người gửi đồng ý), mới nhất trước',
        querystring: z.object({
          ward: z
            .string()
            .regex(/^\d{5}$/)
            .optional(),
          page: z.coerce.number().int().min(1).max(1000).default(1),
        }),
      },
    },
    async (request) => {
      const { ward = deps.config.portalWard, page } = request.query;
      const rows = await store.listPublished(db, ward, {
        limit: PAGE_SIZE + 1,
        offset: (page - 1) * PAGE_SIZE,
      });
      return { page, items: rows.slice(0, PAGE_SIZE).map(publishedView), hasMore: rows.length > PAGE_SIZE };
    },
  );
};
