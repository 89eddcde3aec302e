// Step 2 of a refund: the gateway, outside any transaction. Our refund id is
// the gateway's idempotency key (out_refund_no, out_request_no, Stripe's
// Idempotency-Key), so asking again with the same id never refunds twice.
import type { Ctx } from '../../shared/context.ts';
import { GatewayError } from '../gateways/gateway-adapter.ts';
import { paymentGatewayConfig } from '../gateways/gateway-configs.ts';

export interface RefundToAsk {
  refundId: string;
  paymentId: string;
  gateway: string;
  gatewayConfigId: string | null;
  tradeNo: string | null;
  gatewayReference: string | null;
  amount: number;
  paymentAmount: number;
  currency: string;
  destination: 'gateway' | 'wallet';
  reason?: string;
}

export type GatewayRefundAnswer =
  | { kind: 'succeeded'; gatewayRefundId?: string }
  /** No answer (timeout, network): the gateway may have acted. Left pending; reconciliation asks again. */
  | { kind: 'unknown'; message: string }
  | { kind: 'failed'; message: string; unsupported: boolean };

/** `again`: this refund was asked before and no answer came; only ask again where that cannot refund twice. */
export async function askGatewayToRefund(ctx: Ctx, r: RefundToAsk, opts: { again?: boolean } = {}): Promise<GatewayRefundAnswer> {
  // Into the buyer's wallet: nothing to ask; the wallet is credited when the refund is recorded.
  if (r.destination === 'wallet') return { kind: 'succeeded' };
  const config = await paymentGatewayConfig(ctx, ctx.database.pool, { gateway: r.gateway, gatewayConfigId: r.gatewayConfigId });
  if (config?.adapter.fromEnvironment && config.settings === undefined) {
    return { kind: 'failed', message: `The ${r.gateway} gateway is off.`, unsupported: false };
  }
  if (!config?.adapter.refund || config.settings === undefined) {
    return { kind: 'failed', message: `The ${r.gateway} gateway cannot refund through its API; refund the buyer another way.`, unsupported: true };
  }
  if (opts.again && !config.adapter.refundIsIdempotent?.(config.settings)) {
    return { kind: 'unknown', message: `The ${r.gateway} gateway has no refund id to ask again with safely; check the refund at the gateway.` };
  }
  try {
    const result = await config.adapter.refund(config.settings, {
      paymentId: r.paymentId, tradeNo: r.tradeNo ?? '', gatewayReference: r.gatewayReference, refundId: r.refundId, amount: r.amount,
      paymentAmount: r.paymentAmount, currency: r.currency, reason: r.reason,
    });
    // A refund the gateway accepted and is still processing counts as made: it is the gateway's to finish.
    return { kind: 'succeeded', gatewayRefundId: result.gatewayRefundId };
  } catch (err) {
    if (!(err instanceof GatewayError)) throw err;
    // Where the refund id is the gateway's idempotency key, no error is taken
    // as final: a 5xx, a busy key or a system error may hide a refund that
    // was made. The refund stays pending and is asked about again with the
    // same id (or decided by an admin). Elsewhere only a clear refusal fails it.
    if (err.uncertain || config.adapter.refundIsIdempotent?.(config.settings)) return { kind: 'unknown', message: err.message };
    return { kind: 'failed', message: err.message, unsupported: false };
  }
}
