/**
 * Denunciations (tố cáo): recording (an anonymous one becomes a feedback item, điều 25), the register and one
 * record with the identity sealed, the identity itself for the chairman and the assigned handler (audited), the
 * steps of the handling, and the register as PDF or Excel (never with the identity).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/store';
import { addDays } from '../../platform/calendar/rules';
import { buildWorkbook, XLSX_MEDIA_TYPE } from '../../platform/documents/excel';
import { renderPdf } from '../../platform/documents/pdf';
import { auditContext } from '../../platform/http/context';
import type { RouteOptions } from '../../platform/http/deps';
import { AppError } from '../../platform/http/errors';
import { IDEMPOTENCY_HEADERS } from '../../platform/http/schemas';
import { findWard } from '../../platform/wards/store';
import { fileItem, trackingPath } from '../feedback/api';
import { RECORDED_SOURCES } from '../feedback/register';
import { CHANNEL, EVIDENCE, PERSON_FIELDS } from './complaint-routes';
import {
  acceptDenunciation,
  assignHandler,
  concludeDenunciation,
  denunciationOfWard,
  extendInitial,
  extendResolution,
  forwardDenunciation,
  notAcceptDenunciation,
  openIdentity,
  recordDenunciation,
} from './denunciations';
import {
  buildDenunciationRegisterPdf,
  REGISTER_COLUMNS,
  REGISTER_TITLE,
  registerLines,
} from './denunciation-register';
import { deadlineCounts, denunciationDetail, denunciationSummary } from './presenters';
import { stepRoutes, stepRunner } from './route-context';
import {
  ANONYMOUS_BASIS,
  DENUNCIATION_STATUSES,
  NOT_ACCEPTED_CODES,
  OPEN_DENUNCIATION_STATUSES,
} from './rules';
import * as store from './store';

const CODE = z.object({ code: z.string().regex(/^TC-\d{4}-\d{4,}$/, 'Số tố cáo có dạng TC-2026-0001') });
const ALL = Object.keys(DENUNCIATION_STATUSES) as (keyof typeof DENUNCIATION_STATUSES)[];
const VIEWS = {
  open: OPEN_DENUNCIATION_STATUSES,
  closed: ['forwarded', 'not_accepted', 'concluded'],
  all: ALL,
} as const;
const DAY = z.iso.date({ error: 'Ngày theo dạng YYYY-MM-DD' }).refine((d) => d >= '2019-01-01' && d < '2101');
const reason = z.string().trim().min(5, 'Xin ghi rõ lý do.').max(2000);

const NEW_DENUNCIATION = z
  .object({
    anonymous: z
      .boolean()
      .default(false)
      .describe('Không rõ họ tên người tố cáo: ghi thành phản ánh (điều 25)'),
    denouncer: z.object(PERSON_FIELDS).optional().describe('Bắt buộc khi không ẩn danh; được niêm phong'),
    channel: CHANNEL,
    accused: z.string().trim().min(2, 'Xin ghi người bị tố cáo.').max(300),
    content: z.string().trim().min(10, 'Xin ghi nội dung tố cáo (ít nhất 10 ký tự).').max(4000),
    evidence: EVIDENCE,
    signed: z.boolean(),
    source: z.enum(RECORDED_SOURCES).default('counter').describe('Nguồn, khi ẩn danh thành phản ánh'),
  })
  .superRefine((v, c) => {
    if (!v.anonymous && !v.denouncer)
      c.addIssue({
        code: 'custom',
        path: ['denouncer'],
        message: 'Xin nhập họ tên, địa chỉ người tố cáo, hoặc chọn ẩn danh.',
      });
    if (v.anonymous && v.denouncer)
      c.addIssue({
        code: 'custom',
        path: ['denouncer'],
        message: 'Tố cáo ẩn danh không ghi thông tin người tố cáo.',
      });
  });

export const denunciationRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;
  const key = deps.config.identityKey;
  const runner = stepRunner(deps);
  const { step, view } = runner;
  const tags = ['denunciations'];
  const detail = async (request: Parameters<typeof view>[0], code: string) => {
    const { staff, today, calendar } = await view(request);
    return denunciationDetail(await denunciationOfWard({ db, staff }, code), staff, today, calendar);
  };

  app.post(
    '/denunciations',
    {
      config: { policy: { permission: 'denunciations.record' } },
      schema: {
        tags,
        summary:
          'Ghi nhận tố cáo; thông tin người tố cáo được mã hóa, niêm phong. Tố cáo ẩn danh được ghi thành phản ánh (Luật Tố cáo 2018, điều 25)',
        headers: IDEMPOTENCY_HEADERS,
        body: NEW_DENUNCIATION,
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (!body.denouncer) {
        const item = await step(request, async (ctx) =>
          fileItem(
            { ...ctx, hours: ctx.deadlines.hours, calendar: ctx.deadlines.calendar },
            {
              wardCode: ctx.staff.wardCode,
              kind: 'phan_anh',
              category: 'khac',
              text: `Tố cáo không rõ họ tên người tố cáo, về ${body.accused}: ${body.content}`.slice(0, 4000),
              anonymous: true,
              publishConsent: false,
              photos: [],
              source: body.source,
              sourceNote: `Ghi thành phản ánh theo ${ANONYMOUS_BASIS}`,
            },
            ctx.staff,
          ),
        );
        return reply.status(201).send({
          feedback: { code: item.code, dueDate: item.dueDate, trackingUrl: trackingPath(item.code) },
          basis: `${ANONYMOUS_BASIS}: không xử lý theo thủ tục giải quyết tố cáo; ghi thành phản ánh để xem xét.`,
        });
      }
      const denouncer = { phone: null, idNumber: null, ...body.denouncer };
      const row = await step(request, (ctx) => recordDenunciation(ctx, key, { ...body, denouncer }));
      return reply.status(201).send(await detail(request, row.code));
    },
  );

  app.get(
    '/denunciations',
    {
      config: { policy: { permission: 'denunciations.read' } },
      schema: {
        tags,
        summary:
          'Sổ tố cáo của phường theo hạn; tìm theo số, nội dung, người bị tố cáo (không bao giờ theo người tố cáo)',
        querystring: z.object({
          view: z.enum(['open', 'closed', 'all']).default('open'),
          q: z.string().trim().max(100).optional(),
        }),
      },
    },
    async (request) => {
      const { staff, today, calendar } = await view(request);
      const rows = await store.listDenunciations(db, staff.wardCode, {
        statuses: VIEWS[request.query.view],
        q: request.query.q,
      });
      const items = rows.map((row) => denunciationSummary(row, staff, today, calendar));
      return {
        today,
        counts: deadlineCounts(items.map((i) => i.deadline)),
        items,
      };
    },
  );

  app.get(
    '/denunciations/register',
    {
      config: { policy: { permission: 'denunciations.read' } },
      schema: {
        tags,
        summary:
          'Sổ tố cáo trong một khoảng thời gian (PDF hoặc Excel), không có thông tin người tố cáo; có ghi nhật ký',
        querystring: z.object({ from: DAY, to: DAY, format: z.enum(['pdf', 'xlsx']).default('pdf') }),
      },
    },
    async (request, reply) => {
      const { staff } = await view(request);
      const { from, to, format } = request.query;
      if (to < from || addDays(from, 366) < to) {
        const message = 'Khoảng thời gian từ 1 ngày đến 1 năm, ngày đầu trước ngày cuối.';
        throw new AppError('VALIDATION_FAILED', message, { to: message });
      }
      const rows = await store.listDenunciations(db, staff.wardCode, { statuses: ALL, from, to });
      const wardName = (await findWard(db, staff.wardCode))?.name ?? '';
      await recordAudit(db, auditContext(request), {
        action: 'register.export',
        targetType: 'denunciation_register',
        targetId: `${from}..${to}`,
        wardCode: staff.wardCode,
        summary: { format, rows: rows.length },
      });
      const fileName = `so-to-cao-${from}-${to}.${format}`;
      const bytes =
        format === 'pdf'
          ? await renderPdf(buildDenunciationRegisterPdf({ wardName, rows, from, to, now: deps.clock.now() }))
          : await buildWorkbook({
              sheetName: 'Sổ tố cáo',
              title: REGISTER_TITLE,
              columns: REGISTER_COLUMNS,
              rows: registerLines(rows),
            });
      return reply
        .header('content-type', format === 'pdf' ? 'application/pdf' : XLSX_MEDIA_TYPE)
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(bytes);
    },
  );

  app.get(
    '/denunciations/:code',
    {
      config: { policy: { permission: 'denunciations.read' } },
      schema: { tags, summary: 'Một tố cáo; thông tin người tố cáo luôn niêm phong ở đây', params: CODE },
    },
    (request) => detail(request, request.params.code),
  );

  app.get(
    '/denunciations/:code/identity',
    {
      config: { policy: { permission: 'denunciations.handle' } },
      schema: {
        tags,
        summary:
          'Mở thông tin người tố cáo: chỉ Chủ tịch UBND phường và người được giao giải quyết; mỗi lần xem được ghi nhật ký',
        params: CODE,
      },
    },
    async (request, reply) => {
      const identity = await step(request, (ctx) => openIdentity(ctx, key, request.params.code));
      return reply.header('cache-control', 'no-store').send(identity);
    },
  );

  const action = stepRoutes(app, { prefix: 'denunciations', tags, params: CODE, runner, detail });

  action(
    'assign',
    'denunciations.assign',
    'Chủ tịch giao người giải quyết tố cáo (người được mở thông tin người tố cáo)',
    z.object({ handlerId: z.uuid() }),
    (ctx, code, b) => assignHandler(ctx, code, b.handlerId),
  );
  action(
    'extend-initial',
    'denunciations.handle',
    'Kéo dài thời hạn xử lý ban đầu từ 07 lên 10 ngày làm việc (điều 24 khoản 1)',
    z.object({ reason }),
    (ctx, code, b) => extendInitial(ctx, code, b.reason),
  );
  action(
    'accept',
    'denunciations.handle',
    'Thụ lý tố cáo; hạn giải quyết 30 ngày, thông báo thụ lý trong 05 ngày làm việc',
    z.object({ complexity: z.enum(['normal', 'complex', 'very_complex']).default('normal') }),
    (ctx, code, b) => acceptDenunciation(ctx, code, b.complexity),
  );
  action(
    'forward',
    'denunciations.handle',
    'Chuyển tố cáo không thuộc thẩm quyền (trong 05 ngày làm việc, điều 24 khoản 2)',
    z.object({ to: z.string().trim().min(3, 'Xin ghi cơ quan có thẩm quyền.').max(300) }),
    (ctx, code, b) => forwardDenunciation(ctx, code, b.to),
  );
  action(
    'not-accept',
    'denunciations.handle',
    'Không thụ lý tố cáo (thiếu điều kiện thụ lý, điều 29 khoản 1)',
    z.object({ reason: z.enum(NOT_ACCEPTED_CODES) }),
    (ctx, code, b) => notAcceptDenunciation(ctx, code, b.reason),
  );
  action(
    'extend',
    'denunciations.handle',
    'Gia hạn giải quyết: phức tạp một lần, đặc biệt phức tạp hai lần, mỗi lần tối đa 30 ngày, có lý do (điều 30)',
    z.object({ days: z.number().int().min(1).max(365), reason }),
    (ctx, code, b) => extendResolution(ctx, code, b),
  );
  action(
    'conclude',
    'denunciations.handle',
    'Kết luận nội dung tố cáo',
    z.object({ conclusion: z.string().trim().min(10, 'Xin ghi kết luận (ít nhất 10 ký tự).').max(8000) }),
    (ctx, code, b) => concludeDenunciation(ctx, code, b.conclusion),
  );
};
