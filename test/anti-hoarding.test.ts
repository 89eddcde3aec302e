// Checkout limits (issue 8, defect 7): one address cannot reserve a product's
// whole stock with throwaway emails, one email cannot be used from many
// addresses to do the same, and the counts live in PostgreSQL so every app
// process shares them.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { createDatabase } from '../src/db/client.ts';
import { createLogger, createServices } from '../src/runtime.ts';
import { buildApp } from '../src/server/app.ts';
import { bearer, checkout, createApiKey, createProduct, importKeys, keys, setupTestApp, signupMerchant, testEnv, type TestApp } from './helpers.ts';

// The platform's defaults, spelled out (the config test below checks they are the defaults).
const DEFAULTS = { XIAOPU_CHECKOUT_LIMIT_PER_IP: '30', XIAOPU_CHECKOUT_LIMIT_PER_EMAIL: '15', XIAOPU_MAX_PENDING_PER_IP: '20', XIAOPU_MAX_PENDING_PER_EMAIL: '10' };

let t: TestApp;
let slug: string;
let auth: Record<string, string>;
beforeAll(async () => {
  t = await setupTestApp(DEFAULTS);
  const m = await signupMerchant(t);
  slug = m.slug;
  auth = bearer(await createApiKey(t, m));
});

describe('checkout limits', () => {
  it('are on by default, and configurable', () => {
    const cfg = loadConfig({ XIAOPU_DATA_DIR: t.config.dataDir });
    expect([cfg.checkoutPerIp, cfg.checkoutPerEmail, cfg.maxPendingPerIp, cfg.maxPendingPerEmail]).toEqual([30, 15, 20, 10]);
  });

  it('keep one address from reserving a whole product with throwaway emails', async () => {
    const p = await createProduct(t, auth, { max_quantity: 5 });
    // More keys than all 60 checkouts ask for, so that the limits answer them, not the stock gate.
    await importKeys(t, auth, p.id, keys(400));
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) =>
      checkout(t, slug, p.id, { email: `throwaway${i}-${randomBytes(2).toString('hex')}@example.com`, quantity: 5 }, '198.51.100.66')));
    for (const a of answers) expect(a.statusCode, a.body).not.toBe(500);
    const codes = answers.filter((a) => a.statusCode === 429).map((a) => a.json().error.code);
    expect(new Set(codes)).toEqual(new Set(['too_many_pending', 'rate_limited']));
    const stock = (await t.app.inject({ method: 'GET', url: `/api/v1/products/${p.id}`, headers: auth })).json().stock;
    expect(stock.reserved).toBeLessThanOrEqual(20);
    expect(stock.available).toBeGreaterThanOrEqual(380);
    // A real buyer elsewhere still gets a key.
    expect((await checkout(t, slug, p.id, {}, '192.0.2.200')).statusCode).toBe(201);
  });

  it('count attempts per email across addresses', async () => {
    const p = await createProduct(t, auth);
    await importKeys(t, auth, p.id, keys(40));
    const email = `same-${randomBytes(3).toString('hex')}@example.com`;
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const r = await checkout(t, slug, p.id, { email, quantity: 1 }, `192.0.2.${i + 1}`);
      statuses.push(r.statusCode);
    }
    expect(statuses.filter((x) => x === 201)).toHaveLength(10);
    expect(statuses.slice(15).every((x) => x === 429)).toBe(true);
  });

  it('hold across two app processes sharing one database', async () => {
    const p = await createProduct(t, auth);
    await importKeys(t, auth, p.id, keys(50));
    const config = loadConfig(testEnv(t.url, { ...DEFAULTS, XIAOPU_MAX_PENDING_PER_IP: '1000' }));
    const database = createDatabase(t.url, 5);
    const log = createLogger(config);
    const second = await buildApp(createServices(config, database, log, t.clock), log);
    try {
      const ip = '198.51.100.77';
      const results: number[] = [];
      for (let i = 0; i < 40; i++) {
        const app = i % 2 === 0 ? t.app : second;
        const r = await app.inject({
          method: 'POST', url: `/api/v1/storefront/${slug}/orders`, remoteAddress: ip,
          payload: { product_id: p.id, quantity: 1, email: `x${i}@example.com`, query_password: 'letmein', gateway: 'sandbox' },
        });
        results.push(r.statusCode);
      }
      // The first app allows 20 pending from one address; the second allows 1000; 30 attempts in all.
      expect(results.slice(30).every((x) => x === 429)).toBe(true);
    } finally {
      await second.close();
      await database.close();
    }
  });
});

describe('order lookup limits', () => {
  it('stop guessing a query password from one address, but let the buyer in from another', async () => {
    const p = await createProduct(t, auth);
    await importKeys(t, auth, p.id, keys(1));
    const c = (await checkout(t, slug, p.id, { email: `lookup-${randomBytes(3).toString('hex')}@example.com`, query_password: 'buyer-secret' }, '192.0.2.77')).json();
    const look = (query_password: string, ip: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/storefront/orders/lookup', remoteAddress: ip, payload: { number: c.order.number, query_password } });
    const guesses: number[] = [];
    for (let i = 0; i < 12; i++) guesses.push((await look(`guess-${i}`, '198.51.100.111')).statusCode);
    expect(guesses.slice(0, 10).every((x) => x === 200)).toBe(true);
    expect(guesses.slice(10).every((x) => x === 429)).toBe(true);
    const buyer = await look('buyer-secret', '192.0.2.78');
    expect(buyer.statusCode, buyer.body).toBe(200);
    expect(buyer.json().orders).toHaveLength(1);
  });
});

describe('who counts as one buyer', () => {
  it('an IPv6 /64 is one address, and +tags and Gmail dots are one email', async () => {
    const p = await createProduct(t, auth);
    await importKeys(t, auth, p.id, keys(60));
    const statuses: number[] = [];
    for (let i = 0; i < 34; i++) {
      const r = await checkout(t, slug, p.id, { email: `v6-${i}-${randomBytes(2).toString('hex')}@example.com` }, `2001:db8:77:1:${i.toString(16)}::${i + 1}`);
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(30).every((x) => x === 429)).toBe(true);
    const tagged: number[] = [];
    for (let i = 0; i < 17; i++) {
      const r = await checkout(t, slug, p.id, { email: `j.doe+${i}@gmail.com`.replace('j.doe', i % 2 ? 'jdoe' : 'j.doe') }, `192.0.2.${100 + i}`);
      tagged.push(r.statusCode);
    }
    expect(tagged.slice(15).every((x) => x === 429)).toBe(true);
  });

  it('one order may be as large as the product allows when nothing else is unpaid', async () => {
    const p = await createProduct(t, auth, { max_quantity: 25 });
    await importKeys(t, auth, p.id, keys(50));
    const email = `bulk-${randomBytes(3).toString('hex')}@example.com`;
    const first = await checkout(t, slug, p.id, { email, quantity: 25 }, '192.0.2.150');
    expect(first.statusCode, first.body).toBe(201);
    const second = await checkout(t, slug, p.id, { email, quantity: 1 }, '192.0.2.151');
    expect(second.json().error.code).toBe('too_many_pending');
  });
});
