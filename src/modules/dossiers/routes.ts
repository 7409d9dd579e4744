import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/store';
import { hasPermission } from '../../platform/auth/policies';
import { pokeDelivery } from '../../platform/channels/jobs';
import { auditContext, currentStaff } from '../../platform/http/context';
import type { RouteOptions } from '../../platform/http/deps';
import { AppError } from '../../platform/http/errors';
import { siteOrigin } from '../../platform/http/html';
import { REQUIRED_IDEMPOTENCY_HEADERS } from '../../platform/http/schemas';
import { idNumberProblem, normalisePhone, PHONE_MESSAGE } from '../../platform/people/rules';
import { DEFAULT_OFFICE_HOURS, toLocalDate } from '../../platform/calendar/rules';
import { findWard } from '../../platform/wards/store';
import { findProcedure } from '../procedures/api';
import { DOSSIER_CODE } from './api';
import { intakeDossier } from './intake';
import { SUPPLEMENT_SENT } from './online-supplement';
import { staffView } from './presenters';
import { publicViewCache, rendered, sendRendered } from './public-view';
import { RETURN_CHANNELS, STATUSES, urgency, URGENCY_LABELS } from './rules';
import * as store from './store';

const JSON_TYPE = 'application/json; charset=utf-8';

const DOCUMENT_ID = z.string().regex(/^[a-z0-9-]{1,80}$/, 'Mã giấy tờ gồm chữ thường không dấu, số và dấu -');

const intakeBody = z.object({
  procedureCode: z.string().regex(/^\d\.\d{6}$/, 'Mã thủ tục có dạng 1.001193'),
  applicant: z.object({
    fullName: z.string().trim().min(2, 'Xin vui lòng nhập họ và tên người nộp hồ sơ.').max(100),
    idNumber: z
      .string()
      .trim()
      .superRefine((v, ctx) => {
        const problem = idNumberProblem(v);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    phone: z
      .string()
      .max(20)
      .transform(
        (v, ctx) => normalisePhone(v) ?? (ctx.addIssue({ code: 'custom', message: PHONE_MESSAGE }), z.NEVER),
      ),
    address: z.string().trim().min(5, 'Xin vui lòng nhập địa chỉ (số nhà, đường, tổ dân phố…).').max(300),
  }),
  documentsReceived: z.array(DOCUMENT_ID).max(50),
  channel: z.enum(['counter', 'online', 'home']),
  outcome: z.enum(['receive', 'request_supplement', 'refuse']).default('receive'),
  missingDocuments: z.array(DOCUMENT_ID).max(50).optional(),
  reasons: z.array(z.string().trim().min(3).max(500)).max(10).optional(),
  fee: z
    .object({
      item: z.string().max(80).optional(),
      pages: z.number().int().min(1).max(10_000).optional(),
      copies: z.number().int().min(1).max(1000).optional(),
      quantity: z.number().int().min(1).max(1000).optional(),
      exemption: z.string().max(80).optional(),
    })
    .strict()
    .optional(),
  /** Paid in cash at the counter now: the scheduled fee, recorded with a receipt (no amount is sent). */
  payment: z.strictObject({ method: z.literal('cash') }).optional(),
  returnChannel: z.enum(RETURN_CHANNELS, 'Xin vui lòng chọn cách nhận kết quả.').default('counter'),
  /** By post to another address than the applicant's. */
  returnAddress: z
    .string()
    .trim()
    .min(5, 'Xin vui lòng nhập địa chỉ nhận kết quả (số nhà, đường, tổ dân phố…).')
    .max(300, 'Địa chỉ tối đa 300 ký tự.')
    .optional(),
});

// Filed online and waiting for the counter officer ("Hồ sơ trực tuyến chờ tiếp nhận"), then the dossiers in progress.
const OPEN_STATUSES = [
  'submitted',
  'received',
  'processing',
  'supplement_requested',
  'awaiting_payment',
  'result_ready',
];

export const dossierRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;
  const publicViews = publicViewCache(db);

  app.post(
    '/dossiers',
    {
      config: { policy: { permission: 'dossiers.intake' } },
      schema: {
        tags: ['dossiers'],
        summary:
          'Tiếp nhận hồ sơ tại quầy (Mẫu 01), hoặc lập phiếu yêu cầu bổ sung (Mẫu 02) hay từ chối (Mẫu 03)',
        headers: REQUIRED_IDEMPOTENCY_HEADERS,
        body: intakeBody,
      },
    },
    async (request, reply) => {
      const staff = currentStaff(request);
      const wardCode = staff.wardCode;
      if (!wardCode) throw new AppError('FORBIDDEN');
      const procedure = await findProcedure(db, wardCode, request.body.procedureCode);
      if (!procedure) {
        const message = 'Phường không có thủ tục này.';
        throw new AppError('VALIDATION_FAILED', message, { procedureCode: message });
      }
      const ward = await findWard(db, wardCode);
      const calendar = await deps.calendar.current();
      const result = await intakeDossier(
        {
          db,
          staff: { ...staff, wardCode },
          audit: auditContext(request),
          procedure,
          now: deps.clock.now(),
          hours: ward?.ward.officeHours ?? DEFAULT_OFFICE_HOURS,
          calendar,
          publicUrl: siteOrigin(request, deps.config.publicUrl),
        },
        request.body,
      );
      pokeDelivery(db);
      const { dossier } = result;
      return reply.status(201).send({
        code: dossier.code,
        status: dossier.status,
        statusCode: dossier.statusCode,
        receivedAt: dossier.receivedAt.toISOString(),
        receiptDay: dossier.receiptDay,
        dueDate: dossier.dueDate,
        dueDateBasis: result.dueDateBasis,
        fee: result.fee,
        payment: result.payment && {
          method: 'cash',
          amount: result.payment.amount,
          receiptNumber: result.payment.receiptNumber,
          paidAt: result.payment.paidAt.toISOString(),
          receiptUrl: `/api/v1/dossiers/${dossier.code}/payment/receipt`,
        },
        trackingUrl: `/tra-cuu/${dossier.code}`,
      });
    },
  );

  app.get(
    '/dossiers/:code/public',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['dossiers'],
        summary: 'Tra cứu hồ sơ theo mã (không có dữ liệu cá nhân)',
        params: z.object({ code: DOSSIER_CODE }),
      },
    },
    (request, reply) => {
      // A view in memory is answered at once, without a promise.
      const json = publicViews.peek(request.params.code)?.json;
      if (json) return sendRendered(request, reply, json, JSON_TYPE);
      return publicViews.get(request.params.code).then((entry) => {
        if (!entry) throw new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ có mã này.');
        entry.json ??= rendered(JSON.stringify(entry.view));
        return sendRendered(request, reply, entry.json, JSON_TYPE);
      });
    },
  );

  app.get(
    '/dossiers/:code',
    {
      config: { policy: { permission: 'dossiers.read' } },
      schema: {
        tags: ['dossiers'],
        summary: 'Hồ sơ đầy đủ cho cán bộ (số căn cước, điện thoại che bớt nếu vai trò không cần)',
        params: z.object({ code: DOSSIER_CODE }),
      },
    },
    async (request) => {
      const staff = currentStaff(request);
      const dossier = await store.findByCode(db, request.params.code);
      if (!dossier || dossier.wardCode !== staff.wardCode)
        throw new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ có mã này.');
      const unmasked = hasPermission(staff.role, 'dossiers.personal.read');
      const events = await store.listEvents(db, dossier.id);
      if (unmasked) {
        await db.transaction((tx) =>
          recordAudit(tx, auditContext(request), {
            action: 'personal_data.read',
            targetType: 'dossier_applicant',
            targetId: dossier.code,
            wardCode: dossier.wardCode,
            summary: { fields: ['idNumber', 'phone'] },
          }),
        );
      }
      return staffView(dossier, events, unmasked);
    },
  );

  app.get(
    '/dossiers',
    {
      config: { policy: { permission: 'dossiers.read' } },
      schema: {
        tags: ['dossiers'],
        summary: 'Hàng đợi hồ sơ đang giải quyết của phường, xếp theo mức khẩn',
        querystring: z.object({
          status: z.enum(STATUSES.map((s) => s.key) as [string, ...string[]]).optional(),
        }),
      },
    },
    async (request) => {
      const staff = currentStaff(request);
      if (!staff.wardCode) throw new AppError('FORBIDDEN');
      const calendar = await deps.calendar.current();
      const today = toLocalDate(deps.clock.now());
      const rows = await store.listOpen(
        db,
        staff.wardCode,
        request.query.status ? [request.query.status] : OPEN_STATUSES,
      );
      const rank = { overdue: 0, due_today: 1, at_risk: 2, on_track: 3 } as const;
      const waiting = rows.filter((d) => d.status === 'supplement_requested').map((d) => d.id);
      const supplements = await store.lastActionOf(db, waiting, ['request_supplement', SUPPLEMENT_SENT]);
      const items = rows.map((d) => {
        const level =
          d.dueDate && d.status !== 'result_ready' ? urgency(d.dueDate, today, calendar) : 'on_track';
        return {
          code: d.code,
          procedureName: d.procedureName,
          applicantName: d.applicantName,
          status: d.status,
          statusLabel: STATUSES.find((s) => s.key === d.status)?.label ?? d.status,
          receivedAt: d.receivedAt.toISOString(),
          dueDate: d.dueDate,
          urgency: level,
          urgencyLabel: URGENCY_LABELS[level],
          /** Refused a second new date: reported to the ward chairman. */
          lateTwice: d.lateTwiceAt !== null,
          /** In the same-day lane ("Làn trong ngày") of the ward's "không hẹn, không chờ" day. */
          sameDay: d.sameDay,
          /** The citizen sent the requested papers online: the counter officer checks and records them. */
          supplementArrived: supplements.get(d.id) === SUPPLEMENT_SENT,
        };
      });
      items.sort(
        (a, b) => rank[a.urgency] - rank[b.urgency] || (a.dueDate ?? '').localeCompare(b.dueDate ?? ''),
      );
      return { today, items };
    },
  );
};
