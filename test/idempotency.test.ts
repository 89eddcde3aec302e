// Retries are safe (DESIGN §1.6, §9): a POST with an Idempotency-Key has one
// effect; a repeat gets the first answer back (status and body) with
// `idempotent-replayed: true`; the same key with another body is an
// idempotency_error; the same key while the first is still running is a 409.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bearer, checkout, createApiKey, createProduct, importKeys, keys, setupTestApp, signupMerchant,
  type Checkout, type MerchantSession, type TestApp,
} from './helpers.ts';

let t: TestApp;
let a: MerchantSession;
let b: MerchantSession;

beforeAll(async () => {
  t = await setupTestApp();
  a = await signupMerchant(t, 'idem-a');
  b = await signupMerchant(t, 'idem-b');
});

const newKey = () => `idem-${randomBytes(8).toString('hex')}`;

function postProduct(auth: Record<string, string>, key: string | undefined, body: Record<string, unknown>) {
  return t.app.inject({
    method: 'POST', url: '/api/v1/products',
    headers: { ...auth, ...(key === undefined ? {} : { 'idempotency-key': key }) },
    payload: { price: 1000, currency: 'CNY', delivery: 'card', ...body },
  });
}

async function productsTitled(title: string) {
  return t.q<{ id: string; merchant_id: string }>(`select id, merchant_id from products where title = $1 order by id`, [title]);
}

describe('POST /api/v1/products with Idempotency-Key', () => {
  it('replays the first status and body, marks the replay, and creates one product', async () => {
    const key = newKey();
    const title = `Idem ${key}`;
    const first = await postProduct(a.headers, key, { title });
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    const second = await postProduct(a.headers, key, { title });
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    expect(second.headers['content-type']).toMatch(/^application\/json/);
    expect(second.headers['x-request-id']).toMatch(/^req_/);
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);

    const third = await postProduct(a.headers, key, { title });
    expect(third.json()).toEqual(first.json());

    const rows = await productsTitled(title);
    expect(rows).toEqual([{ id: first.json().id, merchant_id: a.merchantId }]);
  });

  it('without the header, two identical POSTs make two products', async () => {
    const title = `No key ${newKey()}`;
    expect((await postProduct(a.headers, undefined, { title })).statusCode).toBe(201);
    expect((await postProduct(a.headers, undefined, { title })).statusCode).toBe(201);
    expect(await productsTitled(title)).toHaveLength(2);
  });

  it('refuses the same key with a different body: 422 idempotency_key_reused, nothing created', async () => {
    const key = newKey();
    const title = `Reused ${key}`;
    expect((await postProduct(a.headers, key, { title })).statusCode).toBe(201);
    const other = await postProduct(a.headers, key, { title, price: 2000 });
    expect(other.statusCode).toBe(422);
    expect(other.json().error).toMatchObject({ type: 'idempotency_error', code: 'idempotency_key_reused', message: expect.any(String) });
    expect(other.headers['idempotent-replayed']).toBeUndefined();
    const otherTitle = await postProduct(a.headers, key, { title: `${title} v2` });
    expect(otherTitle.statusCode).toBe(422);
    expect(await productsTitled(title)).toHaveLength(1);
    expect(await productsTitled(`${title} v2`)).toHaveLength(0);
    // The same key on another route is another request too.
    const elsewhere = await t.app.inject({ method: 'POST', url: '/api/v1/api_keys', headers: { ...a.headers, 'idempotency-key': key }, payload: { name: 'x' } });
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json().error.code).toBe('idempotency_key_reused');
  });

  it('is scoped per merchant: B reusing A\'s key value gets its own fresh product', async () => {
    const key = newKey();
    const title = `Shared key ${key}`;
    const fromA = await postProduct(a.headers, key, { title });
    expect(fromA.statusCode).toBe(201);
    const fromB = await postProduct(b.headers, key, { title });
    expect(fromB.statusCode).toBe(201);
    expect(fromB.headers['idempotent-replayed']).toBeUndefined();
    expect(fromB.json().id).not.toBe(fromA.json().id);
    // A different body under the same key value is no conflict for B either.
    const fromBOther = await postProduct(b.headers, `${key}-x`, { title });
    expect(fromBOther.statusCode).toBe(201);

    const rows = await productsTitled(title);
    expect(rows.map((r) => r.merchant_id).sort()).toEqual([a.merchantId, b.merchantId, b.merchantId].sort());
    // And B's replay is B's product, readable by B.
    const replayB = await postProduct(b.headers, key, { title });
    expect(replayB.json().id).toBe(fromB.json().id);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/products/${fromB.json().id}`, headers: b.headers })).statusCode).toBe(200);
  });

  it('does not spend the key on a request that failed validation', async () => {
    const key = newKey();
    const title = `Validated ${key}`;
    const bad = await postProduct(a.headers, key, { title, price: 12.5 });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('validation_error');
    const good = await postProduct(a.headers, key, { title });
    expect(good.statusCode).toBe(201);
    expect(good.headers['idempotent-replayed']).toBeUndefined();
    expect(await productsTitled(title)).toHaveLength(1);
  });

  it('rejects a key longer than 255 characters with 400 idempotency_key_invalid', async () => {
    const title = `Long key ${newKey()}`;
    const res = await postProduct(a.headers, 'k'.repeat(256), { title });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ type: 'idempotency_error', code: 'idempotency_key_invalid' });
    expect(await productsTitled(title)).toHaveLength(0);
    expect((await postProduct(a.headers, 'k'.repeat(255), { title })).statusCode).toBe(201);
  });
});

describe('a first attempt still in flight', () => {
  /** Makes a real request under `sourceKey` to learn the stored request hash, then plants `key` as in flight. */
  async function plantInFlight(title: string, key: string, lockedAgoMs: number) {
    const sourceKey = newKey();
    expect((await postProduct(a.headers, sourceKey, { title })).statusCode).toBe(201);
    const [src] = await t.q<{ scope: string; request_hash: Buffer }>(`select scope, request_hash from idempotency_keys where key = $1`, [sourceKey]);
    expect(src?.scope).toMatch(new RegExp(`^merchant:${a.merchantId}:`));
    const lockedAt = new Date(t.clock.now().getTime() - lockedAgoMs);
    await t.q(
      `insert into idempotency_keys (scope, key, request_hash, state, locked_at, created_at) values ($1, $2, $3, 'in_flight', $4, $4)`,
      [src?.scope, key, src?.request_hash, lockedAt],
    );
  }

  it('answers 409 idempotency_in_flight and creates nothing', async () => {
    const title = `In flight ${newKey()}`;
    const key = newKey();
    await plantInFlight(title, key, 1000);
    const res = await postProduct(a.headers, key, { title });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ type: 'idempotency_error', code: 'idempotency_in_flight' });
    expect(await productsTitled(title)).toHaveLength(1); // only the one that taught us the hash
    // A different body under the in-flight key is a reuse, not a wait.
    const other = await postProduct(a.headers, key, { title, price: 5 });
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('idempotency_key_reused');
  });

  it('never runs again a first attempt that died (its effect may have committed): 409 idempotency_key_abandoned', async () => {
    const title = `Stale ${newKey()}`;
    const key = newKey();
    await plantInFlight(title, key, 15 * 60_000);
    for (let i = 0; i < 2; i++) {
      const res = await postProduct(a.headers, key, { title });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('idempotency_key_abandoned');
    }
    expect(await productsTitled(title)).toHaveLength(1); // only the hash source
    // A new key runs it.
    expect((await postProduct(a.headers, newKey(), { title })).statusCode).toBe(201);
  });

  it('two identical requests racing: one product; the other is a replay or a 409', async () => {
    for (let round = 0; round < 5; round++) {
      const key = newKey();
      const title = `Race ${key}`;
      const [r1, r2] = await Promise.all([postProduct(a.headers, key, { title }), postProduct(a.headers, key, { title })]);
      const results = [r1, r2];
      const created = results.filter((r) => r.statusCode === 201 && r.headers['idempotent-replayed'] === undefined);
      expect(created).toHaveLength(1);
      for (const r of results) {
        if (r === created[0]) continue;
        if (r.statusCode === 409) expect(r.json().error.code).toBe('idempotency_in_flight');
        else {
          expect(r.statusCode).toBe(201);
          expect(r.headers['idempotent-replayed']).toBe('true');
          expect(r.json()).toEqual(created[0]?.json());
        }
      }
      expect(await productsTitled(title)).toHaveLength(1);
    }
  });
});

describe('storefront checkout with Idempotency-Key', () => {
  let product: { id: string };

  beforeAll(async () => {
    product = await createProduct(t, a.headers, { title: 'Checkout idem', price: 990 });
    await importKeys(t, a.headers, product.id, keys(10));
  });

  function buy(key: string, over: Record<string, unknown> = {}, ip = '203.0.113.50') {
    return t.app.inject({
      method: 'POST', url: `/api/v1/storefront/${a.slug}/orders`, remoteAddress: ip, headers: { 'idempotency-key': key },
      payload: { product_id: product.id, quantity: 2, email: 'retry@example.com', query_password: 'letmein', gateway: 'sandbox', ...over },
    });
  }

  it('replays the same order: one order row, one reservation', async () => {
    const key = newKey();
    const first = await buy(key);
    expect(first.statusCode).toBe(201);
    const c = first.json() as Checkout;
    const second = await buy(key);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(c);

    expect(await t.q(`select id from orders where email = 'retry@example.com'`)).toEqual([{ id: c.order.id }]);
    expect(await t.q(`select id from payments where order_id = $1`, [c.order.id])).toHaveLength(1);
    const reserved = await t.q<{ n: string }>(`select count(*) as n from cards where product_id = $1 and status = 'reserved'`, [product.id]);
    expect(reserved[0]?.n).toBe('2');

    const changed = await buy(key, { quantity: 3 });
    expect(changed.statusCode).toBe(422);
    expect(changed.json().error.code).toBe('idempotency_key_reused');
    // Without a key the same body is a second order.
    const plain = await checkout(t, a.slug, product.id, { quantity: 2, email: 'retry@example.com' }, '203.0.113.50');
    expect(plain.statusCode).toBe(201);
    expect(plain.json().order.id).not.toBe(c.order.id);
  });

  it('keeps the replayed checkout uncacheable (it carries the access token)', async () => {
    const key = newKey();
    const first = await buy(key, { email: 'nostore@example.com' }, '203.0.113.51');
    expect(first.headers['cache-control']).toBe('no-store');
    const replay = await buy(key, { email: 'nostore@example.com' }, '203.0.113.51');
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.headers['cache-control']).toBe('no-store');
  });

  it('does not keep the order access token in plaintext in the database', async () => {
    const key = newKey();
    const res = await buy(key, { email: 'atrest@example.com' }, '203.0.113.52');
    expect(res.statusCode).toBe(201);
    const token = (res.json() as Checkout).access_token;
    const rows = await t.q<{ r: string }>(`select i::text as r from idempotency_keys i where key = $1`, [key]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.r).not.toContain(token);
    expect(rows[0]?.r).not.toContain(token.slice('oat_'.length));
  });
});

describe('API key creation with Idempotency-Key', () => {
  it('creates one key, and its secret is not stored in plaintext anywhere', async () => {
    const key = newKey();
    const mint = () => t.app.inject({ method: 'POST', url: '/api/v1/api_keys', headers: { ...a.headers, 'idempotency-key': key }, payload: { name: `retry ${key}` } });
    const first = await mint();
    expect(first.statusCode).toBe(201);
    const secret: string = first.json().secret;
    const second = await mint();
    expect(second.statusCode).toBe(201);
    expect(second.json().id).toBe(first.json().id);
    expect(await t.q(`select id from api_keys where name = $1`, [`retry ${key}`])).toHaveLength(1);

    const stored = await t.q<{ r: string }>(`select i::text as r from idempotency_keys i where key = $1`, [key]);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.r).not.toContain(secret.slice('sk_live_'.length));
  });

  it('does not hand a session-minted secret to an API key that replays the same key and body', async () => {
    const key = newKey();
    const body = { name: `escalate ${key}` };
    const minted = await t.app.inject({ method: 'POST', url: '/api/v1/api_keys', headers: { ...a.headers, 'idempotency-key': key }, payload: body });
    expect(minted.statusCode).toBe(201);
    const fullSecret: string = minted.json().secret;

    const readOnly = await createApiKey(t, a, ['products:read']);
    const replay = await t.app.inject({ method: 'POST', url: '/api/v1/api_keys', headers: { ...bearer(readOnly), 'idempotency-key': key }, payload: body });
    expect(replay.statusCode).toBe(403);
    expect(replay.body).not.toContain(fullSecret);
  });
});

describe('expiry', () => {
  it('forgets a key after 24 hours: the same key then starts a new request', async () => {
    const key = newKey();
    const title = `Old key ${key}`;
    expect((await postProduct(a.headers, key, { title })).statusCode).toBe(201);
    expect((await postProduct(a.headers, key, { title: `${title} later` })).statusCode).toBe(422);
    t.clock.advance(25 * 3600 * 1000);
    const later = await postProduct(a.headers, key, { title: `${title} later` });
    expect(later.statusCode).toBe(201);
    expect(later.headers['idempotent-replayed']).toBeUndefined();
    expect(await productsTitled(`${title} later`)).toHaveLength(1);
  });
});
