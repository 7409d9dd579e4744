import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DEFAULT_OFFICE_HOURS } from '../../platform/calendar/rules';
import { pokeDelivery } from '../../platform/channels/jobs';
import { currentCitizenSession } from '../../platform/citizens/session';
import { auditContext } from '../../platform/http/context';
import type { RouteOptions } from '../../platform/http/deps';
import { siteOrigin } from '../../platform/http/html';
import { IDEMPOTENCY_HEADERS } from '../../platform/http/schemas';
import { findWard } from '../../platform/wards/store';
import { statusOf } from '../dossiers/rules';
import { formatVnd } from '../procedures/api';
import { acceptFileBodies, fileBody, fileBodyLimit } from '../../platform/http/file-body';
import {
  addUpload,
  checkFile,
  deleteDraft,
  draftView,
  findDraft,
  onlineProcedure,
  removeUpload,
  saveAnswers,
  startDraft,
  submitDraft,
  uploadView,
  type DraftContext,
} from './service';
import * as store from './store';

const DRAFT_ID = z.object({ id: z.uuid('Mã bản nháp không hợp lệ') });
const DOCUMENT_ID = z.string().regex(/^[a-z0-9-]{1,80}$/, 'Mã giấy tờ gồm chữ thường không dấu, số và dấu -');

/** Online filing by a signed-in citizen: drafts, one question a page, uploaded papers, submission. */
export const onlineRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;
  const wardCode = deps.config.portalWard;
  const maxBytes = deps.config.uploadMaxBytes;

  acceptFileBodies(app, maxBytes);

  const context = (request: FastifyRequest, tx = db): DraftContext => ({
    db: tx,
    citizen: currentCitizenSession(request).citizen,
    audit: auditContext(request),
    now: deps.clock.now(),
  });

  async function view(ctx: Omit<DraftContext, 'audit' | 'now'>, draft: store.DraftRow) {
    const procedure = await onlineProcedure(db, draft.wardCode, draft.procedureCode);
    return draftView(procedure, draft, await store.listUploads(db, draft.id), ctx.citizen, maxBytes);
  }

  app.post(
    '/online/drafts',
    {
      config: { policy: 'citizen' },
      schema: {
        tags: ['online'],
        summary: 'Người dân: bắt đầu hồ sơ nộp trực tuyến cho một thủ tục, hoặc mở lại bản nháp đang làm dở',
        headers: IDEMPOTENCY_HEADERS,
        body: z.strictObject({
          procedureCode: z.string().regex(/^\d\.\d{6}$/, 'Mã thủ tục có dạng 1.001193'),
        }),
      },
    },
    async (request, reply) => {
      const { draft, created } = await db.transaction((tx) =>
        startDraft(context(request, tx), wardCode, request.body.procedureCode),
      );
      return reply.status(created ? 201 : 200).send(await view(context(request), draft));
    },
  );

  app.get(
    '/online/drafts',
    {
      config: { policy: 'citizen' },
      schema: { tags: ['online'], summary: 'Người dân: các hồ sơ trực tuyến đang làm dở' },
    },
    async (request) => {
      const drafts = await store.listOpenDrafts(db, currentCitizenSession(request).citizen.id);
      const items = [];
      for (const draft of drafts) {
        const procedure = await onlineProcedure(db, draft.wardCode, draft.procedureCode).catch(() => null);
        if (!procedure) continue;
        items.push({
          id: draft.id,
          procedureCode: procedure.code,
          procedureName: procedure.definition.name,
          currentStep: draft.currentStep,
          updatedAt: draft.updatedAt.toISOString(),
        });
      }
      return { items };
    },
  );

  app.get(
    '/online/drafts/:id',
    {
      config: { policy: 'citizen' },
      schema: { tags: ['online'], summary: 'Người dân: một bản nháp hồ sơ trực tuyến', params: DRAFT_ID },
    },
    async (request) => {
      const ctx = context(request);
      return view(ctx, await findDraft(ctx, request.params.id));
    },
  );

  app.put(
    '/online/drafts/:id',
    {
      config: { policy: 'citizen' },
      schema: {
        tags: ['online'],
        summary:
          'Người dân: lưu câu trả lời của một trang (người nộp, địa chỉ, cách nhận kết quả, các kênh nhận thông báo) và trang đang làm',
        params: DRAFT_ID,
        headers: IDEMPOTENCY_HEADERS,
        body: z.strictObject({
          currentStep: z.string().max(100).optional(),
          applicant: z.unknown().optional(),
          address: z.unknown().optional(),
          returnChannel: z.unknown().optional(),
          notify: z.unknown().optional(),
        }),
      },
    },
    async (request) => {
      const { draft } = await db.transaction((tx) =>
        saveAnswers(context(request, tx), request.params.id, request.body),
      );
      return view(context(request), draft);
    },
  );

  app.delete(
    '/online/drafts/:id',
    {
      config: { policy: 'citizen' },
      schema: {
        tags: ['online'],
        summary: 'Người dân: xóa bản nháp hồ sơ và các tệp đã tải lên',
        params: DRAFT_ID,
        headers: IDEMPOTENCY_HEADERS,
      },
    },
    async (request, reply) => {
      await db.transaction((tx) => deleteDraft(context(request, tx), request.params.id));
      return reply.status(204).send();
    },
  );

  app.post(
    '/online/drafts/:id/uploads',
    {
      config: { policy: 'citizen' },
      bodyLimit: fileBodyLimit(maxBytes),
      schema: {
        tags: ['online'],
        summary:
          'Người dân: tải lên một giấy tờ của hồ sơ (nội dung tệp, application/octet-stream): ảnh JPEG, PNG hoặc PDF, kiểm tra theo nội dung tệp',
        params: DRAFT_ID,
        headers: IDEMPOTENCY_HEADERS,
        querystring: z.object({ documentId: DOCUMENT_ID, fileName: z.string().trim().min(1).max(255) }),
      },
    },
    async (request, reply) => {
      const content = fileBody(request.body);
      const ctx = context(request);
      const draft = await findDraft(ctx, request.params.id);
      const procedure = await onlineProcedure(db, draft.wardCode, draft.procedureCode);
      const file = await checkFile(procedure, { ...request.query, content }, maxBytes);
      const upload = await db.transaction((tx) => addUpload(context(request, tx), draft.id, file));
      return reply.status(201).send(uploadView(upload));
    },
  );

  app.delete(
    '/online/drafts/:id/uploads/:uploadId',
    {
      config: { policy: 'citizen' },
      schema: {
        tags: ['online'],
        summary: 'Người dân: bỏ một tệp đã tải lên',
        params: DRAFT_ID.extend({ uploadId: z.uuid('Mã tệp không hợp lệ') }),
        headers: IDEMPOTENCY_HEADERS,
      },
    },
    async (request, reply) => {
      const { id, uploadId } = request.params;
      await db.transaction((tx) => removeUpload(context(request, tx), id, uploadId));
      return reply.status(204).send();
    },
  );

  app.post(
    '/online/drafts/:id/submit',
    {
      config: { policy: 'citizen' },
      schema: {
        tags: ['online'],
        summary:
          'Người dân: nộp hồ sơ trực tuyến (trạng thái "Mới đăng ký"); nộp ngoài giờ làm việc được tính là nhận vào ngày làm việc tiếp theo',
        params: DRAFT_ID,
        headers: IDEMPOTENCY_HEADERS,
      },
    },
    async (request, reply) => {
      const ward = await findWard(db, wardCode);
      const calendar = await deps.calendar.current();
      const { dossier, fee, pages } = await db.transaction((tx) =>
        submitDraft(
          {
            ...context(request, tx),
            hours: ward?.ward.officeHours ?? DEFAULT_OFFICE_HOURS,
            calendar,
            publicUrl: siteOrigin(request, deps.config.publicUrl),
          },
          request.params.id,
        ),
      );
      pokeDelivery(db);
      const status = statusOf('submitted');
      return reply.status(201).send({
        code: dossier.code,
        status: status.key,
        statusCode: status.code,
        statusLabel: status.label,
        submittedAt: dossier.receivedAt.toISOString(),
        receiptDay: dossier.receiptDay,
        pages,
        fee: { ...fee, amountText: formatVnd(fee.amount) },
        trackingUrl: `/tra-cuu/${dossier.code}`,
      });
    },
  );
};
