/**
 * The staff side of the feedback register: recording items taken down by officers, the lists of units and
 * leaders (open, due soon, late; on-time answer rates), one item with its contact (masked unless the role needs
 * it; unmasked reads audited), duplicates, and the steps: route, answer, publish, merge.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/store';
import { hasPermission } from '../../platform/auth/policies';
import { toLocalDate } from '../../platform/calendar/rules';
import { auditContext, currentStaff } from '../../platform/http/context';
import type { RouteOptions } from '../../platform/http/deps';
import { AppError } from '../../platform/http/errors';
import { IDEMPOTENCY_HEADERS } from '../../platform/http/schemas';
import { findWard } from '../../platform/wards/store';
import { midSentence, siteOrigin } from '../../platform/http/html';
import { ANSWER, CODE, FEEDBACK_BODY_LIMIT, RECORDED_FEEDBACK, trackingPath } from './inputs';
import {
  answerItem,
  fileForWard,
  itemOfWard,
  mergeItem,
  publishItem,
  routeItem,
  type StepContext,
} from './items';
import { staffSummary, staffView } from './presenters';
import { KINDS, MAX_PHOTOS, OPEN_STATUSES, type Kind } from './rules';
import * as store from './store';

const VIEWS = ['open', 'due_soon', 'late', 'answered'] as const;
const CODE_PARAMS = z.object({ code: CODE });

export const feedbackStaffRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;

  function wardStaff(request: Parameters<typeof currentStaff>[0]) {
    const staff = currentStaff(request);
    if (!staff.wardCode) throw new AppError('FORBIDDEN');
    return { ...staff, wardCode: staff.wardCode };
  }
  /** Runs one step in a transaction with the request's audit context and the clock. */
  function step<T>(request: Parameters<typeof auditContext>[0], run: (ctx: StepContext) => Promise<T>) {
    return db.transaction((tx) => run({ db: tx, audit: auditContext(request), now: deps.clock.now() }));
  }

  app.post(
    '/feedback/recorded',
    {
      config: { policy: { permission: 'feedback.record' } },
      bodyLimit: FEEDBACK_BODY_LIMIT,
      schema: {
        tags: ['feedback'],
        summary:
          'Cán bộ ghi nhận phản ánh, kiến nghị nhận tại quầy, qua đường dây nóng, tổ dân phố, lãnh đạo xuống cơ sở hoặc “Ngày thứ sáu nghe dân nói”; kèm các phản ánh tương tự',
        headers: IDEMPOTENCY_HEADERS,
        body: RECORDED_FEEDBACK,
      },
    },
    async (request, reply) => {
      const staff = wardStaff(request);
      const item = await fileForWard(
        deps,
        auditContext(request),
        { ...request.body, wardCode: staff.wardCode },
        staff,
      );
      const similar = await store.listSimilar(db, item);
      return reply.status(201).send({
        code: item.code,
        dueDate: item.dueDate,
        dueDateBasis: item.dueBasis,
        trackingUrl: trackingPath(item.code),
        similar: similar.map(({ id: _, ...s }) => s),
      });
    },
  );

  app.get(
    '/feedback',
    {
      config: { policy: { permission: 'feedback.read' } },
      schema: {
        tags: ['feedback'],
        summary:
          'Sổ phản ánh, kiến nghị của phường: đang xử lý, sắp đến hạn, quá hạn hoặc 200 câu trả lời gần nhất; số liệu và tỷ lệ trả lời đúng hạn theo loại',
        querystring: z.object({
          view: z.enum(VIEWS).default('open'),
          mine: z.enum(['true', 'false']).default('false').describe('Chỉ phản ánh giao cho đơn vị của tôi'),
        }),
      },
    },
    async (request) => {
      const staff = wardStaff(request);
      const { view, mine } = request.query;
      const unitId = mine === 'true' ? (staff.orgUnitId ?? undefined) : undefined;
      const calendar = await deps.calendar.current();
      const today = toLocalDate(deps.clock.now());
      const open = (
        await store.listItems(db, staff.wardCode, { statuses: OPEN_STATUSES, unitId, limit: 5000 })
      ).map((item) => staffSummary(item, today, calendar));
      const items =
        view === 'answered'
          ? (await store.listItems(db, staff.wardCode, { statuses: ['answered'], unitId, limit: 200 })).map(
              (item) => staffSummary(item, today, calendar),
            )
          : open.filter((item) => view === 'open' || item.timeliness === view);
      const rates = await store.answerRates(db, staff.wardCode);
      return {
        today,
        counts: {
          open: open.length,
          dueSoon: open.filter((i) => i.timeliness === 'due_soon').length,
          late: open.filter((i) => i.timeliness === 'late').length,
        },
        answerRates: rates.map((r) => ({
          ...r,
          kindLabel: KINDS[r.kind as Kind],
          onTimePercent: r.answered > 0 ? Math.round((1000 * r.onTime) / r.answered) / 10 : null,
        })),
        items,
      };
    },
  );

  app.get(
    '/feedback/:code',
    {
      config: { policy: { permission: 'feedback.read' } },
      schema: {
        tags: ['feedback'],
        summary:
          'Một phản ánh, kiến nghị cho cán bộ (thông tin liên hệ che bớt nếu vai trò không cần; xem đầy đủ được ghi nhật ký)',
        params: CODE_PARAMS,
      },
    },
    async (request) => {
      const staff = wardStaff(request);
      const item = await itemOfWard(db, request.params.code, staff.wardCode);
      const unmasked = hasPermission(staff.role, 'feedback.personal.read');
      if (unmasked && !item.anonymous) {
        await db.transaction((tx) =>
          recordAudit(tx, auditContext(request), {
            action: 'personal_data.read',
            targetType: 'feedback_contact',
            targetId: item.code,
            wardCode: item.wardCode,
            summary: { fields: ['name', 'phone', 'email'] },
          }),
        );
      }
      const into = item.mergedIntoId ? await store.findById(db, item.mergedIntoId) : undefined;
      return staffView(item, {
        today: toLocalDate(deps.clock.now()),
        calendar: await deps.calendar.current(),
        unmasked,
        photos: await store.listPhotos(db, item.id),
        mergedInto: into?.code ?? null,
        merged: await store.listMergedCodes(db, item.id),
      });
    },
  );

  app.get(
    '/feedback/:code/photos/:n',
    {
      config: { policy: { permission: 'feedback.read' } },
      schema: {
        tags: ['feedback'],
        summary: 'Ảnh thứ n (1–5) của phản ánh, kiến nghị',
        params: z.object({ code: CODE, n: z.coerce.number().int().min(1).max(MAX_PHOTOS) }),
      },
    },
    async (request, reply) => {
      const staff = wardStaff(request);
      const item = await itemOfWard(db, request.params.code, staff.wardCode);
      const photo = await store.findPhoto(db, item.id, request.params.n - 1);
      if (!photo) throw new AppError('NOT_FOUND', 'Phản ánh này không có ảnh thứ này.');
      return reply.type(photo.mediaType).header('cache-control', 'private, no-store').send(photo.content);
    },
  );

  app.get(
    '/feedback/:code/duplicates',
    {
      config: { policy: { permission: 'feedback.read' } },
      schema: {
        tags: ['feedback'],
        summary: 'Các phản ánh có nội dung tương tự (so khớp trigram, không phân biệt dấu), có thể gộp',
        params: CODE_PARAMS,
      },
    },
    async (request) => {
      const staff = wardStaff(request);
      const item = await itemOfWard(db, request.params.code, staff.wardCode);
      const similar = await store.listSimilar(db, item);
      return { items: similar.map(({ id: _, ...s }) => ({ ...s, receivedAt: s.receivedAt.toISOString() })) };
    },
  );

  app.post(
    '/feedback/:code/route',
    {
      config: { policy: { permission: 'feedback.route' } },
      schema: {
        tags: ['feedback'],
        summary:
          'Chuyển phản ánh, kiến nghị đến đơn vị chịu trách nhiệm trả lời (chuyển lại được khi chưa trả lời)',
        params: CODE_PARAMS,
        headers: IDEMPOTENCY_HEADERS,
        body: z.object({ unitId: z.uuid('Mã đơn vị không hợp lệ') }),
      },
    },
    async (request) => {
      const staff = wardStaff(request);
      const item = await step(request, (ctx) =>
        routeItem(ctx, staff, request.params.code, request.body.unitId),
      );
      return { code: item.code, status: item.status, responsibleUnitName: item.responsibleUnitName };
    },
  );

  app.post(
    '/feedback/:code/answer',
    {
      config: { policy: { permission: 'feedback.answer' } },
      schema: {
        tags: ['feedback'],
        summary: 'Đơn vị được giao trả lời phản ánh, kiến nghị; người gửi được báo qua SMS hoặc thư điện tử',
        params: CODE_PARAMS,
        headers: IDEMPOTENCY_HEADERS,
        body: z.object({ answer: ANSWER }),
      },
    },
    async (request) => {
      const staff = wardStaff(request);
      const ward = await findWard(db, staff.wardCode);
      const notice = {
        wardName: `UBND ${midSentence(ward?.name ?? 'phường')}`,
        trackingUrl: `${siteOrigin(request, deps.config.publicUrl)}${trackingPath(request.params.code)}`,
      };
      const item = await step(request, (ctx) =>
        answerItem(ctx, staff, request.params.code, request.body.answer, notice),
      );
      return { code: item.code, status: item.status, answeredAt: item.answeredAt?.toISOString() ?? null };
    },
  );

  app.post(
    '/feedback/:code/publish',
    {
      config: { policy: { permission: 'feedback.publish' } },
      schema: {
        tags: ['feedback'],
        summary: 'Công khai câu hỏi và câu trả lời trên cổng (chỉ khi người gửi đồng ý)',
        params: CODE_PARAMS,
        headers: IDEMPOTENCY_HEADERS,
      },
    },
    async (request) => {
      const staff = wardStaff(request);
      const item = await step(request, (ctx) => publishItem(ctx, staff, request.params.code));
      return { code: item.code, publishedAt: item.publishedAt?.toISOString() ?? null };
    },
  );

  app.post(
    '/feedback/:code/merge',
    {
      config: { policy: { permission: 'feedback.route' } },
      schema: {
        tags: ['feedback'],
        summary:
          'Gộp phản ánh trùng vào một phản ánh chính; người gửi theo dõi câu trả lời của phản ánh chính',
        params: CODE_PARAMS,
        headers: IDEMPOTENCY_HEADERS,
        body: z.object({ into: CODE }),
      },
    },
    async (request) => {
      const staff = wardStaff(request);
      const { item, into } = await step(request, (ctx) =>
        mergeItem(ctx, staff, request.params.code, request.body.into),
      );
      return { code: item.code, status: item.status, mergedInto: into.code };
    },
  );
};
