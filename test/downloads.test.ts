// Download goods (delivery `download`): the shop uploads a file (streamed,
// size limit, SHA-256), a buyer pays and fetches it through an expiring
// signed link that the order page renews; downloads are counted; a refunded
// order's file is gone; the file is never reachable any other way.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bearer, checkout, createApiKey, notify, readOrder, setupTestApp, signedNotify, signupMerchant,
  type Checkout, type MerchantSession, type TestApp,
} from './helpers.ts';

let t: TestApp;
let m: MerchantSession;
let auth: Record<string, string>;
beforeAll(async () => {
  t = await setupTestApp({ XIAOPU_DOWNLOAD_MAX_MB: '1', XIAOPU_DOWNLOAD_LINK_HOURS: '2' });
  m = await signupMerchant(t);
  auth = bearer(await createApiKey(t, m));
});

async function downloadProduct() {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/products', headers: auth, payload: { title: 'Lightroom 预设包', price: 1990, currency: 'CNY', delivery: 'download' } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; download: { file: null | { id: string } } };
}

const upload = (productId: string, bytes: Buffer, filename = '预设 presets.zip', headers = auth) => t.app.inject({
  method: 'PUT', url: `/api/v1/products/${productId}/file?filename=${encodeURIComponent(filename)}`,
  headers: { ...headers, 'content-type': 'application/octet-stream' }, payload: bytes,
});

async function buy(productId: string, email = 'designer@example.com'): Promise<Checkout> {
  const c = (await checkout(t, m.slug, productId, { email })).json() as Checkout;
  expect((await notify(t, signedNotify(t, c))).statusCode).toBe(200);
  return c;
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('download products', () => {
  it('cannot be bought before a file is uploaded; the upload records size and SHA-256 and refuses files over the limit (422 file)', async () => {
    const p = await downloadProduct();
    expect(p.download).toEqual({ file: null });
    const early = await checkout(t, m.slug, p.id, { email: 'early@example.com' });
    expect(early.statusCode).toBe(409);

    const big = await upload(p.id, randomBytes(1024 * 1024 + 1));
    expect(big.statusCode, big.body).toBe(422);
    expect(big.json().error.param).toBe('file');
    const dir = path.join(t.config.dataDir, 'files', m.merchantId);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);

    const bytes = randomBytes(300_000);
    const res = await upload(p.id, bytes);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ filename: '预设 presets.zip', size: 300_000, sha256: sha(bytes) });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/products/${p.id}`, headers: auth })).json().download.file).toMatchObject({ sha256: sha(bytes) });
    const pub = (await t.app.inject({ method: 'GET', url: `/api/v1/storefront/${m.slug}/products/${p.id}` })).json().product;
    expect(pub).toMatchObject({ delivery: 'download', download: { filename: '预设 presets.zip', size: 300_000 }, stock: { unlimited: true } });

    // Only a download product takes a file; another shop cannot upload to this one.
    const card = (await t.app.inject({ method: 'POST', url: '/api/v1/products', headers: auth, payload: { title: 'k', price: 1, currency: 'CNY', delivery: 'card' } })).json();
    expect((await upload(card.id, Buffer.from('x'))).statusCode).toBe(422);
    const other = bearer(await createApiKey(t, await signupMerchant(t)));
    expect((await upload(p.id, Buffer.from('x'), 'x.zip', other)).statusCode).toBe(404);
  });

  it('delivers an expiring signed link the order page renews; the bytes match; downloads are counted; ranges resume', async () => {
    const p = await downloadProduct();
    const bytes = randomBytes(200_000);
    await upload(p.id, bytes, 'plugin.zip');
    const c = await buy(p.id);
    const order = (await readOrder(t, c.order.number, c.access_token)).json();
    const d = order.deliveries[0];
    expect(d).toMatchObject({ kind: 'download', items: [], download: { filename: 'plugin.zip', size: 200_000, sha256: sha(bytes), downloads: 0 } });
    expect(Date.parse(d.download.expires_at) - t.clock.now().getTime()).toBeLessThanOrEqual(2 * 3_600_000);

    const got = await t.app.inject({ method: 'GET', url: d.download.url });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/octet-stream');
    expect(got.headers['content-disposition']).toContain('attachment; filename="plugin.zip"');
    expect(sha(got.rawPayload)).toBe(sha(bytes));
    const part = await t.app.inject({ method: 'GET', url: d.download.url, headers: { range: 'bytes=100000-' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 100000-199999/200000');
    expect(part.rawPayload.equals(bytes.subarray(100_000))).toBe(true);
    const past = await t.app.inject({ method: 'GET', url: d.download.url, headers: { range: 'bytes=300000-' } });
    expect(past.statusCode).toBe(416);
    expect(past.headers['content-range']).toBe('bytes */200000');
    // An invalid range is ignored (the whole file); a resume against another version of the file gets it whole too.
    expect((await t.app.inject({ method: 'GET', url: d.download.url, headers: { range: 'bytes=9-3' } })).statusCode).toBe(200);
    expect(got.headers.etag).toBe(`"${sha(bytes)}"`);
    expect((await t.app.inject({ method: 'GET', url: d.download.url, headers: { range: 'bytes=10-', 'if-range': '"other"' } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: d.download.url, headers: { range: 'bytes=10-', 'if-range': got.headers.etag as string } })).statusCode).toBe(206);
    // Sent as it is (a length, no compression), whatever the browser accepts.
    const br = await t.app.inject({ method: 'GET', url: d.download.url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBeUndefined();
    expect(br.headers['content-length']).toBe('200000');
    expect((await readOrder(t, c.order.number, c.access_token)).json().deliveries[0].download.downloads).toBe(4);

    // A tampered link is unknown; an expired one says so, and the order page gives a new one that works.
    const tampered = d.download.url.replace(/signature=./, (x: string) => x.slice(0, -1) + (x.endsWith('A') ? 'B' : 'A'));
    expect((await t.app.inject({ method: 'GET', url: tampered })).statusCode).toBe(404);
    const otherDelivery = d.download.url.replace(/downloads\/ful_[^?]+/, 'downloads/ful_01abcdefghjkmnpqrstvwxyz00');
    expect((await t.app.inject({ method: 'GET', url: otherDelivery })).statusCode).toBe(404);
    t.clock.advance(3 * 3_600_000);
    const expired = await t.app.inject({ method: 'GET', url: d.download.url });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.code).toBe('link_expired');
    const fresh = (await readOrder(t, c.order.number, c.access_token)).json().deliveries[0].download.url;
    expect(fresh).not.toBe(d.download.url);
    expect((await t.app.inject({ method: 'GET', url: fresh })).statusCode).toBe(200);

    // A new upload reaches later buyers; this buyer keeps the file they bought.
    const v2 = randomBytes(1000);
    await upload(p.id, v2, 'plugin-v2.zip');
    expect(sha((await t.app.inject({ method: 'GET', url: (await readOrder(t, c.order.number, c.access_token)).json().deliveries[0].download.url })).rawPayload)).toBe(sha(bytes));
    const later = await buy(p.id, 'later@example.com');
    expect((await readOrder(t, later.order.number, later.access_token)).json().deliveries[0].download).toMatchObject({ filename: 'plugin-v2.zip', sha256: sha(v2) });
  });

  it('takes the file away when the order is refunded, and has no link before payment', async () => {
    const p = await downloadProduct();
    await upload(p.id, randomBytes(5000), 'ebook.pdf');
    const unpaid = (await checkout(t, m.slug, p.id, { email: 'unpaid@example.com' })).json() as Checkout;
    expect((await readOrder(t, unpaid.order.number, unpaid.access_token)).json().deliveries).toEqual([]);
    const c = await buy(p.id, 'refunded@example.com');
    const url = (await readOrder(t, c.order.number, c.access_token)).json().deliveries[0].download.url;
    const refund = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/refunds`, headers: auth, payload: {} });
    expect(refund.statusCode, refund.body).toBe(201);
    const gone = await t.app.inject({ method: 'GET', url });
    expect(gone.statusCode).toBe(410);
    expect(gone.json().error.code).toBe('download_unavailable');
  });

  it('answers 503 without counting when a sold file is missing from the data directory; cleans odd file names', async () => {
    const p = await downloadProduct();
    const f = (await upload(p.id, randomBytes(1000), `\u202Egpj.exe${'x'.repeat(300)}.zip`)).json();
    expect(f.filename).toBe(`gpj.exe${'x'.repeat(189)}.zip`);
    const c = await buy(p.id, 'lost@example.com');
    const url = (await readOrder(t, c.order.number, c.access_token)).json().deliveries[0].download.url;
    rmSync(path.join(t.config.dataDir, 'files', m.merchantId, f.id));
    const lost = await t.app.inject({ method: 'GET', url });
    expect(lost.statusCode).toBe(503);
    expect(lost.headers['content-disposition']).toBeUndefined();
    expect(lost.json().error.code).toBe('file_unavailable');
    expect((await readOrder(t, c.order.number, c.access_token)).json().deliveries[0].download.downloads).toBe(0);
  });

  it('deletes an unordered product with its file', async () => {
    const p = await downloadProduct();
    const f = (await upload(p.id, randomBytes(100), 'tmp.bin')).json();
    const stored = path.join(t.config.dataDir, 'files', m.merchantId, f.id);
    expect(existsSync(stored)).toBe(true);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/products/${p.id}`, headers: auth })).statusCode).toBe(204);
    expect(existsSync(stored)).toBe(false);
  });
});
