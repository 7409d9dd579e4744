import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pokeDelivery } from '../../platform/channels/jobs';
import { dossierOwner } from '../../platform/citizens/rules';
import { currentCitizenSession } from '../../platform/citizens/session';
import { MEDIA_TYPES } from '../../platform/documents/files';
import { auditContext } from '../../platform/http/context';
import type { RouteOptions } from '../../platform/http/deps';
import { acceptFileBodies, fileBody, fileBodyLimit } from '../../platform/http/file-body';
import { siteOrigin } from '../../platform/http/html';
import { IDEMPOTENCY_HEADERS } from '../../platform/http/schemas';
import {
  addSupplementFile,
  findSupplementNotice,
  removeSupplementFile,
  sendSupplement,
  type SupplementNotice,
  DOSSIER_CODE,
} from '../dossiers/api';
import { UPLOAD_RULES } from './rules';
import { checkBytes } from './service';

const CODE = z.object({
  code: DOSSIER_CODE,
});
const DOCUMENT_ID = z.string().regex(/^[a-z0-9-]{1,80}$/, 'Mã giấy tờ gồm chữ thường không dấu, số và dấu -');

/**
 * A supplement answered online: the citizen of an online dossier uploads the papers its Mẫu 02 lists (checked by
 * their bytes, as with the filing) and sends them; the counter officer then records the complete file.
 */
export const onlineSupplementRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;
  const maxBytes = deps.config.uploadMaxBytes;
  acceptFileBodies(app, maxBytes);

  const owner = (request: FastifyRequest) => dossierOwner(currentCitizenSession(request).citizen);
  const context = (request: FastifyRequest, tx: typeof db) => ({
    db: tx,
    audit: auditContext(request),
    now: deps.clock.now(),
    citizen: currentCitizenSession(request).citizen,
    publicUrl: siteOrigin(request, deps.config.publicUrl),
  });
  const present = (notice: SupplementNotice) => ({
    ...notice,
    uploadRules: { maxFiles: UPLOAD_RULES.maxFiles, maxBytes, accepted: MEDIA_TYPES },
  });
  const path = '/citizen/dossiers/:code/supplement';

  app.get(
    path,
    {
      config: { policy: 'citizen' },
      schema: {
        tags: ['citizen'],
        summary:
          'Người dân: phiếu yêu cầu bổ sung của hồ sơ nộp trực tuyến — giấy tờ cần bổ sung, tệp đã tải lên, đã gửi hay chưa',
        params: CODE,
      },
    },
    async (request) => present(await findSupplementNotice(db, request.params.code, owner(request))),
  );

  app.post(
    `${path}/uploads`,
    {
      config: { policy: 'citizen' },
      bodyLimit: fileBodyLimit(maxBytes),
      schema: {
        tags: ['citizen'],
        summary:
          'Người dân: tải lên một giấy tờ bổ sung có trong phiếu yêu cầu (nội dung tệp, application/octet-stream): ảnh JPEG, PNG hoặc PDF, kiểm tra theo nội dung tệp',
        params: CODE,
        headers: IDEMPOTENCY_HEADERS,
        querystring: z.object({ documentId: DOCUMENT_ID, fileName: z.string().trim().min(1).max(255) }),
      },
    },
    async (request, reply) => {
      const content = fileBody(request.body);
      const file = await checkBytes({ ...request.query, content }, maxBytes);
      const { pages: _, ...stored } = file;
      const notice = await db.transaction((tx) =>
        addSupplementFile(
          context(request, tx),
          request.params.code,
          owner(request),
          stored,
          UPLOAD_RULES.maxFiles,
        ),
      );
      return reply.status(201).send(present(notice));
    },
  );

  app.delete(
    `${path}/uploads/:id`,
    {
      config: { policy: 'citizen' },
      schema: {
        tags: ['citizen'],
        summary: 'Người dân: bỏ một tệp bổ sung chưa gửi',
        params: CODE.extend({ id: z.uuid('Mã tệp không hợp lệ') }),
        headers: IDEMPOTENCY_HEADERS,
      },
    },
    async (request, reply) => {
      const { code, id } = request.params;
      await db.transaction((tx) => removeSupplementFile(context(request, tx), code, owner(request), id));
      return reply.status(204).send();
    },
  );

  app.post(
    `${path}/submit`,
    {
      config: { policy: 'citizen' },
      schema: {
        tags: ['citizen'],
        summary:
          'Người dân: gửi một lần đủ các giấy tờ bổ sung; cán bộ một cửa kiểm tra và tiếp nhận, thời hạn giải quyết được tính lại từ khi nhận đủ',
        params: CODE,
        headers: IDEMPOTENCY_HEADERS,
      },
    },
    async (request) => {
      const notice = await db.transaction((tx) =>
        sendSupplement(context(request, tx), request.params.code, owner(request)),
      );
      pokeDelivery(db);
      return present(notice);
    },
  );
};
