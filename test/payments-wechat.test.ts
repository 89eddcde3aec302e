// WeChat Pay APIv3 end to end through HTTP against a local fake. The
// wechatpay-node-v3 SDK is the independent oracle: it computes the same
// request signature our Authorization header carries, decrypts the notify
// resources the fake encrypts, and verifies the fake's signatures.
import WxPay from 'wechatpay-node-v3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeWechat, type FakeWechat } from './fakes/wechat-pay.ts';
import { adminSession, orderState, bearer, checkout, createApiKey, createProduct, importKeys, keys, readOrder, setupListeningTestApp, signupMerchant, type TestApp } from './helpers.ts';

let t: TestApp;
let fake: FakeWechat;
let sdk: WxPay;
let admin: Record<string, string>;
let shop: string;
let auth: Record<string, string>;

async function configure(over: Record<string, unknown> = {}) {
  return t.app.inject({ method: 'PUT', url: '/api/v1/admin/gateways/wechat', headers: admin, payload: { enabled: true, settings: {
    mchid: fake.mchid, appid: fake.appid, merchant_serial_no: fake.serialNo, merchant_private_key: fake.merchantPrivateKey, apiv3_key: fake.apiv3Key,
    platform_public_key: fake.platformPublicKey, platform_serial: fake.platformSerial, api_url: fake.url, ...over,
  } } });
}

beforeAll(async () => {
  t = await setupListeningTestApp();
  fake = await startFakeWechat();
  sdk = new WxPay({ appid: fake.appid, mchid: fake.mchid, publicKey: Buffer.from(fake.merchantPublicKey), privateKey: Buffer.from(fake.merchantPrivateKey), serial_no: fake.serialNo, key: fake.apiv3Key });
  // The SDK looks platform keys up by serial.
  (WxPay as unknown as { certificates: Record<string, string> }).certificates[fake.platformSerial] = fake.platformPublicKey;
  admin = await adminSession(t);
  const m = await signupMerchant(t);
  shop = m.slug;
  auth = bearer(await createApiKey(t, m));
  const res = await configure();
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(async () => fake.close());

async function sendNotify(n: { body: string; headers: Record<string, string> }) {
  const res = await fetch(`${t.config.publicUrl}/api/v1/payments/wechat/notify`, { method: 'POST', headers: n.headers, body: n.body });
  return { status: res.status, text: await res.text() };
}

async function buy(price = 990) {
  const p = await createProduct(t, auth, { price });
  await importKeys(t, auth, p.id, keys(1, 'WX'));
  const res = await checkout(t, shop, p.id, { gateway: 'wechat' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const state = (orderId: string) => orderState(t, orderId);

describe('WeChat Pay', () => {
  it('signs requests exactly as the SDK does, shows the Native QR code, and a notify delivers once', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/admin/gateways/wechat/test', headers: admin })).json()).toMatchObject({ ok: true });
    const c = await buy();
    const req = fake.requests.find((r) => r.url === '/v3/pay/transactions/native' && r.body.includes(c.payment.id))!;
    expect(req.authorized).toBe(true);
    // RSA PKCS#1 v1.5 signatures are deterministic: the SDK must produce the very same one.
    expect(sdk.getSignature('POST', req.nonce, req.timestamp, req.url, req.body)).toBe(req.signature);
    expect(JSON.parse(req.body)).toMatchObject({ appid: fake.appid, mchid: fake.mchid, out_trade_no: c.payment.id, amount: { total: 990, currency: 'CNY' } });
    expect(c.payment.action.kind).toBe('qr');
    expect(c.payment.action.content).toMatch(/^weixin:\/\/wxpay\/bizpayurl/);

    fake.pay(c.payment.id);
    const n = fake.notify(c.payment.id);
    // The oracle decrypts the resource and verifies the signature.
    const resource = JSON.parse(n.body).resource;
    expect(sdk.decipher_gcm<{ out_trade_no: string }>(resource.ciphertext, resource.associated_data, resource.nonce).out_trade_no).toBe(c.payment.id);
    expect(await sdk.verifySign({ timestamp: n.headers['wechatpay-timestamp']!, nonce: n.headers['wechatpay-nonce']!, body: n.body, serial: fake.platformSerial, signature: n.headers['wechatpay-signature']! })).toBe(true);
    const answers = await Promise.all(Array.from({ length: 10 }, () => sendNotify(n)));
    expect(answers.every((a) => a.status === 204), JSON.stringify(answers)).toBe(true);
    expect(await state(c.order.id)).toEqual({ status: 'delivered', ledger: 1 });
    expect((await readOrder(t, c.order.number, c.access_token)).json().deliveries[0].items).toHaveLength(1);
  });

  it('refuses forged, stale, mis-keyed and foreign notifies, and ignores unrelated events', async () => {
    const c = await buy();
    const other = await buy();
    fake.pay(c.payment.id);
    const { generateKeyPairSync } = await import('node:crypto');
    const stranger = String(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const good = fake.notify(c.payment.id);
    const cases: Array<[string, { body: string; headers: Record<string, string> }, string]> = [
      ['signed by a stranger', fake.notify(c.payment.id, { signWith: stranger }), 'bad_signature'],
      ['body changed after signing', { ...good, body: good.body.replace('TRANSACTION.SUCCESS', 'TRANSACTION.SUCCESS ') }, 'bad_signature'],
      ['unknown platform serial', fake.notify(c.payment.id, { serial: 'PUB_KEY_ID_SOMEONE_ELSE_000000' }), 'unknown_platform_serial'],
      ['too old', fake.notify(c.payment.id, { timestamp: Math.floor(Date.now() / 1000) - 3600 }), 'stale_timestamp'],
      ['encrypted with another APIv3 key', fake.notify(c.payment.id, { apiv3Key: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' }), 'undecryptable'],
      ['another merchant', fake.notify(c.payment.id, { tx: { mchid: '1900000999' } }), 'merchant_mismatch'],
      ['another app', fake.notify(c.payment.id, { tx: { appid: 'wxotherapp00000000' } }), 'merchant_mismatch'],
      ['wrong amount', fake.notify(c.payment.id, { tx: { amount: { total: 1, currency: 'CNY' } } }), 'query_amount_mismatch'],
      ['other order, not paid at WeChat', fake.notify(other.payment.id), 'query_status_pending'],
    ];
    for (const [name, n, reason] of cases) {
      const res = await sendNotify(n);
      expect({ name, status: res.status }).toEqual({ name, status: 400 });
      expect(JSON.parse(res.text)).toMatchObject({ code: 'FAIL' });
      const [rec] = await t.q<{ reason: string }>(`select reason from payment_notifications where gateway = 'wechat' order by id desc limit 1`);
      expect({ name, reason: rec!.reason }).toEqual({ name, reason });
    }
    expect((await sendNotify(fake.notify(c.payment.id, { eventType: 'REFUND.SUCCESS' }))).status).toBe(204);
    expect((await sendNotify(fake.notify(other.payment.id, { tx: { trade_state: 'NOTPAY' } }))).status).toBe(204);
    expect(await state(c.order.id)).toEqual({ status: 'pending_payment', ledger: 0 });
    expect(await state(other.order.id)).toEqual({ status: 'pending_payment', ledger: 0 });
    expect((await sendNotify(good)).status).toBe(204);
    expect(await state(c.order.id)).toEqual({ status: 'delivered', ledger: 1 });
  });

  it('opens H5 payments with the buyer\'s IP, refunds through WeChat Pay, and lets an admin settle a lost notify', async () => {
    await configure({ product: 'h5' });
    const c = await buy(3000);
    expect(c.payment.action).toMatchObject({ kind: 'redirect' });
    expect(c.payment.action.url).toContain('redirect_url=');
    const req = fake.requests.find((r) => r.url === '/v3/pay/transactions/h5' && r.body.includes(c.payment.id))!;
    expect(JSON.parse(req.body).scene_info).toEqual({ payer_client_ip: '203.0.113.7', h5_info: { type: 'Wap' } });
    fake.pay(c.payment.id);
    const q = await t.app.inject({ method: 'POST', url: `/api/v1/admin/orders/${c.order.id}/query_gateway`, headers: admin });
    expect(q.json()).toMatchObject({ result: 'settled', gateway_view: { status: 'succeeded', amount: 3000, currency: 'CNY' } });
    const r = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/refunds`, headers: auth, payload: { amount: 1000 } });
    expect(r.json()).toMatchObject({ status: 'succeeded', amount: 1000 });
    expect(fake.orders.get(c.payment.id)!.refunded).toBe(1000);
    await configure({ product: 'native' });
  });

  it('reports a wrong merchant key on test connection, without secrets', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const wrong = String(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    await configure({ merchant_private_key: wrong });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/admin/gateways/wechat/test', headers: admin });
    expect(res.json()).toMatchObject({ ok: false });
    expect(res.json().message).toContain('SIGN_ERROR');
    expect(res.body).not.toContain('PRIVATE KEY');
    expect(res.body).not.toContain(fake.apiv3Key);
    const bad = await configure({ apiv3_key: 'too-short' });
    expect(bad.json().error.param).toBe('settings.apiv3_key');
    await configure();
  });
});
