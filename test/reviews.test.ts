// Reviews and reputation (评价/信誉) through HTTP: only the buyer of a
// delivered order reviews it, once; the shop replies once; the storefront
// shows averages, masked reviews (refunded ones marked) and a badge that
// falls with disputes and refunds.
import { beforeAll, expect, it } from 'vitest';
import {
  bearer, checkout, createApiKey, createProduct, importKeys, keys, notify, setupTestApp, signedNotify, signupMerchant,
  type Checkout, type TestApp,
} from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await setupTestApp();
});

const review = (c: Checkout, body: Record<string, unknown>, token = c.access_token) =>
  t.app.inject({ method: 'POST', url: `/api/v1/storefront/orders/${c.order.number}/review`, headers: { 'x-order-token': token }, payload: body });
const good = { rating: 5, activation: 5, accuracy: 4, support: 5, comment: 'Worked at once' };

it('takes one review per delivered order from its buyer, and one reply from the shop', async () => {
  const m = await signupMerchant(t);
  const auth = bearer(await createApiKey(t, m));
  const p = await createProduct(t, auth, { price: 500 });
  await importKeys(t, auth, p.id, keys(5));
  const unpaid = (await checkout(t, m.slug, p.id)).json() as Checkout;
  expect((await review(unpaid, good)).json().error.code).toBe('order_not_delivered');

  const c = (await checkout(t, m.slug, p.id, { email: 'alice@example.com' })).json() as Checkout;
  await notify(t, signedNotify(t, c));
  expect((await review(c, good, 'wrong')).statusCode).toBe(404);
  expect((await review(c, { ...good, rating: 6 })).statusCode).toBe(422);
  const first = await review(c, good);
  expect(first.statusCode, first.body).toBe(201);
  expect(first.json()).toMatchObject({ object: 'review', rating: 5, activation: 5, accuracy: 4, support: 5, refunded: false, buyer: 'a***@e***' });
  expect(first.json()).not.toHaveProperty('order_id');
  expect((await review(c, good)).json().error.code).toBe('review_exists');

  const mine = await t.app.inject({ method: 'GET', url: '/api/v1/reviews?unanswered=true', headers: auth });
  const r = mine.json().data[0];
  expect(r).toMatchObject({ id: first.json().id, order_number: c.order.number });
  const stranger = bearer(await createApiKey(t, await signupMerchant(t)));
  expect((await t.app.inject({ method: 'POST', url: `/api/v1/reviews/${r.id}/reply`, headers: stranger, payload: { reply: 'hi' } })).statusCode).toBe(404);
  const reply = await t.app.inject({ method: 'POST', url: `/api/v1/reviews/${r.id}/reply`, headers: auth, payload: { reply: 'Thanks!' } });
  expect(reply.json()).toMatchObject({ reply: 'Thanks!' });
  expect((await t.app.inject({ method: 'POST', url: `/api/v1/reviews/${r.id}/reply`, headers: auth, payload: { reply: 'again' } })).json().error.code).toBe('reply_exists');
  const buyerView = await t.app.inject({ method: 'GET', url: `/api/v1/storefront/orders/${c.order.number}/review`, headers: { 'x-order-token': c.access_token } });
  expect(buyerView.json().reply).toBe('Thanks!');

  // A refund marks the review wherever it is shown.
  await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/refunds`, headers: auth, payload: {} });
  const pub = await t.app.inject({ method: 'GET', url: `/api/v1/storefront/${m.slug}/reviews?product_id=${p.id}` });
  expect(pub.json().data).toEqual([expect.objectContaining({ rating: 5, refunded: true, reply: 'Thanks!', buyer: 'a***@e***' })]);
  expect(JSON.stringify(pub.json())).not.toContain('alice');
  const product = await t.app.inject({ method: 'GET', url: `/api/v1/storefront/${m.slug}/products/${p.id}` });
  expect(product.json().product.rating).toEqual({ average: 5, count: 1 });
});

it('gives a shop a reputation badge from its ratings, disputes and refunds over 90 days', async () => {
  const m = await signupMerchant(t);
  const auth = bearer(await createApiKey(t, m));
  const p = await createProduct(t, auth, { price: 500 });
  await importKeys(t, auth, p.id, keys(20));
  // The figures are kept for a minute per process: each look is a minute later.
  const rep = async () => {
    t.clock.advance(61_000);
    return (await t.app.inject({ method: 'GET', url: `/api/v1/storefront/${m.slug}/reputation` })).json();
  };
  expect(await rep()).toMatchObject({ orders: 0, reviews: 0, rating: null, badge: 'new' });

  const sold: Checkout[] = [];
  for (let i = 0; i < 10; i++) {
    const c = (await checkout(t, m.slug, p.id)).json() as Checkout;
    await notify(t, signedNotify(t, c));
    sold.push(c);
  }
  for (const c of sold.slice(0, 4)) await review(c, { rating: 5, activation: 5, accuracy: 5, support: 5 });
  await review(sold[4]!, { rating: 4, activation: 3, accuracy: 4, support: 5 });
  // 4.8 average, no dispute, no refund: 96.
  expect(await rep()).toMatchObject({ orders: 10, reviews: 5, rating: 4.8, activation: 4.6, dispute_rate: 0, refund_rate: 0, score: 96, badge: 'excellent' });

  // One dispute and one (partial) refund in ten orders: 96 × 0.8 × 0.9 ≈ 69.
  await t.app.inject({
    method: 'POST', url: `/api/v1/storefront/orders/${sold[5]!.order.number}/disputes`, headers: { 'x-order-token': sold[5]!.access_token },
    payload: { reason: 'key_invalid', message: 'used' },
  });
  // A partial refund counts, also once the order has completed.
  await t.app.inject({ method: 'POST', url: `/api/v1/orders/${sold[6]!.order.id}/refunds`, headers: auth, payload: { amount: 100 } });
  await t.app.inject({ method: 'POST', url: `/api/v1/storefront/orders/${sold[6]!.order.number}/confirm`, headers: { 'x-order-token': sold[6]!.access_token } });
  expect(await rep()).toMatchObject({ dispute_rate: 0.1, refund_rate: 0.1, score: 69, badge: 'fair' });
  expect((await t.app.inject({ method: 'GET', url: '/api/v1/storefront/no-such-shop/reputation' })).statusCode).toBe(404);
});
