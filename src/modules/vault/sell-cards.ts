// Reserved keys become sold when their order is paid, and a product deleted
// before it ever sold takes its keys with it. The vault owns these
// statements; delivery composes the sale into its own single statement (one
// round trip), so the text lives here either way — like the reservation.

/** `update cards …` selling the reserved keys of the given order items; `returning 1` per key sold. */
export function sellReservedCardsSql(p: { orderItemIds: string; at: string }): string {
  return `update cards set status = 'sold', sold_at = ${p.at}, reserved_until = null
           where status = 'reserved' and order_item_id in ${p.orderItemIds} returning 1`;
}
