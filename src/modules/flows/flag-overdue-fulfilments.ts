// The job for goods done by hand (代充): an order still in the shop's queue
// past its due time is flagged once (`fulfil_overdue_at`, an outbox event, a
// line in its timeline; the console shows it) — its own column, so a reason
// recorded for something else (an unmatched second payment) is never hidden
// or erased. Where the product says so, flagged orders are refunded in full
// through their gateway: on every run until a refund is under way, so a
// crash or a gateway's refusal between the flag and the refund is tried
// again. Several runners: SKIP LOCKED.
import { withTransaction } from '../../db/client.ts';
import { faultPoint } from '../../lib/faults.ts';
import { newId } from '../../lib/ids.ts';
import type { Services } from '../shared/context.ts';
import { emitEvent } from '../shared/outbox.ts';
import { refundOrder } from './refund-order.ts';

const ACTOR = { type: 'system' as const, name: 'fulfilment_overdue' };

export async function flagOverdueFulfilments(s: Services): Promise<{ flagged: number; refunded: number; failed: number }> {
  const at = s.clock.now();
  const flagged = await withTransaction(s.database.pool, async (q) => {
    const { rows } = await q.query<{ id: string; merchant_id: string }>(
      `update orders o set fulfil_overdue_at = $1, updated_at = $1
        where o.id in (select id from orders where status = 'awaiting_fulfilment' and fulfil_due_at <= $1 and fulfil_overdue_at is null
                        order by fulfil_due_at limit 200 for update skip locked)
        returning o.id, o.merchant_id`, [at]);
    for (const o of rows) {
      await q.query(`insert into order_events (id, order_id, merchant_id, from_status, to_status, actor, note, created_at)
                     values ($1, $2, $3, 'awaiting_fulfilment', 'awaiting_fulfilment', $4, 'fulfilment_overdue', $5)`,
        [newId('oev', at.getTime()), o.id, o.merchant_id, `system:${ACTOR.name}`, at]);
      await emitEvent(q, at, o.merchant_id, 'order.fulfilment_overdue', { order_id: o.id });
    }
    return rows.length;
  });
  // Flagged and committed, refunds not asked for yet: a crash here must not lose the refund.
  faultPoint('overdue.flagged');
  // Refunds call the gateway: outside any transaction, one order at a time, for every flagged order whose
  // product refunds by itself and that has no refund under way or done.
  const { rows: due } = await s.database.pool.query<{ id: string }>(
    `select o.id from orders o
      where o.status = 'awaiting_fulfilment' and o.fulfil_overdue_at is not null
        and exists (select 1 from order_items i join products p on p.id = i.product_id where i.order_id = o.id and p.manual_auto_refund)
        and not exists (select 1 from refunds r where r.order_id = o.id and r.status in ('pending', 'succeeded'))
      order by o.fulfil_overdue_at limit 50`);
  let refunded = 0;
  let failed = 0;
  for (const o of due) {
    try {
      // Only if the shop has not fulfilled it meanwhile (checked under the order's lock).
      await refundOrder({ ...s, actor: ACTOR }, o.id, { reason: 'not fulfilled in time (automatic refund)' }, { onlyFrom: ['awaiting_fulfilment'], platform: true });
      refunded++;
    } catch (err) {
      failed++;
      s.log.warn({ orderId: o.id, err: (err as Error).message }, 'automatic refund of an overdue order failed; the next run tries again');
    }
  }
  return { flagged, refunded, failed };
}
