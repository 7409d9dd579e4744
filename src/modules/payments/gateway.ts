/**
 * The payment-gateway adapter. Every gateway we speak to uses VNPay's protocol: the real one in production, the
 * local simulator (./pages/simulator) elsewhere; only the address, merchant code and secret differ.
 */
import type { PaymentGatewayConfig } from '../../platform/config';
import {
  checkCallback,
  paymentRequestParams,
  signedUrl,
  type CallbackVerdict,
  type GatewayParams,
  type PaymentRequest,
} from './rules';

export interface PaymentGateway {
  /** Where the citizen's browser is sent, carrying the signed request. */
  paymentUrl(request: Omit<PaymentRequest, 'merchantCode'>): string;
  /** The verdict on a callback (browser return or IPN) for the payment its reference names. */
  check(query: GatewayParams, expected: { amount: number } | undefined): CallbackVerdict;
}

export function vnpayGateway(config: PaymentGatewayConfig): PaymentGateway {
  return {
    paymentUrl: (request) =>
      signedUrl(
        config.url,
        paymentRequestParams({ ...request, merchantCode: config.merchantCode }),
        config.secret,
      ),
    check: (query, expected) => checkCallback(query, config.secret, expected),
  };
}
