// 代充/手工: the shop fulfils an order waiting in its queue — a note and/or
// the items it issued (a top-up receipt, an account) — and the order is
// delivered: the buyer sees them on the order page and in the delivery email,
// and the escrow window starts. One transition, so two fulfilments at once
// deliver once. Audited.
import { z } from 'zod';
import { withTransaction } from '../../db/client.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import { refundPending } from '../payments/refunds/refund-pending.ts';
import { queueDeliveryEmail } from '../notifications/queue-delivery-email.ts';
import { getOrder } from '../orders/merchant-orders.ts';
import { transitionOrder } from '../orders/transition-order.ts';
import { actorLabel, shopOf, type Ctx } from '../shared/context.ts';
import { writeAudit } from '../trust/audit.ts';

export const FulfilInput = z.object({
  note: z.string().trim().max(5000).optional().describe('What the buyer should know (shown with the items; plain text)'),
  items: z.array(z.string().trim().min(1).max(2000)).max(100).optional().describe('What was issued, one entry each (stored encrypted like keys)'),
}).refine((x) => Boolean(x.note) || (x.items?.length ?? 0) > 0, { message: 'send a note or the items issued', path: ['note'] });
export type FulfilInput = z.infer<typeof FulfilInput>;

export async function fulfilManualOrder(ctx: Ctx, input: FulfilInput & { orderId: string }) {
  const merchantId = shopOf(ctx);
  const now = ctx.clock.now();
  const sealed = ctx.keyring.seal(JSON.stringify({ note: input.note || null, items: input.items ?? [] }));
  await withTransaction(ctx.database.pool, async (q) => {
    const { rows } = await q.query<{ status: string }>('select status from orders where id = $1 and merchant_id = $2 for update', [input.orderId, merchantId]);
    const order = rows[0];
    if (!order) throw notFound('order');
    if (order.status !== 'awaiting_fulfilment') throw conflict('order_not_awaiting_fulfilment', `An order in status ${order.status} is not waiting to be fulfilled.`);
    // A refund on its way to the gateway (the shop's own, or the overdue job's) is not overtaken by a delivery.
    if (await refundPending(q, input.orderId)) throw conflict('refund_in_progress', 'A refund of this order is with the gateway; wait for it before fulfilling.');
    await q.query(
      `insert into fulfilments (id, order_id, order_item_id, merchant_id, kind, quantity, created_at, payload_ciphertext, payload_key_id)
       select 'ful_' || substr(i.id, 5), i.order_id, i.id, i.merchant_id, 'manual', i.quantity, $2, $3, $4
         from order_items i join products p on p.id = i.product_id
        where i.order_id = $1 and p.delivery = 'manual'`,
      [input.orderId, now, sealed.ciphertext, sealed.keyId]);
    // Refunded in part while it waited: delivered all the same, and its status keeps saying so.
    const { rows: paid } = await q.query<{ refunded: string }>(`select coalesce(sum(refunded), 0) as refunded from payments where order_id = $1 and status = 'succeeded'`, [input.orderId]);
    const partly = Number(paid[0]?.refunded ?? 0) > 0;
    await transitionOrder(q, {
      orderId: input.orderId, merchantId, from: ['awaiting_fulfilment'], to: partly ? 'partially_refunded' : 'delivered', actor: actorLabel(ctx.actor), at: now,
      note: 'fulfilled by hand', set: { delivered_at: now },
    });
    await queueDeliveryEmail(ctx, q, input.orderId);
    await writeAudit(q, ctx.actor, now, {
      action: 'order.fulfil', targetType: 'order', targetId: input.orderId, merchantId, data: { items: input.items?.length ?? 0, note: Boolean(input.note) },
    });
  });
  return getOrder(ctx, input.orderId);
}
