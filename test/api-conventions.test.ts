// API conventions (DESIGN §9, §12) an integrator relies on: one error shape
// with a request id on every response, clear codes for unknown routes and
// bad JSON, no leaked internals on a 500, an OpenAPI 3.1 document that covers
// the core contract, docs, pagination limits and integer money.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bearer, checkout, createApiKey, createProduct, importKeys, keys, setupTestApp, signupMerchant,
  type MerchantSession, type TestApp,
} from './helpers.ts';

let t: TestApp;
let m: MerchantSession;
let key: string;

beforeAll(async () => {
  t = await setupTestApp();
  m = await signupMerchant(t, 'conventions');
  key = await createApiKey(t, m);
});

const ERROR_TYPES = ['invalid_request_error', 'authentication_error', 'permission_error', 'rate_limit_error', 'idempotency_error', 'api_error'];

type Injected = Awaited<ReturnType<TestApp['app']['inject']>>;

/** The one error shape: status + {"error": {type, code, message, param?}}, JSON, with a req_ request id. */
function expectErrorShape(res: Injected, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.headers['x-request-id']).toMatch(/^req_[A-Za-z0-9_-]{8,}$/);
  const body = res.json();
  expect(Object.keys(body)).toEqual(['error']);
  expect(ERROR_TYPES).toContain(body.error.type);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  for (const k of Object.keys(body.error)) expect(['type', 'code', 'message', 'param', 'request_id']).toContain(k);
  if ('param' in body.error) expect(typeof body.error.param).toBe('string');
  return body.error as { type: string; code: string; message: string; param?: string };
}

describe('errors', () => {
  it('every kind of error has the error shape and an x-request-id header', async () => {
    const product = await createProduct(t, bearer(key));
    const cases: Array<[Promise<Injected>, number, string]> = [
      [t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' }), 404, 'route_not_found'],
      [t.app.inject({ method: 'GET', url: '/api/v1/products' }), 401, 'unauthenticated'],
      [t.app.inject({ method: 'GET', url: '/api/v1/products', headers: bearer('sk_live_nope') }), 401, 'invalid_api_key'],
      [t.app.inject({ method: 'POST', url: '/api/v1/products', headers: { cookie: m.cookie }, payload: {} }), 403, 'csrf_token_invalid'],
      [t.app.inject({ method: 'GET', url: '/api/v1/products/prd_missing', headers: bearer(key) }), 404, 'resource_missing'],
      [t.app.inject({ method: 'POST', url: '/api/v1/products', headers: bearer(key), payload: { title: '' } }), 422, 'validation_error'],
      [checkout(t, m.slug, product.id), 409, 'out_of_stock'],
      [t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'x@example.com', password: 'nope' } }), 401, 'invalid_credentials'],
      [t.app.inject({ method: 'GET', url: '/api/v1/storefront/orders/ABCDEF' }), 401, 'order_token_required'],
    ];
    const ids = new Set<string>();
    for (const [p, status, code] of cases) {
      const res = await p;
      expectErrorShape(res, status, code);
      ids.add(String(res.headers['x-request-id']));
    }
    expect(ids.size).toBe(cases.length);
  });

  it('successful responses carry an x-request-id too, and a client cannot choose it', async () => {
    for (const req of [
      { method: 'GET' as const, url: '/healthz' },
      { method: 'GET' as const, url: `/api/v1/storefront/${m.slug}/products` },
      { method: 'GET' as const, url: '/api/v1/products', headers: bearer(key) },
    ]) {
      const res = await t.app.inject({ ...req, headers: { ...(req.headers ?? {}), 'x-request-id': 'req_chosen-by-client' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-request-id']).toMatch(/^req_/);
      expect(res.headers['x-request-id']).not.toBe('req_chosen-by-client');
    }
  });

  it('answers an unknown route or method with 404 route_not_found', async () => {
    for (const req of [
      { method: 'GET' as const, url: '/api/v1/unknown' },
      { method: 'POST' as const, url: '/api/v1/unknown/deeper', payload: { a: 1 } },
      { method: 'DELETE' as const, url: '/api/v1/products' },
      { method: 'GET' as const, url: '/api/v2/products' },
    ]) {
      const res = await t.app.inject({ ...req, headers: bearer(key) });
      const err = expectErrorShape(res, 404, 'route_not_found');
      expect(err.type).toBe('invalid_request_error');
    }
  });

  it('answers an address it cannot take apart in the error shape too: 414 uri_too_long, 400 invalid_url', async () => {
    const long = await t.app.inject({ method: 'GET', url: `/api/v1/orders/ord_${'z'.repeat(150)}`, headers: bearer(key) });
    expect(expectErrorShape(long, 414, 'uri_too_long').message).not.toContain('zzz');
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/orders/%E0%A4%A', headers: bearer(key) });
    expectErrorShape(bad, 400, 'invalid_url');
  });

  it('answers malformed or empty JSON with 400 invalid_json and writes nothing', async () => {
    const before = await t.q(`select id from products`);
    for (const payload of ['{"title": "x", "price": ', '{title: "x"}', 'not json at all', '']) {
      const res = await t.app.inject({
        method: 'POST', url: '/api/v1/products', payload, headers: { ...bearer(key), 'content-type': 'application/json' },
      });
      const err = expectErrorShape(res, 400, 'invalid_json');
      expect(err.type).toBe('invalid_request_error');
    }
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: '{"email":', headers: { 'content-type': 'application/json' } });
    expectErrorShape(login, 400, 'invalid_json');
    const shop = await t.app.inject({ method: 'POST', url: `/api/v1/storefront/${m.slug}/orders`, payload: '[1,', headers: { 'content-type': 'application/json' } });
    expectErrorShape(shop, 400, 'invalid_json');
    expect(await t.q(`select id from products`)).toHaveLength(before.length);
  });

  it('answers an unsupported content type with 415 unsupported_media_type', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/products', payload: '<product/>', headers: { ...bearer(key), 'content-type': 'application/xml' },
    });
    expectErrorShape(res, 415, 'unsupported_media_type');
  });

  it('turns an unexpected failure into a generic 500 that names the request id and nothing of the internals', async () => {
    // A fault inside our own database (this file's copy): the products table goes missing for a moment.
    await t.q('alter table products rename to products_gone');
    let res: Injected;
    try {
      res = await t.app.inject({ method: 'GET', url: '/api/v1/products', headers: bearer(key) });
    } finally {
      await t.q('alter table products_gone rename to products');
    }
    const err = expectErrorShape(res, 500, 'internal_error');
    expect(err.type).toBe('api_error');
    expect(err).not.toHaveProperty('param');
    const requestId = String(res.headers['x-request-id']);
    expect(err.message).toContain(requestId);
    for (const leak of ['products', 'relation', 'does not exist', 'select', 'Error', 'at ', '.ts', 'stack', 'pg', 'postgres', '42P01']) {
      expect(res.body.replace(requestId, '')).not.toContain(leak);
    }
    // And the app is fine again.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/products', headers: bearer(key) })).statusCode).toBe(200);
  });

  it('treats a NUL byte in an id or a text field as bad input (4xx), not as a server failure', async () => {
    const product = await t.app.inject({ method: 'GET', url: '/api/v1/products/prd_%00x', headers: bearer(key) });
    const title = await t.app.inject({
      method: 'POST', url: '/api/v1/products', headers: bearer(key), payload: { title: 'bad\u0000title', price: 100, currency: 'CNY', delivery: 'card' },
    });
    const shop = await checkout(t, m.slug, 'prd_\u0000');
    const kind = (r: Injected) => (r.statusCode >= 400 && r.statusCode < 500 ? '4xx' : String(r.statusCode));
    expect({ product: kind(product), title: kind(title), checkout: kind(shop) }).toEqual({ product: '4xx', title: '4xx', checkout: '4xx' });
  });
});

describe('the OpenAPI document', () => {
  interface JsonSchema { type?: string; required?: string[]; properties?: Record<string, JsonSchema>; $ref?: string; allOf?: JsonSchema[]; anyOf?: JsonSchema[]; oneOf?: JsonSchema[] }
  interface Operation {
    parameters?: Array<{ name: string; in: string; required?: boolean }>;
    requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
    responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> } | undefined>;
  }
  interface OpenApiDoc {
    openapi: string;
    info: { title: string; version: string };
    paths: Record<string, Record<string, Operation | undefined> | undefined>;
    components?: { schemas?: Record<string, JsonSchema>; securitySchemes?: Record<string, unknown> };
  }
  let doc: OpenApiDoc;

  beforeAll(async () => {
    const res = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    doc = res.json();
  });

  const CORE: Array<[string, string]> = [
    ['post', '/api/v1/auth/signup'],
    ['post', '/api/v1/auth/login'],
    ['post', '/api/v1/api_keys'],
    ['post', '/api/v1/products'],
    ['get', '/api/v1/products/{id}'],
    ['post', '/api/v1/products/{id}/cards'],
    ['get', '/api/v1/orders'],
    ['get', '/api/v1/orders/{id}'],
    ['get', '/api/v1/storefront/{shop_slug}/products'],
    ['post', '/api/v1/storefront/{shop_slug}/orders'],
    ['get', '/api/v1/storefront/orders/{number}'],
    ['post', '/api/v1/storefront/orders/lookup'],
    ['post', '/api/v1/payments/sandbox/notify'],
  ];

  it('is OpenAPI 3.1 and lists every core-contract path and method', () => {
    expect(String(doc.openapi)).toMatch(/^3\.1\./);
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    for (const [method, path] of CORE) {
      expect(doc.paths, path).toHaveProperty([path]);
      expect(doc.paths[path], `${method} ${path}`).toHaveProperty([method]);
    }
    // Internal pages are not part of the API document.
    expect(Object.keys(doc.paths)).not.toContain('/openapi.json');
    expect(Object.keys(doc.paths).some((p) => p.includes(':'))).toBe(false);
  });

  function requestSchema(method: string, path: string): JsonSchema | undefined {
    const op = doc.paths[path]?.[method];
    return op?.requestBody?.content?.['application/json']?.schema;
  }

  /** Property names of a schema, looking through $ref, allOf/anyOf/oneOf. */
  function props(schema: JsonSchema | undefined): Set<string> {
    const out = new Set<string>();
    const walk = (o: JsonSchema | undefined) => {
      if (!o) return;
      if (o.$ref) walk(doc.components?.schemas?.[o.$ref.split('/').pop() ?? '']);
      for (const k of Object.keys(o.properties ?? {})) out.add(k);
      for (const list of [o.allOf, o.anyOf, o.oneOf]) list?.forEach(walk);
    };
    walk(schema);
    return out;
  }

  it('describes the JSON request bodies of the core POSTs', () => {
    const expected: Array<[string, string[]]> = [
      ['/api/v1/auth/signup', ['email', 'password', 'shop_name', 'shop_slug']],
      ['/api/v1/auth/login', ['email', 'password']],
      ['/api/v1/api_keys', ['name', 'scopes']],
      ['/api/v1/products', ['title', 'price', 'currency', 'delivery', 'min_quantity', 'max_quantity']],
      ['/api/v1/storefront/{shop_slug}/orders', ['product_id', 'quantity', 'email', 'query_password', 'gateway']],
      ['/api/v1/storefront/orders/lookup', ['number', 'email', 'query_password']],
    ];
    for (const [path, fields] of expected) {
      const schema = requestSchema('post', path);
      expect(schema, path).toBeDefined();
      const names = props(schema);
      for (const f of fields) expect(names.has(f), `${path} body has ${f}`).toBe(true);
    }
    const checkoutSchema = requestSchema('post', '/api/v1/storefront/{shop_slug}/orders');
    expect(checkoutSchema?.required).toEqual(expect.arrayContaining(['product_id', 'quantity', 'email', 'query_password', 'gateway']));
    expect(checkoutSchema?.properties?.quantity?.type).toBe('integer');
    const productSchema = requestSchema('post', '/api/v1/products');
    expect(productSchema?.properties?.price?.type ?? productSchema?.allOf?.[0]?.properties?.price?.type).toBe('integer');
  });

  it('describes the card import body (JSON {cards:[…]} at least), which the SDK needs to import keys', () => {
    const schema = requestSchema('post', '/api/v1/products/{id}/cards');
    expect(schema).toBeDefined();
    expect(props(schema).has('cards')).toBe(true);
  });

  it('names path parameters and documents the 201 responses of creation routes', () => {
    const getProduct = doc.paths['/api/v1/products/{id}']?.get;
    expect(getProduct?.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'id', in: 'path', required: true })]));
    const created = doc.paths['/api/v1/storefront/{shop_slug}/orders']?.post?.responses['201'];
    const out = created?.content?.['application/json']?.schema;
    expect(props(out)).toEqual(new Set(['order', 'access_token', 'payment']));
    expect(doc.components?.securitySchemes).toHaveProperty('apiKey');
  });
});

describe('the docs page', () => {
  it('answers 200 HTML at /docs (following a redirect)', async () => {
    let res = await t.app.inject({ method: 'GET', url: '/docs' });
    for (let hops = 0; hops < 3 && res.statusCode >= 300 && res.statusCode < 400; hops++) {
      const location = String(res.headers.location);
      res = await t.app.inject({ method: 'GET', url: new URL(location, 'http://localhost/docs').pathname });
    }
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toMatch(/<html/i);
  });
});

describe('pagination', () => {
  beforeAll(async () => {
    const p = await createProduct(t, bearer(key), { title: 'Paged' });
    await importKeys(t, bearer(key), p.id, keys(3));
  });

  it('refuses a limit out of 1..100 or not a number with 422 validation_error param limit', async () => {
    for (const path of ['/api/v1/products', '/api/v1/orders', '/api/v1/api_keys']) {
      for (const limit of ['0', '101', '-5', 'abc', '2.5']) {
        const headers = path === '/api/v1/api_keys' ? { cookie: m.cookie } : bearer(key);
        const res = await t.app.inject({ method: 'GET', url: `${path}?limit=${limit}`, headers });
        const err = expectErrorShape(res, 422, 'validation_error');
        expect(err.param, `${path}?limit=${limit}`).toBe('limit');
      }
    }
  });

  it('accepts the bounds and answers the list shape', async () => {
    for (const limit of ['1', '100']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/products?limit=${limit}`, headers: bearer(key) });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ object: 'list', data: expect.any(Array), has_more: expect.any(Boolean) });
      expect(res.json().data.length).toBeLessThanOrEqual(Number(limit));
    }
  });
});

describe('money is integer minor units', () => {
  async function postProduct(body: Record<string, unknown>) {
    return t.app.inject({ method: 'POST', url: '/api/v1/products', headers: bearer(key), payload: { title: 'Money', price: 1000, currency: 'CNY', delivery: 'card', ...body } });
  }

  it('refuses a fractional, negative, string or huge price with 422 param price, and creates nothing', async () => {
    const before = await t.q(`select id from products`);
    for (const price of [12.5, -1, '1000', 1e15, null]) {
      const res = await postProduct({ price });
      const err = expectErrorShape(res, 422, 'validation_error');
      expect(err.param, String(price)).toBe('price');
    }
    expect(await t.q(`select id from products`)).toHaveLength(before.length);
  });

  it("refuses a currency that is not an ISO 4217 code ('yuan', '¥', 'cn', 'ZZZ') with 422 param currency", async () => {
    for (const currency of ['yuan', '¥', 'cn', '', 'ZZZ', 'XXX', 'ABC']) {
      const res = await postProduct({ currency });
      const err = expectErrorShape(res, 422, 'validation_error');
      expect(err.param, currency).toBe('currency');
    }
  });

  it('keeps an accepted price exact, and normalises the currency code', async () => {
    const res = await postProduct({ price: 1999, currency: 'usd' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ price: 1999, currency: 'USD' });
    const [row] = await t.q<{ price: string; currency: string }>(`select price::text as price, currency from products where id = $1`, [res.json().id]);
    expect(row).toEqual({ price: '1999', currency: 'USD' });
  });

  it('refuses a fractional price on PATCH too', async () => {
    const p = await createProduct(t, bearer(key), { price: 500 });
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/products/${p.id}`, headers: bearer(key), payload: { price: 4.99 } });
    const err = expectErrorShape(res, 422, 'validation_error');
    expect(err.param).toBe('price');
    const [row] = await t.q<{ price: string }>(`select price::text as price from products where id = $1`, [p.id]);
    expect(row?.price).toBe('500');
  });

  it('refuses, naming it, a field PATCH does not take (a product\'s currency or delivery, a shop\'s slug) instead of ignoring it', async () => {
    const p = await createProduct(t, bearer(key), { price: 500 });
    for (const payload of [{ currency: 'USD' }, { delivery: 'shared' }, { price: 600, colour: 'red' }]) {
      const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/products/${p.id}`, headers: bearer(key), payload });
      const err = expectErrorShape(res, 422, 'validation_error');
      expect(err.param).toBe(Object.keys(payload).at(-1));
    }
    const [row] = await t.q<{ price: string; currency: string }>(`select price::text as price, currency from products where id = $1`, [p.id]);
    expect(row).toEqual({ price: '500', currency: 'CNY' });
    // Creating too: a misspelt field is named, never dropped (a "visiblity": "hidden" product would go on sale).
    const typo = await postProduct({ visiblity: 'hidden' });
    expect(expectErrorShape(typo, 422, 'validation_error').param).toBe('visiblity');
    const shop = await t.app.inject({ method: 'PATCH', url: '/api/v1/shop', headers: bearer(key), payload: { slug: 'another' } });
    expect(expectErrorShape(shop, 422, 'validation_error').param).toBe('slug');
  });
});
