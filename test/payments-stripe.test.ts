// Stripe end to end through HTTP: Checkout Sessions against a local fake of
// Stripe's API, and webhooks signed by Stripe's own SDK (the independent
// oracle: `stripe.webhooks.generateTestHeaderString`), fed to our notify URL.
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileRefunds } from '../src/modules/flows/reconcile-refunds.ts';
import { startFakeStripe, type FakeSession, type FakeStripe } from './fakes/stripe-api.ts';
import { adminSession, orderState, bearer, checkout, createApiKey, createProduct, importKeys, keys, readOrder, setupListeningTestApp, signupMerchant, type TestApp } from './helpers.ts';

const WEBHOOK_SECRET = 'whsec_testSecretForXiaoPu0123456789';
const sdk = new Stripe('sk_test_oracle');

let t: TestApp;
let fake: FakeStripe;
let admin: Record<string, string>;
let shop: string;
let auth: Record<string, string>;

beforeAll(async () => {
  t = await setupListeningTestApp();
  fake = await startFakeStripe();
  admin = await adminSession(t);
  const m = await signupMerchant(t);
  shop = m.slug;
  auth = bearer(await createApiKey(t, m));
  const res = await t.app.inject({ method: 'PUT', url: '/api/v1/admin/gateways/stripe', headers: admin, payload: {
    enabled: true, settings: { secret_key: fake.secretKey, webhook_secret: WEBHOOK_SECRET, api_url: fake.url },
  } });
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(async () => fake.close());

function event(type: string, session: FakeSession | Record<string, unknown>, over: Record<string, unknown> = {}) {
  return JSON.stringify({ id: `evt_${Math.random().toString(36).slice(2)}`, object: 'event', type, livemode: false, created: Math.floor(Date.now() / 1000), data: { object: session }, ...over });
}

async function webhook(payload: string, header = sdk.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET })) {
  const res = await fetch(`${t.config.publicUrl}/api/v1/payments/stripe/notify`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': header }, body: payload,
  });
  return { status: res.status, body: await res.text() };
}

async function buy(price = 2500, currency = 'USD') {
  const p = await createProduct(t, auth, { price, currency });
  await importKeys(t, auth, p.id, keys(2, 'STRIPE'));
  const res = await checkout(t, shop, p.id, { gateway: 'stripe' });
  expect(res.statusCode, res.body).toBe(201);
  const c = res.json();
  const session = fake.sessionFor(c.payment.id)!;
  return { c, session };
}

const state = (orderId: string) => orderState(t, orderId);

describe('settings', () => {
  it('refuses keys that are not Stripe keys and never echoes the secrets', async () => {
    const bad = await t.app.inject({ method: 'PUT', url: '/api/v1/admin/gateways/stripe', headers: admin, payload: {
      enabled: true, settings: { secret_key: 'pk_test_publishable', webhook_secret: WEBHOOK_SECRET, api_url: fake.url },
    } });
    expect(bad.json().error.param).toBe('settings.secret_key');
    const view = await t.app.inject({ method: 'GET', url: '/api/v1/admin/gateways/stripe', headers: admin });
    expect(view.json()).toMatchObject({ enabled: true, secrets_set: ['secret_key', 'webhook_secret'] });
    expect(view.body).not.toContain(fake.secretKey);
    expect(view.body).not.toContain(WEBHOOK_SECRET);
    const test = await t.app.inject({ method: 'POST', url: '/api/v1/admin/gateways/stripe/test', headers: admin });
    expect(test.json()).toMatchObject({ ok: true });
  });
});

describe('a purchase', () => {
  it('opens a Checkout Session, and a paid webhook signed by Stripe\'s SDK delivers once', async () => {
    const { c, session } = await buy();
    expect(c.payment.action).toEqual({ kind: 'redirect', url: session.url });
    const created = fake.requests.find((r) => r.path === '/v1/checkout/sessions' && r.form?.client_reference_id === c.payment.id)!;
    expect(created).toMatchObject({ idempotencyKey: c.payment.id, authorized: true });
    expect(created.form).toMatchObject({ 'line_items[0][price_data][currency]': 'usd', 'line_items[0][price_data][unit_amount]': '2500', mode: 'payment' });
    expect(Number(created.form!.expires_at) - Date.now() / 1000).toBeGreaterThan(30 * 60);

    fake.pay(session.id);
    const payload = event('checkout.session.completed', session);
    // The oracle agrees the header we send is Stripe's.
    const header = sdk.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
    expect(sdk.webhooks.constructEvent(payload, header, WEBHOOK_SECRET).type).toBe('checkout.session.completed');
    const answers = await Promise.all(Array.from({ length: 10 }, () => webhook(payload, header)));
    expect(answers.every((a) => a.status === 200 && a.body === '{"received":true}'), JSON.stringify(answers)).toBe(true);
    expect(await state(c.order.id)).toEqual({ status: 'delivered', ledger: 1 });
    const read = await readOrder(t, c.order.number, c.access_token);
    expect(read.json().deliveries[0].items).toHaveLength(1);
    // Active query: the session was read before crediting.
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === `/v1/checkout/sessions/${session.id}`)).toBe(true);
  });

  it('refuses forged, tampered, stale, foreign-mode and misdirected webhooks, and ignores other events', async () => {
    const { c, session } = await buy(1999);
    fake.pay(session.id);
    const good = event('checkout.session.completed', session);
    const now = Math.floor(Date.now() / 1000);
    const cases: Array<[string, string, string, number]> = [
      ['signed with another secret', good, sdk.webhooks.generateTestHeaderString({ payload: good, secret: 'whsec_notTheRightOne000' }), 400],
      ['body changed after signing', good.replace('"amount_total":1999', '"amount_total":1'), sdk.webhooks.generateTestHeaderString({ payload: good, secret: WEBHOOK_SECRET }), 400],
      ['too old', good, sdk.webhooks.generateTestHeaderString({ payload: good, secret: WEBHOOK_SECRET, timestamp: now - 3600 }), 400],
      ['no signature', good, '', 400],
    ];
    for (const [name, payload, header, status] of cases) {
      expect({ name, status: (await webhook(payload, header)).status }).toEqual({ name, status });
    }
    // Properly signed, but lying: another amount, another payment, live mode for a test key.
    const wrongAmount = await webhook(event('checkout.session.completed', { ...session, amount_total: 1 }));
    expect(wrongAmount.status).toBe(400);
    const live = await webhook(event('checkout.session.completed', session, { livemode: true }));
    expect(live.status).toBe(400);
    const other = await buy(1999);
    const moved = await webhook(event('checkout.session.completed', { ...session, client_reference_id: other.c.payment.id }));
    expect(moved.status).toBe(400);
    const reasons = await t.q<{ reason: string }>(`select reason from payment_notifications where gateway = 'stripe' order by id desc limit 3`);
    // (The moved one is caught by the active query: the other payment's own session is unpaid.)
    expect(reasons.map((r) => r.reason)).toEqual(['query_status_pending', 'merchant_mismatch', 'query_amount_mismatch']);
    // Without the active query, our own row catches it: the session is not the one opened for that payment.
    await t.app.inject({ method: 'PUT', url: '/api/v1/admin/gateways/stripe', headers: admin, payload: { enabled: true, settings: { api_url: fake.url }, active_query: false } });
    expect((await webhook(event('checkout.session.completed', { ...session, client_reference_id: other.c.payment.id }))).status).toBe(400);
    const [why] = await t.q<{ reason: string }>(`select reason from payment_notifications where gateway = 'stripe' order by id desc limit 1`);
    expect(why!.reason).toBe('gateway_reference_mismatch');
    await t.app.inject({ method: 'PUT', url: '/api/v1/admin/gateways/stripe', headers: admin, payload: { enabled: true, settings: { api_url: fake.url }, active_query: true } });
    // Unpaid completion and unrelated events are acknowledged and change nothing.
    const unpaid = await buy(1999);
    expect((await webhook(event('checkout.session.completed', unpaid.session))).status).toBe(200);
    expect((await webhook(event('customer.created', { object: 'customer', id: 'cus_1' }))).status).toBe(200);
    expect(await state(c.order.id)).toEqual({ status: 'pending_payment', ledger: 0 });
    expect(await state(other.c.order.id)).toEqual({ status: 'pending_payment', ledger: 0 });
    expect(await state(unpaid.c.order.id)).toEqual({ status: 'pending_payment', ledger: 0 });
    // The genuine one still works.
    expect(await webhook(good)).toEqual({ status: 200, body: '{"received":true}' });
    expect(await state(c.order.id)).toEqual({ status: 'delivered', ledger: 1 });
  });

  it('refunds in part through Stripe, with the refund id as the idempotency key', async () => {
    const { c, session } = await buy(3000);
    fake.pay(session.id);
    expect((await webhook(event('checkout.session.completed', session))).status).toBe(200);
    const r = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/refunds`, headers: auth, payload: { amount: 1000 } });
    expect(r.json()).toMatchObject({ status: 'succeeded', amount: 1000 });
    expect(fake.refunds.at(-1)).toMatchObject({ payment_intent: session.payment_intent, amount: 1000 });
    expect(fake.requests.at(-1)!.idempotencyKey).toBe(r.json().id);
    expect((await state(c.order.id)).status).toBe('partially_refunded');
  });

  it('keeps a refund pending when Stripe answers an error, and finishes it once with the same idempotency key', async () => {
    const { c, session } = await buy(2000);
    fake.pay(session.id);
    expect((await webhook(event('checkout.session.completed', session))).status).toBe(200);
    // Stripe makes the refund but the answer is a 500: not a refusal we may act on.
    fake.failRefundAnswers = 1;
    const made = fake.refunds.length;
    const r = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/refunds`, headers: auth, payload: { amount: 500 } });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ status: 'pending', amount: 500 });
    expect(r.json().failure_message).toMatch(/Stripe|gateway|500/i);
    expect(fake.refunds.length).toBe(made + 1);
    // Another refund waits for this one; it could otherwise pay the buyer twice.
    const second = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/refunds`, headers: auth, payload: { amount: 500 } });
    expect(second.json().error.code).toBe('refund_in_progress');
    t.clock.advance(3 * 60_000);
    expect(await reconcileRefunds(t.services)).toEqual({ succeeded: 1, failed: 0, unknown: 0 });
    expect(fake.refunds.length).toBe(made + 1); // the same key answered the refund it made
    const [row] = await t.q<{ status: string }>('select status from refunds where id = $1', [r.json().id]);
    expect(row!.status).toBe('succeeded');
    expect((await state(c.order.id)).status).toBe('partially_refunded');
    const [pay] = await t.q<{ refunded: string }>('select refunded from payments where order_id = $1 and status = $2', [c.order.id, 'succeeded']);
    expect(Number(pay!.refunded)).toBe(500);
    const sums = await t.q<{ s: string }>('select sum(amount) as s from ledger_entries group by currency');
    for (const x of sums) expect(Number(x.s)).toBe(0);
  });

  it('lets an admin settle a paid session whose webhook never came', async () => {
    const { c, session } = await buy(1500);
    fake.pay(session.id);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/admin/orders/${c.order.id}/query_gateway`, headers: admin });
    expect(res.json()).toMatchObject({ result: 'settled', gateway_view: { found: true, status: 'succeeded', amount: 1500, currency: 'USD' } });
    expect(await state(c.order.id)).toEqual({ status: 'delivered', ledger: 1 });
  });
});
