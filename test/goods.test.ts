// Goods beyond the key itself: wholesale tier prices (批发价) applied at
// checkout, and redeem instructions (the product's, else the shop's note)
// shown with the delivered keys — only once they are delivered.
import { beforeAll, describe, expect, it } from 'vitest';
import { expireOrders } from '../src/modules/flows/expire-orders.ts';
import {
  bearer, checkout, createApiKey, importKeys, keys, notify, readOrder, setupTestApp, signedNotify, signupMerchant,
  type Checkout, type MerchantSession, type TestApp,
} from './helpers.ts';

let t: TestApp;
let m: MerchantSession;
let auth: Record<string, string>;
beforeAll(async () => {
  t = await setupTestApp({ XIAOPU_COMMISSION_BPS: '1000' });
  m = await signupMerchant(t);
  auth = bearer(await createApiKey(t, m));
});

const create = (body: Record<string, unknown>) => t.app.inject({
  method: 'POST', url: '/api/v1/products', headers: auth, payload: { title: 'Game key', price: 1000, currency: 'CNY', delivery: 'card', ...body },
});

describe('wholesale tier prices', () => {
  it('refuses tiers that are out of order, rise in price, or cost more than the price', async () => {
    const cases: Array<[unknown, string]> = [
      [[{ min_quantity: 10, unit_price: 800 }, { min_quantity: 5, unit_price: 900 }], 'price_tiers.1.min_quantity'],
      [[{ min_quantity: 5, unit_price: 800 }, { min_quantity: 10, unit_price: 900 }], 'price_tiers.1.unit_price'],
      [[{ min_quantity: 1, unit_price: 800 }], 'price_tiers.0.min_quantity'],
      [[{ min_quantity: 5, unit_price: 1200 }], 'price_tiers'],
    ];
    for (const [tiers, param] of cases) {
      const res = await create({ price_tiers: tiers });
      expect(res.statusCode, JSON.stringify(tiers)).toBe(422);
      expect(res.json().error.param).toBe(param);
    }
  });

  it('refuses a tier no buyer could reach: one above max_quantity, at creation or by lowering max_quantity later', async () => {
    const tiers = [{ min_quantity: 5, unit_price: 900 }, { min_quantity: 20, unit_price: 800 }];
    const high = await create({ price_tiers: tiers, max_quantity: 10 });
    expect(high.statusCode).toBe(422);
    expect(high.json().error.param).toBe('price_tiers');
    const p = (await create({ price_tiers: tiers, max_quantity: 50 })).json();
    const lower = await t.app.inject({ method: 'PATCH', url: `/api/v1/products/${p.id}`, headers: auth, payload: { max_quantity: 3 } });
    expect(lower.statusCode).toBe(422);
    expect(lower.json().error.param).toBe('max_quantity');
    const both = await t.app.inject({ method: 'PATCH', url: `/api/v1/products/${p.id}`, headers: auth, payload: { max_quantity: 10, price_tiers: [tiers[0]] } });
    expect(both.statusCode, both.body).toBe(200);
    expect(both.json()).toMatchObject({ max_quantity: 10, price_tiers: [tiers[0]] });
    // A product saved before this rule (a tier out of reach) still takes changes that do not touch its tiers.
    await t.q(`update products set price_tiers = $2::jsonb where id = $1`, [p.id, JSON.stringify(tiers)]);
    const hide = await t.app.inject({ method: 'PATCH', url: `/api/v1/products/${p.id}`, headers: auth, payload: { visibility: 'hidden' } });
    expect(hide.statusCode, hide.body).toBe(200);
  });

  it('charges the largest tier the quantity reaches, shows the tiers to buyers, and takes commission on what was paid', async () => {
    const res = await create({ price_tiers: [{ min_quantity: 5, unit_price: 900 }, { min_quantity: 10, unit_price: 800 }], max_quantity: 20 });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p.price_tiers).toEqual([{ min_quantity: 5, unit_price: 900 }, { min_quantity: 10, unit_price: 800 }]);
    await importKeys(t, auth, p.id, keys(45));
    const pub = await t.app.inject({ method: 'GET', url: `/api/v1/storefront/${m.slug}/products/${p.id}` });
    expect(pub.json().product.price_tiers).toEqual(p.price_tiers);

    for (const [quantity, total] of [[1, 1000], [4, 4000], [5, 4500], [9, 8100], [10, 8000], [12, 9600]] as const) {
      const c = await checkout(t, m.slug, p.id, { quantity });
      expect(c.statusCode, c.body).toBe(201);
      expect(c.json().order.total, `quantity ${quantity}`).toBe(total);
    }
    const [item] = await t.q<{ unit_price: string; total: string }>(
      `select i.unit_price, i.total from order_items i join orders o on o.id = i.order_id where o.merchant_id = $1 and i.quantity = 12`, [m.merchantId]);
    expect(item).toEqual({ unit_price: '800', total: '9600' });
    const [o] = await t.q<{ commission: string }>(`select commission from orders where merchant_id = $1 and total = 9600`, [m.merchantId]);
    expect(Number(o?.commission)).toBe(960);

    // Lowering the price under a tier is refused; removing the tiers is not.
    const lower = await t.app.inject({ method: 'PATCH', url: `/api/v1/products/${p.id}`, headers: auth, payload: { price: 850 } });
    expect(lower.statusCode).toBe(422);
    expect(lower.json().error.param).toBe('price_tiers');
    const cleared = await t.app.inject({ method: 'PATCH', url: `/api/v1/products/${p.id}`, headers: auth, payload: { price: 850, price_tiers: [] } });
    expect(cleared.json()).toMatchObject({ price: 850, price_tiers: [] });
  });
});

describe('redeem instructions', () => {
  it('shows the product\'s instructions, else the shop\'s note, with the keys — and not before they are delivered', async () => {
    const shop = await t.app.inject({ method: 'PATCH', url: '/api/v1/shop', headers: auth, payload: { delivery_note: 'Questions? Write to **help@example.com**.' } });
    expect(shop.statusCode, shop.body).toBe(200);
    expect(shop.json().delivery_note).toBe('Questions? Write to **help@example.com**.');
    const withOwn = (await create({ instructions: 'Steam → *Games* → **Activate a product**' })).json();
    const without = (await create({})).json();
    expect(withOwn.instructions).toBe('Steam → *Games* → **Activate a product**');
    expect(without.instructions).toBeNull();
    await importKeys(t, auth, withOwn.id, keys(2));
    await importKeys(t, auth, without.id, keys(2));

    const a = (await checkout(t, m.slug, withOwn.id)).json() as Checkout;
    const unpaid = (await readOrder(t, a.order.number, a.access_token)).json();
    expect(unpaid.deliveries).toEqual([]);
    expect(JSON.stringify(unpaid)).not.toContain('Activate a product');
    await notify(t, signedNotify(t, a));
    const paid = (await readOrder(t, a.order.number, a.access_token)).json();
    expect(paid.deliveries[0]).toMatchObject({ instructions: 'Steam → *Games* → **Activate a product**' });

    const b = (await checkout(t, m.slug, without.id)).json() as Checkout;
    await notify(t, signedNotify(t, b));
    expect((await readOrder(t, b.order.number, b.access_token)).json().deliveries[0].instructions).toBe('Questions? Write to **help@example.com**.');

    const removed = await t.app.inject({ method: 'PATCH', url: '/api/v1/shop', headers: auth, payload: { delivery_note: null } });
    expect(removed.json().delivery_note).toBeNull();
    expect((await readOrder(t, b.order.number, b.access_token)).json().deliveries[0].instructions).toBeNull();
    const tooLong = await create({ instructions: 'x'.repeat(5001) });
    expect(tooLong.statusCode).toBe(422);
  });
});

describe('shared goods (the same text for every buyer)', () => {
  const SECRET = 'WIFI-GUEST-2026 / password: hunter2-shared';

  it('needs its text, keeps it encrypted, never echoes it, and takes no keys', async () => {
    const missing = await create({ delivery: 'shared' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.param).toBe('shared.text');
    const wrong = await create({ delivery: 'card', shared: { text: 'x' } });
    expect(wrong.json().error.param).toBe('shared');
    const res = await create({ delivery: 'shared', shared: { text: SECRET, limit: 3 } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ delivery: 'shared', shared: { limit: 3, held: 0 } });
    expect(res.body).not.toContain('hunter2');
    const [row] = await t.q<{ shared_ciphertext: Buffer }>('select shared_ciphertext from products where id = $1', [res.json().id]);
    expect(row?.shared_ciphertext.toString('latin1')).not.toContain('hunter2');
    const imp = await t.app.inject({ method: 'POST', url: `/api/v1/products/${res.json().id}/cards`, headers: auth, payload: { cards: ['A'] } });
    expect(imp.statusCode).toBe(422);
  });

  it('delivers the text to every buyer, once per order, and never sells more than its limit, even at once', async () => {
    const p = (await create({ delivery: 'shared', shared: { text: SECRET, limit: 3 }, max_quantity: 3 })).json();
    const pub = (await t.app.inject({ method: 'GET', url: `/api/v1/storefront/${m.slug}/products/${p.id}` })).json();
    expect(pub.product).toMatchObject({ delivery: 'shared', stock: { available: 3, unlimited: false } });

    // Ten buyers at once for a limit of three.
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => checkout(t, m.slug, p.id, { email: `loop${i}@example.com` }, `198.51.100.${i + 1}`)));
    const won = answers.filter((a) => a.statusCode === 201);
    expect(won).toHaveLength(3);
    expect(answers.filter((a) => a.statusCode === 409).every((a) => a.json().error.code === 'out_of_stock')).toBe(true);
    const [held] = await t.q<{ shared_held: number }>('select shared_held from products where id = $1', [p.id]);
    expect(held?.shared_held).toBe(3);

    // One pays and reads the text; the others let their orders expire, which gives the units back.
    const paid = won[0]!.json() as Checkout;
    expect((await notify(t, signedNotify(t, paid))).statusCode).toBe(200);
    const read = (await readOrder(t, paid.order.number, paid.access_token)).json();
    expect(read.order.status).toBe('delivered');
    expect(read.deliveries).toEqual([expect.objectContaining({ kind: 'shared', items: [SECRET], replacements: [] })]);
    t.clock.advance(16 * 60_000);
    await expireOrders(t.services);
    const [after] = await t.q<{ shared_held: number }>('select shared_held from products where id = $1', [p.id]);
    expect(after?.shared_held).toBe(1);

    // A refund keeps the unit counted as sold; the limit cannot go under what is held.
    const lower = await t.app.inject({ method: 'PATCH', url: `/api/v1/products/${p.id}`, headers: auth, payload: { shared: { limit: 0 } } });
    expect(lower.statusCode).toBe(422);
    const changed = await t.app.inject({ method: 'PATCH', url: `/api/v1/products/${p.id}`, headers: auth, payload: { shared: { text: 'NEW-TEXT', limit: null } } });
    expect(changed.json()).toMatchObject({ shared: { limit: null, held: 1 } });
    // A buyer keeps the text they were delivered; the new text reaches later buyers only.
    expect((await readOrder(t, paid.order.number, paid.access_token)).json().deliveries[0].items).toEqual([SECRET]);
    const later = (await checkout(t, m.slug, p.id, { email: 'later@example.com' })).json() as Checkout;
    await notify(t, signedNotify(t, later));
    expect((await readOrder(t, later.order.number, later.access_token)).json().deliveries[0].items).toEqual(['NEW-TEXT']);
  });
});

describe('buyer-picked keys (自选卡密)', () => {
  it('lists masked previews, reserves exactly the picked key, charges the surcharge, and gives a raced key to one buyer', async () => {
    const secrets = ['PICK-AAAA-BBBB-CCCC-0001', 'PICK-AAAA-BBBB-CCCC-0002', 'PICK-AAAA-BBBB-CCCC-0003'];
    const plain = (await create({})).json();
    await importKeys(t, auth, plain.id, keys(1));
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/storefront/${m.slug}/products/${plain.id}/picks` })).statusCode).toBe(404);
    const p = (await create({ pick: { enabled: true, surcharge: 200 }, price_tiers: [{ min_quantity: 2, unit_price: 900 }] })).json();
    expect(p.pick).toEqual({ enabled: true, surcharge: 200 });
    await importKeys(t, auth, p.id, secrets);
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/storefront/${m.slug}/products/${p.id}/picks` });
    expect(list.statusCode).toBe(200);
    const picks = list.json().data as { id: string; preview: string }[];
    expect(picks.map((c) => c.preview).sort()).toEqual(['…0001', '…0002', '…0003']);
    for (const s of secrets) expect(list.body).not.toContain(s);

    const target = picks.find((c) => c.preview === '…0002')!;
    expect((await checkout(t, m.slug, p.id, { card_id: target.id, quantity: 2 })).json().error.param).toBe('quantity');
    expect((await checkout(t, m.slug, plain.id, { card_id: target.id })).json().error.param).toBe('card_id');
    // A key of another product (or none at all) is not "taken": it was never on offer here.
    const other = (await create({ pick: { enabled: true } })).json();
    await importKeys(t, auth, other.id, keys(1, 'OTHER'));
    for (const cardId of [target.id, 'crd_nosuchkey']) {
      const wrong = await checkout(t, m.slug, other.id, { card_id: cardId });
      expect(wrong.statusCode, wrong.body).toBe(422);
      expect(wrong.json().error.param).toBe('card_id');
    }
    const [a, b] = await Promise.all([
      checkout(t, m.slug, p.id, { card_id: target.id, email: 'pick-a@example.com' }, '198.51.100.201'),
      checkout(t, m.slug, p.id, { card_id: target.id, email: 'pick-b@example.com' }, '198.51.100.202'),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const lost = a.statusCode === 409 ? a : b;
    expect(lost.json().error.code).toBe('card_taken');
    const won = (a.statusCode === 201 ? a : b).json() as Checkout;
    // The price plus the surcharge (tiers start at 2; a pick is one unit).
    expect(won.order.total).toBe(1200);
    await notify(t, signedNotify(t, won));
    expect((await readOrder(t, won.order.number, won.access_token)).json().deliveries[0].items).toEqual(['PICK-AAAA-BBBB-CCCC-0002']);
    const after = (await t.app.inject({ method: 'GET', url: `/api/v1/storefront/${m.slug}/products/${p.id}/picks` })).json().data;
    expect(after.map((c: { preview: string }) => c.preview).sort()).toEqual(['…0001', '…0003']);
    // Without a pick, the product sells like any other.
    expect((await checkout(t, m.slug, p.id, { quantity: 2 })).json().order.total).toBe(1800);
    const shared = await create({ delivery: 'shared', shared: { text: 'x' }, pick: { enabled: true } });
    expect(shared.json().error.param).toBe('pick.enabled');
  });

  it('gives a late payment exactly the key that was picked, or parks the order when that key is gone', async () => {
    const p = (await create({ pick: { enabled: true, surcharge: 100 } })).json();
    await importKeys(t, auth, p.id, ['LATE-PICK-0000-AAAA-1111', 'LATE-PICK-0000-AAAA-2222', 'LATE-PICK-0000-AAAA-3333']);
    const picks = (await t.app.inject({ method: 'GET', url: `/api/v1/storefront/${m.slug}/products/${p.id}/picks` })).json().data as { id: string; preview: string }[];
    const want = picks.find((c) => c.preview === '…3333')!;
    const other = picks.find((c) => c.preview === '…2222')!;
    const a = (await checkout(t, m.slug, p.id, { card_id: want.id, email: 'late-a@example.com' })).json() as Checkout;
    const b = (await checkout(t, m.slug, p.id, { card_id: other.id, email: 'late-b@example.com' })).json() as Checkout;
    t.clock.advance(16 * 60_000);
    await expireOrders(t.services);
    // Meanwhile someone else buys …2222.
    const c = (await checkout(t, m.slug, p.id, { card_id: other.id, email: 'late-c@example.com' })).json() as Checkout;
    await notify(t, signedNotify(t, c));
    // The late payments: a gets …3333 as picked; b's key is gone, so b is parked for a person, not given another key.
    expect((await notify(t, signedNotify(t, a))).statusCode).toBe(200);
    expect((await readOrder(t, a.order.number, a.access_token)).json().deliveries[0].items).toEqual(['LATE-PICK-0000-AAAA-3333']);
    await notify(t, signedNotify(t, b));
    const [parked] = await t.q<{ status: string }>('select status from orders where id = $1', [b.order.id]);
    expect(parked?.status).toBe('needs_action');
    const [stock] = await t.q<{ n: string }>(`select count(*) as n from cards where product_id = $1 and status = 'available'`, [p.id]);
    expect(Number(stock?.n)).toBe(1);
  });
});

describe('validity (有效期)', () => {
  it('shows the buyer until when what they got is valid, counted from delivery', async () => {
    expect((await create({ validity_days: 0 })).json().error.param).toBe('validity_days');
    const p = (await create({ validity_days: 30 })).json();
    expect(p.validity_days).toBe(30);
    await importKeys(t, auth, p.id, keys(1));
    const pub = (await t.app.inject({ method: 'GET', url: `/api/v1/storefront/${m.slug}/products/${p.id}` })).json();
    expect(pub.product.validity_days).toBe(30);
    const c = (await checkout(t, m.slug, p.id)).json() as Checkout;
    expect((await readOrder(t, c.order.number, c.access_token)).json().deliveries).toEqual([]);
    await notify(t, signedNotify(t, c));
    const read = (await readOrder(t, c.order.number, c.access_token)).json();
    const delivered = new Date(read.order.delivered_at).getTime();
    expect(new Date(read.deliveries[0].expires_at).getTime() - delivered).toBe(30 * 86_400_000);
    const cleared = await t.app.inject({ method: 'PATCH', url: `/api/v1/products/${p.id}`, headers: auth, payload: { validity_days: null } });
    expect(cleared.json().validity_days).toBeNull();
    expect((await readOrder(t, c.order.number, c.access_token)).json().deliveries[0].expires_at).toBeNull();
  });
});
