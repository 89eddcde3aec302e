// The platform's commission (DESIGN §13): basis points of an order's total,
// fixed at checkout, rounded half up to a whole minor unit. Refunds give it
// back in proportion, cumulatively, so a refund in several parts returns
// exactly the whole commission by the time the whole total is refunded.

/** `bps` basis points of `total`, rounded half up; exact for any safe-integer total. */
export function commissionOf(total: number, bps: number): number {
  if (!Number.isSafeInteger(total) || total < 0) throw new Error('total must be a non-negative integer of minor units');
  if (!Number.isInteger(bps) || bps < 0 || bps > 10_000) throw new Error('commission must be 0–10000 basis points');
  return Number((BigInt(total) * BigInt(bps) + 5000n) / 10_000n);
}

/**
 * How much of `commission` (on an order of `total`) a refund of `goods`
 * gives back, when `goodsBefore` of the goods was refunded before it.
 */
export function commissionRefunded(commission: number, total: number, goodsBefore: number, goods: number): number {
  if (total <= 0 || commission <= 0) return 0;
  const share = (refunded: number) => Number((BigInt(commission) * BigInt(Math.min(refunded, total)) + BigInt(Math.floor(total / 2))) / BigInt(total));
  return share(goodsBefore + goods) - share(goodsBefore);
}
