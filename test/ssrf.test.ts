// A shop's own gateway URL cannot reach the platform's network (issue 8,
// defect 5): loopback, private, link-local and metadata addresses are refused
// — by the address the name resolves to, not the name — and test connection
// never reflects what such an address would have answered.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNonPublicAddress } from '../src/lib/outbound.ts';
import { adminSession, bearer, checkout, createApiKey, createProduct, importKeys, keys, setupTestApp, signupMerchant, type TestApp } from './helpers.ts';

let t: TestApp;
let internal: http.Server;
let hits = 0;
let port: number;
const SECRET = 'internal-service-secret-answer';

beforeAll(async () => {
  // Something on the platform's own network that must stay out of reach.
  internal = http.createServer((req, res) => {
    hits++;
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ code: 1, msg: SECRET, pid: '1', payurl: 'https://x.example/' }));
  });
  await new Promise<void>((r) => internal.listen(0, '127.0.0.1', r));
  port = (internal.address() as AddressInfo).port;
  t = await setupTestApp();
  const admin = await adminSession(t);
  const res = await t.app.inject({
    method: 'PUT', url: '/api/v1/admin/gateways/epay', headers: admin,
    payload: { enabled: true, settings: { version: 1, api_url: 'https://epay.example.com/', pid: '1', key: 'platform-key-123' }, merchant_configurable: true },
  });
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(() => new Promise<void>((r) => internal.close(() => r())));

describe("a shop's own gateway address", () => {
  const inside = (host: string) => `http://${host}:${port}/`;
  for (const host of ['127.0.0.1', 'localhost', '[::1]', '0x7f000001', '127.1', '[::ffff:127.0.0.1]']) {
    it(`refuses ${host} on test connection and at checkout, and reflects nothing`, async () => {
      const m = await signupMerchant(t);
      const auth = bearer(await createApiKey(t, m));
      const saved = await t.app.inject({
        method: 'PUT', url: '/api/v1/shop/gateways/epay', headers: auth,
        payload: { enabled: true, settings: { version: 1, api_url: inside(host), pid: '1', key: 'shop-key-12345', mode: 'api' } },
      });
      expect(saved.statusCode, saved.body).toBe(200);
      const before = hits;
      const test = await t.app.inject({ method: 'POST', url: '/api/v1/shop/gateways/epay/test', headers: auth });
      expect(test.statusCode, test.body).toBe(200);
      expect(test.json().ok).toBe(false);
      expect(test.json().message).toMatch(/not a public internet address/);
      expect(test.body).not.toContain(SECRET);

      const p = await createProduct(t, auth);
      await importKeys(t, auth, p.id, keys(1));
      const c = await checkout(t, m.slug, p.id, { gateway: 'epay', method: 'alipay' });
      expect(c.statusCode, c.body).toBe(502);
      expect(c.body).not.toContain(SECRET);
      expect(hits).toBe(before);
    });
  }

  it('classifies addresses by what they are, whatever their spelling', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:10.0.0.1', '::ffff:169.254.169.254', '::7f00:1', '::ffff:0:7f00:1', '2002:7f00:1::1']) {
      expect(isNonPublicAddress(a), a).toBe(true);
    }
    for (const a of ['1.1.1.1', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8']) expect(isNonPublicAddress(a), a).toBe(false);
  });
});
