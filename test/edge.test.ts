// What travels over the wire to a buyer on a phone: the storefront's assets
// go out precompressed (brotli or gzip), API answers are compressed when the
// client accepts it, and small answers are left alone.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../src/server/routes/web.ts';
import { setupTestApp, signupMerchant, type TestApp } from './helpers.ts';

let t: TestApp;
let slug: string;
beforeAll(async () => {
  t = await setupTestApp();
  slug = (await signupMerchant(t)).slug;
});

describe('compression', () => {
  it('serves the storefront first load compressed, at well under half its size', async () => {
    const shell = await t.app.inject({ method: 'GET', url: `/s/${slug}`, headers: { 'accept-encoding': 'br, gzip' } });
    const assets = [...readFileSync(`${WEB_DIST}store.html`, 'utf8').matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(0);
    let wire = shell.rawPayload.length;
    let plain = readFileSync(`${WEB_DIST}store.html`).length;
    for (const url of assets) {
      const res = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br, gzip' } });
      expect(res.statusCode, url).toBe(200);
      const original = readFileSync(`${WEB_DIST}${url.slice(1)}`);
      plain += original.length;
      wire += res.rawPayload.length;
      if (original.length >= 1024 && /\.(js|css)$/.test(url)) expect(res.headers['content-encoding'], url).toBe('br');
    }
    expect(wire).toBeLessThan(plain * 0.45);
    // A client that takes only gzip gets gzip.
    const js = assets.find((a) => a.endsWith('.js'))!;
    const gz = await t.app.inject({ method: 'GET', url: js, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    // One that takes nothing gets the file as it is.
    const none = await t.app.inject({ method: 'GET', url: js });
    expect(none.headers['content-encoding']).toBeUndefined();
  });

  it('compresses large API answers and leaves small ones alone', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/openapi.json', headers: { 'accept-encoding': 'gzip' } });
    expect(doc.headers['content-encoding']).toBe('gzip');
    expect(doc.rawPayload.length).toBeLessThan(JSON.stringify(await (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json()).length / 3);
    const small = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'accept-encoding': 'gzip' } });
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});
