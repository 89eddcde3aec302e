// Tenants are walls (DESIGN §1.5): merchant B, by session or by API key, gets
// the same 404 for merchant A's things as for things that do not exist —
// never 403, never data — and changes nothing. Buyers see only the order
// their token opens; the admin area does not exist for merchants.
import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../src/modules/accounts/create-admin.ts';
import {
  bearer, checkout, createApiKey, createProduct, importKeys, keys, notify, readOrder, setupTestApp, signedNotify, signupMerchant,
  type Checkout, type MerchantSession, type TestApp,
} from './helpers.ts';

let t: TestApp;
let a: MerchantSession;
let b: MerchantSession;
let aKey: string;
let bKey: string;
let aProduct: { id: string };
let aCards: string[];
let aCardIds: string[];
let aOrder: Checkout;
let aPaidOrder: Checkout;
let bProduct: { id: string };
let bOrder: Checkout;

const A_TITLE = 'A-secret-product-title';

beforeAll(async () => {
  t = await setupTestApp();
  a = await signupMerchant(t, 'tenant-a');
  b = await signupMerchant(t, 'tenant-b');
  aKey = await createApiKey(t, a);
  bKey = await createApiKey(t, b);

  aProduct = await createProduct(t, a.headers, { title: A_TITLE, price: 700 });
  aCards = keys(6, 'ASECRET');
  await importKeys(t, a.headers, aProduct.id, aCards);
  aCardIds = (await t.q<{ id: string }>(`select id from cards where product_id = $1 order by id`, [aProduct.id])).map((r) => r.id);
  aOrder = (await checkout(t, a.slug, aProduct.id, { email: 'a-buyer@example.com' })).json();
  aPaidOrder = (await checkout(t, a.slug, aProduct.id, { email: 'a-payer@example.com' }, '203.0.113.8')).json();
  expect((await notify(t, signedNotify(t, aPaidOrder))).statusCode).toBe(200);

  bProduct = await createProduct(t, b.headers, { title: 'B product', price: 300 });
  await importKeys(t, b.headers, bProduct.id, keys(3));
  bOrder = (await checkout(t, b.slug, bProduct.id, { email: 'b-buyer@example.com' })).json();
});

/** What A owns, as text, so a later comparison shows B changed nothing. */
async function aSnapshot() {
  const product = await t.q(`select title, price, min_quantity, max_quantity, visibility, updated_at from products where id = $1`, [aProduct.id]);
  const cards = await t.q(`select id, status from cards where product_id = $1 order by id`, [aProduct.id]);
  const batches = await t.q(`select id from card_batches where product_id = $1 order by id`, [aProduct.id]);
  return JSON.stringify({ product, cards, batches });
}

/** Nothing in a response body that belongs to A. */
function expectNoAData(body: string) {
  expect(body).not.toContain(A_TITLE);
  expect(body).not.toContain(a.merchantId);
  expect(body).not.toContain('a-buyer@example.com');
  for (const c of aCards) expect(body).not.toContain(c);
  for (const id of aCardIds) expect(body).not.toContain(id);
}

const callers = [
  { name: 'session', auth: () => b.headers },
  { name: 'API key', auth: () => bearer(bKey) },
];

describe.each(callers)("merchant B's $name against merchant A's things", ({ auth }) => {
  type Req = { method: 'GET' | 'POST' | 'PATCH'; url: string; payload?: InjectOptions['payload']; headers?: Record<string, string> };

  /** Sends the request for A's id and for an id that does not exist; both must be the same 404. */
  async function expectSame404(make: (id: string) => Req, missingId: string, realId: string) {
    const before = await aSnapshot();
    const real = make(realId);
    const res = await t.app.inject({ ...real, headers: { ...auth(), ...(real.headers ?? {}) } });
    const ghost = make(missingId);
    const none = await t.app.inject({ ...ghost, headers: { ...auth(), ...(ghost.headers ?? {}) } });
    expect(res.statusCode, `${real.method} ${real.url}: ${res.body}`).toBe(404);
    expect(none.statusCode).toBe(404);
    expect(res.json()).toEqual(none.json());
    expect(res.json().error).toMatchObject({ type: 'invalid_request_error', code: 'resource_missing' });
    expectNoAData(res.body);
    expect(await aSnapshot()).toBe(before);
  }

  it('GET /api/v1/products/{id} → 404', async () => {
    await expectSame404((id) => ({ method: 'GET', url: `/api/v1/products/${id}` }), 'prd_doesnotexist', aProduct.id);
  });

  it('PATCH /api/v1/products/{id} → 404, and the product is unchanged', async () => {
    await expectSame404((id) => ({ method: 'PATCH', url: `/api/v1/products/${id}`, payload: { title: 'Hijacked', price: 1 } }), 'prd_doesnotexist', aProduct.id);
  });

  it('GET /api/v1/products/{id}/cards → 404', async () => {
    await expectSame404((id) => ({ method: 'GET', url: `/api/v1/products/${id}/cards` }), 'prd_doesnotexist', aProduct.id);
  });

  it('POST /api/v1/products/{id}/cards (JSON and text/plain) → 404, and no key is added', async () => {
    await expectSame404((id) => ({ method: 'POST', url: `/api/v1/products/${id}/cards`, payload: { cards: ['INJECTED-1', 'INJECTED-2'] } }), 'prd_doesnotexist', aProduct.id);
    await expectSame404((id) => ({
      method: 'POST', url: `/api/v1/products/${id}/cards`, payload: 'INJECTED-3\nINJECTED-4\n', headers: { 'content-type': 'text/plain' },
    }), 'prd_doesnotexist', aProduct.id);
    const n = await t.q<{ n: string }>(`select count(*) as n from cards where product_id = $1`, [aProduct.id]);
    expect(n[0]?.n).toBe(String(aCards.length));
  });

  it('POST /api/v1/products/{id}/cards/void → 404, and A\'s keys stay available', async () => {
    const available = (await t.q<{ id: string }>(`select id from cards where product_id = $1 and status = 'available'`, [aProduct.id])).map((r) => r.id);
    expect(available.length).toBeGreaterThan(0);
    await expectSame404((id) => ({ method: 'POST', url: `/api/v1/products/${id}/cards/void`, payload: { card_ids: available } }), 'prd_doesnotexist', aProduct.id);
    // Also through B's own product: A's card ids are not B's to void.
    const viaOwn = await t.app.inject({ method: 'POST', url: `/api/v1/products/${bProduct.id}/cards/void`, headers: auth(), payload: { card_ids: available } });
    if (viaOwn.statusCode === 200) expect(viaOwn.json().voided).toBe(0);
    const still = await t.q(`select id from cards where product_id = $1 and status = 'available'`, [aProduct.id]);
    expect(still).toHaveLength(available.length);
  });

  it('GET /api/v1/products/{id}/cards/export → 404 with no keys, and no export is audited', async () => {
    const before = await t.q(`select 1 from audit_log where action = 'cards.export' and target_id = $1`, [aProduct.id]);
    await expectSame404((id) => ({ method: 'GET', url: `/api/v1/products/${id}/cards/export` }), 'prd_doesnotexist', aProduct.id);
    expect(await t.q(`select 1 from audit_log where action = 'cards.export' and target_id = $1`, [aProduct.id])).toHaveLength(before.length);
  });

  it('GET /api/v1/orders/{id} → 404 for A\'s unpaid and paid orders', async () => {
    await expectSame404((id) => ({ method: 'GET', url: `/api/v1/orders/${id}` }), 'ord_doesnotexist', aOrder.order.id);
    await expectSame404((id) => ({ method: 'GET', url: `/api/v1/orders/${id}` }), 'ord_doesnotexist', aPaidOrder.order.id);
  });

  it('lists only B\'s own orders and products', async () => {
    const orders = await t.app.inject({ method: 'GET', url: '/api/v1/orders?limit=100', headers: auth() });
    expect(orders.statusCode).toBe(200);
    expect(orders.json().data.map((o: { id: string }) => o.id)).toEqual([bOrder.order.id]);
    expectNoAData(orders.body);
    expect(orders.body).not.toContain(aOrder.order.number);

    const paid = await t.app.inject({ method: 'GET', url: '/api/v1/orders?status=delivered', headers: auth() });
    expect(paid.json().data).toEqual([]);

    // A cursor taken from A's ids does not open A's rows either.
    const cursor = await t.app.inject({ method: 'GET', url: `/api/v1/orders?ending_before=${aOrder.order.id.replace(/.$/, '0')}`, headers: auth() });
    expect(cursor.statusCode).toBe(200);
    for (const o of cursor.json().data as { id: string }[]) expect([aOrder.order.id, aPaidOrder.order.id]).not.toContain(o.id);

    const products = await t.app.inject({ method: 'GET', url: '/api/v1/products?limit=100', headers: auth() });
    expect(products.statusCode).toBe(200);
    expect(products.json().data.map((p: { id: string }) => p.id)).toEqual([bProduct.id]);
    expectNoAData(products.body);
  });
});

describe("merchant A still sees A's things", () => {
  it('by session and by API key', async () => {
    for (const auth of [a.headers, bearer(aKey)]) {
      const p = await t.app.inject({ method: 'GET', url: `/api/v1/products/${aProduct.id}`, headers: auth });
      expect(p.statusCode).toBe(200);
      expect(p.json().title).toBe(A_TITLE);
      const o = await t.app.inject({ method: 'GET', url: `/api/v1/orders/${aOrder.order.id}`, headers: auth });
      expect(o.statusCode).toBe(200);
      const list = await t.app.inject({ method: 'GET', url: '/api/v1/orders', headers: auth });
      expect(list.json().data.map((x: { id: string }) => x.id).sort()).toEqual([aOrder.order.id, aPaidOrder.order.id].sort());
    }
  });
});

describe('storefront walls', () => {
  it("B's shop does not sell or show A's product", async () => {
    const res = await checkout(t, b.slug, aProduct.id, { email: 'cross@example.com' }, '198.51.100.77');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('resource_missing');
    expect(await t.q(`select 1 from orders where email = 'cross@example.com'`)).toHaveLength(0);
    const listing = await t.app.inject({ method: 'GET', url: `/api/v1/storefront/${b.slug}/products` });
    expect(listing.json().data.map((p: { id: string }) => p.id)).toEqual([bProduct.id]);
  });

  it("a buyer cannot read an order with another order's access token (404, same as an unknown order)", async () => {
    const own = await readOrder(t, aPaidOrder.order.number, aPaidOrder.access_token);
    expect(own.statusCode).toBe(200);
    expect(own.json().deliveries[0].items).toHaveLength(1);

    const swapped = await readOrder(t, aPaidOrder.order.number, bOrder.access_token);
    expect(swapped.statusCode).toBe(404);
    expect(swapped.json().error.code).toBe('resource_missing');
    const sameShop = await readOrder(t, aPaidOrder.order.number, aOrder.access_token);
    expect(sameShop.statusCode).toBe(404);
    const unknown = await readOrder(t, 'ZZZZZZZZZZZZZZZZZZ', aOrder.access_token);
    expect(unknown.statusCode).toBe(404);
    expect(swapped.json()).toEqual(unknown.json());
    expect(sameShop.json()).toEqual(unknown.json());
    for (const c of aCards) {
      expect(swapped.body).not.toContain(c);
      expect(sameShop.body).not.toContain(c);
    }
    const noToken = await t.app.inject({ method: 'GET', url: `/api/v1/storefront/orders/${aPaidOrder.order.number}` });
    expect(noToken.statusCode).toBe(401);
    expect(noToken.body).not.toContain('a-payer@example.com');
  });
});

describe('the admin area', () => {
  const adminRoutes = () => ['/api/v1/admin/orders', `/api/v1/admin/orders/${aOrder.order.id}`, '/api/v1/admin/gateways/sandbox'];

  it('answers 404 route_not_found to a merchant session and a merchant API key', async () => {
    for (const url of adminRoutes()) {
      for (const headers of [a.headers, bearer(aKey)]) {
        const res = await t.app.inject({ method: 'GET', url, headers });
        expect(res.statusCode, url).toBe(404);
        expect(res.json().error).toMatchObject({ type: 'invalid_request_error', code: 'route_not_found' });
        expectNoAData(res.body);
        expect(res.body).not.toContain(t.services.keyring.sandboxSecret);
      }
    }
    const confirm = await t.app.inject({
      method: 'POST', url: `/api/v1/admin/payments/${aOrder.payment.id}/confirm`, headers: a.headers, payload: { note: 'I paid myself' },
    });
    expect(confirm.statusCode).toBe(404);
    const [order] = await t.q<{ status: string }>(`select status from orders where id = $1`, [aOrder.order.id]);
    expect(order?.status).toBe('pending_payment');
  });

  it('answers 401 without authentication', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/admin/orders' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ type: 'authentication_error', code: 'unauthenticated' });
    expect(res.body).not.toContain(aOrder.order.id);
  });

  it('serves a platform admin, across shops', async () => {
    await createAdmin(t.services, { email: 'root@example.com', password: 'admin password 123' });
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'root@example.com', password: 'admin password 123' } });
    expect(login.statusCode).toBe(200);
    const cookie = `xp_session=${login.cookies.find((c) => c.name === 'xp_session')?.value}`;
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/admin/orders?limit=100', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const ids = res.json().data.map((o: { id: string }) => o.id);
    expect(ids).toEqual(expect.arrayContaining([aOrder.order.id, aPaidOrder.order.id, bOrder.order.id]));
  });
});
