import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/store';
import { auditContext, currentStaff } from '../../platform/http/context';
import type { RouteOptions } from '../../platform/http/deps';
import { AppError } from '../../platform/http/errors';
import { WARD_CODE } from '../../platform/http/schemas';
import { ProcedureSchema, type Procedure } from './catalogue';
import * as store from './store';

export const PROCEDURE_CODE = z.string().regex(/^\d\.\d{6}$/, 'Mã thủ tục có dạng 1.001193');

/** What a list shows of a procedure: enough to choose it. */
function summary(code: string, definition: Procedure) {
  return {
    code,
    name: definition.name,
    field: definition.field,
    timeLimit: definition.timeLimit,
    free: definition.fees.free,
    onlineLevel: definition.onlineLevel,
  };
}

export const procedureRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;
  const wardQuery = { ward: WARD_CODE.optional() };

  app.get(
    '/procedures',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['procedures'],
        summary: 'Tra cứu thủ tục hành chính của phường (gõ không dấu cũng tìm được)',
        querystring: z.object({ q: z.string().max(100).optional(), ...wardQuery }),
      },
    },
    async (request) => {
      const rows = await store.searchProcedures(
        db,
        request.query.ward ?? deps.config.portalWard,
        request.query.q,
      );
      return { items: rows.map((r) => summary(r.code, r.definition)) };
    },
  );

  app.get(
    '/procedures/:code',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['procedures'],
        summary: 'Một thủ tục: giấy tờ, lệ phí, thời hạn, căn cứ pháp lý',
        params: z.object({ code: PROCEDURE_CODE }),
        querystring: z.object(wardQuery),
      },
    },
    async (request) => {
      const wardCode = request.query.ward ?? deps.config.portalWard;
      const found = await store.findProcedure(db, wardCode, request.params.code);
      if (!found) throw new AppError('NOT_FOUND', 'Không tìm thấy thủ tục này.');
      return { code: found.code, version: found.version, wardCode, ...found.definition };
    },
  );

  app.get(
    '/procedures/:code/versions',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['procedures'],
        summary: 'Lịch sử các phiên bản của một thủ tục',
        params: z.object({ code: PROCEDURE_CODE }),
        querystring: z.object(wardQuery),
      },
    },
    async (request) => {
      const wardCode = request.query.ward ?? deps.config.portalWard;
      const versions = await store.listVersions(db, wardCode, request.params.code);
      if (versions.length === 0) throw new AppError('NOT_FOUND', 'Không tìm thấy thủ tục này.');
      return { versions };
    },
  );

  app.put(
    '/wards/:ward/procedures/:code',
    {
      config: { policy: { permission: 'procedures.edit', wardParam: 'ward' } },
      schema: {
        tags: ['procedures'],
        summary: 'Sửa một thủ tục (tạo phiên bản mới; hồ sơ đã nhận giữ phiên bản cũ)',
        params: z.object({ ward: WARD_CODE, code: PROCEDURE_CODE }),
        body: z.object({ definition: ProcedureSchema, changeNote: z.string().trim().min(3).max(500) }),
      },
    },
    async (request) => {
      const { ward, code } = request.params;
      const { definition, changeNote } = request.body;
      if (definition.nationalCode !== code) {
        throw new AppError('VALIDATION_FAILED', 'Mã thủ tục trong nội dung khác mã trên đường dẫn.', {
          'definition.nationalCode': 'Mã thủ tục phải trùng với mã trên đường dẫn.',
        });
      }
      const staff = currentStaff(request);
      const version = await db.transaction(async (tx) => {
        const saved = await store.saveProcedureVersion(tx, ward, definition, changeNote, staff.id);
        await recordAudit(tx, auditContext(request), {
          action: 'procedure.version_saved',
          targetType: 'procedure',
          targetId: code,
          wardCode: ward,
          summary: { version: saved, changeNote },
        });
        return saved;
      });
      return { code, version };
    },
  );
};
