// Alipay (RSA2) end to end through HTTP against a local fake of the open
// platform gateway. alipay-sdk, Alipay's own Node SDK, is the independent
// oracle: it accepts the fake's signed answers (exec with signature checks)
// and the notifies the tests build (checkNotifySign), so both sides of our
// adapter are checked against someone else's implementation.
import { AlipaySdk } from 'alipay-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAlipay, type FakeAlipay } from './fakes/alipay-gateway.ts';
import { adminSession, orderState, bearer, checkout, createApiKey, createProduct, importKeys, keys, readOrder, setupListeningTestApp, signupMerchant, type TestApp } from './helpers.ts';

let t: TestApp;
let fake: FakeAlipay;
let sdk: AlipaySdk;
let admin: Record<string, string>;
let shop: string;
let auth: Record<string, string>;

async function configure(over: Record<string, unknown> = {}) {
  return t.app.inject({ method: 'PUT', url: '/api/v1/admin/gateways/alipay', headers: admin, payload: {
    enabled: true, settings: { app_id: fake.appId, app_private_key: fake.appPrivateKey, alipay_public_key: fake.alipayPublicKey, gateway_url: fake.url, ...over },
  } });
}

beforeAll(async () => {
  t = await setupListeningTestApp();
  fake = await startFakeAlipay();
  sdk = new AlipaySdk({ appId: fake.appId, privateKey: fake.appPrivateKey, alipayPublicKey: fake.alipayPublicKey, gateway: fake.url, keyType: 'PKCS8' });
  admin = await adminSession(t);
  const m = await signupMerchant(t);
  shop = m.slug;
  auth = bearer(await createApiKey(t, m));
  const res = await configure();
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(async () => fake.close());

async function sendNotify(fields: Record<string, string>) {
  const res = await fetch(`${t.config.publicUrl}/api/v1/payments/alipay/notify`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' }, body: new URLSearchParams(fields),
  });
  return { status: res.status, text: await res.text() };
}

async function buy(price = 1230) {
  const p = await createProduct(t, auth, { price });
  await importKeys(t, auth, p.id, keys(1, 'ALI'));
  const res = await checkout(t, shop, p.id, { gateway: 'alipay' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const state = (orderId: string) => orderState(t, orderId);

describe('the fake gateway is Alipay as far as Alipay\'s SDK can tell', () => {
  it('verifies requests signed by the SDK and answers in a form the SDK verifies', async () => {
    const r = await sdk.exec('alipay.trade.query', { bizContent: { out_trade_no: 'no-such-trade' } });
    expect(r).toMatchObject({ code: '40004', subCode: 'ACQ.TRADE_NOT_EXIST' });
    // The same check that accepts the SDK's requests is the one our adapter's requests pass.
    expect(fake.requests.at(-1)).toEqual({ method: 'alipay.trade.query', signed: true });
  });
});

describe('Alipay', () => {
  it('tests the connection, shows a QR code (precreate), and a notify delivers once', async () => {
    const test = await t.app.inject({ method: 'POST', url: '/api/v1/admin/gateways/alipay/test', headers: admin });
    expect(test.json()).toMatchObject({ ok: true });
    const c = await buy();
    expect(c.payment.action.kind).toBe('qr');
    expect(c.payment.action.content).toMatch(/^https:\/\/qr\.alipay\.com\//);
    expect(fake.requests.at(-1)).toEqual({ method: 'alipay.trade.precreate', signed: true });
    expect(fake.trades.get(c.payment.id)).toMatchObject({ total_amount: '12.30', notify_url: `${t.config.publicUrl}/api/v1/payments/alipay/notify` });

    fake.pay(c.payment.id);
    const n = fake.notify(c.payment.id);
    expect(sdk.checkNotifySign(n)).toBe(true); // the oracle says this is a genuine Alipay notify
    const answers = await Promise.all(Array.from({ length: 10 }, () => sendNotify(n)));
    expect(answers.every((a) => a.status === 200 && a.text === 'success'), JSON.stringify(answers)).toBe(true);
    expect(await state(c.order.id)).toEqual({ status: 'delivered', ledger: 1 });
    expect((await readOrder(t, c.order.number, c.access_token)).json().deliveries[0].items).toHaveLength(1);
  });

  it('refuses forged, tampered, re-targeted and foreign notifies, and ignores unpaid ones', async () => {
    const c = await buy();
    const other = await buy();
    fake.pay(c.payment.id);
    const good = fake.notify(c.payment.id);
    const { generateKeyPairSync } = await import('node:crypto');
    const stranger = String(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const cases: Array<[string, Record<string, string>, string]> = [
      ['signed by a stranger', fake.notify(c.payment.id, {}, stranger), 'bad_signature'],
      ['amount changed after signing', { ...good, total_amount: '0.01' }, 'bad_signature'],
      ['moved to another order', { ...good, out_trade_no: other.payment.id }, 'bad_signature'],
      ['signed for another app', fake.notify(c.payment.id, { app_id: '2021000199999999' }), 'merchant_mismatch'],
      ['signed, wrong amount', fake.notify(c.payment.id, { total_amount: '0.01' }), 'query_amount_mismatch'],
    ];
    for (const [name, fields, reason] of cases) {
      expect({ name, ...(await sendNotify(fields)) }).toEqual({ name, status: 400, text: 'fail' });
      const [rec] = await t.q<{ reason: string }>(`select reason from payment_notifications where gateway = 'alipay' order by id desc limit 1`);
      expect({ name, reason: rec!.reason }).toEqual({ name, reason });
    }
    // Genuinely signed but the trade is unpaid at Alipay: WAIT_BUYER_PAY is acknowledged; a forged TRADE_SUCCESS is caught by the query.
    expect(await sendNotify(fake.notify(other.payment.id, { trade_status: 'WAIT_BUYER_PAY' }))).toEqual({ status: 200, text: 'success' });
    expect(await sendNotify(fake.notify(other.payment.id))).toEqual({ status: 400, text: 'fail' });
    expect(await state(other.order.id)).toEqual({ status: 'pending_payment', ledger: 0 });
    expect(await state(c.order.id)).toEqual({ status: 'pending_payment', ledger: 0 });
    expect(await sendNotify(good)).toEqual({ status: 200, text: 'success' });
    expect(await state(c.order.id)).toEqual({ status: 'delivered', ledger: 1 });
  });

  it('posts the signed page-pay form from the pay page, and refunds through Alipay', async () => {
    expect((await configure({ product: 'page' })).statusCode).toBe(200);
    const c = await buy(5000);
    expect(c.payment.action).toMatchObject({ kind: 'form', method: 'POST', action: `${fake.url}?charset=utf-8` });
    expect(c.payment.action.fields).toMatchObject({ method: 'alipay.trade.page.pay', app_id: fake.appId, sign_type: 'RSA2' });
    expect(JSON.parse(c.payment.action.fields.biz_content)).toMatchObject({ out_trade_no: c.payment.id, total_amount: '50.00', product_code: 'FAST_INSTANT_TRADE_PAY' });
    const page = await fetch(c.payment.pay_url).then((r) => r.text());
    expect(page).toContain('name="biz_content"');
    await fetch(c.payment.action.action, { method: 'POST', body: new URLSearchParams(c.payment.action.fields) });
    expect(fake.requests.at(-1)).toEqual({ method: 'alipay.trade.page.pay', signed: true });
    fake.pay(c.payment.id);
    expect((await sendNotify(fake.notify(c.payment.id))).text).toBe('success');

    const r = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/refunds`, headers: auth, payload: { amount: 2000 } });
    expect(r.json()).toMatchObject({ status: 'succeeded', amount: 2000 });
    expect(fake.trades.get(c.payment.id)!.refunded).toBe(2000);
    const tooMuch = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/refunds`, headers: auth, payload: { amount: 3001 } });
    expect(tooMuch.json().error.code).toBe('validation_error');
    await configure({ product: 'precreate' });
  });

  it('reports a wrong key on test connection', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const wrong = String(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    await configure({ app_private_key: wrong });
    const test = await t.app.inject({ method: 'POST', url: '/api/v1/admin/gateways/alipay/test', headers: admin });
    expect(test.json().ok).toBe(false);
    expect(test.json().message).toContain('isv.invalid-signature');
    expect(test.body).not.toContain('PRIVATE KEY');
    await configure();
  });
});
