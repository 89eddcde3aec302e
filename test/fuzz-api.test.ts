// Property-based fuzzing of every write route in the OpenAPI document (issue
// 8, defect 6): generated bodies — random JSON, and objects shaped like the
// route's schema with hostile values (lone surrogates, NUL, huge and negative
// numbers, wrong types) — sent with real credentials to real ids. Whatever
// arrives: never a 5xx, errors in the one JSON shape, and a refused request
// changes nothing in the database. Fixed seed; FUZZ_RUNS / FUZZ_SEED for more.
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  adminSession, checkout, createProduct, importKeys, keys, notify, setupTestApp, signedNotify, signupMerchant, type TestApp,
} from './helpers.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);

let t: TestApp;
let merchant: Record<string, string>;
let admin: Record<string, string>;
let buyer: Record<string, string>;
const ids: Record<string, string> = {};
let doc: { paths: Record<string, Record<string, Operation>> };

interface JsonSchema { required?: string[]; type?: string | string[]; properties?: Record<string, JsonSchema>; items?: JsonSchema; enum?: unknown[]; anyOf?: JsonSchema[]; oneOf?: JsonSchema[] }
interface Operation { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }

// Rows a refused request may legitimately touch: counters of the refusals themselves.
const VOLATILE = new Set(['rate_limits', 'idempotency_keys', 'payment_notifications', 'sessions']);
let fingerprintSql = '';

async function fingerprint(): Promise<string> {
  const [r] = await t.q<{ f: string }>(fingerprintSql);
  return r!.f;
}

beforeAll(async () => {
  t = await setupTestApp();
  const m = await signupMerchant(t);
  merchant = m.headers;
  const victim = await signupMerchant(t);
  admin = await adminSession(t);
  const email = `fuzz-${randomBytes(3).toString('hex')}@example.com`;
  const su = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: { email, password: 'buyer password 1' } });
  buyer = { cookie: `xp_session=${su.cookies.find((c) => c.name === 'xp_session')!.value}`, 'x-csrf-token': su.json().csrf_token };

  const p = await createProduct(t, merchant);
  await importKeys(t, merchant, p.id, keys(30));
  const c = (await checkout(t, m.slug, p.id)).json();
  await notify(t, signedNotify(t, c));
  const [card] = await t.q<{ id: string }>('select id from cards where product_id = $1 limit 1', [p.id]);
  Object.assign(ids, { product: p.id, order: c.order.id, payment: c.payment.id, card: card!.id, shop: m.slug, victim: victim.merchantId });

  doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
  const tables = await t.q<{ tablename: string }>(`select tablename from pg_tables where schemaname = 'public' order by tablename`);
  fingerprintSql = 'select md5(' + tables.filter((x) => !VOLATILE.has(x.tablename))
    .map((x) => `(select coalesce(md5(string_agg(r::text, '|' order by r::text)), '-') from "${x.tablename}" r)`).join(' || ') + ') as f';
});

// ---- generators -------------------------------------------------------------

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.stringMatching(/^[a-z0-9-]{1,20}$/),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).map((x) => x + '\ud800'),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\ud800', 'ok\udfffok', 'a\u0000b', '', '   ', 'x'.repeat(5000), '１２３', '<script>alert(1)</script>', "'; drop table users; --",
    '9'.repeat(400), '-1', '1e400', 'CNY', 'USD', 'card', 'sandbox', 'https://example.com/', 'javascript:alert(1)', 'a@b.c'),
);
const hostileNumber = fc.oneof(
  fc.integer(),
  fc.integer({ min: 1, max: 5000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -1, 1, 2 ** 31, 2 ** 53, 2 ** 63, 1e308, -1e308, 0.5, Number.MAX_SAFE_INTEGER + 2),
);
const leaf = fc.oneof(hostileString, hostileNumber, fc.boolean(), fc.constant(null));
const anyJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 8 }), tie('v'), { maxKeys: 3 })),
})).v;

function valueFor(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 3) return anyJson;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => valueFor(s, depth + 1)), anyJson);
  const plausible: fc.Arbitrary<unknown>[] = [];
  if (schema.enum?.length) plausible.push(fc.constantFrom(...schema.enum));
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  for (const type of types) {
    if (type === 'string') plausible.push(hostileString);
    if (type === 'integer' || type === 'number') plausible.push(hostileNumber);
    if (type === 'boolean') plausible.push(fc.boolean());
    if (type === 'null') plausible.push(fc.constant(null));
    if (type === 'array') plausible.push(fc.array(valueFor(schema.items, depth + 1), { maxLength: 4 }));
    if (type === 'object') plausible.push(shaped(schema, depth + 1));
  }
  return plausible.length ? fc.oneof({ arbitrary: fc.oneof(...plausible), weight: 4 }, { arbitrary: anyJson, weight: 1 }) : anyJson;
}

function shaped(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const props = schema.properties ?? {};
  const model = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, valueFor(v, depth)]));
  // Half the time with every required key, so that more bodies get past the schema to the use case.
  return fc.oneof(fc.record(model, { requiredKeys: [] }), fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in model) }));
}

function bodyFor(op: Operation): fc.Arbitrary<unknown> {
  const schema = op.requestBody?.content?.['application/json']?.schema;
  return schema ? fc.oneof({ arbitrary: shaped(schema), weight: 3 }, { arbitrary: anyJson, weight: 1 }) : anyJson;
}

// ---- who calls, and with which ids ------------------------------------------

function credentials(path: string): Record<string, string> {
  if (path.startsWith('/api/v1/admin/')) return admin;
  if (path.startsWith('/api/v1/wallet')) return buyer;
  if (path.startsWith('/api/v1/storefront/') || path.startsWith('/api/v1/payments/') || path.startsWith('/api/v1/auth/')) return {};
  return merchant;
}

function fill(path: string): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    switch (name) {
      case 'id':
        if (path.startsWith('/api/v1/products')) return ids.product!;
        if (path.startsWith('/api/v1/admin/merchants')) return ids.victim!;
        if (path.startsWith('/api/v1/admin/payments')) return ids.payment!;
        if (path.includes('/orders/')) return ids.order!;
        return 'xyz_unknown';
      case 'card_id': return ids.card!;
      case 'shop_slug': return ids.shop!;
      case 'gateway': return 'epay';
      case 'config_id': return 'gwc_unknown';
      default: return 'unknown';
    }
  });
}

// Routes whose success ends the caller's session.
const SKIP = new Set(['POST /api/v1/auth/logout']);
// Gateways' notify URLs answer in the gateway's own format, not ours.
const isNotify = (path: string) => path.startsWith('/api/v1/payments/');
// The public license API answers in Lemon Squeezy's shape: `{…, error: "…"}`.
const isLicenseApi = (path: string) => /^\/api\/v1\/licenses\/(activate|validate|deactivate)$/.test(path);

describe('invalid Unicode', () => {
  it('is refused with 422 in a shop name, an API key name and a suspend reason, and nothing is written', async () => {
    const before = await fingerprint();
    const tries = [
      { method: 'PATCH', url: '/api/v1/shop', headers: merchant, payload: '{"name":"shop \\ud800"}', param: 'name' },
      { method: 'POST', url: '/api/v1/api_keys', headers: merchant, payload: '{"name":"key \\udc00 x"}', param: 'name' },
      { method: 'PATCH', url: `/api/v1/admin/merchants/${ids.victim}`, headers: admin, payload: '{"status":"suspended","reason":"bad \\ud800"}', param: 'reason' },
      { method: 'POST', url: '/api/v1/products', headers: merchant, payload: '{"title":"nul \\u0000","price":1,"currency":"CNY","delivery":"card"}', param: 'title' },
    ] as const;
    for (const x of tries) {
      const res = await t.app.inject({ method: x.method, url: x.url, headers: { ...x.headers, 'content-type': 'application/json' }, payload: x.payload });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'validation_error', param: x.param });
    }
    expect(await fingerprint()).toBe(before);
  });
});

describe('every write route, fuzzed', () => {
  it('finds the write routes in the OpenAPI document', () => {
    const writes = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).filter((m) => ['post', 'put', 'patch'].includes(m)).map((m) => `${m} ${p}`));
    expect(writes).toContain('post /api/v1/auth/signup');
    expect(writes).toContain('post /api/v1/storefront/{shop_slug}/orders');
    expect(writes.length).toBeGreaterThan(20);
  });

  it('never answers 5xx, always answers errors in one shape, and a refused request changes nothing', async () => {
    const failures: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (!['post', 'put', 'patch'].includes(method)) continue;
        if (SKIP.has(`${method.toUpperCase()} ${path}`)) continue;
        const url = fill(path);
        await fc.assert(fc.asyncProperty(bodyFor(op), async (body) => {
          const before = await fingerprint();
          const res = await t.app.inject({
            method: method.toUpperCase() as 'POST', url, remoteAddress: `198.51.100.${Math.floor(Math.random() * 200) + 1}`,
            headers: { ...credentials(path), 'content-type': 'application/json' }, payload: JSON.stringify(body),
          });
          if (process.env.FUZZ_DEBUG) console.log('FUZZ', res.statusCode, method, path);
          const where = `${method.toUpperCase()} ${url} ${JSON.stringify(body).slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
          if (res.statusCode >= 500) throw new Error(`5xx: ${where}`);
          if (res.statusCode >= 400) {
            if (isLicenseApi(path)) {
              if (typeof res.json().error !== 'string') throw new Error(`license error shape: ${where}`);
            } else if (!isNotify(path)) {
              const err = res.json().error;
              if (typeof err?.code !== 'string' || typeof err?.message !== 'string' || typeof err?.type !== 'string') throw new Error(`error shape: ${where}`);
            }
            if ((await fingerprint()) !== before) throw new Error(`refused but changed the database: ${where}`);
          }
        }), { seed: SEED, numRuns: RUNS, endOnFailure: true }).catch((e: Error) => failures.push(e.message.split('\n').slice(0, 6).join('\n') + String((e as { cause?: unknown }).cause ?? '')));
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
