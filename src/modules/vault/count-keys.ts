// Counting a product's keys in one state, for every reader of stock (the
// vault owns the cards table): checkout's admission gate, product lists, the
// storefront and the dashboard.

/**
 * Where counts stop in lists and at the gate. A count reads about a
 * microsecond per key, so an exact count of a million-key product would cost
 * a second on every view; one product's own page counts exactly.
 */
export const KEY_COUNT_CAP = 10_000;

export type KeyStatus = 'available' | 'reserved' | 'sold' | 'void';

/** SQL for the number of keys of `productExpr` in `status`: up to `cap`, or exactly without one. */
export function countKeysSql(productExpr: string, status: KeyStatus, cap?: number): string {
  return cap === undefined
    ? `(select count(*) from cards c where c.product_id = ${productExpr} and c.status = '${status}')`
    : `(select count(*) from (select 1 from cards c where c.product_id = ${productExpr} and c.status = '${status}' limit ${cap}) counted)`;
}
