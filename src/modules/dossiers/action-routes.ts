import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DEFAULT_OFFICE_HOURS } from '../../platform/calendar/rules';
import { pokeDelivery } from '../../platform/channels/jobs';
import { auditContext, currentStaff } from '../../platform/http/context';
import type { RouteOptions } from '../../platform/http/deps';
import { AppError } from '../../platform/http/errors';
import { siteOrigin } from '../../platform/http/html';
import { IDEMPOTENCY_HEADERS } from '../../platform/http/schemas';
import { findWard } from '../../platform/wards/store';
import { formatVnd } from '../procedures/rules';
import {
  apologise,
  APOLOGY_INPUT,
  LIFECYCLE_ACTIONS,
  listPayments,
  parseInput,
  PAYMENT_METHODS,
  performAction,
  type ActionContext,
} from './actions';
import { DOSSIER_CODE } from './api';
import { forgetPublicView } from './public-view';
import { ACTIONS, statusOf, type StatusKey } from './rules';

const ACTION_SUMMARY =
  'Thao tác trên hồ sơ sau tiếp nhận (kiểm tra lại theo quy trình một cửa): ' +
  LIFECYCLE_ACTIONS.map((a) => `${a} — ${ACTIONS[a].label}`).join('; ');

function view(dossier: { code: string; status: string; dueDate: string | null } & Record<string, unknown>) {
  const status = statusOf(dossier.status as StatusKey);
  return {
    code: dossier.code,
    status: status.key,
    statusCode: status.code,
    statusLabel: status.label,
    dueDate: dossier.dueDate,
    originalDueDate: dossier.originalDueDate as string | null,
  };
}

/** The dossier lifecycle after intake: actions, the one apology, fee receipts. */
export const dossierActionRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;

  async function context(request: Parameters<typeof currentStaff>[0]) {
    const staff = currentStaff(request);
    const wardCode = staff.wardCode;
    if (!wardCode) throw new AppError('FORBIDDEN');
    const ward = await findWard(db, wardCode);
    return {
      staff: { ...staff, wardCode },
      audit: auditContext(request),
      now: deps.clock.now(),
      hours: ward?.ward.officeHours ?? DEFAULT_OFFICE_HOURS,
      calendar: await deps.calendar.current(),
      publicUrl: siteOrigin(request, deps.config.publicUrl),
    } satisfies Omit<ActionContext, 'db'>;
  }

  app.post(
    '/dossiers/:code/actions/:action',
    {
      config: { policy: { permission: 'dossiers.act' } },
      schema: {
        tags: ['dossiers'],
        summary: ACTION_SUMMARY,
        params: z.object({ code: DOSSIER_CODE, action: z.enum(LIFECYCLE_ACTIONS) }),
        headers: IDEMPOTENCY_HEADERS,
        // Each action has its own body, checked against ACTION_INPUTS once the action is known.
        body: z.looseObject({}),
      },
    },
    async (request) => {
      const { code, action } = request.params;
      const input = parseInput(action, request.body);
      const ctx = await context(request);
      const { dossier, event } = await db.transaction((tx) =>
        performAction({ ...ctx, db: tx }, code, action, input),
      );
      pokeDelivery(db);
      forgetPublicView(db, code);
      return {
        ...view(dossier),
        pausedAt: dossier.pausedAt?.toISOString() ?? null,
        supplementRequests: dossier.supplementRequests,
        supplementBreaches: dossier.supplementBreaches,
        feeDue: dossier.feeDue,
        event: {
          action: event.action,
          label: ACTIONS[action].label,
          at: event.at.toISOString(),
          fromStatus: event.fromStatus,
          toStatus: event.toStatus,
          fromUnit: event.fromUnit,
          toUnit: event.toUnit,
          timing: event.timing,
          note: event.note,
          data: event.data,
        },
      };
    },
  );

  app.post(
    '/dossiers/:code/apology',
    {
      config: { policy: { permission: 'dossiers.apologise' } },
      schema: {
        tags: ['dossiers'],
        summary:
          'Văn bản xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04), một lần cho mỗi hồ sơ; lần thứ hai bị từ chối và báo cáo Chủ tịch',
        params: z.object({ code: DOSSIER_CODE }),
        headers: IDEMPOTENCY_HEADERS,
        body: APOLOGY_INPUT,
      },
    },
    async (request) => {
      const ctx = await context(request);
      const outcome = await db.transaction((tx) =>
        apologise({ ...ctx, db: tx }, request.params.code, request.body),
      );
      pokeDelivery(db);
      forgetPublicView(db, request.params.code);
      // The escalation is committed before the refusal is answered.
      if (outcome.kind === 'refused') throw new AppError('LATE_TWICE', outcome.message);
      return {
        ...view(outcome.dossier),
        apologies: outcome.dossier.apologies,
        form: outcome.form,
        basis: outcome.basis,
      };
    },
  );

  app.get(
    '/dossiers/:code/payments',
    {
      config: { policy: { permission: 'dossiers.read' } },
      schema: {
        tags: ['dossiers'],
        summary: 'Biên lai thu phí, lệ phí của hồ sơ (số tiền tính theo biểu phí của thủ tục)',
        params: z.object({ code: DOSSIER_CODE }),
      },
    },
    async (request) => {
      const staff = currentStaff(request);
      const { dossier, rows } = await listPayments(db, staff.wardCode ?? '', request.params.code);
      return {
        code: dossier.code,
        feeDue: dossier.feeDue,
        total: rows.reduce((sum, p) => sum + p.amount, 0),
        items: rows.map((p) => ({
          id: p.id,
          receiptNumber: p.receiptNumber,
          amount: p.amount,
          amountText: formatVnd(p.amount),
          lines: p.lines,
          basis: p.basis,
          method: p.method,
          methodLabel: PAYMENT_METHODS[p.method as keyof typeof PAYMENT_METHODS] ?? p.method,
          paidAt: p.paidAt.toISOString(),
          receivedByName: p.receivedByName,
        })),
      };
    },
  );
};
