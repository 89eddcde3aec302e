// The reservation statement of DESIGN §6: one UPDATE that cannot double-sell.
// It walks the partial index on available keys, skips rows other buyers hold,
// and the caller rolls back unless it got exactly `quantity` keys.
import { prepared, type Queryable } from '../../db/client.ts';
import { stockGate } from './stock-gate.ts';
import { holdSharedSql, RELEASE_SHARED_SQL } from './shared-stock.ts';
import { reservePickedSql } from './pick-cards.ts';

/**
 * The statement, with the given parameter placeholders, so checkout can run
 * it inside its one-statement CTE and other callers on their own.
 */
export function reserveCardsSql(p: { orderItemId: string; until: string; productId: string; quantity: string }): string {
  return `update cards set status = 'reserved', order_item_id = ${p.orderItemId}, reserved_until = ${p.until}
      where id in (select id from cards where product_id = ${p.productId} and status = 'available'
                    order by product_id, id limit ${p.quantity} for update skip locked)`;
}

const RESERVE = reserveCardsSql({ orderItemId: '$1', until: '$2', productId: '$3', quantity: '$4' });

export async function reserveCards(q: Queryable, input: { productId: string; orderItemId: string; quantity: number; until: Date }): Promise<number> {
  const res = await prepared(q, RESERVE, [input.orderItemId, input.until, input.productId, input.quantity]);
  return res.rowCount ?? 0;
}

/** Returns everything an unpaid order held to stock — its reserved keys and its units of shared goods (expiry, cancellation). */
export async function releaseStock(q: Queryable, orderId: string): Promise<number> {
  const { rows } = await q.query<{ id: string }>(`${RELEASE_SHARED_SQL} returning p.id`, [orderId]);
  for (const r of rows) stockGate.forget(r.id);
  return releaseCards(q, orderId);
}

/** Returns an order's reserved keys to stock. */
export async function releaseCards(q: Queryable, orderId: string): Promise<number> {
  const res = await q.query<{ product_id: string }>(
    `update cards set status = 'available', order_item_id = null, reserved_until = null
      where status = 'reserved' and order_item_id in (select id from order_items where order_id = $1)
      returning product_id`,
    [orderId],
  );
  // Checkout's admission gate counts again (stock-gate.ts).
  for (const productId of new Set(res.rows.map((r) => r.product_id))) stockGate.forget(productId);
  return res.rowCount ?? 0;
}

const HOLD_SHARED = holdSharedSql({ productId: '$1', quantity: '$2' });

/** Holds units of a shared product again (a late payment); false when its limit is reached. */
export async function holdShared(q: Queryable, input: { productId: string; quantity: number }): Promise<boolean> {
  const res = await prepared(q, HOLD_SHARED, [input.productId, input.quantity]);
  return (res.rowCount ?? 0) > 0;
}

/** Gives back units of a shared product held by this transaction. */
export async function releaseShared(q: Queryable, input: { productId: string; quantity: number }): Promise<void> {
  await q.query(`update products set shared_held = shared_held - $2 where id = $1 and delivery = 'shared'`, [input.productId, input.quantity]);
}

const RESERVE_PICKED = reservePickedSql({ cardId: '$1', orderItemId: '$2', until: '$3', productId: '$4' });

/** Reserves exactly the key a buyer picked (a late payment); false when it is gone. */
export async function reservePicked(q: Queryable, input: { cardId: string; orderItemId: string; productId: string; until: Date }): Promise<boolean> {
  const res = await prepared(q, RESERVE_PICKED, [input.cardId, input.orderItemId, input.until, input.productId]);
  return (res.rowCount ?? 0) > 0;
}
