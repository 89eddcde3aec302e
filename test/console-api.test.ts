// The API behind the merchant console: the dashboard's numbers, revealing one
// key (audited), deleting a product, and finding orders by number or email.
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, checkout, createApiKey, createProduct, importKeys, keys, notify, signedNotify, signupMerchant, setupTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
let auth: Record<string, string>;
let slug: string;
beforeAll(async () => {
  t = await setupTestApp();
  const m = await signupMerchant(t);
  slug = m.slug;
  auth = bearer(await createApiKey(t, m));
});

async function sell(productId: string, quantity: number, email = 'buyer@example.com') {
  const c = (await checkout(t, slug, productId, { quantity, email })).json();
  expect((await notify(t, signedNotify(t, c))).body).toBe('success');
  return c;
}

describe('dashboard', () => {
  it('counts today\'s and 30 days\' sales, and flags low stock', async () => {
    const p = await createProduct(t, auth, { price: 1000, title: 'Low' });
    const cards = keys(5);
    await importKeys(t, auth, p.id, cards);
    await sell(p.id, 2);
    await sell(p.id, 1);
    await checkout(t, slug, p.id, { quantity: 1 }); // unpaid: not a sale
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/dashboard?tz=Asia/Shanghai&low_stock=3', headers: auth });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.today).toEqual([{ currency: 'CNY', orders: 2, sales: 3000 }]);
    expect(d.last_30_days).toEqual([{ currency: 'CNY', orders: 2, sales: 3000 }]);
    expect(d.daily).toHaveLength(30);
    expect(d.orders_by_status_30_days).toMatchObject({ delivered: 2, pending_payment: 1 });
    expect(d.low_stock).toEqual([{ id: p.id, title: 'Low', available: 1 }]);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/dashboard?tz=Mars/Olympus', headers: auth });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.param).toBe('tz');
  });

  it('counts sales net of refunds, on the day the order was paid', async () => {
    const m = await signupMerchant(t);
    const own = bearer(await createApiKey(t, m));
    const p = await createProduct(t, own, { price: 9600, title: 'Net' });
    await importKeys(t, own, p.id, keys(3));
    const sold = async () => {
      const c = (await checkout(t, m.slug, p.id, { quantity: 1 })).json();
      expect((await notify(t, signedNotify(t, c))).body).toBe('success');
      return c.order.id as string;
    };
    const partly = await sold();
    const whole = await sold();
    await sold();
    for (const [id, amount] of [[partly, 4801], [partly, 1], [whole, undefined]] as const) {
      const r = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${id}/refunds`, headers: own, payload: amount ? { amount } : {} });
      expect(r.statusCode, r.body).toBe(201);
    }
    const d = (await t.app.inject({ method: 'GET', url: '/api/v1/dashboard?tz=UTC', headers: own })).json();
    // Two orders still count as sales: 96.00 in full, and 96.00 less 48.02 refunded; the one refunded in full is gone.
    expect(d.today).toEqual([{ currency: 'CNY', orders: 2, sales: 9600 + 9600 - 4802 }]);
    expect(d.last_30_days).toEqual(d.today);
  });
});

describe('keys and products', () => {
  it('reveals one key to its merchant only, and audits it', async () => {
    const p = await createProduct(t, auth, { price: 100 });
    const [secret] = keys(1, 'REVEAL');
    await importKeys(t, auth, p.id, [secret!]);
    const list = (await t.app.inject({ method: 'GET', url: `/api/v1/products/${p.id}/cards`, headers: auth })).json();
    const card = list.data[0];
    expect(card.masked).not.toBe(secret);
    const other = bearer(await createApiKey(t, await signupMerchant(t)));
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/products/${p.id}/cards/${card.id}/reveal`, headers: other })).statusCode).toBe(404);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/products/${p.id}/cards/${card.id}/reveal`, headers: auth });
    expect(res.json()).toMatchObject({ id: card.id, secret });
    const audit = await t.q<{ data: unknown }>(`select data from audit_log where action = 'card.reveal' and target_id = $1`, [card.id]);
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it('deletes a product nobody ordered, and refuses one with orders', async () => {
    const unused = await createProduct(t, auth, { price: 100 });
    await importKeys(t, auth, unused.id, keys(3));
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/products/${unused.id}`, headers: auth })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/products/${unused.id}`, headers: auth })).statusCode).toBe(404);
    expect(await t.q('select 1 from cards where product_id = $1', [unused.id])).toHaveLength(0);

    const sold = await createProduct(t, auth, { price: 100 });
    await importKeys(t, auth, sold.id, keys(1));
    await sell(sold.id, 1);
    const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/products/${sold.id}`, headers: auth });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('product_has_orders');
  });
});

describe('orders', () => {
  it('finds orders by number or by email', async () => {
    const p = await createProduct(t, auth, { price: 100 });
    await importKeys(t, auth, p.id, keys(2));
    const a = await sell(p.id, 1, 'Someone@Example.com');
    await sell(p.id, 1, 'other@example.com');
    const byNumber = (await t.app.inject({ method: 'GET', url: `/api/v1/orders?q=${a.order.number.toLowerCase()}`, headers: auth })).json();
    expect(byNumber.data.map((o: { number: string }) => o.number)).toEqual([a.order.number]);
    const byEmail = (await t.app.inject({ method: 'GET', url: `/api/v1/orders?q=someone@example.com`, headers: auth })).json();
    expect(byEmail.data.map((o: { number: string }) => o.number)).toEqual([a.order.number]);
  });
});
