// Whether a refund of an order is with the gateway right now (reserved, not
// yet answered): nothing may be delivered or retried over it.
import type { Queryable } from '../../../db/client.ts';

export async function refundPending(q: Queryable, orderId: string): Promise<boolean> {
  const { rowCount } = await q.query(`select 1 from refunds where order_id = $1 and status = 'pending' limit 1`, [orderId]);
  return Boolean(rowCount);
}
