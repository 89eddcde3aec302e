// Concurrent refunds of one payment (issue 8, defect 1): however many arrive
// at once, the money refunded never exceeds what was paid — through the
// gateway or into the buyer's wallet — and the ledger stays balanced.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, createApiKey, createProduct, importKeys, keys, notify, setupTestApp, signedNotify, signupMerchant, type TestApp } from './helpers.ts';

let t: TestApp;
let slug: string;
let auth: Record<string, string>;
beforeAll(async () => {
  t = await setupTestApp();
  const m = await signupMerchant(t);
  slug = m.slug;
  auth = bearer(await createApiKey(t, m));
});

async function paidOrder(price: number, headers: Record<string, string> = {}) {
  const p = await createProduct(t, auth, { price });
  await importKeys(t, auth, p.id, keys(1));
  const res = await t.app.inject({
    method: 'POST', url: `/api/v1/storefront/${slug}/orders`, headers, remoteAddress: '203.0.113.40',
    payload: { product_id: p.id, quantity: 1, email: 'race@example.com', query_password: 'letmein', gateway: 'sandbox' },
  });
  expect(res.statusCode, res.body).toBe(201);
  const c = res.json();
  expect((await notify(t, signedNotify(t, c))).body).toBe('success');
  return c as { order: { id: string }; payment: { id: string } };
}

async function race(orderId: string, body: Record<string, unknown>, n = 20) {
  const answers = await Promise.all(Array.from({ length: n }, () =>
    t.app.inject({ method: 'POST', url: `/api/v1/orders/${orderId}/refunds`, headers: auth, payload: body })));
  for (const a of answers) expect(a.statusCode, a.body).toBeLessThan(500);
  return answers;
}

async function assertBooks(orderId: string, paymentId: string, paid: number) {
  const [r] = await t.q<{ refunded: string; succeeded: string }>(
    `select p.refunded, (select coalesce(sum(amount), 0) from refunds where payment_id = p.id and status = 'succeeded') as succeeded
       from payments p where p.id = $1`, [paymentId]);
  expect(Number(r!.succeeded)).toBeLessThanOrEqual(paid);
  expect(Number(r!.refunded)).toBe(Number(r!.succeeded));
  const sums = await t.q<{ s: string }>('select sum(amount) as s from ledger_entries group by currency');
  for (const x of sums) expect(Number(x.s)).toBe(0);
  const [o] = await t.q<{ status: string }>('select status from orders where id = $1', [orderId]);
  expect(o!.status).toBe(Number(r!.succeeded) === paid ? 'refunded' : 'partially_refunded');
  return Number(r!.succeeded);
}

describe('concurrent partial refunds', () => {
  it('never refund more than was paid through the gateway', async () => {
    for (let round = 0; round < 3; round++) {
      const c = await paidOrder(100);
      const answers = await race(c.order.id, { amount: 60 });
      expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
      expect(await assertBooks(c.order.id, c.payment.id, 100)).toBe(60);
    }
  });

  it('never credit a wallet more than was paid', async () => {
    const email = `race-${randomBytes(3).toString('hex')}@example.com`;
    const su = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: { email, password: 'buyer password 1' } });
    const cookie = su.cookies.find((x) => x.name === 'xp_session')!;
    const buyer = { cookie: `xp_session=${cookie.value}`, 'x-csrf-token': su.json().csrf_token };
    const c = await paidOrder(100, buyer);
    const first = await race(c.order.id, { amount: 60, to: 'wallet' });
    expect(first.filter((a) => a.statusCode === 201)).toHaveLength(1);
    // Then smaller amounts, so that one more fits: the sum must stop at 90.
    await race(c.order.id, { amount: 30, to: 'wallet' });
    const refunded = await assertBooks(c.order.id, c.payment.id, 100);
    expect(refunded).toBe(90);
    const wallet = (await t.app.inject({ method: 'GET', url: '/api/v1/wallet', headers: buyer })).json();
    expect(wallet.balances.find((b: { currency: string }) => b.currency === 'CNY')?.balance).toBe(90);
  });

  it('is also enforced by the database itself', async () => {
    const c = await paidOrder(100);
    await expect(t.q('update payments set refunded = 101 where id = $1', [c.payment.id])).rejects.toThrow(/payments_refunded_check/);
  });
});
