// Variants (SKUs): a membership in 1/3/12-month variants, each with its own
// price, validity and card stock; buyers pick one (variant_id); stock is per
// variant and holds under concurrent buyers (database checked).
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bearer, checkout, createApiKey, importKeys, keys, notify, readOrder, setupTestApp, signedNotify, signupMerchant,
  type Checkout, type MerchantSession, type TestApp,
} from './helpers.ts';

let t: TestApp;
let m: MerchantSession;
let auth: Record<string, string>;
beforeAll(async () => {
  t = await setupTestApp({ XIAOPU_CHECKOUT_LIMIT_PER_IP: '0', XIAOPU_CHECKOUT_LIMIT_PER_EMAIL: '0' });
  m = await signupMerchant(t);
  auth = bearer(await createApiKey(t, m));
});

interface Variant { id: string; name: string; price: number; validity_days: number | null; stock: { available: number } }

async function membership() {
  const p = (await t.app.inject({ method: 'POST', url: '/api/v1/products', headers: auth, payload: { title: '爱奇艺会员', price: 1000, currency: 'CNY', delivery: 'card', instructions: '登录后兑换' } })).json();
  const add = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: `/api/v1/products/${p.id}/variants`, headers: auth, payload });
  expect((await add({ name: '1 个月', validity_days: 30 })).statusCode).toBe(201);
  expect((await add({ name: '3 个月', price: 2700, validity_days: 90 })).statusCode).toBe(201);
  const last = await add({ name: '12 个月', price: 9900, validity_days: 365 });
  expect(last.statusCode, last.body).toBe(201);
  const variants = last.json().variants as Variant[];
  return { id: p.id as string, variants, byName: (n: string) => variants.find((v) => v.name === n)! };
}

async function pay(c: Checkout) {
  expect((await notify(t, signedNotify(t, c))).statusCode).toBe(200);
  return (await readOrder(t, c.order.number, c.access_token)).json();
}

describe('variants', () => {
  it('are products of their own under the product: names unique, no variants of variants, titles follow the product', async () => {
    const p = await membership();
    expect(p.variants.map((v) => [v.name, v.price, v.validity_days])).toEqual([['1 个月', 1000, 30], ['3 个月', 2700, 90], ['12 个月', 9900, 365]]);
    const dup = await t.app.inject({ method: 'POST', url: `/api/v1/products/${p.id}/variants`, headers: auth, payload: { name: '3 个月' } });
    expect(dup.statusCode).toBe(422);
    expect(dup.json().error.param).toBe('name');
    const nested = await t.app.inject({ method: 'POST', url: `/api/v1/products/${p.byName('1 个月').id}/variants`, headers: auth, payload: { name: 'x' } });
    expect(nested.statusCode).toBe(422);
    const v = (await t.app.inject({ method: 'GET', url: `/api/v1/products/${p.byName('3 个月').id}`, headers: auth })).json();
    expect(v).toMatchObject({ parent_id: p.id, variant_name: '3 个月', title: '爱奇艺会员 · 3 个月', instructions: '登录后兑换', delivery: 'card' });
    await t.app.inject({ method: 'PATCH', url: `/api/v1/products/${p.id}`, headers: auth, payload: { title: 'iQIYI VIP' } });
    await t.app.inject({ method: 'PATCH', url: `/api/v1/products/${p.byName('3 个月').id}`, headers: auth, payload: { variant_name: '季卡' } });
    const renamed = (await t.app.inject({ method: 'GET', url: `/api/v1/products/${p.byName('3 个月').id}`, headers: auth })).json();
    expect(renamed).toMatchObject({ title: 'iQIYI VIP · 季卡', variant_name: '季卡' });
    const clash = await t.app.inject({ method: 'PATCH', url: `/api/v1/products/${p.byName('12 个月').id}`, headers: auth, payload: { variant_name: '季卡' } });
    expect(clash.statusCode).toBe(422);
    expect(clash.json().error.param).toBe('variant_name');
    // The console lists the product once, its variants inside it; deleting it first needs its variants gone.
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/products?limit=100', headers: auth })).json();
    expect(list.data.filter((x: { id: string }) => p.variants.some((y) => y.id === x.id))).toEqual([]);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/products/${p.id}`, headers: auth })).json().error.code).toBe('product_has_variants');
  });

  it('are picked at checkout: price, stock and validity are the variant\'s; the storefront shows them under the product', async () => {
    const p = await membership();
    const quarter = p.byName('3 个月');
    await importKeys(t, auth, quarter.id, keys(3, 'QUARTER'));
    const shop = (await t.app.inject({ method: 'GET', url: `/api/v1/storefront/${m.slug}/products` })).json();
    const listed = shop.data.filter((x: { id: string }) => x.id === p.id || p.variants.some((v) => v.id === x.id));
    expect(listed).toHaveLength(1);
    // The listed price is the lowest of the variants in stock.
    expect(listed[0]).toMatchObject({ price: 2700, stock: { available: 3 } });
    const page = (await t.app.inject({ method: 'GET', url: `/api/v1/storefront/${m.slug}/products/${p.id}` })).json().product;
    expect(page.variants.map((v: Variant) => [v.name, v.price, v.stock.available])).toEqual([['1 个月', 1000, 0], ['3 个月', 2700, 3], ['12 个月', 9900, 0]]);
    // Each variant carries its own settings: tiers and limits set on it are what the page and checkout use.
    await t.app.inject({ method: 'PATCH', url: `/api/v1/products/${quarter.id}`, headers: auth,
      payload: { min_quantity: 1, max_quantity: 3, price_tiers: [{ min_quantity: 2, unit_price: 2600 }] } });
    const tiered = (await t.app.inject({ method: 'GET', url: `/api/v1/storefront/${m.slug}/products/${p.id}` })).json().product;
    expect(tiered.variants.find((v: Variant) => v.id === quarter.id)).toMatchObject({ max_quantity: 3, price_tiers: [{ min_quantity: 2, unit_price: 2600 }] });
    // A variant is not a product page of its own.
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/storefront/${m.slug}/products/${quarter.id}` })).statusCode).toBe(404);

    const none = await checkout(t, m.slug, p.id, { email: 'v@example.com' });
    expect(none.statusCode).toBe(422);
    expect(none.json().error.param).toBe('variant_id');
    const other = await membership();
    const foreign = await checkout(t, m.slug, p.id, { email: 'v@example.com', variant_id: other.byName('3 个月').id });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().error.param).toBe('variant_id');
    expect((await checkout(t, m.slug, quarter.id, { email: 'v@example.com' })).statusCode).toBe(404);
    expect((await checkout(t, m.slug, p.id, { email: 'v@example.com', variant_id: p.byName('1 个月').id })).statusCode).toBe(409);

    const c = (await checkout(t, m.slug, p.id, { email: 'v@example.com', variant_id: quarter.id, quantity: 2 })).json() as Checkout;
    expect(c.order.total).toBe(5200);
    const order = await pay(c);
    expect(order.order.items[0]).toMatchObject({ product_id: quarter.id, title: '爱奇艺会员 · 3 个月', unit_price: 2600 });
    // A hidden variant is neither shown nor sold.
    await t.app.inject({ method: 'PATCH', url: `/api/v1/products/${quarter.id}`, headers: auth, payload: { visibility: 'hidden' } });
    const after = (await t.app.inject({ method: 'GET', url: `/api/v1/storefront/${m.slug}/products/${p.id}` })).json().product;
    expect(after.variants.map((v: Variant) => v.name)).toEqual(['1 个月', '12 个月']);
    expect((await checkout(t, m.slug, p.id, { email: 'v@example.com', variant_id: quarter.id })).statusCode).toBe(422);
    expect(order.deliveries[0].items.every((k: string) => k.startsWith('QUARTER'))).toBe(true);
    expect(order.deliveries[0]).toMatchObject({ instructions: '登录后兑换' });
    expect(Math.round((Date.parse(order.deliveries[0].expires_at) - Date.parse(order.order.delivered_at)) / 86_400_000)).toBe(90);
  });

  it('keep their stock apart under concurrent buyers: 8 buyers, 5 keys in one variant → 5 orders of it, none of another', async () => {
    const p = await membership();
    const year = p.byName('12 个月');
    const month = p.byName('1 个月');
    await importKeys(t, auth, year.id, keys(5, 'YEAR'));
    await importKeys(t, auth, month.id, keys(5, 'MONTH'));
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) =>
      checkout(t, m.slug, p.id, { email: `year${i}@example.com`, variant_id: year.id }, `198.51.100.${40 + i}`)));
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(5);
    expect(answers.filter((a) => a.statusCode === 409)).toHaveLength(3);
    const [counts] = await t.q<{ year_reserved: string; month_available: string }>(
      `select (select count(*) from cards where product_id = $1 and status = 'reserved') as year_reserved,
              (select count(*) from cards where product_id = $2 and status = 'available') as month_available`, [year.id, month.id]);
    expect(counts).toEqual({ year_reserved: '5', month_available: '5' });
  });
});
