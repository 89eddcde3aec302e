// USDT through the Epusdt protocol, end to end through HTTP, against a local
// fake Epusdt service that signs independently of our adapter (there is no
// official SDK): checkout, the service's notify with retries until `ok`,
// forged and tampered notifies, a chain transaction reused for another
// payment, and refunds (no refund API: to the buyer's wallet).
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession, orderState, bearer, checkout, createApiKey, createProduct, importKeys, keys, setupListeningTestApp, signupMerchant, type TestApp } from './helpers.ts';

const TOKEN = 'epusdt-api-token-for-tests';

/** Epusdt's signature, written from its description: sorted k=v&… (no signature, no empties) + token, md5. */
function epusdtSign(p: Record<string, string | number>, token = TOKEN): string {
  const s = Object.entries(p).filter(([k, v]) => k !== 'signature' && v !== '').sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join('&');
  return createHash('md5').update(s + token).digest('hex');
}

interface Order { trade_id: string; order_id: string; amount: number; notify_url: string; answers: string[] }
let t: TestApp;
let server: http.Server;
let serviceUrl: string;
const orders = new Map<string, Order>();
let admin: Record<string, string>;
let shop: string;
let auth: Record<string, string>;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => { raw += c.toString(); });
    req.on('end', () => {
      const body = JSON.parse(raw || '{}') as Record<string, string | number>;
      if (req.url !== '/api/v1/order/create-transaction' || body.signature !== epusdtSign(body)) {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ status_code: 401, message: 'signature verification failed' }));
      }
      const o: Order = { trade_id: `T${randomBytes(6).toString('hex')}`, order_id: String(body.order_id), amount: Number(body.amount), notify_url: String(body.notify_url), answers: [] };
      orders.set(o.order_id, o);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status_code: 200, message: 'success', data: {
        trade_id: o.trade_id, order_id: o.order_id, amount: o.amount, actual_amount: Number((o.amount / 7.2).toFixed(4)), token: 'TXYZaddress',
        expiration_time: Math.floor(Date.now() / 1000) + 600, payment_url: `https://usdt.example.test/pay/checkout-counter/${o.trade_id}`,
      } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  t = await setupListeningTestApp();
  admin = await adminSession(t);
  const m = await signupMerchant(t);
  shop = m.slug;
  auth = bearer(await createApiKey(t, m));
  const res = await t.app.inject({ method: 'PUT', url: '/api/v1/admin/gateways/usdt', headers: admin, payload: { enabled: true, settings: { api_url: serviceUrl, token: TOKEN } } });
  expect(res.statusCode, res.body).toBe(200);
  await t.app.inject({ method: 'PUT', url: '/api/v1/admin/gateways/wallet', headers: admin, payload: { enabled: true, settings: {} } });
});
afterAll(async () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));

function notification(o: Order, over: Record<string, string | number> = {}, token = TOKEN) {
  const p: Record<string, string | number> = {
    trade_id: o.trade_id, order_id: o.order_id, amount: o.amount, actual_amount: Number((o.amount / 7.2).toFixed(4)), token: 'TXYZaddress',
    block_transaction_id: `0x${createHash('sha256').update(o.trade_id).digest('hex')}`, status: 2, ...over,
  };
  return { ...p, signature: epusdtSign(p, token) };
}

async function send(body: unknown) {
  const res = await fetch(`${t.config.publicUrl}/api/v1/payments/usdt/notify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, text: await res.text() };
}

/** The service notifies until it hears `ok`. */
async function servicePays(o: Order) {
  for (let i = 0; i < 5; i++) {
    const r = await send(notification(o));
    o.answers.push(r.text);
    if (r.text === 'ok') break;
  }
}

const state = (orderId: string) => orderState(t, orderId);

async function buy(price = 7200, headers?: Record<string, string>) {
  const p = await createProduct(t, auth, { price });
  await importKeys(t, auth, p.id, keys(1, 'USDT'));
  const res = headers
    ? await t.app.inject({ method: 'POST', url: `/api/v1/storefront/${shop}/orders`, headers, payload: { product_id: p.id, quantity: 1, email: 'u@example.com', query_password: 'pw12', gateway: 'usdt' } })
    : await checkout(t, shop, p.id, { gateway: 'usdt' });
  expect(res.statusCode, res.body).toBe(201);
  const c = res.json();
  return { c, o: orders.get(c.payment.id)! };
}

describe('USDT', () => {
  it('pays through the service: amount sent exactly, notify answered `ok`, delivered once', async () => {
    const { c, o } = await buy(7230);
    expect(o.amount).toBe(72.3);
    expect(c.payment.action).toEqual({ kind: 'redirect', url: `https://usdt.example.test/pay/checkout-counter/${o.trade_id}` });
    // The service's first notify and nine concurrent copies of it: one delivery.
    const answers = await Promise.all(Array.from({ length: 10 }, () => send(notification(o))));
    expect(answers.every((a) => a.status === 200 && a.text === 'ok'), JSON.stringify(answers)).toBe(true);
    await servicePays(o);
    expect(o.answers).toEqual(['ok']);
    expect(await state(c.order.id)).toEqual({ status: 'delivered', ledger: 1 });
    const [fulfilments] = await t.q<{ n: string }>('select count(*) as n from fulfilments where order_id = $1', [c.order.id]);
    expect(fulfilments!.n).toBe('1');
  });

  it('refuses forged, tampered and misused notifies, and ignores a waiting one', async () => {
    const { c, o } = await buy();
    const paidOther = await buy();
    await servicePays(paidOther.o);
    const cases: Array<[string, unknown, string]> = [
      ['signed with another token', notification(o, {}, 'not-the-token'), 'bad_signature'],
      ['amount changed after signing', { ...notification(o), amount: 0.01 }, 'bad_signature'],
      ['moved to another order', { ...notification(o), order_id: paidOther.c.payment.id }, 'bad_signature'],
      ['signed, wrong amount', notification(o, { amount: 0.01 }), 'amount_mismatch'],
      ['signed, another payment\'s chain transaction', notification(o, { block_transaction_id: `0x${createHash('sha256').update(paidOther.o.trade_id).digest('hex')}` }), 'trade_no_used_by_another_payment'],
      ['signed, nested values', { ...notification(o), amount: { $gt: 0 } }, 'malformed'],
    ];
    for (const [name, body, reason] of cases) {
      expect({ name, ...(await send(body)) }).toEqual({ name, status: 400, text: 'fail' });
      const [rec] = await t.q<{ reason: string }>(`select reason from payment_notifications where gateway = 'usdt' order by id desc limit 1`);
      expect({ name, reason: rec!.reason }).toEqual({ name, reason });
    }
    expect(await send(notification(o, { status: 1, block_transaction_id: '' }))).toEqual({ status: 200, text: 'ok' });
    expect(await state(c.order.id)).toEqual({ status: 'pending_payment', ledger: 0 });
    await servicePays(o);
    expect(await state(c.order.id)).toEqual({ status: 'delivered', ledger: 1 });
  });

  it('refunds to the wallet (no refund API), and only when the buyer has an account', async () => {
    const guest = await buy();
    await servicePays(guest.o);
    const refused = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${guest.c.order.id}/refunds`, headers: auth, payload: {} });
    expect(refused.json().error.code).toBe('refund_not_supported');

    const signup = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: { email: 'usdt-buyer@example.com', password: 'buyer password 1' } });
    const cookie = signup.cookies.find((x) => x.name === 'xp_session')!;
    const buyer = { cookie: `xp_session=${cookie.value}`, 'x-csrf-token': signup.json().csrf_token };
    const member = await buy(7200, buyer);
    await servicePays(member.o);
    const r = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${member.c.order.id}/refunds`, headers: auth, payload: {} });
    expect(r.json()).toMatchObject({ destination: 'wallet', amount: 7200, status: 'succeeded' });
    const wallet = await t.app.inject({ method: 'GET', url: '/api/v1/wallet', headers: buyer });
    expect(wallet.json().balances).toEqual([{ currency: 'CNY', balance: 7200 }]);
  });

  it('cancels the order at once if the service refuses to open the payment', async () => {
    await t.app.inject({ method: 'PUT', url: '/api/v1/admin/gateways/usdt', headers: admin, payload: { enabled: true, settings: { api_url: serviceUrl, token: 'a-wrong-token-123' } } });
    const p = await createProduct(t, auth, { price: 100 });
    await importKeys(t, auth, p.id, keys(1));
    const res = await checkout(t, shop, p.id, { gateway: 'usdt' });
    expect(res.statusCode).toBe(502);
    expect(res.json().error.message).toContain('signature verification failed');
    expect(res.body).not.toContain('a-wrong-token-123');
    await t.app.inject({ method: 'PUT', url: '/api/v1/admin/gateways/usdt', headers: admin, payload: { enabled: true, settings: { api_url: serviceUrl, token: TOKEN } } });
  });
});
