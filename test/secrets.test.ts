// After an import and a sale, a plain-text dump of the whole database holds
// none of the card keys, query passwords, API key secrets or session tokens.
import { generateKeyPairSync } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import {
  adminSession, checkout, createApiKey, bearer, createProduct, importKeys, keys, notify, readOrder, setupTestApp, signedNotify, signupMerchant,
  type Checkout, type TestApp,
} from './helpers.ts';

let t: TestApp;

beforeAll(async () => {
  t = await setupTestApp();
});

/**
 * Every row of every table in every schema, as text (what a plain `pg_dump`
 * would write for the data). bytea columns appear in hex, so we search both.
 */
async function dumpDatabase(): Promise<string> {
  const tables = await t.q<{ schema: string; name: string }>(
    `select table_schema as schema, table_name as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`);
  expect(tables.length).toBeGreaterThan(15);
  const parts: string[] = [];
  for (const tb of tables) {
    const rows = await t.q<{ r: string }>(`select x::text as r from "${tb.schema}"."${tb.name}" x`);
    parts.push(`-- ${tb.schema}.${tb.name}`, ...rows.map((r) => r.r));
  }
  return parts.join('\n');
}

it('keeps every secret out of the database in the clear', async () => {
  const m = await signupMerchant(t, 'secret-shop');
  const apiSecret = await createApiKey(t, m);
  const product = await createProduct(t, bearer(apiSecret), { price: 1200 });
  const cards = keys(20, 'SECRETKEY');
  await importKeys(t, bearer(apiSecret), product.id, cards);
  const queryPassword = 'my-very-own-query-password';
  const c = (await checkout(t, m.slug, product.id, { quantity: 3, query_password: queryPassword })).json() as Checkout;
  expect((await notify(t, signedNotify(t, c))).body).toBe('success');
  const delivered = (await readOrder(t, c.order.number, c.access_token)).json();
  expect(delivered.deliveries[0].items).toHaveLength(3);
  const lookup = await t.app.inject({ method: 'POST', url: '/api/v1/storefront/orders/lookup', payload: { number: c.order.number, query_password: queryPassword } });
  expect(lookup.json().orders).toHaveLength(1);

  // Gateway secrets saved by the admin.
  const admin = await adminSession(t);
  const epayKey = 'epay-merchant-key-0123456789abcdef';
  const privateKey = String(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
  const platformKey = String(generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }));
  const saved1 = await t.app.inject({ method: 'PUT', url: '/api/v1/admin/gateways/epay', headers: admin,
    payload: { enabled: false, settings: { version: 1, api_url: 'https://pay.example.com', pid: '1001', key: epayKey } } });
  expect(saved1.statusCode, saved1.body).toBe(200);
  const saved2 = await t.app.inject({ method: 'PUT', url: '/api/v1/admin/gateways/epay', headers: admin,
    payload: { enabled: false, settings: { version: 2, api_url: 'https://pay.example.com', pid: '1001', merchant_private_key: privateKey, platform_public_key: platformKey } } });
  expect(saved2.statusCode, saved2.body).toBe(200);

  const dump = await dumpDatabase();
  // The dump is real: it holds the order and the shop.
  expect(dump).toContain(c.order.number);
  expect(dump).toContain('secret-shop');
  const secrets = [
    ...cards,
    queryPassword,
    apiSecret,
    c.access_token,
    m.cookie.replace('xp_session=', ''),
    'correct horse battery', // the merchant's account password
    t.config.secrets.sandboxSecret,
    t.config.secrets.masterKey.toString('hex'),
    t.config.secrets.sessionSecret,
    epayKey,
    // The private key's base64 body, line by line (any line would leak part of it).
    ...privateKey.split('\n').filter((l) => l.length > 40),
  ];
  for (const secret of secrets) {
    expect(dump.includes(secret), `found ${secret.slice(0, 12)}… in the dump`).toBe(false);
    expect(dump.includes(Buffer.from(secret).toString('hex')), `found ${secret.slice(0, 12)}… (hex) in the dump`).toBe(false);
    expect(dump.includes(Buffer.from(secret).toString('base64')), `found ${secret.slice(0, 12)}… (base64) in the dump`).toBe(false);
  }
});
