/**
 * Printed one-stop forms of a dossier (Mẫu 01–04, control sheet) and the ward's dossier register, for staff.
 * Every print carries the applicant's name and address (and the phone, masked for readers without
 * dossiers.personal.read): each one is recorded in the audit log as a read of personal data.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/store';
import { hasPermission } from '../../platform/auth/policies';
import { dossierOwner } from '../../platform/citizens/rules';
import { addDays } from '../../platform/calendar/rules';
import { XLSX_MEDIA_TYPE } from '../../platform/documents/excel';
import { renderPdf, type TDocumentDefinitions } from '../../platform/documents/pdf';
import { auditContext, currentStaff } from '../../platform/http/context';
import type { RouteOptions } from '../../platform/http/deps';
import { AppError } from '../../platform/http/errors';
import { siteOrigin } from '../../platform/http/html';
import { DOSSIER_CODE } from './api';
import { buildApology } from './documents/apology';
import type { FormInput } from './documents/common';
import { buildControlSheet } from './documents/control-sheet';
import { listRegister, loadDossier, loadWardHeading, procedureOf } from './documents/data';
import { buildReceipt } from './documents/receipt';
import { buildRefusal } from './documents/refusal';
import { buildRegisterPdf, buildRegisterXlsx } from './documents/register';
import { buildSupplement } from './documents/supplement';
import { applicantForms } from './forms';

const FORMS = {
  receipt: buildReceipt,
  supplement: buildSupplement,
  refusal: buildRefusal,
  apology: buildApology,
  'control-sheet': buildControlSheet,
} as const satisfies Record<string, (input: FormInput) => TDocumentDefinitions>;
const FORM_KEYS = Object.keys(FORMS) as [keyof typeof FORMS, ...(keyof typeof FORMS)[]];

/** The register covers at most a year (leap day included) per export. */
const MAX_PERIOD_DAYS = 366;
/** Beyond this many lines (about 200 pages) the PDF takes seconds of CPU: Excel, or a shorter period. */
const MAX_PDF_ROWS = 3000;
// The ISO pattern allows years 0000–9999; PostgreSQL has no year 0000 and the calendar rules refuse far years.
const IN_YEARS = (text: string) => text >= '2000' && text < '2101';
const ISO_DATE = z.iso.date({ error: 'Ngày theo dạng YYYY-MM-DD' }).refine(IN_YEARS, 'Năm từ 2000 đến 2100');

const registerQuery = z.object({
  from: ISO_DATE,
  to: ISO_DATE,
  format: z.enum(['pdf', 'xlsx']).default('pdf'),
});

function sendPdf(reply: FastifyReply, pdf: Buffer, fileName: string) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .send(pdf);
}

export const dossierDocumentRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;

  app.get(
    '/dossiers/:code/documents/:form',
    {
      config: { policy: { permission: 'dossiers.read', orApplicant: true } },
      schema: {
        tags: ['dossiers'],
        summary:
          'In phiếu của hồ sơ (PDF): giấy tiếp nhận (Mẫu 01), phiếu yêu cầu bổ sung (Mẫu 02), phiếu từ chối (Mẫu 03), văn bản xin lỗi (Mẫu 04), phiếu kiểm soát; người nộp tải các phiếu đã được cấp cho mình',
        params: z.object({ code: DOSSIER_CODE, form: z.enum(FORM_KEYS) }),
      },
    },
    async (request, reply) => {
      const { code, form } = request.params;
      // The applicant signed in on the portal: their own dossier, and only the forms they were given.
      const citizen = request.session ? null : request.citizenSession?.citizen;
      const staff = citizen ? null : currentStaff(request);
      const reader = citizen ? { owner: dossierOwner(citizen) } : { wardCode: staff?.wardCode ?? '' };
      const loaded = await loadDossier(db, code, reader);
      if (!loaded) throw new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ có mã này.');
      if (citizen && !applicantForms(loaded.events).some((given) => given === form))
        throw new AppError('NOT_FOUND', 'Hồ sơ chưa có phiếu này.');
      const { dossier, events } = loaded;
      const unmasked = staff ? hasPermission(staff.role, 'dossiers.personal.read') : true;
      const doc = FORMS[form]({
        ward: await loadWardHeading(db, dossier.wardCode),
        dossier,
        events,
        procedure: await procedureOf(db, dossier),
        unmasked,
        trackingUrl: `${siteOrigin(request, deps.config.publicUrl)}/tra-cuu/${dossier.code}`,
      });
      const pdf = await renderPdf(doc);
      await db.transaction((tx) =>
        recordAudit(tx, auditContext(request), {
          action: 'personal_data.read',
          targetType: 'dossier_document',
          targetId: dossier.code,
          wardCode: dossier.wardCode,
          summary: {
            document: form,
            fields: unmasked ? ['fullName', 'address', 'phone'] : ['fullName', 'address'],
            ...(citizen ? { by: 'applicant' } : {}),
          },
        }),
      );
      return sendPdf(reply, pdf, `${dossier.code}-${form}.pdf`);
    },
  );

  app.get(
    '/registers/dossiers',
    {
      config: { policy: { permission: 'registers.export' } },
      schema: {
        tags: ['dossiers'],
        summary:
          'Sổ theo dõi hồ sơ của phường trong một khoảng thời gian (tối đa 366 ngày), dạng PDF hoặc Excel',
        querystring: registerQuery,
      },
    },
    async (request, reply) => {
      const staff = currentStaff(request);
      if (!staff.wardCode) throw new AppError('FORBIDDEN');
      const { from, to, format } = request.query;
      if (from > to) {
        const message = 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.';
        throw new AppError('VALIDATION_FAILED', message, { from: message });
      }
      if (addDays(from, MAX_PERIOD_DAYS - 1) < to) {
        const message = `Mỗi lần xuất sổ tối đa ${MAX_PERIOD_DAYS} ngày.`;
        throw new AppError('VALIDATION_FAILED', message, { to: message });
      }
      const unmasked = hasPermission(staff.role, 'dossiers.personal.read');
      const input = {
        ward: await loadWardHeading(db, staff.wardCode),
        rows: await listRegister(db, staff.wardCode, from, to),
        from,
        to,
        unmasked,
        now: deps.clock.now(),
      };
      if (format === 'pdf' && input.rows.length > MAX_PDF_ROWS) {
        const message = `Sổ có ${input.rows.length} hồ sơ, quá ${MAX_PDF_ROWS} dòng để in PDF. Xin chọn khoảng thời gian ngắn hơn hoặc xuất Excel (format=xlsx).`;
        throw new AppError('RULE_VIOLATION', message, { format: message });
      }
      const file =
        format === 'xlsx' ? await buildRegisterXlsx(input) : await renderPdf(buildRegisterPdf(input));
      await db.transaction((tx) =>
        recordAudit(tx, auditContext(request), {
          action: 'personal_data.read',
          targetType: 'dossier_register',
          targetId: `${from}/${to}`,
          wardCode: staff.wardCode,
          summary: {
            format,
            dossiers: input.rows.length,
            fields: unmasked ? ['fullName', 'address', 'phone'] : ['fullName', 'address'],
          },
        }),
      );
      const fileName = `so-theo-doi-ho-so-${from}-${to}.${format}`;
      if (format === 'pdf') return sendPdf(reply, file, fileName);
      return reply
        .header('content-type', XLSX_MEDIA_TYPE)
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(file);
    },
  );
};
