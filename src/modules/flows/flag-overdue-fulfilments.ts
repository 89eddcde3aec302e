// The job for goods done by hand (代充): an order still in the shop's queue
// past its due time is flagged for the console (needs_action_reason
// `fulfilment_overdue`, an outbox event) — or, when the product says so,
// refunded in full through its gateway. Several runners: SKIP LOCKED, and an
// order is flagged once.
import { withTransaction } from '../../db/client.ts';
import { noteNeedsAction } from '../orders/note-needs-action.ts';
import type { Services } from '../shared/context.ts';
import { emitEvent } from '../shared/outbox.ts';
import { refundOrder } from './refund-order.ts';

const ACTOR = { type: 'system' as const, name: 'fulfilment_overdue' };

export async function flagOverdueFulfilments(s: Services): Promise<{ flagged: number; refunded: number; failed: number }> {
  const at = s.clock.now();
  const due = await withTransaction(s.database.pool, async (q) => {
    const { rows } = await q.query<{ id: string; merchant_id: string; auto_refund: boolean }>(
      `select o.id, o.merchant_id,
              exists (select 1 from order_items i join products p on p.id = i.product_id where i.order_id = o.id and p.manual_auto_refund) as auto_refund
         from orders o
        where o.status = 'awaiting_fulfilment' and o.fulfil_due_at <= $1 and o.needs_action_reason is null
        order by o.fulfil_due_at limit 200 for update of o skip locked`, [at]);
    for (const o of rows) {
      await noteNeedsAction(q, { orderId: o.id, merchantId: o.merchant_id, status: 'awaiting_fulfilment', actor: `system:${ACTOR.name}`, reason: 'fulfilment_overdue', at });
      await emitEvent(q, at, o.merchant_id, 'order.fulfilment_overdue', { order_id: o.id, auto_refund: o.auto_refund });
    }
    return rows;
  });
  // Refunds call the gateway: outside the transaction, one order at a time. A refusal leaves the order flagged for a person.
  let refunded = 0;
  let failed = 0;
  for (const o of due.filter((x) => x.auto_refund)) {
    try {
      // Only if the shop has not fulfilled it since it was flagged.
      await refundOrder({ ...s, actor: ACTOR }, o.id, { reason: 'not fulfilled in time (automatic refund)' }, { onlyFrom: ['awaiting_fulfilment'] });
      refunded++;
    } catch (err) {
      failed++;
      s.log.warn({ orderId: o.id, err: (err as Error).message }, 'automatic refund of an overdue order failed; it stays flagged');
    }
  }
  return { flagged: due.length, refunded, failed };
}
