// The buyer confirms receipt (确认收货) before the escrow window ends: the
// order completes at once and the shop's share becomes available. Repeating
// it answers the completed order again.
import { withTransaction } from '../../db/client.ts';
import { conflict } from '../../lib/errors.ts';
import { orderByToken } from '../orders/order-by-token.ts';
import { actorLabel, type Ctx } from '../shared/context.ts';
import { COMPLETABLE, completeOrderInTransaction } from './complete-order.ts';

export async function confirmReceipt(ctx: Ctx, input: { number: string; token: string }) {
  return withTransaction(ctx.database.pool, async (q) => {
    const order = await orderByToken(q, ctx.keyring, input.number, input.token, true);
    const at = ctx.clock.now();
    if (order.status === 'disputed') throw conflict('order_disputed', 'This order has an open dispute; it completes when the dispute is resolved.');
    if (order.status !== 'completed') {
      if (!COMPLETABLE.includes(order.status)) throw conflict('order_not_delivered', `An order in status ${order.status} cannot be confirmed.`);
      await completeOrderInTransaction(q, { orderId: order.id, merchantId: order.merchant_id, currency: order.currency }, actorLabel(ctx.actor), at, 'buyer confirmed receipt');
    }
    const { rows } = await q.query<{ status: string; completed_at: Date | null }>('select status, completed_at from orders where id = $1', [order.id]);
    const now = rows[0] ?? { status: order.status, completed_at: null };
    return { id: order.id, object: 'order' as const, number: order.number, status: now.status, completed_at: now.completed_at?.toISOString() ?? null };
  });
}
