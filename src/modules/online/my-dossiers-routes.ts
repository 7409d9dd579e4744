import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/store';
import { dossierOwner } from '../../platform/citizens/rules';
import { currentCitizenSession } from '../../platform/citizens/session';
import { auditContext } from '../../platform/http/context';
import type { RouteOptions } from '../../platform/http/deps';
import { AppError } from '../../platform/http/errors';
import { siteOrigin } from '../../platform/http/html';
import { findOwnDossier, findOwnResult, listApplicantDossiers, DOSSIER_CODE } from '../dossiers/api';
import { ratingUrl } from '../ratings/api';

/** "Hồ sơ của tôi": the signed-in citizen's own dossiers, and nobody else's. */
export const myDossiersRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;

  app.get(
    '/citizen/dossiers',
    {
      config: { policy: 'citizen' },
      schema: {
        tags: ['citizen'],
        summary:
          'Người dân: hồ sơ của tôi (đã nộp trực tuyến, theo số căn cước VNeID xác thực, hoặc theo số điện thoại đã đăng nhập bằng mã)',
      },
    },
    async (request) => {
      const owner = dossierOwner(currentCitizenSession(request).citizen);
      const key = owner.applicant;
      return {
        matchedBy: key ? ('idNumber' in key ? 'idNumber' : 'phone') : null,
        items: await listApplicantDossiers(db, owner),
      };
    },
  );

  app.get(
    '/citizen/dossiers/:code',
    {
      config: { policy: 'citizen' },
      schema: {
        tags: ['citizen'],
        summary:
          'Người dân: một hồ sơ của tôi — trạng thái, quá trình giải quyết, ngày hẹn trả, đường dẫn đánh giá khi đã trả kết quả',
        params: z.object({ code: DOSSIER_CODE }),
      },
    },
    async (request) => {
      const owner = dossierOwner(currentCitizenSession(request).citizen);
      const dossier = await findOwnDossier(db, request.params.code, owner);
      if (!dossier) throw new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ có mã này trong hồ sơ của bạn.');
      // Their own data still: a read of it is on the trail, as a staff member's would be.
      await db.transaction((tx) =>
        recordAudit(tx, auditContext(request), {
          action: 'personal_data.read',
          targetType: 'dossier_applicant',
          targetId: dossier.code,
          wardCode: dossier.wardCode,
          summary: { fields: ['applicantName'], by: 'applicant' },
        }),
      );
      const origin = siteOrigin(request, deps.config.publicUrl);
      return {
        ...dossier,
        ratingUrl:
          dossier.status === 'returned' ? ratingUrl(origin, dossier.code, deps.config.ratingSecret) : null,
      };
    },
  );

  app.get(
    '/citizen/dossiers/:code/result',
    {
      config: { policy: 'citizen' },
      schema: {
        tags: ['citizen'],
        summary:
          'Người dân: tải bản điện tử của kết quả giải quyết hồ sơ của tôi (đăng ký nhận kết quả trực tuyến), khi đã có kết quả',
        params: z.object({ code: DOSSIER_CODE }),
      },
    },
    async (request, reply) => {
      const owner = dossierOwner(currentCitizenSession(request).citizen);
      const result = await findOwnResult(db, request.params.code, owner);
      if (!result) throw new AppError('NOT_FOUND', 'Hồ sơ này không có bản điện tử của kết quả để tải về.');
      const { file } = result;
      await db.transaction((tx) =>
        recordAudit(tx, auditContext(request), {
          action: 'dossier.result_downloaded',
          targetType: 'dossier',
          targetId: result.code,
          wardCode: result.wardCode,
          summary: { fileId: file.id, sha256: file.sha256, by: 'applicant' },
        }),
      );
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(file.content));
    },
  );
};
