// Completion (DESIGN §8, §13): a delivered order whose escrow window passed
// with no open dispute — or whose buyer confirmed receipt — becomes
// `completed`, and what it still holds in the shop's escrow moves to the
// shop's available balance. One conditional transition and one ledger
// transaction per order (unique on its cause), so any number of job runners,
// or a runner and the buyer at once, complete an order once.
import type pg from 'pg';
import { withTransaction } from '../../db/client.ts';
import { postLedgerTransaction } from '../money/ledger.ts';
import { orderEscrow } from '../money/order-escrow.ts';
import { transitionOrder } from '../orders/transition-order.ts';
import type { OrderStatus } from '../orders/state-machine.ts';

/** The states an order completes from: delivered, or delivered and then refunded in part. Never `disputed`. */
export const COMPLETABLE: readonly OrderStatus[] = ['delivered', 'partially_refunded'];

export interface CompletionRef { orderId: string; merchantId: string; currency: string }

/**
 * Completes the order inside the caller's transaction. False if it was not
 * completable (already completed, disputed, …). `from`: a dispute's ruling
 * completes a `disputed` order.
 */
export async function completeOrderInTransaction(q: pg.PoolClient, order: CompletionRef, actor: string, at: Date, note: string,
  from: readonly OrderStatus[] = COMPLETABLE): Promise<boolean> {
  const prev = await transitionOrder(q, {
    orderId: order.orderId, merchantId: order.merchantId, actor, at, from, to: 'completed', note, set: { completed_at: at },
  });
  if (!prev) return false;
  // The row lock the transition took orders this read after any refund of the order that committed before it.
  const held = await orderEscrow(q, order.merchantId, order.currency, order.orderId);
  if (held > 0) {
    await postLedgerTransaction(q, {
      kind: 'completion', causeType: 'order', causeId: order.orderId, orderId: order.orderId, at,
      entries: [
        { account: { kind: 'merchant_escrow', owner: order.merchantId, merchantId: order.merchantId, currency: order.currency }, amount: held },
        { account: { kind: 'merchant_available', owner: order.merchantId, merchantId: order.merchantId, currency: order.currency }, amount: -held },
      ],
    });
  }
  return true;
}

export async function completeOrder(pool: pg.Pool, order: CompletionRef, actor: string, at: Date, note: string): Promise<boolean> {
  return withTransaction(pool, (q) => completeOrderInTransaction(q, order, actor, at, note));
}
