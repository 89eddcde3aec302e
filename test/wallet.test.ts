// The buyer's wallet (余额): a buyer account tops up through a gateway, pays
// orders from the balance in the checkout's own transaction, and gets refunds
// back into it. The balance never goes negative, even under concurrent buys.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { signSandboxNotify } from '../src/modules/payments/gateways/sandbox.ts';
import {
  adminSession, bearer, checkout, createApiKey, createProduct, importKeys, keys, notify, readOrder, setupTestApp, signedNotify, signupMerchant,
  type TestApp,
} from './helpers.ts';

let t: TestApp;
let shop: string;
let auth: Record<string, string>;
let buyer: Record<string, string>;
let buyerId: string;

async function signupBuyer() {
  const email = `buyer-${randomBytes(3).toString('hex')}@example.com`;
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: { email, password: 'buyer password 1' } });
  expect(res.statusCode, res.body).toBe(201);
  const cookie = res.cookies.find((c) => c.name === 'xp_session')!;
  return { headers: { cookie: `xp_session=${cookie.value}`, 'x-csrf-token': res.json().csrf_token }, body: res.json(), email };
}

async function balance(headers = buyer): Promise<number> {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/wallet', headers });
  return res.json().balances.find((b: { currency: string }) => b.currency === 'CNY')?.balance ?? 0;
}

async function topUp(amount: number) {
  const { payment } = (await t.app.inject({ method: 'POST', url: '/api/v1/wallet/topups', headers: buyer, payload: { amount, currency: 'CNY', gateway: 'sandbox' } })).json();
  const n = signSandboxNotify(t.services.keyring, {
    payment_id: payment.id, trade_no: `T${payment.id}`, amount: payment.amount, currency: 'CNY', status: 'succeeded', timestamp: Math.floor(Date.now() / 1000),
  });
  expect((await notify(t, n)).body).toBe('success');
}

async function ledgerSums() {
  return t.q<{ currency: string; s: string }>('select currency, sum(amount) as s from ledger_entries group by currency');
}

beforeAll(async () => {
  t = await setupTestApp();
  const m = await signupMerchant(t);
  shop = m.slug;
  auth = bearer(await createApiKey(t, m));
  const admin = await adminSession(t);
  const res = await t.app.inject({ method: 'PUT', url: '/api/v1/admin/gateways/wallet', headers: admin, payload: { enabled: true, settings: {} } });
  expect(res.statusCode, res.body).toBe(200);
  const b = await signupBuyer();
  buyer = b.headers;
  buyerId = b.body.user.id;
});

describe('buyer accounts', () => {
  it('signs up without a shop, and refuses half a shop', async () => {
    const b = await signupBuyer();
    expect(b.body).toMatchObject({ merchant: null, user: { email: b.email } });
    const half = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: { email: 'half@example.com', password: 'buyer password 1', shop_name: 'x' } });
    expect(half.statusCode).toBe(422);
    // A buyer has no merchant API.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/products', headers: b.headers })).statusCode).toBe(403);
  });
});

describe('top-ups', () => {
  it('credits the wallet once when the gateway notifies, however often', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/wallet/topups', headers: buyer, payload: { amount: 5000, currency: 'CNY', gateway: 'sandbox' } });
    expect(res.statusCode, res.body).toBe(201);
    const { topup, payment } = res.json();
    expect(topup).toMatchObject({ object: 'wallet_topup', amount: 5000, status: 'pending' });
    expect(payment.pay_url).toContain(`/pay/sandbox/${payment.id}`);
    expect((await t.app.inject({ method: 'GET', url: `/pay/sandbox/${payment.id}` })).body).toContain('Wallet top-up');
    const n = signSandboxNotify(t.services.keyring, {
      payment_id: payment.id, trade_no: `T${payment.id}`, amount: payment.amount, currency: 'CNY', status: 'succeeded', timestamp: Math.floor(Date.now() / 1000),
    });
    const answers = await Promise.all(Array.from({ length: 5 }, () => notify(t, n)));
    expect(answers.map((a) => a.body)).toEqual(Array(5).fill('success'));
    expect(await balance()).toBe(5000);
    const tx = await t.app.inject({ method: 'GET', url: '/api/v1/wallet/transactions', headers: buyer });
    expect(tx.json().data).toMatchObject([{ kind: 'topup', amount: 5000, balance_after: 5000, ref_id: topup.id }]);
    const tamper = signSandboxNotify(t.services.keyring, { ...n, amount: 500000 });
    expect((await notify(t, tamper)).statusCode).toBe(400);
    expect(await balance()).toBe(5000);
    for (const r of await ledgerSums()) expect(Number(r.s)).toBe(0);
  });

  it('needs a session and refuses to top up from the wallet itself', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/wallet/topups', payload: { amount: 100, currency: 'CNY', gateway: 'sandbox' } })).statusCode).toBe(401);
    const self = await t.app.inject({ method: 'POST', url: '/api/v1/wallet/topups', headers: buyer, payload: { amount: 100, currency: 'CNY', gateway: 'wallet' } });
    expect(self.json().error.code).toBe('gateway_unavailable');
  });
});

describe('paying from the wallet', () => {
  it('debits the balance and delivers in one step', async () => {
    const p = await createProduct(t, auth, { price: 1200 });
    const cards = keys(10, 'WAL');
    await importKeys(t, auth, p.id, cards);
    const res = await t.app.inject({
      method: 'POST', url: `/api/v1/storefront/${shop}/orders`, headers: buyer,
      payload: { product_id: p.id, quantity: 2, email: 'wallet-buyer@example.com', query_password: 'letmein', gateway: 'wallet' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c.order.status).toBe('delivered');
    expect(c.payment).toMatchObject({ gateway: 'wallet', status: 'succeeded', amount: 2400 });

    // The session cookie without its CSRF token (a forged cross-site form) is a guest: it cannot spend the wallet…
    const forged = await t.app.inject({
      method: 'POST', url: `/api/v1/storefront/${shop}/orders`, headers: { cookie: buyer.cookie ?? '' },
      payload: { product_id: p.id, quantity: 1, email: 'wallet-buyer@example.com', query_password: 'letmein', gateway: 'wallet' },
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().error.code).toBe('login_required');
    // …but can still check out as anyone may (someone logged in to the console buying in a shop).
    const asGuest = await t.app.inject({
      method: 'POST', url: `/api/v1/storefront/${shop}/orders`, headers: { cookie: buyer.cookie ?? '' },
      payload: { product_id: p.id, quantity: 1, email: 'wallet-buyer@example.com', query_password: 'letmein', gateway: 'sandbox' },
    });
    expect(asGuest.statusCode, asGuest.body).toBe(201);
    expect(asGuest.json().order.status).toBe('pending_payment');
    const read = await readOrder(t, c.order.number, c.access_token);
    expect(read.json().deliveries[0].items).toHaveLength(2);
    expect(await balance()).toBe(2600);

    // Too little left: nothing happens at all.
    const [before] = await t.q<{ n: number }>(`select count(*)::int as n from cards where product_id = $1 and status = 'available'`, [p.id]);
    const poor = await t.app.inject({
      method: 'POST', url: `/api/v1/storefront/${shop}/orders`, headers: buyer,
      payload: { product_id: p.id, quantity: 3, email: 'wallet-buyer@example.com', query_password: 'letmein', gateway: 'wallet' },
    });
    expect(poor.statusCode).toBe(409);
    expect(poor.json().error.code).toBe('insufficient_balance');
    const [after] = await t.q<{ n: number }>(`select count(*)::int as n from cards where product_id = $1 and status = 'available'`, [p.id]);
    expect(after!.n).toBe(before!.n);
    expect(await balance()).toBe(2600);

    // A guest cannot pay from a wallet.
    const guest = await checkout(t, shop, p.id, { gateway: 'wallet' });
    expect(guest.statusCode).toBe(401);
    expect(guest.json().error.code).toBe('login_required');
  });

  it('never lets concurrent buys take the balance below zero', async () => {
    const p = await createProduct(t, auth, { price: 1000 });
    await importKeys(t, auth, p.id, keys(10, 'RACE'));
    const start = await balance();
    const results = await Promise.all(Array.from({ length: 8 }, () => t.app.inject({
      method: 'POST', url: `/api/v1/storefront/${shop}/orders`, headers: buyer,
      payload: { product_id: p.id, quantity: 1, email: 'wallet-buyer@example.com', query_password: 'letmein', gateway: 'wallet' },
    })));
    const ok = results.filter((r) => r.statusCode === 201).length;
    expect(ok).toBe(Math.floor(start / 1000));
    expect(results.filter((r) => r.statusCode !== 201).every((r) => r.json().error.code === 'insufficient_balance')).toBe(true);
    expect(await balance()).toBe(start - ok * 1000);
    const [sold] = await t.q<{ n: number }>(`select count(*)::int as n from cards where product_id = $1 and status = 'sold'`, [p.id]);
    expect(sold!.n).toBe(ok);
    const [w] = await t.q<{ balance: string }>('select balance from wallets where user_id = $1', [buyerId]);
    const [sum] = await t.q<{ s: string }>('select sum(amount) as s from wallet_transactions where user_id = $1', [buyerId]);
    expect(Number(w!.balance)).toBe(Number(sum!.s));
    for (const r of await ledgerSums()) expect(Number(r.s)).toBe(0);
  });
});

describe('refunds to the wallet', () => {
  it('refunds a wallet-paid order to the wallet, and a gateway-paid one when asked', async () => {
    const p = await createProduct(t, auth, { price: 700 });
    await importKeys(t, auth, p.id, keys(2));
    await topUp(1000);
    const start = await balance();
    const byWallet = await t.app.inject({
      method: 'POST', url: `/api/v1/storefront/${shop}/orders`, headers: buyer,
      payload: { product_id: p.id, quantity: 1, email: 'wallet-buyer@example.com', query_password: 'letmein', gateway: 'wallet' },
    });
    const r1 = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${byWallet.json().order.id}/refunds`, headers: auth, payload: {} });
    expect(r1.json()).toMatchObject({ destination: 'wallet', amount: 700, status: 'succeeded' });
    expect(await balance()).toBe(start);

    // Paid through the sandbox while logged in; refunded to the wallet on request.
    const bySandbox = await t.app.inject({
      method: 'POST', url: `/api/v1/storefront/${shop}/orders`, headers: buyer,
      payload: { product_id: p.id, quantity: 1, email: 'wallet-buyer@example.com', query_password: 'letmein', gateway: 'sandbox' },
    });
    expect((await notify(t, signedNotify(t, bySandbox.json()))).body).toBe('success');
    const r2 = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${bySandbox.json().order.id}/refunds`, headers: auth, payload: { amount: 300, to: 'wallet' } });
    expect(r2.json()).toMatchObject({ destination: 'wallet', amount: 300 });
    expect(await balance()).toBe(start + 300);
    const tx = (await t.app.inject({ method: 'GET', url: '/api/v1/wallet/transactions?limit=3', headers: buyer })).json().data;
    expect(tx.map((x: { kind: string; amount: number }) => [x.kind, x.amount])).toEqual([['refund', 300], ['refund', 700], ['payment', -700]]);

    // A guest order has no wallet to refund to.
    await importKeys(t, auth, p.id, keys(1));
    const guest = (await checkout(t, shop, p.id)).json();
    await notify(t, signedNotify(t, guest));
    const r3 = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${guest.order.id}/refunds`, headers: auth, payload: { to: 'wallet' } });
    expect(r3.json().error.code).toBe('refund_not_supported');
    for (const r of await ledgerSums()) expect(Number(r.s)).toBe(0);
  });
});
