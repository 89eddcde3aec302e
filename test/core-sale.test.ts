// The core sale through HTTP: a merchant lists card keys, a guest buyer pays
// on the sandbox gateway and reads the keys at once.
import { describe, expect, it, beforeAll } from 'vitest';
import {
  checkout, createProduct, importKeys, keys, notify, readOrder, setupTestApp, signedNotify, signupMerchant,
  type Checkout, type MerchantSession, type TestApp,
} from './helpers.ts';

let t: TestApp;
let m: MerchantSession;

beforeAll(async () => {
  t = await setupTestApp();
  m = await signupMerchant(t, 'core-shop');
});

describe('the core sale', () => {
  it('sells keys to a guest buyer who reads them after paying', async () => {
    const product = await createProduct(t, m.headers, { title: 'Steam ¥50', price: 4800, max_quantity: 5 });
    const cards = keys(5);
    expect(await importKeys(t, m.headers, product.id, cards)).toMatchObject({ imported: 5, duplicates: 0 });

    const listing = await t.app.inject({ method: 'GET', url: `/api/v1/storefront/${m.slug}/products` });
    expect(listing.statusCode).toBe(200);
    expect(listing.json().data).toEqual([expect.objectContaining({ id: product.id, price: 4800, currency: 'CNY', stock: expect.objectContaining({ available: 5 }) })]);

    const res = await checkout(t, m.slug, product.id, { quantity: 2 });
    expect(res.statusCode).toBe(201);
    const c = res.json() as Checkout;
    expect(c.order).toMatchObject({ status: 'pending_payment', total: 9600, currency: 'CNY' });
    expect(c.order.number).toMatch(/^[0-9A-Z]{18}$/);
    expect(c.payment.pay_url).toContain(`/pay/sandbox/${c.payment.id}`);
    expect(c.payment.pay_url).not.toContain(c.access_token);

    const before = await readOrder(t, c.order.number, c.access_token);
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({ order: { status: 'pending_payment' }, deliveries: [] });

    const product1 = await t.app.inject({ method: 'GET', url: `/api/v1/products/${product.id}`, headers: m.headers });
    expect(product1.json().stock).toMatchObject({ available: 3, reserved: 2, sold: 0 });

    const ok = await notify(t, signedNotify(t, c));
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toBe('success');

    const after = await readOrder(t, c.order.number, c.access_token);
    const body = after.json();
    expect(body.order.status).toBe('delivered');
    expect(body.deliveries).toHaveLength(1);
    expect(body.deliveries[0].product_id).toBe(product.id);
    expect(body.deliveries[0].items).toHaveLength(2);
    for (const k of body.deliveries[0].items) expect(cards).toContain(k);

    const product2 = await t.app.inject({ method: 'GET', url: `/api/v1/products/${product.id}`, headers: m.headers });
    expect(product2.json().stock).toMatchObject({ available: 3, reserved: 0, sold: 2 });

    // What the database holds afterwards: one balanced ledger transaction, a fulfilment, events.
    const ledger = await t.q<{ n: string; sum: string }>(`select count(distinct transaction_id) as n, sum(amount) as sum from ledger_entries`);
    expect(ledger[0]).toEqual({ n: '1', sum: '0' });
    const escrow = await t.q<{ amount: string }>(`select e.amount from ledger_entries e join ledger_accounts a on a.id = e.account_id where a.kind = 'merchant_escrow'`);
    expect(escrow.map((e) => Number(e.amount))).toEqual([-9600]);
    expect(await t.q(`select quantity from fulfilments where order_id = $1`, [c.order.id])).toEqual([{ quantity: 2 }]);
    const events = await t.q<{ to_status: string }>(`select to_status from order_events where order_id = $1 order by id`, [c.order.id]);
    expect(events.map((e) => e.to_status)).toEqual(['pending_payment', 'paid', 'delivered']);
    const outbox = await t.q<{ type: string }>(`select type from outbox_events where data->>'order_id' = $1 order by id`, [c.order.id]);
    expect(outbox.map((e) => e.type)).toEqual(['order.created', 'payment.succeeded', 'order.paid', 'order.delivered']);
  });

  it('shows the merchant the order and lists it with cursor pagination', async () => {
    const product = await createProduct(t, m.headers);
    await importKeys(t, m.headers, product.id, keys(3));
    const made: string[] = [];
    for (let i = 0; i < 3; i++) made.push((await checkout(t, m.slug, product.id, { email: `p${i}@example.com` })).json().order.id);
    const page1 = await t.app.inject({ method: 'GET', url: '/api/v1/orders?limit=2', headers: m.headers });
    expect(page1.statusCode).toBe(200);
    const p1 = page1.json();
    expect(p1).toMatchObject({ object: 'list', has_more: true });
    expect(p1.data.map((o: { id: string }) => o.id)).toEqual([made[2], made[1]]);
    const page2 = await t.app.inject({ method: 'GET', url: `/api/v1/orders?limit=2&starting_after=${made[1]}`, headers: m.headers });
    expect(page2.json().data[0].id).toBe(made[0]);
    const back = await t.app.inject({ method: 'GET', url: `/api/v1/orders?limit=1&ending_before=${made[0]}`, headers: m.headers });
    expect(back.json()).toMatchObject({ data: [{ id: made[1] }], has_more: true });
    const one = await t.app.inject({ method: 'GET', url: `/api/v1/orders/${made[0]}`, headers: m.headers });
    expect(one.json()).toMatchObject({ id: made[0], status: 'pending_payment', items: [{ product_id: product.id, quantity: 1 }] });
  });

  it('validates checkout input and quantity limits', async () => {
    const product = await createProduct(t, m.headers, { min_quantity: 2, max_quantity: 3 });
    await importKeys(t, m.headers, product.id, keys(10));
    const few = await checkout(t, m.slug, product.id, { quantity: 1 });
    expect(few.statusCode).toBe(422);
    expect(few.json().error).toMatchObject({ type: 'invalid_request_error', code: 'validation_error', param: 'quantity' });
    const many = await checkout(t, m.slug, product.id, { quantity: 4 });
    expect(many.statusCode).toBe(422);
    const badEmail = await checkout(t, m.slug, product.id, { quantity: 2, email: 'not-an-email' });
    expect(badEmail.statusCode).toBe(422);
    expect(badEmail.json().error.param).toBe('email');
    const noGateway = await checkout(t, m.slug, product.id, { quantity: 2, gateway: 'paypal' });
    expect(noGateway.statusCode).toBe(422);
    expect(noGateway.json().error.code).toBe('gateway_unavailable');
    const unknown = await checkout(t, m.slug, 'prd_nope', { quantity: 2 });
    expect(unknown.statusCode).toBe(404);
    const noStock = await createProduct(t, m.headers);
    const oos = await checkout(t, m.slug, noStock.id);
    expect(oos.statusCode).toBe(409);
    expect(oos.json().error.code).toBe('out_of_stock');
    expect(oos.headers['x-request-id']).toMatch(/^req_/);
  });

  it('caps unpaid quantity per email and per IP', async () => {
    const t2 = await setupTestApp({ XIAOPU_MAX_PENDING_PER_EMAIL: '3', XIAOPU_MAX_PENDING_PER_IP: '5' });
    const m2 = await signupMerchant(t2);
    const product = await createProduct(t2, m2.headers);
    await importKeys(t2, m2.headers, product.id, keys(20));
    for (let i = 0; i < 3; i++) expect((await checkout(t2, m2.slug, product.id, { email: 'hoarder@example.com' }, `198.51.100.${i}`)).statusCode).toBe(201);
    const blocked = await checkout(t2, m2.slug, product.id, { email: 'hoarder@example.com' }, '198.51.100.9');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('too_many_pending');
    for (let i = 0; i < 5; i++) expect((await checkout(t2, m2.slug, product.id, { email: `ip${i}@example.com` }, '192.0.2.1')).statusCode).toBe(201);
    const ipBlocked = await checkout(t2, m2.slug, product.id, { email: 'another@example.com' }, '192.0.2.1');
    expect(ipBlocked.json().error.code).toBe('too_many_pending');
    const stock = await t2.q<{ n: string }>(`select count(*) as n from cards where status = 'reserved'`);
    expect(stock[0]?.n).toBe('8');
  });
});
