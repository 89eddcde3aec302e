// The reservation statement of DESIGN §6: one UPDATE that cannot double-sell.
// It walks the partial index on available keys, skips rows other buyers hold,
// and the caller rolls back unless it got exactly `quantity` keys.
import type { Queryable } from '../../db/client.ts';

export async function reserveCards(q: Queryable, input: { productId: string; orderItemId: string; quantity: number; until: Date }): Promise<number> {
  const res = await q.query(
    `update cards set status = 'reserved', order_item_id = $1, reserved_until = $2
      where id in (select id from cards where product_id = $3 and status = 'available'
                    order by product_id, id limit $4 for update skip locked)`,
    [input.orderItemId, input.until, input.productId, input.quantity],
  );
  return res.rowCount ?? 0;
}

/** Returns an order's reserved keys to stock (expiry, cancellation). */
export async function releaseCards(q: Queryable, orderId: string): Promise<number> {
  const res = await q.query(
    `update cards set status = 'available', order_item_id = null, reserved_until = null
      where status = 'reserved' and order_item_id in (select id from order_items where order_id = $1)`,
    [orderId],
  );
  return res.rowCount ?? 0;
}

/** Reserved → sold for every item of an order; returns how many keys were sold. */
export async function sellReservedCards(q: Queryable, orderId: string, at: Date): Promise<number> {
  const res = await q.query(
    `update cards set status = 'sold', sold_at = $2, reserved_until = null
      where status = 'reserved' and order_item_id in (select id from order_items where order_id = $1)`,
    [orderId, at],
  );
  return res.rowCount ?? 0;
}
