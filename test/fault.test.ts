// Crash faults: kill -9 the server while buyers are paying, start it again on
// the same data directory (the embedded PostgreSQL it left running is
// adopted), and check the promises from the database: every accepted payment
// ends delivered or needs_action, and no key is sold twice. Then kill the
// server and PostgreSQL together, and check the same after recovery.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { Keyring } from '../src/lib/crypto.ts';
import { signSandboxNotify } from '../src/modules/payments/gateways/sandbox.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'xiaopu-fault-'));
const secrets = {
  XIAOPU_MASTER_KEY: randomBytes(32).toString('hex'),
  XIAOPU_SESSION_SECRET: randomBytes(32).toString('base64url'),
  XIAOPU_SANDBOX_SECRET: randomBytes(24).toString('base64url'),
};
const keyring = new Keyring({ masterKey: Buffer.from(secrets.XIAOPU_MASTER_KEY, 'hex'), sessionSecret: secrets.XIAOPU_SESSION_SECRET, sandboxSecret: secrets.XIAOPU_SANDBOX_SECRET });
let port = 0;
let server: ChildProcess | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

async function startServer(): Promise<void> {
  const env: Record<string, string> = {
    ...process.env as Record<string, string>, ...secrets, XIAOPU_DATA_DIR: dataDir, PORT: String(port), XIAOPU_DEMO: '0', LOG_LEVEL: 'warn',
    XIAOPU_MAX_PENDING_PER_IP: '100000', XIAOPU_MAX_PENDING_PER_EMAIL: '100000', XIAOPU_CHECKOUT_LIMIT_PER_IP: '0', XIAOPU_CHECKOUT_LIMIT_PER_EMAIL: '0',
  };
  delete env.DATABASE_URL;
  server = spawn(process.execPath, ['bin/xiaopu.js', 'start'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  server.stderr?.on('data', (d: Buffer) => { stderr += d.toString(); });
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return;
    } catch { /* not up yet */ }
    if (server.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not start: ${stderr}`);
}

function killServer(): void {
  server?.kill('SIGKILL');
  server = undefined;
}

function postgresPid(): number {
  return Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

async function database(): Promise<pg.Client> {
  const { password } = JSON.parse(readFileSync(path.join(dataDir, 'postgres.json'), 'utf8')) as { password: string };
  const pgPort = readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[3];
  const client = new pg.Client({ connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/xiaopu` });
  await client.connect();
  return client;
}

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server?.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  try {
    process.kill(postgresPid(), 'SIGINT');
    await new Promise((r) => setTimeout(r, 1500));
  } catch { /* already stopped */ }
  rmSync(dataDir, { recursive: true, force: true });
});

async function api(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`http://127.0.0.1:${port}${url}`, {
    method, headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers }, body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

interface Bought { paymentId: string; number: string; total: number; currency: string; tradeNo: string }

function notifyFor(b: Bought) {
  return signSandboxNotify(keyring, { payment_id: b.paymentId, trade_no: b.tradeNo, amount: b.total, currency: b.currency, status: 'succeeded', timestamp: Math.floor(Date.now() / 1000) });
}

async function checkPromises(accepted: Set<string>) {
  const db = await database();
  try {
    const { rows: bad } = await db.query<{ id: string; status: string }>(
      `select p.id, o.status from payments p join orders o on o.id = p.order_id
        where p.id = any($1) and (p.status <> 'succeeded' or o.status not in ('delivered', 'needs_action'))`, [[...accepted]]);
    expect(bad).toEqual([]);
    const { rows: twice } = await db.query(`select order_item_id, count(*) from cards where status = 'sold' group by order_item_id
        having count(*) <> (select quantity from order_items i where i.id = cards.order_item_id)`);
    expect(twice).toEqual([]);
    const { rows: [sums] } = await db.query<{ delivered_qty: string; sold: string; ledger_sum: string; paid: string; ledger_tx: string }>(
      `select (select coalesce(sum(i.quantity), 0) from order_items i join orders o on o.id = i.order_id where o.status = 'delivered') as delivered_qty,
              (select count(*) from cards where status = 'sold') as sold,
              (select coalesce(sum(amount), 0) from ledger_entries) as ledger_sum,
              (select count(*) from payments where status = 'succeeded') as paid,
              (select count(*) from ledger_transactions where kind = 'payment') as ledger_tx`);
    expect(sums?.sold).toBe(sums?.delivered_qty);
    expect(sums?.ledger_sum).toBe('0');
    expect(sums?.paid).toBe(sums?.ledger_tx);
    return sums;
  } finally {
    await db.end();
  }
}

it('keeps every accepted payment and sells no key twice across kill -9', { timeout: 240_000 }, async () => {
  port = await freePort();
  await startServer();
  const signup = await api('POST', '/api/v1/auth/signup', { email: 'fault@example.com', password: 'fault-password', shop_name: 'Fault', shop_slug: 'fault-shop' });
  expect(signup.status).toBe(201);
  const cookie = (signup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const auth = { cookie, 'x-csrf-token': (JSON.parse(signup.text) as { csrf_token: string }).csrf_token };
  const product = JSON.parse((await api('POST', '/api/v1/products', { title: 'Fault key', price: 500, currency: 'CNY', delivery: 'card' }, auth)).text) as { id: string };
  const cards = Array.from({ length: 300 }, (_, i) => `FAULT-${i}-${randomBytes(6).toString('hex')}`);
  expect((await api('POST', `/api/v1/products/${product.id}/cards`, { cards }, auth)).status).toBe(201);

  const bought: Bought[] = [];
  const accepted = new Set<string>();

  // Buyers check out and pay in a loop until the server dies under them.
  async function buyer(n: number): Promise<void> {
    for (let i = 0; ; i++) {
      try {
        const res = await api('POST', '/api/v1/storefront/fault-shop/orders', { product_id: product.id, quantity: 1, email: `b${n}-${i}@example.com`, query_password: 'pw12', gateway: 'sandbox' });
        if (res.status !== 201) continue;
        const c = JSON.parse(res.text) as { order: { number: string; total: number; currency: string }; payment: { id: string } };
        const b = { paymentId: c.payment.id, number: c.order.number, total: c.order.total, currency: c.order.currency, tradeNo: `T-${c.payment.id}` };
        bought.push(b);
        const paid = await api('POST', '/api/v1/payments/sandbox/notify', notifyFor(b));
        if (paid.status === 200 && paid.text === 'success') accepted.add(b.paymentId);
      } catch {
        return; // connection refused or reset: the server is gone
      }
    }
  }

  const buyers = Array.from({ length: 8 }, (_, n) => buyer(n));
  while (accepted.size < 40) await new Promise((r) => setTimeout(r, 20));
  killServer();
  await Promise.all(buyers);
  expect(accepted.size).toBeGreaterThanOrEqual(40);

  // Restart on the same data directory: PostgreSQL, still running, is adopted.
  const pgBefore = postgresPid();
  await startServer();
  expect(postgresPid()).toBe(pgBefore);
  await checkPromises(accepted);

  // The gateway retries every notify it did not see acknowledged; all of them settle, once.
  for (const b of bought) {
    const res = await api('POST', '/api/v1/payments/sandbox/notify', notifyFor(b));
    expect(res.text).toBe('success');
    accepted.add(b.paymentId);
  }
  const afterRetry = await checkPromises(accepted);
  expect(Number(afterRetry?.paid)).toBe(bought.length);

  // Now the hard way: the server and PostgreSQL die together, mid-payment.
  const more = Array.from({ length: 8 }, (_, n) => buyer(100 + n));
  const target = accepted.size + 30;
  while (accepted.size < target) await new Promise((r) => setTimeout(r, 20));
  process.kill(postgresPid(), 'SIGKILL');
  killServer();
  await Promise.all(more);
  await startServer();
  await checkPromises(accepted);
  for (const b of bought) expect((await api('POST', '/api/v1/payments/sandbox/notify', notifyFor(b))).text).toBe('success');
  const final = await checkPromises(new Set(bought.map((b) => b.paymentId)));
  expect(Number(final?.paid)).toBe(bought.length);
});
