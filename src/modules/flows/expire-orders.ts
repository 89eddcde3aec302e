// Unpaid orders past their reservation expire and their keys go back to stock.
// Batches lock with SKIP LOCKED, so several workers can run this at once.
import { withTransaction } from '../../db/client.ts';
import type { Services } from '../shared/context.ts';
import { releaseStock } from '../vault/reserve-cards.ts';
import { transitionOrder } from '../orders/transition-order.ts';

const BATCH = 200;

export async function expireOrders(s: Services): Promise<{ expired: number; released: number }> {
  let expired = 0;
  let released = 0;
  for (;;) {
    const now = s.clock.now();
    const done = await withTransaction(s.database.pool, async (q) => {
      const { rows } = await q.query<{ id: string; merchant_id: string }>(
        `select id, merchant_id from orders where status = 'pending_payment' and expires_at <= $1
          order by expires_at limit ${BATCH} for update skip locked`, [now]);
      for (const o of rows) {
        const prev = await transitionOrder(q, { orderId: o.id, merchantId: o.merchant_id, from: ['pending_payment'], to: 'expired', actor: 'system:expiry', at: now });
        if (prev) {
          expired++;
          released += await releaseStock(q, o.id);
        }
      }
      return rows.length < BATCH;
    });
    if (done) return { expired, released };
  }
}
