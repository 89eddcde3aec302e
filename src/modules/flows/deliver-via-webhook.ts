// Delivery by the shop's own system (delivery `webhook`): the job calls the
// shop's endpoint for a paid order and stores the items it answers — the
// fulfilment, paid → delivered and the delivery email in one transaction.
// A failed call is counted and retried on a schedule (WEBHOOK_RETRY_SECONDS);
// after the last attempt the order goes to needs_action (reason
// `webhook_failed`) for a person. Nothing is recorded as delivered unless the
// whole answer was good. The call carries a stable `webhook-id` per order, so
// the shop can answer a repeated call with the same items.
import { prepared, withTransaction } from '../../db/client.ts';
import { refundPending } from '../payments/refunds/refund-pending.ts';
import { callDeliveryEndpoint, type EndpointAnswer } from '../delivery-webhooks/call-delivery-endpoint.ts';
import { queueDeliveryEmail } from '../notifications/queue-delivery-email.ts';
import { faultPoint } from '../../lib/faults.ts';
import { transitionOrder } from '../orders/transition-order.ts';
import type { Services } from '../shared/context.ts';
import { REQUEUE_STALLED_SQL, requeueWebhookDeliveryStatement, WEBHOOK_MAX_ATTEMPTS, WEBHOOK_RETRY_SECONDS } from './webhook-delivery-queue.ts';

const ACTOR = 'system:deliver_via_webhook';

interface Due {
  status: string; number: string; total: string; currency: string; email: string; merchant_id: string; item_id: string; product_id: string;
  title: string; quantity: number; webhook_url: string; webhook_secret_ciphertext: Buffer; webhook_secret_key_id: string; delivered_at: Date | null;
}

export type WebhookDeliveryResult = 'delivered' | 'retrying' | 'parked' | 'skipped' | 'waiting';

/** While a refund of the order is with the gateway, nothing is delivered: the call is tried again this much later. */
const REFUND_WAIT_SECONDS = 60;

export async function deliverViaWebhook(s: Services, orderId: string): Promise<WebhookDeliveryResult> {
  const { rows } = await prepared<Due>(s.database.pool,
    `select o.status, o.number, o.total, o.currency, o.email, o.merchant_id, i.id as item_id, i.product_id, p.title, i.quantity,
            p.webhook_url, p.webhook_secret_ciphertext, p.webhook_secret_key_id, w.delivered_at
       from orders o join order_items i on i.order_id = o.id join products p on p.id = i.product_id join webhook_deliveries w on w.order_id = o.id
      where o.id = $1 and p.delivery = 'webhook'`, [orderId]);
  const due = rows[0];
  if (!due || due.status !== 'paid' || due.delivered_at) return 'skipped';
  try {
    if (await refundPending(s.database.pool, orderId)) return await later(s, orderId, due.merchant_id);
    const answer = await ask(s, orderId, due);
    faultPoint('webhook.answered');
    return answer.ok ? await stored(s, orderId, due, answer.items, answer.status) : await failed(s, orderId, due, answer);
  } catch (err) {
    // Anything unexpected (the database, a bug) counts as a failed attempt, so the order still ends delivered or parked — never paid and forgotten.
    s.log.error({ orderId, err: (err as Error).message }, 'delivering through the shop\'s endpoint failed inside XiaoPu');
    return failed(s, orderId, due, { ok: false, status: null, error: 'XiaoPu could not finish this attempt; it will try again' });
  }
}

async function later(s: Services, orderId: string, merchantId: string): Promise<WebhookDeliveryResult> {
  const next = new Date(s.clock.now().getTime() + REFUND_WAIT_SECONDS * 1000);
  const st = requeueWebhookDeliveryStatement({ orderId, merchantId }, next);
  await s.database.pool.query(st.text, st.values);
  return 'waiting';
}

/** The call itself, outside any transaction: the shop's endpoint may take its time. */
async function ask(s: Services, orderId: string, due: Due): Promise<EndpointAnswer> {
  const at = s.clock.now();
  return callDeliveryEndpoint({
    url: due.webhook_url, secret: s.keyring.open({ ciphertext: due.webhook_secret_ciphertext, keyId: due.webhook_secret_key_id }),
    msgId: `dlv_${orderId.slice(4)}`, at, quantity: due.quantity, allowPrivate: s.config.webhookAllowPrivate,
    body: {
      id: `dlv_${orderId.slice(4)}`, type: 'delivery.requested', created_at: at.toISOString(),
      data: {
        order: { id: orderId, object: 'order', number: due.number, status: 'paid', total: Number(due.total), currency: due.currency, email: due.email },
        item: { id: due.item_id, product_id: due.product_id, title: due.title, quantity: due.quantity },
        test: false,
      },
    },
  });
}

async function stored(s: Services, orderId: string, due: Due, items: string[], status: number): Promise<WebhookDeliveryResult> {
  const at = s.clock.now();
  const sealed = s.keyring.seal(JSON.stringify({ note: null, items }));
  const outcome = await withTransaction(s.database.pool, async (q): Promise<WebhookDeliveryResult> => {
    await q.query('select 1 from orders where id = $1 for update', [orderId]);
    // A refund reserved meanwhile (it locks the order too) wins: the items are not delivered while the money may be going back.
    if (await refundPending(q, orderId)) return 'waiting';
    // Delivered once: a second good answer (two calls at once, a person's retry) finds the order no longer paid.
    const prev = await transitionOrder(q, { orderId, merchantId: due.merchant_id, from: ['paid'], to: 'delivered', actor: ACTOR, at, note: 'issued by the shop\'s endpoint', set: { delivered_at: at } });
    if (!prev) return 'skipped';
    await q.query(
      `insert into fulfilments (id, order_id, order_item_id, merchant_id, kind, quantity, created_at, payload_ciphertext, payload_key_id)
       values ('ful_' || substr($1::text, 5), $2, $1, $3, 'webhook', $4, $5, $6, $7)`,
      [due.item_id, orderId, due.merchant_id, due.quantity, at, sealed.ciphertext, sealed.keyId]);
    await q.query('update webhook_deliveries set attempts = attempts + 1, last_status = $2, last_error = null, delivered_at = $3, next_at = null, updated_at = $3 where order_id = $1',
      [orderId, status, at]);
    await queueDeliveryEmail(s, q, orderId);
    return 'delivered';
  });
  return outcome === 'waiting' ? later(s, orderId, due.merchant_id) : outcome;
}

/** The sweeper (every few minutes): paid webhook orders whose next call is long overdue get their job back. */
export async function requeueStalledWebhookDeliveries(s: Services): Promise<number> {
  const { rowCount } = await s.database.pool.query(REQUEUE_STALLED_SQL, [new Date(s.clock.now().getTime() - 5 * 60_000)]);
  return rowCount ?? 0;
}

async function failed(s: Services, orderId: string, due: Due, answer: Extract<EndpointAnswer, { ok: false }>): Promise<WebhookDeliveryResult> {
  const at = s.clock.now();
  return withTransaction(s.database.pool, async (q) => {
    const { rows } = await q.query<{ status: string }>('select status from orders where id = $1 for update', [orderId]);
    if (rows[0]?.status !== 'paid') return 'skipped';
    const { rows: w } = await q.query<{ attempts: number }>(
      `update webhook_deliveries set attempts = attempts + 1, last_status = $2, last_error = $3, updated_at = $4 where order_id = $1 returning attempts`,
      [orderId, answer.status, answer.error, at]);
    const attempts = w[0]?.attempts ?? WEBHOOK_MAX_ATTEMPTS;
    s.log.warn({ orderId, attempts, status: answer.status, error: answer.error }, 'the shop\'s delivery endpoint failed');
    if (attempts >= WEBHOOK_MAX_ATTEMPTS) {
      await q.query('update webhook_deliveries set next_at = null where order_id = $1', [orderId]);
      await transitionOrder(q, {
        orderId, merchantId: due.merchant_id, from: ['paid'], to: 'needs_action', actor: ACTOR, at,
        note: `the shop's endpoint failed ${attempts} times: ${answer.error}`, set: { needs_action_reason: 'webhook_failed' },
      });
      return 'parked';
    }
    const next = new Date(at.getTime() + (WEBHOOK_RETRY_SECONDS[attempts - 1] ?? 60) * 1000);
    await q.query('update webhook_deliveries set next_at = $2 where order_id = $1', [orderId, next]);
    const st = requeueWebhookDeliveryStatement({ orderId, merchantId: due.merchant_id }, next);
    await q.query(st.text, st.values);
    return 'retrying';
  });
}
