/**
 * The applicant changes how they will receive the result after intake ("Đăng ký nhận kết quả" of Mẫu 01): at the
 * centre, by public post to an address, or online for a fully online procedure. Recorded on the control sheet and
 * audited; refused once processing has ended.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit, type AuditContext } from '../../platform/audit/store';
import { pokeDelivery } from '../../platform/channels/jobs';
import type { Db } from '../../platform/db/connect';
import { auditContext, currentStaff } from '../../platform/http/context';
import type { RouteOptions } from '../../platform/http/deps';
import { AppError } from '../../platform/http/errors';
import { siteOrigin } from '../../platform/http/html';
import { IDEMPOTENCY_HEADERS } from '../../platform/http/schemas';
import { findProcedureVersion } from '../procedures/api';
import { DOSSIER_CODE } from './api';
import { lockDossierByCode } from './files';
import { returnOf } from './intake';
import { notifyApplicant } from './notices';
import {
  postalReturnAddress,
  RETURN_CHANNEL_LABELS,
  RETURN_CHANNELS,
  statusOf,
  type StatusKey,
} from './rules';
import { dossiers } from './schema';
import * as store from './store';

const BODY = z.object({
  returnChannel: z.enum(RETURN_CHANNELS, 'Xin vui lòng chọn cách nhận kết quả.'),
  returnAddress: z.string().trim().min(5, 'Xin ghi địa chỉ nhận kết quả qua bưu chính.').max(300).optional(),
});

interface Context {
  db: Db;
  audit: AuditContext;
  now: Date;
  staff: { id: string; fullName: string; wardCode: string };
  /** The portal's address, for the tracking link of the message to the applicant. */
  publicUrl?: string;
}

export async function changeReturnMethod(ctx: Context, code: string, input: z.infer<typeof BODY>) {
  const row = await lockDossierByCode(ctx.db, code);
  if (!row || row.wardCode !== ctx.staff.wardCode)
    throw new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ có mã này.');
  const status = statusOf(row.status as StatusKey);
  if (status.final) {
    throw new AppError(
      'INVALID_TRANSITION',
      `Hồ sơ đã ở trạng thái "${status.label}": không đổi được cách nhận kết quả.`,
    );
  }
  const procedure = await findProcedureVersion(ctx.db, row.wardCode, row.procedureCode, row.procedureVersion);
  if (!procedure) throw new AppError('NOT_FOUND', 'Không tìm thấy thủ tục của hồ sơ.');
  const chosen = returnOf(procedure.definition, input);
  const [updated] = await ctx.db
    .update(dossiers)
    .set({ ...chosen, updatedAt: ctx.now })
    .where(eq(dossiers.id, row.id))
    .returning();
  if (!updated) throw new Error(`dossier ${code} vanished while locked`);
  const address = postalReturnAddress(updated);
  const note = `${RETURN_CHANNEL_LABELS[chosen.returnChannel]}${address ? `, đến địa chỉ: ${address}` : ''}`;
  await store.insertEvent(ctx.db, {
    wardCode: row.wardCode,
    dossierId: row.id,
    action: 'change_return',
    fromStatus: row.status,
    toStatus: row.status,
    at: ctx.now,
    actorId: ctx.staff.id,
    actorName: ctx.staff.fullName,
    note,
    data: { from: row.returnChannel, to: chosen.returnChannel },
  });
  await notifyApplicant(ctx.db, updated, { action: 'change_return', toStatus: row.status }, ctx);
  await recordAudit(ctx.db, ctx.audit, {
    action: 'dossier.return_changed',
    targetType: 'dossier',
    targetId: row.code,
    wardCode: row.wardCode,
    summary: { from: row.returnChannel, to: chosen.returnChannel },
  });
  return updated;
}

export const returnMethodRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;
  app.post(
    '/dossiers/:code/return-method',
    {
      config: { policy: { permission: 'dossiers.intake' } },
      schema: {
        tags: ['dossiers'],
        summary:
          'Đổi cách nhận kết quả theo đề nghị của người nộp (tại Trung tâm, qua bưu chính, trực tuyến nếu thủ tục toàn trình); ghi vào phiếu kiểm soát',
        params: z.object({
          code: DOSSIER_CODE,
        }),
        headers: IDEMPOTENCY_HEADERS,
        body: BODY,
      },
    },
    async (request) => {
      const staff = currentStaff(request);
      if (!staff.wardCode) throw new AppError('FORBIDDEN');
      const ctx = {
        audit: auditContext(request),
        now: deps.clock.now(),
        publicUrl: siteOrigin(request, deps.config.publicUrl),
        staff: { id: staff.id, fullName: staff.fullName, wardCode: staff.wardCode },
      };
      const updated = await db.transaction((tx) =>
        changeReturnMethod({ ...ctx, db: tx }, request.params.code, request.body),
      );
      pokeDelivery(db);
      return {
        code: updated.code,
        returnChannel: updated.returnChannel,
        returnAddress: postalReturnAddress(updated),
      };
    },
  );
};
