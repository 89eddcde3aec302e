// 售后补发: keys sold to an order item as replacements (a dispute said the
// first ones did not work). Taken from available stock in one statement that
// cannot double-sell (the reservation's SKIP LOCKED walk), sold at once, and
// marked with the dispute they answer so the buyer sees which are new.
import type { Queryable } from '../../db/client.ts';
import { stockGate } from './stock-gate.ts';

/** Returns how many keys were sold (fewer than asked: the caller rolls back). */
export async function sellReplacementCards(q: Queryable, input: { productId: string; orderItemId: string; quantity: number; disputeId: string; at: Date }): Promise<number> {
  const res = await q.query(
    `update cards set status = 'sold', order_item_id = $1, sold_at = $2, reserved_until = null, replacement_for = $3
      where id in (select id from cards where product_id = $4 and status = 'available'
                    order by product_id, id limit $5 for update skip locked)`,
    [input.orderItemId, input.at, input.disputeId, input.productId, input.quantity]);
  stockGate.forget(input.productId);
  return res.rowCount ?? 0;
}
