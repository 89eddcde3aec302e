// A paid order parked in needs_action for want of stock, tried again after the
// merchant restocked: delivers, or leaves it parked; one whose shop endpoint
// failed (delivery `webhook`) is queued for calls again. Audited.
import { withTransaction } from '../../db/client.ts';
import { type Ctx, actorLabel, ordersScope } from '../shared/context.ts';
import { writeAudit } from '../trust/audit.ts';
import { conflict } from '../../lib/errors.ts';
import { refundPending } from '../payments/refunds/refund-pending.ts';
import { deliverPaidOrder, reReserve } from './deliver-paid-order.ts';
import { queueDeliveryEmail } from '../notifications/queue-delivery-email.ts';
import { transitionOrder } from '../orders/transition-order.ts';
import { queueWebhookDeliveryStatement } from './webhook-delivery-queue.ts';

export type RetryOutcome = { result: 'delivered' } | { result: 'queued' } | { result: 'still_out_of_stock' } | { result: 'not_needs_action'; status: string };

/**
 * A paid order parked in needs_action for want of stock: try again (after the
 * merchant restocked). Delivers, or leaves it parked.
 */
export async function retryParkedOrder(ctx: Ctx, orderId: string): Promise<RetryOutcome | undefined> {
  const merchantId = ordersScope(ctx);
  const actor = actorLabel(ctx.actor);
  return withTransaction(ctx.database.pool, async (q) => {
    const now = ctx.clock.now();
    const { rows } = await q.query<{ merchant_id: string; status: string; needs_action_reason: string | null }>(
      'select merchant_id, status, needs_action_reason from orders where id = $1 and ($2::text is null or merchant_id = $2) for update',
      [orderId, merchantId ?? null]);
    const order = rows[0];
    if (!order) return undefined;
    const retriable = ['out_of_stock_after_expiry', 'webhook_failed'];
    if (order.status !== 'needs_action' || !retriable.includes(order.needs_action_reason ?? '')) {
      return { result: 'not_needs_action', status: order.status };
    }
    const base = { orderId, merchantId: order.merchant_id, actor, at: now };
    await writeAudit(q, ctx.actor, now, { action: 'order.retry_fulfilment', targetType: 'order', targetId: orderId, merchantId: order.merchant_id });
    if (order.needs_action_reason === 'webhook_failed') {
      if (await refundPending(q, orderId)) throw conflict('refund_in_progress', 'A refund of this order is with the gateway; wait for it before trying the delivery again.');
      // The shop fixed its endpoint: back to paid, and the calls start over.
      await transitionOrder(q, { ...base, from: ['needs_action'], to: 'paid', note: 'endpoint retried', set: { needs_action_reason: null } });
      const st = queueWebhookDeliveryStatement(base);
      await q.query(st.text, st.values);
      return { result: 'queued' };
    }
    if (!(await reReserve(q, orderId, now))) return { result: 'still_out_of_stock' };
    await transitionOrder(q, { ...base, from: ['needs_action'], to: 'paid', note: 'restocked', set: { needs_action_reason: null } });
    // (Goods done by hand are never parked for stock; if one were, it would go to the shop's queue, without an email.)
    if ((await deliverPaidOrder(q, base)) === 'delivered') await queueDeliveryEmail(ctx, q, orderId);
    return { result: 'delivered' };
  });
}

