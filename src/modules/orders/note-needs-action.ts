// A payment that needs a person but cannot move its order (it is already
// delivered, refunded, …): the order keeps its status, carries the reason for
// the console, and its timeline says what happened. Orders own these writes,
// like every change of status (transition-order.ts).
import type { Queryable } from '../../db/client.ts';
import { newId } from '../../lib/ids.ts';
import type { OrderStatus } from './state-machine.ts';

export async function noteNeedsAction(q: Queryable, n: { orderId: string; merchantId: string; status: OrderStatus; actor: string; reason: string; at: Date }): Promise<void> {
  await q.query('update orders set needs_action_reason = $2, updated_at = $3 where id = $1', [n.orderId, n.reason, n.at]);
  await q.query(
    `insert into order_events (id, order_id, merchant_id, from_status, to_status, actor, note, created_at) values ($1, $2, $3, $4, $4, $5, $6, $7)`,
    [newId('oev', n.at.getTime()), n.orderId, n.merchantId, n.status, n.actor, n.reason, n.at]);
}
