// Which gateways checkout can use. The sandbox is built in; real gateways
// (epay, Alipay, WeChat Pay, USDT, Stripe, wallet) arrive with their adapters.
import { AppError } from '../../lib/errors.ts';
import type { Services } from '../shared/context.ts';

export const GATEWAYS = ['sandbox'] as const;
export type Gateway = (typeof GATEWAYS)[number];

export function requireGateway(s: Services, name: string): Gateway {
  if (name === 'sandbox' && s.config.sandboxEnabled) return 'sandbox';
  throw new AppError(422, 'gateway_unavailable', `The payment gateway "${name}" is not enabled.`, 'invalid_request_error', 'gateway');
}

export function paymentUrl(s: Services, gateway: Gateway, paymentId: string): string {
  switch (gateway) {
    case 'sandbox':
      return `${s.config.publicUrl}/pay/sandbox/${paymentId}`;
    default: {
      const never: never = gateway;
      return never;
    }
  }
}
