/**
 * The papers a citizen uploaded with an online filing, for the ward's staff: the list, and each file as it was
 * sent (its type checked by its bytes on upload). Opening a file is a read of personal data: audited. And the
 * electronic result the officer attaches for a result returned online.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/store';
import { auditContext, currentStaff } from '../../platform/http/context';
import type { RouteOptions } from '../../platform/http/deps';
import { AppError } from '../../platform/http/errors';
import { acceptFileBodies, fileBody, fileBodyLimit } from '../../platform/http/file-body';
import { IDEMPOTENCY_HEADERS } from '../../platform/http/schemas';
import { findProcedureVersion } from '../procedures/api';
import { DOSSIER_CODE } from './api';
import { FILE_KINDS, findFile, listFiles } from './files';
import { attachResultFile, checkResultPdf } from './result-file';
import * as store from './store';

const NOT_FOUND = 'Không tìm thấy hồ sơ có mã này.';
const RESULT_NAME = 'Kết quả giải quyết (bản điện tử)';

export const dossierFileRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;
  const maxBytes = deps.config.uploadMaxBytes;
  acceptFileBodies(app, maxBytes);

  async function wardDossier(request: Parameters<typeof currentStaff>[0], code: string) {
    const dossier = await store.findByCode(db, code);
    if (!dossier || dossier.wardCode !== currentStaff(request).wardCode)
      throw new AppError('NOT_FOUND', NOT_FOUND);
    return dossier;
  }

  app.get(
    '/dossiers/:code/files',
    {
      config: { policy: { permission: 'dossiers.read' } },
      schema: {
        tags: ['dossiers'],
        summary: 'Các tệp giấy tờ của hồ sơ (người dân tải lên khi nộp trực tuyến)',
        params: z.object({ code: DOSSIER_CODE }),
      },
    },
    async (request) => {
      const dossier = await wardDossier(request, request.params.code);
      const procedure = await findProcedureVersion(
        db,
        dossier.wardCode,
        dossier.procedureCode,
        dossier.procedureVersion,
      );
      const names = new Map(procedure?.definition.documents.map((d) => [d.id, d.name]));
      const rows = await listFiles(db, dossier.id);
      return {
        code: dossier.code,
        items: rows.map((f) => ({
          ...f,
          documentName:
            f.kind === FILE_KINDS.result
              ? RESULT_NAME
              : ((f.documentId && names.get(f.documentId)) ?? f.documentId),
          createdAt: f.createdAt.toISOString(),
          url: `/api/v1/dossiers/${dossier.code}/files/${f.id}`,
        })),
      };
    },
  );

  app.get(
    '/dossiers/:code/files/:id',
    {
      config: { policy: { permission: 'dossiers.read' } },
      schema: {
        tags: ['dossiers'],
        summary: 'Mở một tệp giấy tờ của hồ sơ (ghi nhật ký đọc dữ liệu cá nhân)',
        params: z.object({ code: DOSSIER_CODE, id: z.uuid('Mã tệp không hợp lệ') }),
      },
    },
    async (request, reply) => {
      const dossier = await wardDossier(request, request.params.code);
      const file = await findFile(db, dossier.id, request.params.id);
      if (!file) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp này trong hồ sơ.');
      await db.transaction((tx) =>
        recordAudit(tx, auditContext(request), {
          action: 'personal_data.read',
          targetType: 'dossier_file',
          targetId: dossier.code,
          wardCode: dossier.wardCode,
          summary: { fileId: file.id, documentId: file.documentId, sha256: file.sha256 },
        }),
      );
      const name = encodeURIComponent(file.fileName);
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', `inline; filename*=UTF-8''${name}`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(file.content));
    },
  );

  app.put(
    '/dossiers/:code/result-file',
    {
      config: { policy: { permission: 'dossiers.act' } },
      bodyLimit: fileBodyLimit(maxBytes),
      schema: {
        tags: ['dossiers'],
        summary:
          'Đính kèm bản điện tử của kết quả (tệp PDF, nội dung tệp application/octet-stream, kiểm tra theo nội dung) để trả kết quả trực tuyến; thay tệp đã đính kèm trước',
        params: z.object({ code: DOSSIER_CODE }),
        headers: IDEMPOTENCY_HEADERS,
        querystring: z.object({ fileName: z.string().trim().min(1).max(255) }),
      },
    },
    async (request) => {
      const pdf = await checkResultPdf(request.query.fileName, fileBody(request.body), maxBytes);
      const wardCode = currentStaff(request).wardCode ?? '';
      const file = await db.transaction((tx) =>
        attachResultFile(
          { db: tx, wardCode, audit: auditContext(request), now: deps.clock.now() },
          request.params.code,
          pdf,
        ),
      );
      const { code } = request.params;
      return {
        ...file,
        createdAt: file.createdAt.toISOString(),
        url: `/api/v1/dossiers/${code}/files/${file.id}`,
      };
    },
  );
};
