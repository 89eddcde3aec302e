// Goods the shop's own system issues (delivery `webhook`): on payment
// XiaoPu calls the shop's endpoint (Standard Webhooks signature, checked here
// with the standardwebhooks library), retries on a schedule, delivers only a
// whole good answer, parks the order in needs_action after the last failure
// (a person can queue it again), and refuses private addresses unless allowed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverViaWebhook, requeueStalledWebhookDeliveries } from '../src/modules/flows/deliver-via-webhook.ts';
import { reconcileRefunds } from '../src/modules/flows/reconcile-refunds.ts';
import { armFault } from '../src/lib/faults.ts';
import { startWorker } from '../src/jobs/worker.ts';
import { WEBHOOK_MAX_ATTEMPTS } from '../src/modules/flows/webhook-delivery-queue.ts';
import { startDeliveryEndpoint, type DeliveryEndpoint } from './fakes/delivery-endpoint.ts';
import {
  bearer, checkout, createApiKey, notify, readOrder, setupTestApp, signedNotify, signupMerchant,
  type Checkout, type MerchantSession, type TestApp,
} from './helpers.ts';

let t: TestApp;
let m: MerchantSession;
let auth: Record<string, string>;
let ep: DeliveryEndpoint;
beforeAll(async () => {
  t = await setupTestApp({ XIAOPU_WEBHOOK_ALLOW_PRIVATE: '1' });
  m = await signupMerchant(t);
  auth = bearer(await createApiKey(t, m));
  ep = await startDeliveryEndpoint();
});
afterAll(async () => ep?.close());

async function webhookProduct() {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/products', headers: auth, payload: { title: 'VPN 月卡', price: 2500, currency: 'CNY', delivery: 'webhook', webhook: { url: ep.url } } });
  expect(res.statusCode, res.body).toBe(201);
  const p = res.json() as { id: string; webhook: { url: string; secret: string } };
  ep.secret = p.webhook.secret;
  return p;
}

async function paid(productId: string, quantity = 2, email = 'vpn@example.com'): Promise<Checkout> {
  const c = (await checkout(t, m.slug, productId, { quantity, email })).json() as Checkout;
  expect((await notify(t, signedNotify(t, c))).statusCode).toBe(200);
  return c;
}

const status = async (orderId: string) => (await t.q<{ status: string; needs_action_reason: string | null }>('select status, needs_action_reason from orders where id = $1', [orderId]))[0];

describe('webhook products', () => {
  it('shows the signing secret once, requires https, and refuses other kinds\' settings (422 with the field)', async () => {
    const p = await webhookProduct();
    expect(p.webhook.secret).toMatch(/^whsec_/);
    const again = (await t.app.inject({ method: 'GET', url: `/api/v1/products/${p.id}`, headers: auth })).json();
    expect(again.webhook).toEqual({ url: ep.url });
    expect(JSON.stringify(again)).not.toContain(p.webhook.secret);
    const [row] = await t.q<{ webhook_secret_ciphertext: Buffer }>('select webhook_secret_ciphertext from products where id = $1', [p.id]);
    expect(row?.webhook_secret_ciphertext.includes(Buffer.from(p.webhook.secret))).toBe(false);

    const strict = await setupTestApp();
    const sm = await signupMerchant(strict);
    const sauth = bearer(await createApiKey(strict, sm));
    for (const [payload, param] of [
      [{ delivery: 'webhook' }, 'webhook.url'],
      [{ delivery: 'webhook', webhook: { url: 'not a url' } }, 'webhook.url'],
      [{ delivery: 'webhook', webhook: { url: 'http://shop.example.com/deliver' } }, 'webhook.url'],
      [{ delivery: 'card', webhook: { url: 'https://shop.example.com/deliver' } }, 'webhook'],
    ] as const) {
      const res = await strict.app.inject({ method: 'POST', url: '/api/v1/products', headers: sauth, payload: { title: 'x', price: 1, currency: 'CNY', ...payload } });
      expect(res.statusCode, JSON.stringify(payload)).toBe(422);
      expect(res.json().error.param).toBe(param);
    }
    // Without XIAOPU_WEBHOOK_ALLOW_PRIVATE a loopback endpoint is refused when called (SSRF), and the console test says so.
    const loop = (await strict.app.inject({ method: 'POST', url: '/api/v1/products', headers: sauth,
      payload: { title: 'x', price: 1, currency: 'CNY', delivery: 'webhook', webhook: { url: 'https://127.0.0.1:9/deliver' } } })).json();
    const probe = await strict.app.inject({ method: 'POST', url: `/api/v1/products/${loop.id}/webhook_test`, headers: sauth });
    expect(probe.statusCode, probe.body).toBe(200);
    expect(probe.json()).toMatchObject({ ok: false, error: expect.stringContaining('address refused') });
  });

  it('delivers what the endpoint issues after two failures, signed and retried, never a partial answer', async () => {
    const p = await webhookProduct();
    ep.calls.length = 0;
    ep.script = [
      { status: 500, body: 'oops' },
      { status: 200, body: JSON.stringify({ items: ['ONLY-ONE'] }) },
      { status: 200, body: JSON.stringify({ items: ['VPN-AAAA-1111', 'VPN-BBBB-2222'] }) },
    ];
    const c = await paid(p.id);
    expect((await readOrder(t, c.order.number, c.access_token)).json().order.status).toBe('paid');
    const [queued] = await t.q<{ n: string }>(`select count(*) as n from graphile_worker.jobs where task_identifier = 'deliver_via_webhook' and key = $1`, [`webhook:${c.order.id}`]);
    expect(queued?.n).toBe('1');

    expect(await deliverViaWebhook(t.services, c.order.id)).toBe('retrying');
    expect(await deliverViaWebhook(t.services, c.order.id)).toBe('retrying');
    expect((await status(c.order.id))?.status).toBe('paid');
    const [w] = await t.q<{ attempts: number; last_error: string }>('select attempts, last_error from webhook_deliveries where order_id = $1', [c.order.id]);
    expect(w).toMatchObject({ attempts: 2, last_error: 'the answer has 1 items for a quantity of 2' });
    expect(await t.q('select 1 from fulfilments where order_id = $1', [c.order.id])).toEqual([]);

    expect(await deliverViaWebhook(t.services, c.order.id)).toBe('delivered');
    const order = (await readOrder(t, c.order.number, c.access_token)).json();
    expect(order.order.status).toBe('delivered');
    expect(order.deliveries).toEqual([expect.objectContaining({ kind: 'webhook', items: ['VPN-AAAA-1111', 'VPN-BBBB-2222'] })]);
    // Every call verified with the standardwebhooks library, with one stable id for the order and its data.
    expect(ep.calls).toHaveLength(3);
    expect(ep.calls.every((x) => x.verified)).toBe(true);
    expect(new Set(ep.calls.map((x) => x.id)).size).toBe(1);
    expect(ep.calls[0]?.body?.data).toMatchObject({ order: { id: c.order.id }, item: { quantity: 2 }, test: false });
    // Once delivered, another run does nothing.
    expect(await deliverViaWebhook(t.services, c.order.id)).toBe('skipped');
    expect(ep.calls).toHaveLength(3);
  });

  it('parks the order in needs_action after the last failure; once the endpoint is fixed a person queues it again', async () => {
    const p = await webhookProduct();
    ep.script = [{ status: 503, body: '' }];
    const c = await paid(p.id, 1, 'parked@example.com');
    for (let i = 1; i < WEBHOOK_MAX_ATTEMPTS; i++) expect(await deliverViaWebhook(t.services, c.order.id)).toBe('retrying');
    expect(await deliverViaWebhook(t.services, c.order.id)).toBe('parked');
    expect(await status(c.order.id)).toEqual({ status: 'needs_action', needs_action_reason: 'webhook_failed' });
    expect(await t.q('select 1 from fulfilments where order_id = $1', [c.order.id])).toEqual([]);
    // Parked for want of its items, it is refunded in full or not at all.
    const part = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/refunds`, headers: auth, payload: { amount: 100 } });
    expect(part.json().error?.code).toBe('partial_refund_not_allowed');

    ep.script = [{ status: 200, body: JSON.stringify({ items: ['FIXED-KEY'] }) }];
    const retry = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/retry_fulfilment`, headers: auth });
    expect(retry.json()).toEqual({ result: 'queued' });
    expect((await status(c.order.id))?.status).toBe('paid');
    expect(await deliverViaWebhook(t.services, c.order.id)).toBe('delivered');
    expect((await readOrder(t, c.order.number, c.access_token)).json().deliveries[0].items).toEqual(['FIXED-KEY']);
  });

  it('stops calling when the order is refunded while it waits; the console test reports a good endpoint; the secret can be rolled', async () => {
    const p = await webhookProduct();
    ep.script = [{ status: 500, body: '' }];
    // While it waits for its items, an order is refunded in full or not at all (a partial refund would leave it stuck).
    const two = await paid(p.id, 2, 'partial-wait@example.com');
    const partial = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${two.order.id}/refunds`, headers: auth, payload: { amount: 100 } });
    expect(partial.statusCode).toBe(409);
    expect(partial.json().error.code).toBe('partial_refund_not_allowed');
    // Its calls run in the shop's own job queue (one shop's slow endpoint never holds up another's deliveries).
    const [job] = await t.q<{ queue_name: string }>(`select queue_name from graphile_worker.jobs where key = $1`, [`webhook:${two.order.id}`]);
    expect(job?.queue_name).toBe(`webhook:${m.merchantId}`);
    // The shop sees how the calls are going.
    await deliverViaWebhook(t.services, two.order.id);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/orders/${two.order.id}`, headers: auth })).json().webhook_delivery)
      .toMatchObject({ attempts: 1, last_status: 500, last_error: 'answered HTTP 500' });
    const c = await paid(p.id, 1, 'refund-wait@example.com');
    const refund = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/refunds`, headers: auth, payload: {} });
    expect(refund.statusCode, refund.body).toBe(201);
    const before = ep.calls.length;
    expect(await deliverViaWebhook(t.services, c.order.id)).toBe('skipped');
    expect(ep.calls.length).toBe(before);

    ep.script = [{ status: 200, body: JSON.stringify({ items: ['TEST-ITEM'] }) }];
    const probe = (await t.app.inject({ method: 'POST', url: `/api/v1/products/${p.id}/webhook_test`, headers: auth })).json();
    expect(probe).toMatchObject({ ok: true, status: 200, error: null, items: 1 });
    expect(ep.calls.at(-1)).toMatchObject({ verified: true, body: { data: { test: true } } });

    const variant = (await t.app.inject({ method: 'POST', url: `/api/v1/products/${p.id}/variants`, headers: auth, payload: { name: 'Team' } })).json().variants[0];
    const rolled = (await t.app.inject({ method: 'POST', url: `/api/v1/products/${p.id}/webhook_secret`, headers: auth })).json();
    expect(rolled.secret).toMatch(/^whsec_/);
    expect(rolled.secret).not.toBe(ep.secret);
    await t.app.inject({ method: 'POST', url: `/api/v1/products/${p.id}/webhook_test`, headers: auth });
    expect(ep.calls.at(-1)?.verified).toBe(false);
    ep.secret = rolled.secret;
    await t.app.inject({ method: 'POST', url: `/api/v1/products/${p.id}/webhook_test`, headers: auth });
    expect(ep.calls.at(-1)?.verified).toBe(true);
    // Its variants sign with the product's secret: rolled with it.
    await t.app.inject({ method: 'POST', url: `/api/v1/products/${variant.id}/webhook_test`, headers: auth });
    expect(ep.calls.at(-1)?.verified).toBe(true);
  });

  it('is delivered by the job runner on its own right after payment', async () => {
    const p = await webhookProduct();
    ep.script = [{ status: 200, body: JSON.stringify({ items: ['JOB-KEY-1'] }) }];
    const runner = await startWorker(t.services);
    try {
      const c = await paid(p.id, 1, 'job@example.com');
      await expect.poll(async () => (await status(c.order.id))?.status, { timeout: 15_000 }).toBe('delivered');
      expect((await readOrder(t, c.order.number, c.access_token)).json().deliveries[0].items).toEqual(['JOB-KEY-1']);
    } finally {
      await runner.stop();
    }
  });

  it('never delivers while a refund is with the gateway, counts an error inside XiaoPu as an attempt, and gives a stalled order its job back', async () => {
    const p = await webhookProduct();
    ep.script = [{ status: 200, body: JSON.stringify({ items: ['NEVER-SENT'] }) }];
    // A refund reserved but not yet answered by the gateway (the process stopped right after reserving it).
    const c = await paid(p.id, 1, 'refund-pending@example.com');
    armFault('refund.reserved');
    const r = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/refunds`, headers: auth, payload: {} });
    expect(r.statusCode).toBe(500);
    const before = ep.calls.length;
    expect(await deliverViaWebhook(t.services, c.order.id)).toBe('waiting');
    expect(ep.calls.length).toBe(before);
    expect((await status(c.order.id))?.status).toBe('paid');
    // The refund's reconciliation finishes it (after a few minutes); the order is refunded, never delivered.
    t.clock.advance(10 * 60_000);
    await reconcileRefunds(t.services);
    expect((await status(c.order.id))?.status).toBe('refunded');
    expect(await deliverViaWebhook(t.services, c.order.id)).toBe('skipped');
    expect(await t.q('select 1 from fulfilments where order_id = $1', [c.order.id])).toEqual([]);

    // An error inside XiaoPu after the endpoint answered: a failed attempt, retried — not a lost order.
    const d = await paid(p.id, 1, 'internal-error@example.com');
    armFault('webhook.answered');
    expect(await deliverViaWebhook(t.services, d.order.id)).toBe('retrying');
    const [w] = await t.q<{ attempts: number; last_error: string }>('select attempts, last_error from webhook_deliveries where order_id = $1', [d.order.id]);
    expect(w).toMatchObject({ attempts: 1, last_error: expect.stringContaining('XiaoPu could not finish') });

    // Its job vanishes (the worker gave up on it); the sweeper gives it back once the next call is long overdue.
    await t.q(`select graphile_worker.remove_job($1)`, [`webhook:${d.order.id}`]);
    expect(await t.q(`select 1 from graphile_worker.jobs where key = $1`, [`webhook:${d.order.id}`])).toEqual([]);
    t.clock.advance(10 * 60_000);
    expect(await requeueStalledWebhookDeliveries(t.services)).toBeGreaterThanOrEqual(1);
    expect(await t.q(`select 1 from graphile_worker.jobs where key = $1`, [`webhook:${d.order.id}`])).toHaveLength(1);
    expect(await deliverViaWebhook(t.services, d.order.id)).toBe('delivered');
  });
});
