// Test harness: a fresh database per test file (cloned from the migrated
// template), the real app in memory (app.inject), and helpers that act like
// a merchant, a buyer and the sandbox gateway would.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { loadConfig, type Config } from '../src/config.ts';
import { createDatabase } from '../src/db/client.ts';
import { ManualClock } from '../src/lib/clock.ts';
import { createAdmin } from '../src/modules/accounts/create-admin.ts';
import { signSandboxNotify } from '../src/modules/payments/gateways/sandbox.ts';
import type { Services } from '../src/modules/shared/context.ts';
import { createLogger, createServices } from '../src/runtime.ts';
import { buildApp, type App } from '../src/server/app.ts';

export function dbUrl(db: string): string {
  const u = new URL(inject('adminDatabaseUrl'));
  u.pathname = `/${db}`;
  return u.toString();
}

/** Creates a database from the migrated template; returns its URL. Dropped after the file. */
export async function freshDatabase(): Promise<string> {
  const name = `xiaopu_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject('templateDatabase')}`);
  await admin.end();
  afterAll(async () => {
    const c = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  });
  return dbUrl(name);
}

export function testEnv(url: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: url,
    XIAOPU_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'xiaopu-test-')),
    XIAOPU_MASTER_KEY: randomBytes(32).toString('hex'),
    XIAOPU_SESSION_SECRET: randomBytes(32).toString('base64url'),
    XIAOPU_SANDBOX_SECRET: randomBytes(24).toString('base64url'),
    XIAOPU_WORKER: '0',
    XIAOPU_DEMO: '0',
    // Tests buy many times from one address; the anti-hoarding limits have their own tests.
    XIAOPU_CHECKOUT_LIMIT_PER_IP: '0',
    XIAOPU_CHECKOUT_LIMIT_PER_EMAIL: '0',
    XIAOPU_MAX_PENDING_PER_IP: '200',
    XIAOPU_MAX_PENDING_PER_EMAIL: '50',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
    ...extra,
  };
}

export interface TestApp {
  app: App;
  services: Services;
  config: Config;
  clock: ManualClock;
  url: string;
  q<T extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export async function setupTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const url = await freshDatabase();
  const config = loadConfig(testEnv(url, env));
  const database = createDatabase(url, 30);
  const clock = new ManualClock(new Date());
  const log = createLogger(config);
  const services = createServices(config, database, log, clock);
  const app = await buildApp(services, log);
  afterAll(async () => {
    await app.close();
    await database.close();
  });
  return {
    app, services, config, clock, url,
    q: async (sql, params) => (await database.pool.query(sql, params)).rows,
  };
}

export interface MerchantSession {
  cookie: string;
  csrf: string;
  merchantId: string;
  slug: string;
  /** headers for session-authenticated writes */
  headers: Record<string, string>;
}

export async function signupMerchant(t: TestApp, slug = `shop-${randomBytes(4).toString('hex')}`): Promise<MerchantSession> {
  const res = await t.app.inject({
    method: 'POST', url: '/api/v1/auth/signup',
    payload: { email: `${slug}@example.com`, password: 'correct horse battery', shop_name: `Shop ${slug}`, shop_slug: slug },
    remoteAddress: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  });
  if (res.statusCode !== 201) throw new Error(`signup failed: ${res.statusCode} ${res.body}`);
  const body = res.json();
  const cookie = res.cookies.find((c) => c.name === 'xp_session');
  if (!cookie) throw new Error('no session cookie');
  const cookieHeader = `xp_session=${cookie.value}`;
  return {
    cookie: cookieHeader, csrf: body.csrf_token, merchantId: body.merchant.id, slug,
    headers: { cookie: cookieHeader, 'x-csrf-token': body.csrf_token },
  };
}

export async function createApiKey(t: TestApp, m: MerchantSession, scopes?: string[]): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/api_keys', headers: m.headers, payload: { name: 'test', ...(scopes ? { scopes } : {}) } });
  if (res.statusCode !== 201) throw new Error(`api key failed: ${res.statusCode} ${res.body}`);
  return res.json().secret;
}

export async function createProduct(t: TestApp, auth: Record<string, string>, body: Record<string, unknown> = {}) {
  const res = await t.app.inject({
    method: 'POST', url: '/api/v1/products', headers: auth,
    payload: { title: 'Game key', price: 1000, currency: 'CNY', delivery: 'card', ...body },
  });
  if (res.statusCode !== 201) throw new Error(`product failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; price: number; currency: string };
}

export async function importKeys(t: TestApp, auth: Record<string, string>, productId: string, cards: string[]) {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/products/${productId}/cards`, headers: auth, payload: { cards } });
  if (res.statusCode !== 201) throw new Error(`import failed: ${res.statusCode} ${res.body}`);
  return res.json() as { imported: number; duplicates: number; batch_id: string };
}

export function bearer(secret: string): Record<string, string> {
  return { authorization: `Bearer ${secret}` };
}

export function keys(n: number, prefix = 'KEY'): string[] {
  const tag = randomBytes(3).toString('hex').toUpperCase();
  return Array.from({ length: n }, (_, i) => `${prefix}-${tag}-${String(i).padStart(6, '0')}-${randomBytes(4).toString('hex').toUpperCase()}`);
}

export interface Checkout {
  order: { id: string; number: string; status: string; total: number; currency: string; expires_at: string };
  access_token: string;
  payment: { id: string; gateway: string; pay_url: string; amount: number; currency: string };
}

export async function checkout(t: TestApp, slug: string, productId: string, over: Record<string, unknown> = {}, ip = '203.0.113.7') {
  return t.app.inject({
    method: 'POST', url: `/api/v1/storefront/${slug}/orders`, remoteAddress: ip,
    payload: { product_id: productId, quantity: 1, email: 'buyer@example.com', query_password: 'letmein', gateway: 'sandbox', ...over },
  });
}

export function signedNotify(t: TestApp, c: Pick<Checkout, 'payment' | 'order'>, over: Record<string, unknown> = {}) {
  const base = {
    payment_id: c.payment.id, trade_no: `T${c.payment.id.slice(4)}`, amount: c.order.total, currency: c.order.currency,
    status: 'succeeded', timestamp: Math.floor(Date.now() / 1000),
  };
  return { ...signSandboxNotify(t.services.keyring, base), ...over };
}

export async function notify(t: TestApp, payload: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/api/v1/payments/sandbox/notify', payload });
}

export async function readOrder(t: TestApp, number: string, token: string) {
  return t.app.inject({ method: 'GET', url: `/api/v1/storefront/orders/${number}`, headers: { 'x-order-token': token } });
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A test app that also listens on a real port (its public URL), for gateways
 * that call us back over HTTP. The port is chosen before the app exists (its
 * URL is configuration), so another process may take it in between: then try
 * another.
 */
export async function setupListeningTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const t = await setupTestApp({ PORT: String(port), XIAOPU_PUBLIC_URL: `http://127.0.0.1:${port}`, ...env });
    try {
      await t.app.listen({ port, host: '127.0.0.1' });
      return t;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 5) throw err;
    }
  }
}

/** Creates a platform admin and logs in: headers for session-authenticated admin calls. */
export async function adminSession(t: TestApp, email = `root-${randomBytes(3).toString('hex')}@example.com`): Promise<Record<string, string>> {
  await createAdmin(t.services, { email, password: 'admin-password-1' });
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: 'admin-password-1' } });
  if (res.statusCode !== 200) throw new Error(`admin login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'xp_session')!;
  return { cookie: `xp_session=${cookie.value}`, 'x-csrf-token': res.json().csrf_token };
}

/** An order's status and how many ledger transactions its payments posted (what a double-settlement would change). */
export async function orderState(t: TestApp, orderId: string): Promise<{ status: string; ledger: number }> {
  const [o] = await t.q<{ status: string }>('select status from orders where id = $1', [orderId]);
  const ledger = await t.q('select 1 from ledger_transactions lt join payments p on p.id = lt.cause_id where p.order_id = $1', [orderId]);
  return { status: o!.status, ledger: ledger.length };
}
