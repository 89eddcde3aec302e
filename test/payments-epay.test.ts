// 易支付 (epay) end to end through HTTP, against a local fake epay gateway that
// speaks the protocol from the other side: an admin configures it, a buyer
// checks out and pays, the gateway notifies (retrying until `success`), the
// buyer reads the keys. Then every way a notify can lie.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeEpay, type FakeEpay } from './fakes/epay-gateway.ts';
import {
  adminSession, bearer, checkout, createApiKey, createProduct, importKeys, keys, readOrder, setupListeningTestApp, signupMerchant, type TestApp,
} from './helpers.ts';

let t: TestApp;
let fake: FakeEpay;
let admin: Record<string, string>;
let shop: string;
let auth: Record<string, string>;

beforeAll(async () => {
  t = await setupListeningTestApp({ XIAOPU_OUTBOUND_ALLOW_PRIVATE: '1' });
  fake = await startFakeEpay();
  admin = await adminSession(t);
  const m = await signupMerchant(t);
  shop = m.slug;
  auth = bearer(await createApiKey(t, m));
});
afterAll(async () => fake.close());

async function configure(body: Record<string, unknown>) {
  return t.app.inject({ method: 'PUT', url: '/api/v1/admin/gateways/epay', headers: admin, payload: body });
}

async function productWithKeys(n: number, price = 1230) {
  const p = await createProduct(t, auth, { price, currency: 'CNY' });
  const cards = keys(n, 'EPAY');
  await importKeys(t, auth, p.id, cards);
  return { id: p.id, cards };
}

async function buy(productId: string, over: Record<string, unknown> = {}) {
  const res = await checkout(t, shop, productId, { gateway: 'epay', method: 'alipay', ...over });
  expect(res.statusCode, res.body).toBe(201);
  const c = res.json();
  // The buyer's browser posts the signed form to the gateway's cashier (what the pay page does).
  if (c.payment.action?.kind === 'form') {
    await fetch(c.payment.action.action, { method: c.payment.action.method, body: new URLSearchParams(c.payment.action.fields) });
  }
  return c;
}

/** Sends a notify the way epay does (GET with the query string) to our notify URL. */
async function sendNotify(params: Record<string, string>, method: 'GET' | 'POST' = 'GET') {
  const url = new URL('/api/v1/payments/epay/notify', t.config.publicUrl);
  if (method === 'GET') {
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    const res = await fetch(url);
    return { status: res.status, text: await res.text() };
  }
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(params) });
  return { status: res.status, text: await res.text() };
}

async function orderState(orderId: string) {
  const [o] = await t.q<{ status: string }>('select status from orders where id = $1', [orderId]);
  const sold = await t.q('select 1 from cards c join order_items i on i.id = c.order_item_id where i.order_id = $1 and c.status = $2', [orderId, 'sold']);
  const ledger = await t.q(`select 1 from ledger_transactions lt join payments p on p.id = lt.cause_id where p.order_id = $1`, [orderId]);
  return { status: o!.status, sold: sold.length, ledger: ledger.length };
}

describe('configuration', () => {
  it('validates settings, stores the key sealed and never echoes it', async () => {
    const empty = await configure({ enabled: true, settings: { version: 1, api_url: fake.url, pid: fake.pid, key: '' } });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error).toMatchObject({ code: 'validation_error', param: 'settings.key' });
    const badVersion = await configure({ enabled: true, settings: { version: 3, api_url: fake.url, pid: fake.pid, key: fake.key } });
    expect(badVersion.statusCode).toBe(422);
    const badUrl = await configure({ enabled: true, settings: { version: 1, api_url: 'ftp://x', pid: fake.pid, key: fake.key } });
    expect(badUrl.statusCode).toBe(422);

    const res = await configure({ enabled: true, settings: { version: 1, api_url: fake.url, pid: fake.pid, key: fake.key } });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({
      gateway: 'epay', enabled: true, configured: true, secrets_set: ['key'], methods: ['alipay', 'wxpay', 'qqpay'],
      notify_url: `${t.config.publicUrl}/api/v1/payments/epay/notify`, settings: { version: 1, api_url: fake.url, pid: fake.pid, mode: 'submit' },
    });
    expect(res.body).not.toContain(fake.key);
    const got = await t.app.inject({ method: 'GET', url: '/api/v1/admin/gateways', headers: admin });
    expect(got.body).not.toContain(fake.key);
    expect(got.json().data.find((g: { gateway: string }) => g.gateway === 'epay')).toMatchObject({ enabled: true, secrets_set: ['key'] });
    const [row] = await t.q<{ secrets: string; settings: unknown }>('select secrets, settings from gateway_configs where gateway = $1', ['epay']);
    expect(JSON.stringify(row)).not.toContain(fake.key);

    // An update that leaves the key out keeps it.
    const again = await configure({ enabled: true, settings: { version: 1, api_url: fake.url, pid: fake.pid }, fee_bps: 0 });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().secrets_set).toEqual(['key']);
    const audit = await t.q<{ data: { secrets_changed: string[] } }>(`select data from audit_log where action = 'gateway.configure' order by created_at`);
    expect(audit.length).toBe(2);
    expect(JSON.stringify(audit)).not.toContain(fake.key);
    expect(audit[0]!.data.secrets_changed).toEqual(['key']);
  });

  it('is for admins only, and tests the connection', async () => {
    const m = await signupMerchant(t);
    const res = await t.app.inject({ method: 'PUT', url: '/api/v1/admin/gateways/epay', headers: m.headers, payload: { enabled: false } });
    expect(res.statusCode).toBe(404);
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/admin/gateways/epay/test', headers: admin });
    expect(ok.json()).toMatchObject({ ok: true });
    expect(fake.requests.at(-1)).toMatchObject({ path: '/api.php', act: 'query', signed: true });
  });

  it('lists epay with its methods on the storefront', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/storefront/${shop}/gateways` });
    expect(res.json().data.map((g: { gateway: string }) => g.gateway)).toEqual(['sandbox', 'epay']);
    expect(res.json().data[1]).toMatchObject({ methods: ['alipay', 'wxpay', 'qqpay'], currencies: ['CNY'] });
  });
});

describe('a purchase (v1, MD5)', () => {
  it('goes from checkout through the gateway and its notify to the keys', async () => {
    const p = await productWithKeys(3);
    const c = await buy(p.id, { quantity: 2 });
    expect(c.payment).toMatchObject({ gateway: 'epay', method: 'alipay', amount: 2460, fee: 0, pay_url: `${t.config.publicUrl}/pay/${c.payment.id}` });
    const action = c.payment.action;
    expect(action).toMatchObject({ kind: 'form', method: 'POST', action: `${fake.url}/submit.php` });
    expect(action.fields).toMatchObject({ pid: fake.pid, type: 'alipay', out_trade_no: c.payment.id, money: '24.60', sign_type: 'MD5' });
    expect(action.fields.notify_url).toBe(`${t.config.publicUrl}/api/v1/payments/epay/notify`);

    // The pay page auto-submits the signed form; the browser posts it to the gateway.
    const page = await fetch(c.payment.pay_url).then((r) => r.text());
    expect(page).toContain(`action="${fake.url}/submit.php"`);
    const submitted = await fetch(action.action, { method: 'POST', body: new URLSearchParams(action.fields) });
    expect(await submitted.text()).toContain('收银台');
    expect(fake.requests.at(-1)).toMatchObject({ path: '/submit.php', signed: true });

    // The buyer pays; the gateway notifies until it hears `success`.
    const before = fake.requests.length;
    const paid = await fake.pay(c.payment.id);
    expect(paid.notifyAnswers).toEqual(['success']);
    // Active query: XiaoPu asked the gateway before crediting.
    expect(fake.requests.slice(before)).toContainEqual({ path: '/api.php', act: 'order', signed: true });

    const read = await readOrder(t, c.order.number, c.access_token);
    expect(read.json().order.status).toBe('delivered');
    expect(read.json().deliveries[0].items.sort()).toEqual(p.cards.filter((k) => read.json().deliveries[0].items.includes(k)).sort());
    expect(read.json().deliveries[0].items).toHaveLength(2);
    const [pay] = await t.q<{ status: string; gateway_trade_no: string }>('select status, gateway_trade_no from payments where id = $1', [c.payment.id]);
    expect(pay).toEqual({ status: 'succeeded', gateway_trade_no: paid.trade_no });

    // Repeats answer success and change nothing.
    const again = await sendNotify(fake.notifyParams(c.payment.id));
    expect(again).toEqual({ status: 200, text: 'success' });
    expect(await orderState(c.order.id)).toEqual({ status: 'delivered', sold: 2, ledger: 1 });
  });

  it('shows a QR code in API mode (mapi.php)', async () => {
    await configure({ enabled: true, settings: { version: 1, api_url: fake.url, pid: fake.pid, mode: 'api' } });
    const p = await productWithKeys(1);
    const c = await buy(p.id, { method: 'wxpay' });
    const order = fake.orders.get(c.payment.id)!;
    expect(c.payment.action).toEqual({ kind: 'qr', content: `https://qr.example.test/${order.trade_no}` });
    expect(order).toMatchObject({ type: 'wxpay', money: '12.30' });
    const page = await fetch(c.payment.pay_url).then((r) => r.text());
    expect(page).toContain('<svg');
    expect(page).toContain('微信支付');
    expect((await fetch(`${c.payment.pay_url}/status`).then((r) => r.json())).status).toBe('pending');
    await fake.pay(c.payment.id);
    expect((await fetch(`${c.payment.pay_url}/status`).then((r) => r.json())).status).toBe('succeeded');
    await configure({ enabled: true, settings: { version: 1, api_url: fake.url, pid: fake.pid, mode: 'submit' } });
  });

  it('cancels the order and returns the keys when the gateway cannot open the payment', async () => {
    await configure({ enabled: true, settings: { version: 1, api_url: 'http://127.0.0.1:9', pid: fake.pid, mode: 'api' } });
    const p = await productWithKeys(1);
    const res = await checkout(t, shop, p.id, { gateway: 'epay' });
    expect(res.statusCode).toBe(502);
    expect(res.json().error).toMatchObject({ code: 'gateway_error', type: 'api_error' });
    expect(res.body).not.toContain(fake.key);
    const [o] = await t.q<{ status: string }>('select o.status from orders o join order_items i on i.order_id = o.id where i.product_id = $1', [p.id]);
    expect(o!.status).toBe('cancelled');
    const [card] = await t.q<{ status: string }>('select status from cards where product_id = $1', [p.id]);
    expect(card!.status).toBe('available');
    await configure({ enabled: true, settings: { version: 1, api_url: fake.url, pid: fake.pid, mode: 'submit' } });
  });

  it('refuses a gateway the platform has not enabled, an unknown method and other currencies', async () => {
    const p = await productWithKeys(1);
    expect((await checkout(t, shop, p.id, { gateway: 'alipay' })).json().error.code).toBe('gateway_unavailable');
    expect((await checkout(t, shop, p.id, { gateway: 'epay', method: 'paypal' })).json().error).toMatchObject({ code: 'validation_error', param: 'method' });
    const usd = await createProduct(t, auth, { price: 500, currency: 'USD' });
    await importKeys(t, auth, usd.id, keys(1));
    expect((await checkout(t, shop, usd.id, { gateway: 'epay' })).json().error.code).toBe('currency_not_supported');
  });
});

describe('notify verification', () => {
  it('rejects forged, tampered, re-targeted and foreign notifies and changes nothing', async () => {
    const p = await productWithKeys(2);
    const a = await buy(p.id);
    const b = await buy(p.id);
    fake.orders.get(a.payment.id)!.paid = true; // so the active query agrees

    const valid = fake.notifyParams(a.payment.id);
    const cases: Array<[string, Record<string, string>, string]> = [
      ['forged signature', { ...valid, sign: fake.signV1(valid, 'not-the-key') }, 'bad_signature'],
      ['no signature', { ...valid, sign: '' }, 'bad_signature'],
      ['tampered amount', { ...valid, money: '0.01' }, 'bad_signature'],
      ['moved onto the other order', { ...valid, out_trade_no: b.payment.id }, 'bad_signature'],
      ['signed for another merchant', fake.notifyParams(a.payment.id, { pid: '9999' }), 'merchant_mismatch'],
      // The gateway's own record (active query) already disagrees with a wrong amount.
      ['signed with the wrong amount', fake.notifyParams(a.payment.id, { money: '0.01' }), 'query_amount_mismatch'],
      ['signed, amount with a trick', fake.notifyParams(a.payment.id, { money: '12.30abc' }), 'malformed_amount'],
      ['unknown payment', fake.notifyParams(a.payment.id, { out_trade_no: 'pay_doesnotexist' }), 'unknown_payment'],
    ];
    for (const [name, params, reason] of cases) {
      const res = await sendNotify(params);
      expect({ name, ...res }).toEqual({ name, status: 400, text: 'fail' });
      const [rec] = await t.q<{ reason: string }>('select reason from payment_notifications where gateway = $1 order by id desc limit 1', ['epay']);
      expect({ name, reason: rec!.reason }).toEqual({ name, reason });
    }
    // Without the active query, our own row still refuses the wrong amount.
    await configure({ enabled: true, settings: { version: 1, api_url: fake.url, pid: fake.pid }, active_query: false });
    expect(await sendNotify(fake.notifyParams(a.payment.id, { money: '0.01' }))).toEqual({ status: 400, text: 'fail' });
    const [rec] = await t.q<{ reason: string }>('select reason from payment_notifications where gateway = $1 order by id desc limit 1', ['epay']);
    expect(rec!.reason).toBe('amount_mismatch');
    await configure({ enabled: true, settings: { version: 1, api_url: fake.url, pid: fake.pid }, active_query: true });
    // A repeated field (money[]=) is not a string: refused before anything else.
    const url = new URL('/api/v1/payments/epay/notify', t.config.publicUrl);
    const arr = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(valid).toString() + '&money=0.01' });
    expect(arr.status).toBe(400);

    // A verified notify that is not a success is acknowledged and changes nothing.
    const waiting = await sendNotify(fake.notifyParams(a.payment.id, { trade_status: 'WAIT_BUYER_PAY' }));
    expect(waiting).toEqual({ status: 200, text: 'success' });
    expect(await orderState(a.order.id)).toEqual({ status: 'pending_payment', sold: 0, ledger: 0 });
    expect(await orderState(b.order.id)).toEqual({ status: 'pending_payment', sold: 0, ledger: 0 });

    // The genuine notify, POSTed as a form this time, settles it.
    expect(await sendNotify(valid, 'POST')).toEqual({ status: 200, text: 'success' });
    expect(await orderState(a.order.id)).toEqual({ status: 'delivered', sold: 1, ledger: 1 });
    // Its trade number cannot settle another payment.
    const moved = fake.notifyParams(a.payment.id, { out_trade_no: b.payment.id, money: fake.orders.get(b.payment.id)?.money ?? '12.30' });
    const fakeOrder = fake.orders.get(b.payment.id);
    if (fakeOrder) fakeOrder.paid = true;
    expect((await sendNotify(moved)).status).toBe(400);
    expect(await orderState(b.order.id)).toEqual({ status: 'pending_payment', sold: 0, ledger: 0 });
  });

  it('does not credit a signed notify the gateway itself does not confirm (active query), until it does', async () => {
    const p = await productWithKeys(1);
    const c = await buy(p.id);
    // A notify signed with the (leaked) key, but the gateway has no such paid trade.
    const res = await sendNotify(fake.notifyParams(c.payment.id));
    expect(res).toEqual({ status: 400, text: 'fail' });
    const [rec] = await t.q<{ reason: string }>('select reason from payment_notifications where payment_id = $1 order by id desc limit 1', [c.payment.id]);
    expect(rec!.reason).toBe('query_status_pending');
    expect(await orderState(c.order.id)).toMatchObject({ status: 'pending_payment', ledger: 0 });
    // The buyer really pays; the gateway's retry goes through.
    const paid = await fake.pay(c.payment.id);
    expect(paid.notifyAnswers).toEqual(['success']);
    expect(await orderState(c.order.id)).toEqual({ status: 'delivered', sold: 1, ledger: 1 });
  });

  it('gives 20 concurrent copies of one notify one effect', async () => {
    const p = await productWithKeys(1);
    const c = await buy(p.id);
    fake.orders.get(c.payment.id)!.paid = true;
    const params = fake.notifyParams(c.payment.id);
    const answers = await Promise.all(Array.from({ length: 20 }, () => sendNotify(params)));
    expect(answers.every((a) => a.status === 200 && a.text === 'success'), JSON.stringify(answers)).toBe(true);
    expect(await orderState(c.order.id)).toEqual({ status: 'delivered', sold: 1, ledger: 1 });
    const fulfilments = await t.q('select 1 from fulfilments where order_id = $1', [c.order.id]);
    expect(fulfilments).toHaveLength(1);
  });

  it('never settles from the browser return URL', async () => {
    const p = await productWithKeys(1);
    const c = await buy(p.id);
    fake.orders.get(c.payment.id)!.paid = true;
    const params = fake.notifyParams(c.payment.id);
    const ret = new URL(fake.orders.get(c.payment.id)?.return_url || `${t.config.publicUrl}/o/${c.order.number}`);
    for (const [k, v] of Object.entries(params)) ret.searchParams.set(k, v);
    expect((await fetch(ret)).status).toBe(200);
    expect(await orderState(c.order.id)).toMatchObject({ status: 'pending_payment', ledger: 0 });
  });
});

describe('admin actions', () => {
  it('queries the gateway for a paid order whose notify was lost, settles it once, and audits', async () => {
    const p = await productWithKeys(1);
    const c = await buy(p.id);
    const unpaid = await t.app.inject({ method: 'POST', url: `/api/v1/admin/orders/${c.order.id}/query_gateway`, headers: admin });
    expect(unpaid.json()).toMatchObject({ result: 'not_paid', gateway_view: { found: true, status: 'pending' } });
    await fake.pay(c.payment.id, { notify: false });
    const first = await t.app.inject({ method: 'POST', url: `/api/v1/admin/orders/${c.order.id}/query_gateway`, headers: admin });
    expect(first.json()).toMatchObject({ result: 'settled', gateway_view: { found: true, status: 'succeeded', amount: 1230, currency: 'CNY' } });
    const second = await t.app.inject({ method: 'POST', url: `/api/v1/admin/orders/${c.order.id}/query_gateway`, headers: admin });
    expect(second.json().result).toBe('duplicate');
    expect(await orderState(c.order.id)).toEqual({ status: 'delivered', sold: 1, ledger: 1 });
    const audit = await t.q(`select 1 from audit_log where action = 'payment.query_gateway' and target_id = $1`, [c.payment.id]);
    expect(audit).toHaveLength(3);
    // The late notify afterwards is a repeat.
    expect(await sendNotify(fake.notifyParams(c.payment.id))).toEqual({ status: 200, text: 'success' });
    expect(await orderState(c.order.id)).toEqual({ status: 'delivered', sold: 1, ledger: 1 });
  });
});

describe('fees and limits', () => {
  it('adds the gateway fee to what the buyer pays and books it as platform revenue', async () => {
    await configure({ enabled: true, settings: { version: 1, api_url: fake.url, pid: fake.pid }, fee_bps: 100, fee_fixed: 10, min_amount: 100, max_amount: 100000 });
    const p = await productWithKeys(1, 1000);
    const c = await buy(p.id);
    expect(c.payment).toMatchObject({ amount: 1020, fee: 20 });
    expect(c.order.total).toBe(1000);
    expect(c.payment.action.fields.money).toBe('10.20');
    await fake.pay(c.payment.id);
    expect(await orderState(c.order.id)).toMatchObject({ status: 'delivered', ledger: 1 });
    const entries = await t.q<{ code: string; amount: string }>(
      `select a.code, e.amount from ledger_entries e join ledger_accounts a on a.id = e.account_id
         join ledger_transactions lt on lt.id = e.transaction_id where lt.cause_id = $1 order by a.code`, [c.payment.id]);
    expect(entries.map((e) => [e.code.split(':')[0], Number(e.amount)])).toEqual([
      ['gateway_clearing', 1020], ['merchant_escrow', -1000], ['platform_revenue', -20],
    ]);
    const cheap = await productWithKeys(1, 50);
    expect((await checkout(t, shop, cheap.id, { gateway: 'epay' })).json().error.code).toBe('amount_out_of_range');
    await configure({ enabled: true, settings: { version: 1, api_url: fake.url, pid: fake.pid }, fee_bps: 0, fee_fixed: 0, min_amount: null, max_amount: null });
  });
});

describe('v2 (RSA)', () => {
  it('buys through the API with RSA signatures both ways, and refuses a notify signed by anyone else', async () => {
    const bad = await configure({ enabled: true, settings: { version: 2, api_url: fake.url, pid: fake.pid, merchant_private_key: 'nope', platform_public_key: fake.platformPublicKey } });
    expect(bad.statusCode).toBe(422);
    const res = await configure({ enabled: true, settings: {
      version: 2, api_url: fake.url, pid: fake.pid, mode: 'api', merchant_private_key: fake.merchantPrivateKey, platform_public_key: fake.platformPublicKey,
    } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().secrets_set).toEqual(['merchant_private_key']);
    expect(res.body).not.toContain('PRIVATE KEY');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/admin/gateways/epay/test', headers: admin })).json()).toMatchObject({ ok: true });

    const p = await productWithKeys(2);
    const c = await buy(p.id);
    expect(fake.requests.at(-1)).toMatchObject({ path: '/api/pay/create', signed: true });
    expect(c.payment.action).toMatchObject({ kind: 'qr' });

    const other = await import('node:crypto').then((m) => m.generateKeyPairSync('rsa', { modulusLength: 2048 }));
    const forged = fake.notifyParams(c.payment.id, {}, 2);
    forged.sign = fake.signV2({ ...forged }, String(other.privateKey.export({ type: 'pkcs8', format: 'pem' })));
    fake.orders.get(c.payment.id)!.paid = true;
    expect(await sendNotify(forged)).toEqual({ status: 400, text: 'fail' });
    expect(await orderState(c.order.id)).toMatchObject({ status: 'pending_payment', ledger: 0 });

    const paid = await fake.pay(c.payment.id, { version: 2 });
    expect(paid.notifyAnswers).toEqual(['success']);
    expect(fake.requests.some((r) => r.path === '/api/pay/query' && r.signed)).toBe(true);
    expect(await orderState(c.order.id)).toEqual({ status: 'delivered', sold: 1, ledger: 1 });
    await configure({ enabled: true, settings: { version: 1, api_url: fake.url, pid: fake.pid, key: fake.key } });
  });
});

describe('refunds', () => {
  async function paidOrder(price = 1000) {
    const p = await productWithKeys(1, price);
    const c = await buy(p.id);
    await fake.pay(c.payment.id);
    expect(await orderState(c.order.id)).toMatchObject({ status: 'delivered' });
    return c;
  }
  async function balances(paymentId: string) {
    const rows = await t.q<{ code: string; amount: string }>(
      `select a.code, sum(e.amount) as amount from ledger_entries e join ledger_accounts a on a.id = e.account_id
         join ledger_transactions lt on lt.id = e.transaction_id
        where lt.cause_id = $1 or lt.cause_id in (select id from refunds where payment_id = $1) group by a.code`, [paymentId]);
    return Object.fromEntries(rows.map((r) => [r.code.split(':')[0], Number(r.amount)]));
  }

  it('refunds in part, then the rest, through the gateway, and reverses the ledger', async () => {
    const m = await signupMerchant(t);
    const c = await paidOrder();
    const other = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/refunds`, headers: m.headers, payload: { amount: 100 } });
    expect(other.statusCode).toBe(404);

    const part = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/refunds`, headers: auth, payload: { amount: 300, reason: 'one key did not work' } });
    expect(part.statusCode, part.body).toBe(201);
    expect(part.json()).toMatchObject({ object: 'refund', amount: 300, currency: 'CNY', status: 'succeeded', destination: 'gateway' });
    expect(fake.requests.at(-1)).toMatchObject({ path: '/api.php', act: 'refund', signed: true });
    expect((await orderState(c.order.id)).status).toBe('partially_refunded');

    const tooMuch = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/refunds`, headers: auth, payload: { amount: 701 } });
    expect(tooMuch.json().error).toMatchObject({ code: 'validation_error', param: 'amount' });
    const rest = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/refunds`, headers: auth, payload: {} });
    expect(rest.json()).toMatchObject({ amount: 700, status: 'succeeded' });
    expect((await orderState(c.order.id)).status).toBe('refunded');
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/refunds`, headers: auth, payload: {} });
    expect(again.statusCode).toBe(409);
    expect(await balances(c.payment.id)).toEqual({ gateway_clearing: 0, merchant_escrow: 0 });
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/orders/${c.order.id}`, headers: auth });
    expect(detail.json().refunds.map((r: { amount: number }) => r.amount)).toEqual([300, 700]);
  });

  it('runs concurrent refunds of one payment one at a time and never refunds more than was paid', async () => {
    const c = await paidOrder();
    const results = await Promise.all(Array.from({ length: 6 }, () =>
      t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/refunds`, headers: auth, payload: { amount: 400 } })));
    const ok = results.filter((r) => r.statusCode === 201);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(ok.length).toBeLessThanOrEqual(2);
    for (const r of results.filter((x) => x.statusCode !== 201)) {
      expect(['refund_in_progress', 'validation_error']).toContain(r.json().error.code);
    }
    const [sum] = await t.q<{ s: string }>(`select coalesce(sum(amount), 0) as s from refunds where order_id = $1 and status = 'succeeded'`, [c.order.id]);
    expect(Number(sum!.s)).toBe(ok.length * 400);
    expect(Number(sum!.s)).toBeLessThanOrEqual(1000);
  });

  it('marks a refund the gateway refuses as failed and changes nothing else', async () => {
    const c = await paidOrder();
    // The fake gateway forgets the trade: it refuses the refund.
    fake.orders.get(c.payment.id)!.paid = false;
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/admin/orders/${c.order.id}/refunds`, headers: admin, payload: {} });
    expect(res.statusCode).toBe(502);
    expect(res.json().error.code).toBe('gateway_error');
    expect(res.body).not.toContain(fake.key);
    expect((await orderState(c.order.id)).status).toBe('delivered');
    const [r] = await t.q<{ status: string }>('select status from refunds where order_id = $1', [c.order.id]);
    expect(r!.status).toBe('failed');
    expect(await balances(c.payment.id)).toEqual({ gateway_clearing: 1000, merchant_escrow: -1000 });
  });
});

describe('shop gateway choice', () => {
  it('lets a merchant narrow the gateways its shop offers', async () => {
    const m = await signupMerchant(t);
    const p = await createProduct(t, bearer(await createApiKey(t, m)), { price: 500 });
    await importKeys(t, m.headers, p.id, keys(2));
    const bad = await t.app.inject({ method: 'PATCH', url: '/api/v1/shop', headers: m.headers, payload: { gateways: ['paypal'] } });
    expect(bad.json().error).toMatchObject({ code: 'validation_error', param: 'gateways' });
    const noCsrf = await t.app.inject({ method: 'PATCH', url: '/api/v1/shop', headers: { cookie: m.cookie }, payload: { gateways: ['sandbox'] } });
    expect(noCsrf.statusCode).toBe(403);
    const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/shop', headers: m.headers, payload: { gateways: ['sandbox'] } });
    expect(res.json()).toMatchObject({ object: 'shop', slug: m.slug, gateways: ['sandbox'] });
    const offered = await t.app.inject({ method: 'GET', url: `/api/v1/storefront/${m.slug}/gateways` });
    expect(offered.json().data.map((g: { gateway: string }) => g.gateway)).toEqual(['sandbox']);
    expect((await checkout(t, m.slug, p.id, { gateway: 'epay' })).json().error.code).toBe('gateway_unavailable');
    expect((await checkout(t, m.slug, p.id, { gateway: 'sandbox' })).statusCode).toBe(201);
    await t.app.inject({ method: 'PATCH', url: '/api/v1/shop', headers: m.headers, payload: { gateways: null } });
    expect((await checkout(t, m.slug, p.id, { gateway: 'epay' })).statusCode).toBe(201);
  });
});

describe("a shop's own gateway account", () => {
  it('is configurable only where the platform allows, pays the shop directly, and cannot settle other shops\' payments', async () => {
    const own = await startFakeEpay({ pid: '2002', key: 'the-shop-owns-this-key-42' });
    try {
      const a = await signupMerchant(t);
      const aAuth = bearer(await createApiKey(t, a));
      const settings = { version: 1, api_url: own.url, pid: own.pid, key: own.key };
      const refused = await t.app.inject({ method: 'PUT', url: '/api/v1/shop/gateways/epay', headers: aAuth, payload: { enabled: true, settings } });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('gateway_not_configurable');
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/shop/gateways', headers: aAuth })).json().data).toEqual([]);

      await configure({ enabled: true, settings: { version: 1, api_url: fake.url, pid: fake.pid }, merchant_configurable: true });
      const byShop = await t.app.inject({ method: 'PUT', url: '/api/v1/shop/gateways/epay', headers: aAuth,
        payload: { enabled: true, settings, merchant_configurable: true } });
      expect(byShop.json().error.param).toBe('merchant_configurable');
      const res = await t.app.inject({ method: 'PUT', url: '/api/v1/shop/gateways/epay', headers: aAuth, payload: { enabled: true, settings } });
      expect(res.statusCode, res.body).toBe(200);
      const view = res.json();
      expect(view).toMatchObject({ owner: 'shop', enabled: true, secrets_set: ['key'] });
      expect(view.notify_url).toMatch(new RegExp(`/api/v1/payments/epay/notify/gwc_`));
      expect(res.body).not.toContain(own.key);
      const listed = await t.app.inject({ method: 'GET', url: '/api/v1/shop/gateways', headers: aAuth });
      expect(listed.json().data).toMatchObject([{ gateway: 'epay', owner: 'shop' }]);
      expect(listed.body).not.toContain(own.key);
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/shop/gateways/epay/test', headers: aAuth })).json().ok).toBe(true);
      // The platform's settings are untouched.
      const platform = await t.app.inject({ method: 'GET', url: '/api/v1/admin/gateways/epay', headers: admin });
      expect(platform.json()).toMatchObject({ owner: 'platform', settings: { pid: fake.pid } });

      // A buyer at shop A pays through A's own account.
      const p = await createProduct(t, aAuth, { price: 900 });
      await importKeys(t, aAuth, p.id, keys(1));
      const offered = await t.app.inject({ method: 'GET', url: `/api/v1/storefront/${a.slug}/gateways` });
      expect(offered.json().data.filter((g: { gateway: string }) => g.gateway === 'epay')).toHaveLength(1);
      const c = (await checkout(t, a.slug, p.id, { gateway: 'epay' })).json();
      expect(c.payment.action.action).toBe(`${own.url}/submit.php`);
      expect(c.payment.action.fields.notify_url).toBe(view.notify_url);
      await fetch(c.payment.action.action, { method: 'POST', body: new URLSearchParams(c.payment.action.fields) });

      // Meanwhile shop B's buyer has an unpaid order on the platform's epay, same amount.
      const bProduct = await productWithKeys(1, 900);
      const b = await buy(bProduct.id);
      // Shop A signs a notify for B's payment with its own key: refused, whichever URL it uses.
      own.orders.set(b.payment.id, { ...own.orders.get(c.payment.id)!, out_trade_no: b.payment.id, trade_no: 'FORGED1', paid: true });
      const forged = own.notifyParams(b.payment.id);
      const toOwnUrl = await fetch(`${view.notify_url}?${new URLSearchParams(forged)}`);
      expect(await toOwnUrl.text()).toBe('fail');
      expect(await sendNotify(forged)).toEqual({ status: 400, text: 'fail' });
      expect(await orderState(b.order.id)).toMatchObject({ status: 'pending_payment', ledger: 0 });
      const reasons = await t.q<{ reason: string }>('select reason from payment_notifications where payment_id = $1 order by id', [b.payment.id]);
      expect(reasons.map((r) => r.reason)).toEqual(['configuration_mismatch', 'bad_signature']);

      // A's real payment lands at A's URL and delivers; the money is booked as the shop's own.
      const paid = await own.pay(c.payment.id);
      const why = await t.q<{ reason: string }>('select reason from payment_notifications where payment_id = $1 order by id', [c.payment.id]);
      expect(paid.notifyAnswers, JSON.stringify(why)).toEqual(['success']);
      expect(await orderState(c.order.id)).toMatchObject({ status: 'delivered', ledger: 1 });
      const entries = await t.q<{ kind: string; amount: string }>(
        `select a.kind, e.amount from ledger_entries e join ledger_accounts a on a.id = e.account_id
           join ledger_transactions lt on lt.id = e.transaction_id where lt.cause_id = $1 order by a.kind`, [c.payment.id]);
      expect(entries.map((e) => [e.kind, Number(e.amount)])).toEqual([['merchant_direct_sales', -900], ['merchant_gateway_clearing', 900]]);

      // Refunds go through A's own account too.
      const r = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/refunds`, headers: aAuth, payload: {} });
      expect(r.json()).toMatchObject({ status: 'succeeded', destination: 'gateway' });
      expect(own.requests.at(-1)).toMatchObject({ path: '/api.php', act: 'refund', signed: true });
    } finally {
      await own.close();
      await configure({ enabled: true, settings: { version: 1, api_url: fake.url, pid: fake.pid }, merchant_configurable: false });
    }
  });
});
