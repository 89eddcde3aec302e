// Which dispute a request acts on, and as whom: the buyer names it by the
// order number with the order token; the shop and the platform by its id,
// within their scope. Unknown, not theirs, or a wrong token: the same 404.
import type { Queryable } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import { loadDispute, type DisputeRow, type MessageAuthor } from '../disputes/dispute-rows.ts';
import { orderByToken } from '../orders/order-by-token.ts';
import { type Ctx, ordersScope } from '../shared/context.ts';

export type DisputeRef = { disputeId: string } | { number: string; token: string };

export async function disputeFor(ctx: Ctx, q: Queryable, ref: DisputeRef, lock: boolean): Promise<{ d: DisputeRow; author: MessageAuthor }> {
  if ('token' in ref) {
    const order = await orderByToken(q, ctx.keyring, ref.number, ref.token);
    const d = await loadDispute(q, 'd.order_id = $1', [order.id], lock);
    if (!d) throw notFound('dispute');
    return { d, author: 'buyer' };
  }
  const merchantId = ordersScope(ctx);
  const d = await loadDispute(q, 'd.id = $1 and ($2::text is null or d.merchant_id = $2)', [ref.disputeId, merchantId ?? null], lock);
  if (!d) throw notFound('dispute');
  return { d, author: ctx.actor.type === 'admin' ? 'admin' : 'merchant' };
}
