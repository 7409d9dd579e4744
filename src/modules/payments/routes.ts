import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/store';
import { renderPdf } from '../../platform/documents/pdf';
import { dossierOwner } from '../../platform/citizens/rules';
import { auditContext, currentStaff } from '../../platform/http/context';
import type { RouteOptions } from '../../platform/http/deps';
import { AppError } from '../../platform/http/errors';
import { siteOrigin } from '../../platform/http/html';
import { IDEMPOTENCY_HEADERS } from '../../platform/http/schemas';
import { DOSSIER_CODE } from '../dossiers/api';
import { vnpayGateway, type PaymentGateway } from './gateway';
import { IPN_ANSWERS } from './rules';
import {
  applyCallback,
  dossierOfWard,
  paymentView,
  receiptDocument,
  reconcileStatement,
  startGatewayPayment,
  type CallbackOutcome,
} from './service';

/** The gateway's parameters: names and values of at most a few hundred characters. */
export const GATEWAY_QUERY = z.record(z.string().max(64), z.string().max(1000));
/** Where the gateway sends its server-to-server notification (configured at the gateway for the merchant). */
export const IPN_PATH = '/api/v1/payments/gateway/ipn';
/** Where the citizen's browser comes back (./pages). */
export const RETURN_PATH = '/thanh-toan/ket-qua';

const STATEMENT = z.strictObject({
  lines: z
    .array(
      z.strictObject({
        reference: z.string().trim().min(1).max(100),
        amount: z.number().int().min(1).max(1_000_000_000_000),
        note: z.string().max(500),
        bookedAt: z.iso.datetime({ offset: true }),
      }),
    )
    .min(1)
    .max(500),
});

/** The IPN answer the gateway expects for each outcome. */
export function ipnAnswer(outcome: CallbackOutcome) {
  if (outcome.kind === 'applied') return IPN_ANSWERS.confirmed;
  if (outcome.kind === 'replayed' || outcome.kind === 'already_settled') return IPN_ANSWERS.already_confirmed;
  return IPN_ANSWERS[outcome.kind];
}

export function gatewayOf(options: RouteOptions): PaymentGateway | null {
  const config = options.deps.config.paymentGateway;
  return config && vnpayGateway(config);
}

/** Fees paid online: what a dossier owes, the gateway payment, its notification, the bank statement. */
export const paymentRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, options) => {
  const { deps } = options;
  const { db } = deps.database;
  const gateway = gatewayOf(options);
  const context = (request: FastifyRequest) => ({ audit: auditContext(request), now: deps.clock.now() });
  /** The dossier a staff member of its ward, or its own citizen, asks about. */
  const dossierFor = (request: FastifyRequest, code: string) => {
    const citizen = request.session ? null : request.citizenSession?.citizen;
    if (citizen) return dossierOfWard(db, null, code, dossierOwner(citizen));
    return dossierOfWard(db, currentStaff(request).wardCode, code);
  };

  app.get(
    '/dossiers/:code/payment',
    {
      config: { policy: { permission: 'dossiers.read', orApplicant: true } },
      schema: {
        tags: ['payments'],
        summary:
          'Phí, lệ phí của hồ sơ: số tiền đã tính khi tiếp nhận, mã VietQR để chuyển khoản, biên lai khi đã nộp',
        params: z.object({ code: DOSSIER_CODE }),
      },
    },
    async (request) => {
      return paymentView(db, await dossierFor(request, request.params.code));
    },
  );

  app.get(
    '/dossiers/:code/payment/receipt',
    {
      config: { policy: { permission: 'dossiers.read', orApplicant: true } },
      schema: {
        tags: ['payments'],
        summary: 'Biên lai thu phí, lệ phí của hồ sơ đã nộp (PDF)',
        params: z.object({ code: DOSSIER_CODE }),
      },
    },
    async (request, reply) => {
      const dossier = await dossierFor(request, request.params.code);
      const pdf = await renderPdf(await receiptDocument(db, dossier));
      await db.transaction((tx) =>
        recordAudit(tx, auditContext(request), {
          action: 'personal_data.read',
          targetType: 'payment_receipt',
          targetId: dossier.code,
          wardCode: dossier.wardCode,
          summary: { fields: ['fullName'] },
        }),
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${dossier.code}-bien-lai.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  app.post(
    '/dossiers/:code/payment/gateway',
    {
      config: { policy: { permission: 'dossiers.act', orApplicant: true } },
      schema: {
        tags: ['payments'],
        summary:
          'Bắt đầu thanh toán qua cổng thanh toán: trả về địa chỉ (đã ký) để chuyển người nộp đến cổng',
        params: z.object({ code: DOSSIER_CODE }),
        headers: IDEMPOTENCY_HEADERS,
      },
    },
    async (request, reply) => {
      if (!gateway) throw new AppError('PAYMENT_UNAVAILABLE');
      const dossier = await dossierFor(request, request.params.code);
      const client = {
        returnUrl: `${siteOrigin(request, deps.config.publicUrl)}${RETURN_PATH}`,
        ipAddress: request.ip,
      };
      const started = await db.transaction((tx) =>
        startGatewayPayment({ ...context(request), db: tx }, gateway, dossier, client),
      );
      return reply.status(201).send({ ...started, expiresAt: started.expiresAt.toISOString() });
    },
  );

  app.get(
    '/payments/gateway/ipn',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['payments'],
        summary:
          'Thông báo kết quả thanh toán của cổng thanh toán (IPN), chỉ tin theo chữ ký; áp dụng đúng một lần',
        querystring: GATEWAY_QUERY,
      },
    },
    async (request) => {
      if (!gateway) throw new AppError('PAYMENT_UNAVAILABLE');
      const outcome = await db.transaction((tx) =>
        applyCallback({ ...context(request), db: tx }, gateway, request.query, 'ipn'),
      );
      if (outcome.kind !== 'applied')
        request.log.warn(
          { txnRef: request.query.vnp_TxnRef, outcome: outcome.kind },
          'payment callback not applied',
        );
      return ipnAnswer(outcome);
    },
  );

  app.post(
    '/payments/reconciliation',
    {
      config: { policy: { permission: 'payments.reconcile' } },
      schema: {
        tags: ['payments'],
        summary:
          'Đối chiếu sao kê tài khoản thu của phường: khoản chuyển VietQR đúng số phí của hồ sơ được ghi nhận và cấp biên lai',
        headers: IDEMPOTENCY_HEADERS,
        body: STATEMENT,
      },
    },
    async (request) => {
      const wardCode = currentStaff(request).wardCode;
      if (!wardCode) throw new AppError('FORBIDDEN');
      const lines = request.body.lines.map((l) => ({ ...l, bookedAt: new Date(l.bookedAt) }));
      const results = await db.transaction((tx) =>
        reconcileStatement({ ...context(request), db: tx }, wardCode, lines),
      );
      return { results };
    },
  );
};
