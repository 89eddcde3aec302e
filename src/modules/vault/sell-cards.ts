// Reserved keys become sold when their order is paid, and a product deleted
// before it ever sold takes its keys with it. The vault owns these
// statements; delivery composes the sale into its own single statement (one
// round trip), so the text lives here either way — like the reservation.

/**
 * `update cards …` selling the reserved keys of the given order items
 * (`orderItemIds`: a subquery); `returning 1` per key sold. The ids are
 * collected into an array first so the only sensible plan is the index on
 * order_item_id, whatever the table's statistics say (a fresh shop's cards
 * table may not have been analyzed yet).
 */
export function sellReservedCardsSql(p: { orderItemIds: string; at: string }): string {
  return `update cards set status = 'sold', sold_at = ${p.at}, reserved_until = null
           where order_item_id = any(array${p.orderItemIds}) and status = 'reserved' returning 1`;
}
