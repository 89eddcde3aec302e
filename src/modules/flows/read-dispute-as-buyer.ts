// The buyer's view of their dispute (with the order token): the timeline, the
// deadline, the outcome. 404 when the order has none (or the token is wrong).
import { notFound } from '../../lib/errors.ts';
import { loadDispute, loadMessages, presentDispute } from '../disputes/dispute-rows.ts';
import { orderByToken } from '../orders/order-by-token.ts';
import type { Ctx } from '../shared/context.ts';

export const buyerAttachmentUrl = (orderNumber: string) => (messageId: string) =>
  `/api/v1/storefront/orders/${encodeURIComponent(orderNumber)}/dispute/messages/${messageId}/attachment`;

export async function readDisputeAsBuyer(ctx: Ctx, input: { number: string; token: string }) {
  const pool = ctx.database.pool;
  const order = await orderByToken(pool, ctx.keyring, input.number, input.token);
  const d = await loadDispute(pool, 'd.order_id = $1', [order.id]);
  if (!d) throw notFound('dispute');
  return presentDispute(d, await loadMessages(pool, d.id), buyerAttachmentUrl(order.number));
}
