// Queue the delivery email in the caller's transaction, so it is sent if and
// only if the delivery commits. graphile-worker's job key makes a repeat of
// the same delivery one email.
import type { Queryable } from '../../db/client.ts';
import type { Services } from '../shared/context.ts';

export async function queueDeliveryEmail(s: Services, q: Queryable, orderId: string, jobKey = `delivery_email:${orderId}`): Promise<void> {
  if (!s.config.mail) return;
  await q.query(
    `select graphile_worker.add_job('send_delivery_email', json_build_object('order_id', $1::text), job_key := $2, max_attempts := 12)`,
    [orderId, jobKey]);
}
