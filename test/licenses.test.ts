// License keys (delivery `license`) and the public license API in Lemon
// Squeezy's shapes: issued at the sale, activation limit under concurrency,
// deactivation, revocation, expiry, refunds, the shop's tools, and Lemon
// Squeezy's own SDK pointed at XiaoPu working unchanged.
import { activateLicense as lsActivate, deactivateLicense as lsDeactivate, validateLicense as lsValidate } from '@lemonsqueezy/lemonsqueezy.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireOrders } from '../src/modules/flows/expire-orders.ts';
import {
  bearer, checkout, createApiKey, notify, readOrder, setupListeningTestApp, signedNotify, signupMerchant,
  type Checkout, type MerchantSession, type TestApp,
} from './helpers.ts';

let t: TestApp;
let m: MerchantSession;
let auth: Record<string, string>;
beforeAll(async () => {
  t = await setupListeningTestApp();
  m = await signupMerchant(t);
  auth = bearer(await createApiKey(t, m));
});
afterAll(async () => {
  await t?.app.close();
});

interface LicenseDelivery { kind: string; items: string[]; expires_at: string | null; licenses: { id: string; key: string; status: string; activation_usage: number; instances: { id: string; name: string }[] }[] }

const createLicenseProduct = async (license: Record<string, unknown> = { activation_limit: 3 }, extra: Record<string, unknown> = {}) => {
  const res = await t.app.inject({
    method: 'POST', url: '/api/v1/products', headers: auth,
    payload: { title: 'Editor Pro', price: 9900, currency: 'CNY', delivery: 'license', license, ...extra },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; license: { activation_limit: number | null; validity_days: number | null; key_format: string } };
};

async function buy(productId: string, quantity = 1, email = 'buyer@example.com'): Promise<{ c: Checkout; d: LicenseDelivery }> {
  const c = (await checkout(t, m.slug, productId, { quantity, email })).json() as Checkout;
  expect((await notify(t, signedNotify(t, c))).statusCode).toBe(200);
  const order = (await readOrder(t, c.order.number, c.access_token)).json();
  expect(order.order.status).toBe('delivered');
  return { c, d: order.deliveries[0] as LicenseDelivery };
}

const api = (path: string, payload: Record<string, unknown>, ip = '198.51.100.20') =>
  t.app.inject({ method: 'POST', url: `/api/v1/licenses/${path}`, payload, remoteAddress: ip });

describe('license products', () => {
  it('refuses a license product without its settings, a weak key format, settings on other kinds, and unknown kinds (422 with the field)', async () => {
    const post = (payload: Record<string, unknown>) => t.app.inject({
      method: 'POST', url: '/api/v1/products', headers: auth, payload: { title: 'x', price: 100, currency: 'CNY', ...payload },
    });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ delivery: 'license' }, 'license.activation_limit'],
      [{ delivery: 'license', license: { activation_limit: 0 } }, 'license.activation_limit'],
      [{ delivery: 'license', license: { activation_limit: 2, key_format: 'KEY-####' } }, 'license.key_format'],
      [{ delivery: 'license', license: { activation_limit: 2, key_format: 'key-################' } }, 'license.key_format'],
      [{ delivery: 'card', license: { activation_limit: 2 } }, 'license'],
      [{ delivery: 'teleport' }, 'delivery'],
    ];
    for (const [payload, param] of cases) {
      const res = await post(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(422);
      expect(res.json().error.param, JSON.stringify(payload)).toBe(param);
    }
  });

  it('issues one key per unit at the sale, in the shop\'s format, encrypted at rest, with its expiry — never before payment', async () => {
    const p = await createLicenseProduct({ activation_limit: 2, validity_days: 30, key_format: 'XP-####-####-####-####' });
    expect(p.license).toEqual({ activation_limit: 2, validity_days: 30, key_format: 'XP-####-####-####-####' });
    const pub = (await t.app.inject({ method: 'GET', url: `/api/v1/storefront/${m.slug}/products/${p.id}` })).json().product;
    expect(pub).toMatchObject({ delivery: 'license', license: { activation_limit: 2 }, validity_days: 30, stock: { unlimited: true } });

    const unpaid = (await checkout(t, m.slug, p.id, { quantity: 2, email: 'unpaid@example.com' })).json() as Checkout;
    expect((await readOrder(t, unpaid.order.number, unpaid.access_token)).json().deliveries).toEqual([]);
    const pending = await t.q<{ status: string }>('select status from licenses where order_id = $1', [unpaid.order.id]);
    expect(pending.map((r) => r.status)).toEqual(['pending', 'pending']);

    const { c, d } = await buy(p.id, 2);
    expect(d.kind).toBe('license');
    expect(d.items).toHaveLength(2);
    for (const key of d.items) expect(key).toMatch(/^XP-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(new Set(d.items).size).toBe(2);
    expect(d.licenses.map((l) => l.key)).toEqual(d.items);
    expect(d.licenses[0]).toMatchObject({ status: 'inactive', activation_usage: 0, instances: [] });
    const days = (Date.parse(d.expires_at ?? '') - t.clock.now().getTime()) / 86_400_000;
    expect(Math.round(days)).toBe(30);

    const rows = await t.q<{ status: string; key_ciphertext: Buffer; expires_at: Date }>('select status, key_ciphertext, expires_at from licenses where order_id = $1', [c.order.id]);
    expect(rows.map((r) => r.status)).toEqual(['active', 'active']);
    for (const r of rows) {
      expect(r.key_ciphertext.includes(Buffer.from(d.items[0] ?? ''))).toBe(false);
      expect(r.expires_at.toISOString()).toBe(d.expires_at);
    }
  });

  it('issues the keys of a late payment (the order had expired) without making new ones', async () => {
    const p = await createLicenseProduct();
    const c = (await checkout(t, m.slug, p.id, { email: 'late@example.com' })).json() as Checkout;
    const [before] = await t.q<{ id: string }>('select id from licenses where order_id = $1', [c.order.id]);
    t.clock.advance(16 * 60_000);
    await expireOrders(t.services);
    expect((await notify(t, signedNotify(t, c))).statusCode).toBe(200);
    const order = (await readOrder(t, c.order.number, c.access_token)).json();
    expect(order.order.status).toBe('delivered');
    expect(order.deliveries[0].licenses.map((l: { id: string }) => l.id)).toEqual([before?.id]);
  });
});

describe('the license API', () => {
  it('holds the activation limit under 20 concurrent activations: exactly 3 machines', async () => {
    const p = await createLicenseProduct({ activation_limit: 3 });
    const { d } = await buy(p.id);
    const key = d.items[0] ?? '';
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => api('activate', { license_key: key, instance_name: `machine-${i}` }, `198.51.100.${100 + i}`)));
    const ok = results.filter((r) => r.statusCode === 200);
    expect(ok).toHaveLength(3);
    for (const r of ok) expect(r.json()).toMatchObject({ activated: true, error: null, license_key: { key, activation_limit: 3, status: 'active' }, instance: { name: expect.stringMatching(/^machine-/) } });
    for (const r of results.filter((x) => x.statusCode !== 200)) {
      expect(r.statusCode).toBe(400);
      // The refusal shows the license as it is after the winners: all seats taken.
      expect(r.json()).toMatchObject({ activated: false, error: 'This license key has reached the activation limit.', instance: null, license_key: { activation_usage: 3, status: 'active' } });
    }
    const [row] = await t.q<{ activation_usage: number; active: string }>(
      `select l.activation_usage, (select count(*) from license_instances n where n.license_id = l.id and n.deactivated_at is null) as active
         from licenses l where l.id = $1`, [d.licenses[0]?.id]);
    expect(row).toEqual({ activation_usage: 3, active: '3' });
  });

  it('validates a machine, frees its seat on deactivation (once), and shows the machines on the buyer\'s order page', async () => {
    const p = await createLicenseProduct({ activation_limit: 1 });
    const { c, d } = await buy(p.id);
    const key = d.items[0] ?? '';
    const first = (await api('activate', { license_key: key, instance_name: 'laptop' })).json();
    expect(first.activated).toBe(true);
    const instance = first.instance.id as string;
    expect((await api('activate', { license_key: key, instance_name: 'desktop' })).statusCode).toBe(400);

    const valid = await api('validate', { license_key: key, instance_id: instance });
    expect(valid.statusCode).toBe(200);
    expect(valid.json()).toMatchObject({ valid: true, error: null, instance: { id: instance, name: 'laptop' }, license_key: { status: 'active', activation_usage: 1 } });
    expect((await api('validate', { license_key: key })).json()).toMatchObject({ valid: true, instance: null });

    const page = (await readOrder(t, c.order.number, c.access_token)).json();
    expect(page.deliveries[0].licenses[0]).toMatchObject({ status: 'active', activation_usage: 1, instances: [{ id: instance, name: 'laptop' }] });

    const [a, b] = await Promise.all([api('deactivate', { license_key: key, instance_id: instance }), api('deactivate', { license_key: key, instance_id: instance })]);
    expect([a?.statusCode, b?.statusCode].sort()).toEqual([200, 404]);
    const done = [a, b].find((r) => r?.statusCode === 200)?.json();
    expect(done).toMatchObject({ deactivated: true, error: null, license_key: { activation_usage: 0, status: 'inactive' } });
    expect((await api('validate', { license_key: key, instance_id: instance })).statusCode).toBe(404);
    expect((await api('activate', { license_key: key, instance_name: 'desktop' })).json().activated).toBe(true);
  });

  it('answers an unknown key and a near miss alike (404), and a missing field with 422, all in Lemon Squeezy\'s shape', async () => {
    const p = await createLicenseProduct({ activation_limit: 1, key_format: '########-########' });
    const { d } = await buy(p.id);
    const key = d.items[0] ?? '';
    const near = key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
    const unknown = await api('validate', { license_key: 'ZZZZZZZZ-ZZZZZZZZ' });
    const miss = await api('validate', { license_key: near });
    expect(unknown.statusCode).toBe(404);
    expect(miss.statusCode).toBe(404);
    expect(miss.json()).toEqual(unknown.json());
    expect(unknown.json()).toEqual({ valid: false, error: 'license_key not found.', license_key: null, instance: null, meta: null });
    const lower = await api('validate', { license_key: `  ${key.toLowerCase()} ` });
    expect(lower.json()).toMatchObject({ valid: true, license_key: { key } });
    const missing = await api('activate', { license_key: key });
    expect(missing.statusCode).toBe(422);
    expect(missing.json()).toMatchObject({ activated: false, error: 'The instance_name field is required.' });
    // Each field is read on its own: an odd one is named, a too-long or numeric key is simply not found, a repeated form field counts once.
    const longName = await api('activate', { license_key: key, instance_name: 'n'.repeat(256) });
    expect(longName.statusCode).toBe(422);
    expect(longName.json().error).toBe('The instance_name may not be greater than 255 characters.');
    expect((await api('validate', { license_key: 12345 })).statusCode).toBe(404);
    expect((await api('validate', { license_key: key + 'X'.repeat(300) })).statusCode).toBe(404);
    const twice = await t.app.inject({
      method: 'POST', url: '/api/v1/licenses/validate', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `license_key=${encodeURIComponent(key)}&license_key=${encodeURIComponent(key)}`, remoteAddress: '198.51.100.21',
    });
    expect(twice.json()).toMatchObject({ valid: true });
    // Only ASCII letters fold: ß is not SS, ſ is not S.
    const ss = await createLicenseProduct({ activation_limit: 1, key_format: 'SS-################' });
    const ssKey = (await buy(ss.id)).d.items[0] ?? '';
    expect((await api('validate', { license_key: ssKey.replace(/^SS/, 'ß') })).statusCode).toBe(404);
    expect((await api('validate', { license_key: ssKey.replace(/^SS/, 'ſſ') })).statusCode).toBe(404);
    const garbled = await t.app.inject({ method: 'POST', url: '/api/v1/licenses/activate', headers: { 'content-type': 'application/json' }, payload: '{"license_key":' });
    expect(garbled.statusCode).toBe(400);
    expect(garbled.json()).toEqual({ activated: false, error: 'The request body is not valid JSON.', license_key: null, instance: null, meta: null });
  });

  it('stops validating when the shop revokes the license, the order is refunded, or it expires — and the shop can restore and extend', async () => {
    const p = await createLicenseProduct({ activation_limit: 5, validity_days: 7 });
    const { c, d } = await buy(p.id);
    const key = d.items[0] ?? '';
    const id = d.licenses[0]?.id ?? '';
    expect((await api('activate', { license_key: key, instance_name: 'pc' })).json().activated).toBe(true);

    const revoked = await t.app.inject({ method: 'POST', url: `/api/v1/licenses/${id}/revoke`, headers: auth, payload: { reason: 'chargeback' } });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'disabled', revoked: true, disabled_reason: 'chargeback' });
    expect((await api('validate', { license_key: key })).json()).toMatchObject({ valid: false, error: 'This license key has been disabled.', license_key: { status: 'disabled' } });
    expect((await api('activate', { license_key: key, instance_name: 'pc2' })).statusCode).toBe(400);
    const restored = await t.app.inject({ method: 'POST', url: `/api/v1/licenses/${id}/restore`, headers: auth });
    expect(restored.json()).toMatchObject({ status: 'active', revoked: false });
    expect((await api('validate', { license_key: key })).json().valid).toBe(true);

    t.clock.advance(8 * 86_400_000);
    expect((await api('validate', { license_key: key })).json()).toMatchObject({ valid: false, error: 'This license key has expired.', license_key: { status: 'expired' } });
    const extended = await t.app.inject({ method: 'PATCH', url: `/api/v1/licenses/${id}`, headers: auth, payload: { extend_days: 30 } });
    expect(extended.statusCode, extended.body).toBe(200);
    expect(Math.round((Date.parse(extended.json().expires_at) - t.clock.now().getTime()) / 86_400_000)).toBe(30);
    expect((await api('validate', { license_key: key })).json().valid).toBe(true);
    // The buyer's page shows the license's own end, not one recomputed from the product.
    expect((await readOrder(t, c.order.number, c.access_token)).json().deliveries[0].expires_at).toBe(extended.json().expires_at);
    const tooLate = await t.app.inject({ method: 'PATCH', url: `/api/v1/licenses/${id}`, headers: auth, payload: { expires_at: '9999-12-31T00:00:00Z' } });
    expect(tooLate.statusCode).toBe(422);
    const tooLow = await t.app.inject({ method: 'PATCH', url: `/api/v1/licenses/${id}`, headers: auth, payload: { activation_limit: 0 } });
    expect(tooLow.statusCode).toBe(422);

    const refund = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/refunds`, headers: auth, payload: { reason: 'refund' } });
    expect(refund.statusCode, refund.body).toBe(201);
    expect((await api('validate', { license_key: key })).json()).toMatchObject({ valid: false, license_key: { status: 'disabled' } });
    // Restoring it does not bring a refunded order's license back, and the shop is told why.
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/licenses/${id}/restore`, headers: auth });
    expect(again.json()).toMatchObject({ status: 'disabled', revoked: false, disabled_reason: 'order_refunded' });
  });

  it('lets the shop find a license by the key a buyer quotes and reset its machines; another shop sees nothing', async () => {
    const p = await createLicenseProduct({ activation_limit: 2 });
    const { c, d } = await buy(p.id);
    const key = d.items[0] ?? '';
    await api('activate', { license_key: key, instance_name: 'a' });
    await api('activate', { license_key: key, instance_name: 'b' });
    const found = await t.app.inject({ method: 'GET', url: `/api/v1/licenses?key=${encodeURIComponent(key)}`, headers: auth });
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().data).toHaveLength(1);
    const l = found.json().data[0];
    expect(l).toMatchObject({ order_id: c.order.id, key_hint: `…${key.slice(-4)}`, activation_usage: 2, status: 'active' });
    expect(JSON.stringify(found.json())).not.toContain(key);
    expect(l.instances.map((n: { name: string }) => n.name)).toEqual(['a', 'b']);

    const reset = await t.app.inject({ method: 'POST', url: `/api/v1/licenses/${l.id}/reset`, headers: auth });
    expect(reset.json()).toMatchObject({ activation_usage: 0, instances: [], status: 'inactive' });
    expect((await readOrder(t, c.order.number, c.access_token)).json().deliveries[0].licenses[0].instances).toEqual([]);

    const other = await signupMerchant(t);
    const otherAuth = bearer(await createApiKey(t, other));
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/licenses/${l.id}`, headers: otherAuth })).statusCode).toBe(404);
    const foreign = await t.app.inject({ method: 'POST', url: `/api/v1/licenses/${l.id}/revoke`, headers: otherAuth });
    expect(foreign.statusCode, foreign.body).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/licenses?key=${encodeURIComponent(key)}`, headers: otherAuth })).json().data).toEqual([]);
    const [audit] = await t.q<{ n: string }>(`select count(*) as n from audit_log where action = 'license.reset' and target_id = $1`, [l.id]);
    expect(audit?.n).toBe('1');
  });

  it('never fails when machines are deactivated while the shop resets the license (lock order), and frees each seat once', async () => {
    const p = await createLicenseProduct({ activation_limit: 10 });
    const { d } = await buy(p.id);
    const key = d.items[0] ?? '';
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push((await api('activate', { license_key: key, instance_name: `m${i}` }, `198.51.100.${150 + i}`)).json().instance.id);
    const id = d.licenses[0]?.id ?? '';
    const answers = await Promise.all([
      ...ids.flatMap((iid, i) => [api('deactivate', { license_key: key, instance_id: iid }, `198.51.100.${170 + i}`), api('deactivate', { license_key: key, instance_id: iid }, `198.51.100.${190 + i}`)]),
      t.app.inject({ method: 'POST', url: `/api/v1/licenses/${id}/reset`, headers: auth }),
    ]);
    expect(answers.map((r) => r.statusCode).filter((c) => c !== 200 && c !== 404)).toEqual([]);
    const [row] = await t.q<{ activation_usage: number; active: string }>(
      `select l.activation_usage, (select count(*) from license_instances n where n.license_id = l.id and n.deactivated_at is null) as active from licenses l where l.id = $1`, [id]);
    expect(row).toEqual({ activation_usage: 0, active: '0' });
  });

  it('names the product and the variant a key was sold through (meta), as Lemon Squeezy does', async () => {
    const p = await createLicenseProduct({ activation_limit: 1 });
    const v = (await t.app.inject({ method: 'POST', url: `/api/v1/products/${p.id}/variants`, headers: auth, payload: { name: 'Team', price: 29900 } })).json().variants[0];
    const c = (await checkout(t, m.slug, p.id, { variant_id: v.id, email: 'team@example.com' })).json() as Checkout;
    await notify(t, signedNotify(t, c));
    const key = (await readOrder(t, c.order.number, c.access_token)).json().deliveries[0].items[0];
    expect((await api('validate', { license_key: key })).json().meta).toMatchObject({
      product_id: p.id, product_name: 'Editor Pro', variant_id: v.id, variant_name: 'Team',
    });
  });

  it('lets someone logged in to the console use the license API without a CSRF token (as anyone would)', async () => {
    const p = await createLicenseProduct({ activation_limit: 1 });
    const { d } = await buy(p.id);
    const key = d.items[0] ?? '';
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/licenses/activate', headers: { cookie: m.cookie }, payload: { license_key: key, instance_name: 'console-user' } });
    expect(res.statusCode, res.body).toBe(200);
    // The shop's own license tools still need the token with a session.
    const revoke = await t.app.inject({ method: 'POST', url: `/api/v1/licenses/${d.licenses[0]?.id}/revoke`, headers: { cookie: m.cookie }, payload: {} });
    expect(revoke.statusCode).toBe(403);
  });

  it('limits calls per address (429 in Lemon Squeezy\'s shape)', async () => {
    const ip = '192.0.2.77';
    const answers = [];
    for (let i = 0; i < 61; i++) answers.push((await api('validate', { license_key: `NOPE-${i}` }, ip)).statusCode);
    expect(answers.slice(0, 60).every((s) => s === 404)).toBe(true);
    const last = await api('validate', { license_key: 'NOPE' }, ip);
    expect(last.statusCode).toBe(429);
    expect(last.headers['retry-after']).toBe('60');
    expect(last.json()).toMatchObject({ valid: false, error: expect.stringContaining('Too many requests'), instance: null });
  });

  it('works unchanged with Lemon Squeezy\'s own SDK and with form bodies', async () => {
    const p = await createLicenseProduct({ activation_limit: 1 });
    const { d } = await buy(p.id);
    const key = d.items[0] ?? '';
    // The SDK calls https://api.lemonsqueezy.com/v1/licenses/…; XiaoPu serves the same paths under /api.
    const realFetch = globalThis.fetch;
    globalThis.fetch = (input, init) => realFetch(String(input instanceof Request ? input.url : input).replace('https://api.lemonsqueezy.com', `${t.config.publicUrl}/api`), init);
    try {
      const activated = await lsActivate(key, 'build-server');
      expect(activated.error).toBeNull();
      expect(activated.data).toMatchObject({ activated: true, license_key: { key, activation_limit: 1, activation_usage: 1 }, instance: { name: 'build-server' } });
      const instanceId = activated.data?.instance?.id ?? '';
      const validated = await lsValidate(key, instanceId);
      expect(validated.data).toMatchObject({ valid: true, instance: { id: instanceId } });
      const over = await lsActivate(key, 'second');
      expect(over.statusCode).toBe(400);
      expect(over.data).toMatchObject({ activated: false, error: 'This license key has reached the activation limit.' });
      const deactivated = await lsDeactivate(key, instanceId);
      expect(deactivated.data).toMatchObject({ deactivated: true, license_key: { activation_usage: 0 } });
    } finally {
      globalThis.fetch = realFetch;
    }
    // What Lemon Squeezy's documentation shows: a form body with Accept: application/json.
    const form = await realFetch(`${t.config.publicUrl}/api/v1/licenses/activate`, {
      method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ license_key: key, instance_name: 'from-form' }),
    });
    expect(form.status).toBe(200);
    expect(await form.json()).toMatchObject({ activated: true, instance: { name: 'from-form' } });
  });
});
