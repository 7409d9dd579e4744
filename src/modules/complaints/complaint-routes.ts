/**
 * Complaints (khiếu nại): recording with what điều 8 requires, the register by deadline, one complaint (the
 * complainant unmasked for roles that read personal data, each such read audited), acceptance or refusal,
 * dialogue, decision and its sending, and the Mẫu 01 form as PDF.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/store';
import { hasPermission } from '../../platform/auth/policies';
import { renderPdf } from '../../platform/documents/pdf';
import { auditContext } from '../../platform/http/context';
import type { RouteOptions } from '../../platform/http/deps';
import { IDEMPOTENCY_HEADERS } from '../../platform/http/schemas';
import { idNumberProblem, normalisePhone, PHONE_MESSAGE } from '../../platform/people/rules';
import { findWard } from '../../platform/wards/store';
import { buildComplaintForm } from './complaint-form';
import {
  acceptComplaint,
  complaintOfWard,
  decideComplaint,
  markDecisionSent,
  recordComplaint,
  recordDialogue,
  refuseComplaint,
} from './complaints';
import { deadlineContext } from './context';
import { complaintDetail, complaintSummary, deadlineCounts } from './presenters';
import { stepRoutes, stepRunner } from './route-context';
import { appealWindow, OPEN_COMPLAINT_STATUSES, REFUSAL_REASON_CODES, rulesOfReceipt } from './rules';
import * as store from './store';

export const CHANNEL = z
  .enum(['written', 'in_person'])
  .describe('written: đơn; in_person: trình bày trực tiếp');
const text = (min: number, max: number, message: string) => z.string().trim().min(min, message).max(max);
export const PERSON_FIELDS = {
  fullName: text(2, 100, 'Xin nhập họ và tên.'),
  address: text(5, 300, 'Xin nhập địa chỉ (số nhà, đường, tổ dân phố, phường).'),
  phone: z
    .string()
    .max(30)
    .transform(
      (v, c) => normalisePhone(v) ?? (c.addIssue({ code: 'custom', message: PHONE_MESSAGE }), z.NEVER),
    )
    .optional(),
  idNumber: z
    .string()
    .trim()
    .superRefine((v, c) => {
      const problem = idNumberProblem(v);
      if (problem) c.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
};
export const EVIDENCE = z.array(z.string().trim().min(1).max(300)).max(30).default([]);
const CODE = z.object({ code: z.string().regex(/^KN-\d{4}-\d{4,}$/, 'Số khiếu nại có dạng KN-2026-0001') });
const DAY = z.iso
  .date({ error: 'Ngày theo dạng YYYY-MM-DD' })
  .refine((d) => d >= '2012-07-01', 'Từ 01/07/2012');
const VIEWS = { open: OPEN_COMPLAINT_STATUSES, closed: ['refused', 'sent'] } as const;

const NEW_COMPLAINT = z.object({
  complainant: z.object(PERSON_FIELDS),
  channel: CHANNEL,
  complaintDate: DAY,
  subject: text(5, 500, 'Xin ghi quyết định hành chính, hành vi hành chính bị khiếu nại.'),
  respondent: text(2, 300, 'Xin ghi cơ quan, người có quyết định, hành vi bị khiếu nại.'),
  content: text(10, 4000, 'Xin ghi nội dung khiếu nại (ít nhất 10 ký tự).'),
  reasons: text(5, 4000, 'Xin ghi lý do khiếu nại.'),
  requests: text(5, 2000, 'Xin ghi yêu cầu của người khiếu nại.'),
  evidence: EVIDENCE,
  signed: z.boolean().describe('Đơn có chữ ký hoặc điểm chỉ (biên bản ghi lời khiếu nại cũng vậy)'),
  knownOn: DAY.describe('Ngày nhận được hoặc biết được quyết định, hành vi bị khiếu nại'),
  obstacleDays: z.number().int().min(0).max(3650).default(0).describe('Số ngày trở ngại khách quan (điều 9)'),
});

export const complaintRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;
  const runner = stepRunner(deps);
  const { step, view } = runner;
  const tags = ['complaints'];
  const detail = async (request: Parameters<typeof view>[0], code: string) => {
    const { staff, today, calendar } = await view(request);
    const row = await complaintOfWard({ db, staff }, code);
    const unmasked = hasPermission(staff.role, 'complaints.personal.read');
    if (unmasked)
      await recordAudit(db, auditContext(request), {
        action: 'personal_data.read',
        targetType: 'complainant',
        targetId: row.code,
        wardCode: row.wardCode,
        summary: { fields: ['name', 'address', 'phone', 'idNumber'] },
      });
    const ctx = { ...(await deadlineContext(deps, db, staff.wardCode)) };
    const appeal = appealWindow(row, today, { ...ctx, rules: rulesOfReceipt(row.receiptDay, ctx.rules) });
    return complaintDetail(row, unmasked, today, calendar, appeal?.dueDate ?? null);
  };

  app.post(
    '/complaints',
    {
      config: { policy: { permission: 'complaints.record' } },
      schema: {
        tags,
        summary:
          'Ghi nhận khiếu nại (đơn hoặc trình bày trực tiếp) với nội dung điều 8 Luật Khiếu nại; tính thời hiệu 90 ngày và hạn thụ lý theo quy định có hiệu lực ngày nhận',
        headers: IDEMPOTENCY_HEADERS,
        body: NEW_COMPLAINT,
      },
    },
    async (request, reply) => {
      const row = await step(request, (ctx) => recordComplaint(ctx, request.body));
      return reply.status(201).send(await detail(request, row.code));
    },
  );

  app.get(
    '/complaints',
    {
      config: { policy: { permission: 'complaints.read' } },
      schema: {
        tags,
        summary:
          'Sổ khiếu nại của phường: đang giải quyết (theo hạn) hoặc đã kết thúc; người khiếu nại che bớt',
        querystring: z.object({ view: z.enum(['open', 'closed']).default('open') }),
      },
    },
    async (request) => {
      const { staff, today, calendar } = await view(request);
      const rows = await store.listComplaints(db, staff.wardCode, VIEWS[request.query.view]);
      const items = rows.map((row) => complaintSummary(row, today, calendar));
      return {
        today,
        counts: deadlineCounts(items.map((i) => i.deadline)),
        items,
      };
    },
  );

  app.get(
    '/complaints/:code',
    {
      config: { policy: { permission: 'complaints.read' } },
      schema: {
        tags,
        summary: 'Một khiếu nại (người khiếu nại đầy đủ cho vai trò được xem, có ghi nhật ký)',
        params: CODE,
      },
    },
    (request) => detail(request, request.params.code),
  );

  app.get(
    '/complaints/:code/form.pdf',
    {
      config: { policy: { permission: 'complaints.personal.read' } },
      schema: {
        tags,
        summary: 'Đơn khiếu nại theo Mẫu số 01, Nghị định 124/2020/NĐ-CP (PDF), có ghi nhật ký',
        params: CODE,
      },
    },
    async (request, reply) => {
      const { staff } = await view(request);
      const row = await complaintOfWard({ db, staff }, request.params.code);
      const ward = await findWard(db, staff.wardCode);
      const pdf = await renderPdf(buildComplaintForm(row, ward?.name ?? ''));
      await recordAudit(db, auditContext(request), {
        action: 'personal_data.read',
        targetType: 'complainant',
        targetId: row.code,
        wardCode: row.wardCode,
        summary: { document: 'mau-01-don-khieu-nai' },
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="don-khieu-nai-${row.code}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  const action = stepRoutes(app, { prefix: 'complaints', tags, params: CODE, runner, detail });

  action(
    'accept',
    'complaints.decide',
    'Chủ tịch thụ lý khiếu nại, giao người xác minh; hạn giải quyết 30 ngày, 45 ngày nếu phức tạp (điều 28)',
    z.object({ handlerId: z.uuid(), complex: z.boolean().default(false) }),
    (ctx, code, b) => acceptComplaint(ctx, code, b.handlerId, b.complex),
  );
  action(
    'refuse',
    'complaints.decide',
    'Không thụ lý khiếu nại, nêu lý do theo điều 11 Luật Khiếu nại',
    z.object({
      reasons: z
        .array(z.enum(REFUSAL_REASON_CODES))
        .min(1, 'Xin chọn ít nhất một lý do theo điều 11.')
        .max(9),
      note: z.string().trim().min(1).max(2000).optional(),
    }),
    (ctx, code, b) => refuseComplaint(ctx, code, b.reasons, b.note),
  );
  action(
    'dialogue',
    'complaints.handle',
    'Biên bản đối thoại (điều 30): người được giao xác minh hoặc lãnh đạo',
    z.object({
      heldAt: z.iso.datetime({ offset: true }),
      participants: text(5, 1000, 'Xin ghi thành phần tham gia đối thoại.'),
      minutes: text(10, 8000, 'Xin ghi nội dung, kết quả đối thoại.'),
    }),
    (ctx, code, b) => recordDialogue(ctx, code, { ...b, heldAt: new Date(b.heldAt) }),
  );
  action(
    'decision',
    'complaints.decide',
    'Ban hành quyết định giải quyết khiếu nại; hạn gửi 03 ngày làm việc. Phải đối thoại trước nếu yêu cầu và kết quả xác minh khác nhau',
    z.object({
      number: text(3, 50, 'Xin ghi số quyết định, ví dụ 12/QĐ-UBND.'),
      summary: text(10, 4000, 'Xin ghi nội dung quyết định.'),
      verificationDiffers: z.boolean(),
    }),
    (ctx, code, b) => decideComplaint(ctx, code, b),
  );
  action(
    'sent',
    'complaints.handle',
    'Ghi nhận đã gửi quyết định cho người khiếu nại; bắt đầu thời hạn khiếu nại lần hai hoặc khởi kiện (điều 33)',
    z.object({}),
    (ctx, code) => markDecisionSent(ctx, code),
  );
};
