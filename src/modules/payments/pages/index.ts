/**
 * `/thanh-toan/ket-qua`, where the gateway sends the citizen back (the callback is applied here too, once), and
 * the local gateway simulator at `/thanh-toan-thu/vpcpay.html`, served only while it is the configured gateway:
 * it checks our signed request, then, like the real gateway, notifies the IPN address server to server and sends
 * the browser to the return address, both with a result signed with the shared secret.
 */
import { randomInt } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PAYMENT_SIMULATOR_URL } from '../../../platform/config';
import { auditContext } from '../../../platform/http/context';
import type { RouteOptions } from '../../../platform/http/deps';
import { sendHtml, wardInfoCache } from '../../../platform/http/html';
import { gatewayTime, hasValidSignature, parseGatewayTime, signedUrl, type GatewayParams } from '../rules';
import { GATEWAY_QUERY, gatewayOf, IPN_PATH, RETURN_PATH } from '../routes';
import { applyCallback } from '../service';
import { resultPage } from './result';
import { simulatorPage, simulatorRefusalPage } from './simulator';
import { acceptFormBodies } from '../../../platform/http/form-body';

const PAGE = { config: { policy: 'public' as const } };
const NO_STORE = { cache: 'no-store' };

export const paymentPages: FastifyPluginAsyncZod<RouteOptions> = async (app, options) => {
  const { deps } = options;
  const { db } = deps.database;
  const gateway = gatewayOf(options);
  const wardInfo = wardInfoCache(db);
  const portalWard = () => wardInfo(deps.config.portalWard);

  app.get(
    RETURN_PATH,
    { ...PAGE, schema: { hide: true, querystring: GATEWAY_QUERY } },
    async (request, reply) => {
      if (!gateway) return reply.callNotFound();
      const ctx = { db, audit: auditContext(request), now: deps.clock.now() };
      const outcome = await db.transaction((tx) =>
        applyCallback({ ...ctx, db: tx }, gateway, request.query, 'return'),
      );
      const ward = await wardInfo('payment' in outcome ? outcome.payment.wardCode : deps.config.portalWard);
      const { status, html } = resultPage(outcome, ward);
      return sendHtml(reply, html, { status, ...NO_STORE });
    },
  );

  const simulator = deps.config.paymentGateway;
  if (simulator?.url !== PAYMENT_SIMULATOR_URL) return;
  const { secret } = simulator;

  /** Why the simulator refuses a request, as the real gateway would; null when it takes it. */
  function refusal(params: GatewayParams): string | null {
    if (!hasValidSignature(params, secret)) return 'Chữ ký của yêu cầu không đúng (mã lỗi 97).';
    const expires = parseGatewayTime(params.vnp_ExpireDate);
    if (!expires || expires < deps.clock.now())
      return 'Giao dịch đã quá thời gian chờ thanh toán (mã lỗi 11).';
    if (!/^\d+$/.test(params.vnp_Amount ?? '') || !params.vnp_ReturnUrl?.startsWith('http'))
      return 'Yêu cầu thiếu số tiền hoặc địa chỉ trả về.';
    return null;
  }

  acceptFormBodies(app);

  app.get(
    PAYMENT_SIMULATOR_URL,
    { ...PAGE, schema: { hide: true, querystring: GATEWAY_QUERY } },
    async (request, reply) => {
      const ward = await portalWard();
      const refused = refusal(request.query);
      if (refused) return sendHtml(reply, simulatorRefusalPage(refused, ward), { status: 400, ...NO_STORE });
      const signedQuery = new URLSearchParams(request.query).toString();
      return sendHtml(reply, simulatorPage(request.query, signedQuery, ward), NO_STORE);
    },
  );

  app.post(
    PAYMENT_SIMULATOR_URL,
    {
      ...PAGE,
      schema: {
        hide: true,
        body: z.object({ 'yeu-cau': z.string().max(8000), 'ket-qua': z.enum(['thanh-toan', 'huy']) }),
      },
    },
    async (request, reply) => {
      const params = Object.fromEntries(new URLSearchParams(request.body['yeu-cau']));
      const refused = refusal(params);
      if (refused)
        return sendHtml(reply, simulatorRefusalPage(refused, await portalWard()), {
          status: 400,
          ...NO_STORE,
        });
      const paid = request.body['ket-qua'] === 'thanh-toan';
      const result: GatewayParams = {
        vnp_Amount: params.vnp_Amount ?? '',
        vnp_BankCode: 'MOPHONG',
        vnp_OrderInfo: params.vnp_OrderInfo ?? '',
        vnp_PayDate: gatewayTime(deps.clock.now()),
        vnp_ResponseCode: paid ? '00' : '24',
        vnp_TmnCode: params.vnp_TmnCode ?? '',
        vnp_TransactionNo: paid ? String(randomInt(10_000_000, 100_000_000)) : '0',
        vnp_TransactionStatus: paid ? '00' : '02',
        vnp_TxnRef: params.vnp_TxnRef ?? '',
      };
      // The gateway's server notifies ours before the browser comes back.
      await app.inject({ method: 'GET', url: signedUrl(IPN_PATH, result, secret) });
      return reply.redirect(signedUrl(params.vnp_ReturnUrl ?? '', result, secret), 303);
    },
  );
};
