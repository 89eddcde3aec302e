// `shared` goods (a loop key, 通用卡密): one text every buyer gets, so there
// is nothing to pick — only, when the shop set a limit, units to count. The
// count is `products.shared_held` (units of unpaid and sold orders), changed
// by one conditional UPDATE that cannot pass the limit, the way the card
// reservation cannot take a key twice: a checkout holds, an expiry or a
// cancellation releases, a late payment holds again. The text is encrypted
// like a key and opened only to deliver it.

/**
 * Holds `quantity` units of a shared product, with the given placeholders (for
 * checkout's one statement); `returning $quantity as n` when it held, no row
 * when the limit would be passed.
 */
export function holdSharedSql(p: { productId: string; quantity: string }): string {
  return `update products set shared_held = shared_held + ${p.quantity}
           where id = ${p.productId} and delivery = 'shared' and (shared_limit is null or shared_held + ${p.quantity} <= shared_limit)
           returning ${p.quantity}::int as n`;
}

/** Gives back the units an unpaid order held (expiry, cancellation), in the caller's transaction. */
export const RELEASE_SHARED_SQL = `update products p set shared_held = p.shared_held - h.quantity
   from (select product_id, sum(quantity)::int as quantity from order_items where order_id = $1 group by product_id) h
  where p.id = h.product_id and p.delivery = 'shared'`;
