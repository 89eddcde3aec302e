// Queuing a call to the shop's delivery endpoint (delivery `webhook`): the
// order's attempt record (reset when queued again by a person) and a job,
// one per order (job_key), in the caller's transaction or pipeline. A shop's
// calls run one at a time (a job queue per shop), so one shop's slow endpoint
// holds at most one worker and never delays other shops' deliveries.
import type { Statement } from '../../db/pipeline.ts';

/** The retries after a failed call (seconds): 6 attempts over about 2.5 hours, then needs_action. */
export const WEBHOOK_RETRY_SECONDS = [10, 60, 300, 1800, 7200];
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_RETRY_SECONDS.length + 1;

export function queueWebhookDeliveryStatement(o: { orderId: string; merchantId: string; at: Date }, runAt: Date = o.at): Statement {
  return {
    text: `with w as (insert into webhook_deliveries (order_id, merchant_id, attempts, next_at, created_at, updated_at) values ($1, $2, 0, $4, $3, $3)
                      on conflict (order_id) do update set attempts = 0, next_at = $4, last_error = null, last_status = null, updated_at = $3)
           select graphile_worker.add_job('deliver_via_webhook', json_build_object('order_id', $1::text), queue_name := 'webhook:' || $2::text,
                                          job_key := 'webhook:' || $1::text, run_at := $4::timestamptz, max_attempts := 10)`,
    values: [o.orderId, o.merchantId, o.at, runAt],
  };
}

/** The next call after a failed one (the attempt record already counts it). */
export function requeueWebhookDeliveryStatement(o: { orderId: string; merchantId: string }, runAt: Date): Statement {
  return {
    text: `select graphile_worker.add_job('deliver_via_webhook', json_build_object('order_id', $1::text), queue_name := 'webhook:' || $3::text,
                                     job_key := 'webhook:' || $1::text, run_at := $2::timestamptz, max_attempts := 10)`,
    values: [o.orderId, runAt, o.merchantId],
  };
}

/**
 * The sweeper's statement: paid orders whose next call is long overdue (the
 * job died with its retries, the worker was down) get their job back. A job
 * already waiting keeps its place (job_key); a running one finds the order
 * delivered or still paid, and delivery happens once either way.
 */
export const REQUEUE_STALLED_SQL = `select graphile_worker.add_job('deliver_via_webhook', json_build_object('order_id', w.order_id), queue_name := 'webhook:' || w.merchant_id,
         job_key := 'webhook:' || w.order_id, max_attempts := 10)
    from webhook_deliveries w join orders o on o.id = w.order_id
   where o.status = 'paid' and w.delivered_at is null and w.next_at < $1
     and not exists (select 1 from graphile_worker.jobs j where j.key = 'webhook:' || w.order_id)`;
