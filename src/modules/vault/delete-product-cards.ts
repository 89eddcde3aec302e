// A product deleted before it ever had an order takes its keys and their
// import batches with it; the caller's transaction holds the product row.
import type { Queryable } from '../../db/client.ts';

/** Returns how many keys were removed. */
export async function deleteProductCards(q: Queryable, productId: string): Promise<number> {
  const cards = await q.query('delete from cards where product_id = $1', [productId]);
  await q.query('delete from card_batches where product_id = $1', [productId]);
  return cards.rowCount ?? 0;
}
