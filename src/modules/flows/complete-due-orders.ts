// The completion job: every order whose escrow window (the shop's own, or
// XIAOPU_ESCROW_HOURS) passed since delivery completes, in batches locked
// with SKIP LOCKED so several job runners share the work. A disputed order is
// not completable and waits for its dispute.
import { withTransaction } from '../../db/client.ts';
import type { Services } from '../shared/context.ts';
// The states are spelled out (they are COMPLETABLE) so the planner can use the partial index orders_completable_idx.
import { completeOrderInTransaction } from './complete-order.ts';

const BATCH = 200;

export async function completeDueOrders(s: Services): Promise<{ completed: number }> {
  let completed = 0;
  for (;;) {
    const now = s.clock.now();
    const done = await withTransaction(s.database.pool, async (q) => {
      const { rows } = await q.query<{ id: string; merchant_id: string; currency: string }>(
        `select o.id, o.merchant_id, o.currency from orders o join merchants m on m.id = o.merchant_id
          where o.status in ('delivered', 'partially_refunded') and o.delivered_at <= $1
            and o.delivered_at <= $1 - make_interval(hours => coalesce(m.escrow_hours, $2::int))
          order by o.delivered_at limit ${BATCH} for update of o skip locked`, [now, s.config.escrowHours]);
      for (const o of rows) {
        if (await completeOrderInTransaction(q, { orderId: o.id, merchantId: o.merchant_id, currency: o.currency }, 'system:completion', now, 'escrow window passed')) {
          completed++;
        }
      }
      return rows.length < BATCH;
    });
    if (done) return { completed };
  }
}
