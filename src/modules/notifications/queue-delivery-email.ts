// Queue the delivery email in the caller's transaction, so it is sent if and
// only if the delivery commits. graphile-worker's job key makes a repeat of
// the same delivery one email.
import type { Queryable } from '../../db/client.ts';
import type { Statement } from '../../db/pipeline.ts';
import type { Services } from '../shared/context.ts';

export async function queueDeliveryEmail(s: Services, q: Queryable, orderId: string, jobKey = `delivery_email:${orderId}`): Promise<void> {
  const st = deliveryEmailStatement(s, orderId, jobKey);
  if (st) await q.query(st.text, st.values);
}

/** The statement queueing the email (for pipelines); undefined when no mail is configured. */
export function deliveryEmailStatement(s: Services, orderId: string, jobKey = `delivery_email:${orderId}`): Statement | undefined {
  if (!s.config.mail) return undefined;
  return {
    text: `select graphile_worker.add_job('send_delivery_email', json_build_object('order_id', $1::text), job_key := $2, max_attempts := 12)`,
    values: [orderId, jobKey],
  };
}
