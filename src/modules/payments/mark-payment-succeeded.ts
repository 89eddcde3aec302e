// A payment attempt succeeds: its status, the gateway's trade number, who
// vouched for it, and the `payment.succeeded` event — one statement, in the
// caller's transaction or pipeline. The caller holds the payment's lock (or
// asserts under it that the payment is still pending).
import type { Statement } from '../../db/pipeline.ts';
import { newId } from '../../lib/ids.ts';

export interface SucceededPayment {
  paymentId: string;
  merchantId: string;
  orderId: string;
  amount: number;
  currency: string;
  tradeNo: string;
  /** Who vouches for it: `gateway:sandbox`, `admin:usr_…` */
  actor: string;
  at: Date;
}

export function markPaymentSucceededStatement(p: SucceededPayment): Statement {
  return {
    text: `with u as (update payments set status = 'succeeded', gateway_trade_no = $2, succeeded_at = $3, confirmed_by = $4 where id = $1)
     insert into outbox_events (id, merchant_id, type, data, created_at)
     values ($5, $6, 'payment.succeeded', jsonb_build_object('payment_id', $1::text, 'order_id', $7::text, 'amount', $8::bigint, 'currency', $9::text), $3)`,
    values: [p.paymentId, p.tradeNo, p.at, p.actor, newId('evt', p.at.getTime()), p.merchantId, p.orderId, p.amount, p.currency],
  };
}

/** Locks the payment and raises `payment_changed` unless it is still pending (the first statement of a pipeline that settles it). */
export function lockPendingPaymentStatement(paymentId: string): Statement {
  return {
    text: `with l as (select status from payments where id = $1 for update)
     select xp_assert((select count(*) from l where status = 'pending') = 1, 'payment_changed')`,
    values: [paymentId],
  };
}
