// The order state machine as data (DESIGN §5). Checked at start-up and by a
// unit test: every state is known, every state but the start is reachable.
export const ORDER_STATES = [
  'pending_payment', 'paid', 'awaiting_fulfilment', 'delivered', 'completed', 'expired', 'cancelled',
  'needs_action', 'disputed', 'refunded', 'partially_refunded',
] as const;
export type OrderStatus = (typeof ORDER_STATES)[number];

export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending_payment: ['paid', 'expired', 'cancelled'],
  // A payment that arrives after expiry or cancellation is still the buyer's money.
  expired: ['paid', 'needs_action'],
  cancelled: ['paid', 'needs_action'],
  paid: ['delivered', 'awaiting_fulfilment', 'needs_action', 'refunded', 'partially_refunded'],
  // 代充/手工: paid, in the shop's queue until it fulfils (a partial refund leaves it there; in full it ends).
  // Fulfilled after a partial refund, it is delivered as partially_refunded.
  awaiting_fulfilment: ['delivered', 'partially_refunded', 'refunded'],
  needs_action: ['paid', 'delivered', 'refunded', 'partially_refunded'],
  delivered: ['completed', 'disputed', 'refunded', 'partially_refunded'],
  disputed: ['completed', 'refunded', 'partially_refunded'],
  partially_refunded: ['completed', 'refunded', 'disputed'],
  // A refund in full after completion (the money comes back from the shop's available balance).
  completed: ['refunded'],
  refunded: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/** Throws when the table names an unknown state or leaves a state unreachable. */
export function validateOrderStateMachine(): void {
  const known = new Set<string>(ORDER_STATES);
  const reached = new Set<string>(['pending_payment']);
  for (const [from, tos] of Object.entries(ORDER_TRANSITIONS)) {
    if (!known.has(from)) throw new Error(`order state machine: unknown state ${from}`);
    for (const to of tos) {
      if (!known.has(to)) throw new Error(`order state machine: ${from} → unknown state ${to}`);
      reached.add(to);
    }
  }
  for (const s of ORDER_STATES) {
    if (!(s in ORDER_TRANSITIONS)) throw new Error(`order state machine: no row for ${s}`);
    if (!reached.has(s)) throw new Error(`order state machine: ${s} is unreachable`);
  }
}
