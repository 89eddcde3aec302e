// `xiaopu start` with several web processes on one port (node:cluster), run
// as an operator would: it sells through every process without selling a key
// twice, replaces a web process that dies, and stops cleanly on SIGTERM.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase } from './helpers.ts';

function webProcesses(primary: number): number[] {
  try {
    // Children running xiaopu (not, say, the TypeScript loader's esbuild service).
    return execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(primary)]).toString().split('\n')
      .filter((l) => l.includes('xiaopu.js')).map((l) => Number(l.trim().split(/\s+/)[0])).filter((n) => n > 0);
  } catch {
    return [];
  }
}

async function waitFor<T>(what: string, fn: () => Promise<T | undefined> | T | undefined, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('xiaopu start with XIAOPU_WEB_CONCURRENCY=2', async () => {
  const db = await freshDatabase();
  const sandboxSecret = randomBytes(24).toString('base64url');
  const child: ChildProcess = spawn(process.execPath, ['bin/xiaopu.js', 'start'], {
    env: {
      ...process.env, NODE_ENV: 'development', DATABASE_URL: db, PORT: '0', XIAOPU_WEB_CONCURRENCY: '2', XIAOPU_DEMO: '1', XIAOPU_WORKER: '1',
      XIAOPU_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'xiaopu-cluster-')), XIAOPU_SANDBOX_SECRET: sandboxSecret,
      XIAOPU_CHECKOUT_LIMIT_PER_IP: '0', XIAOPU_MAX_PENDING_PER_IP: '1000', LOG_LEVEL: 'info',
    },
  });
  let stdout = '';
  child.stdout?.on('data', (d: Buffer) => { stdout += d.toString(); });
  child.stderr?.on('data', (d: Buffer) => { stdout += d.toString(); });
  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  const base = await waitFor('the banner', () => /XiaoPu is running at (http:\/\/\S+)/.exec(stdout)?.[1], 60_000);
  const primary = child.pid as number;

  async function api(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(base + url, { method, headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers }, body: body ? JSON.stringify(body) : undefined });
    const text = await res.text();
    return { status: res.status, text, json: () => JSON.parse(text) };
  }

  async function buy(productId: string, i: number): Promise<string> {
    const created = await api('POST', '/api/v1/storefront/demo/orders', { product_id: productId, quantity: 1, email: `c${i}@example.com`, query_password: 'pw12345', gateway: 'sandbox' });
    expect(created.status).toBe(201);
    const c = created.json();
    const n = { payment_id: c.payment.id, trade_no: `T${i}_${c.payment.id}`, amount: c.order.total, currency: c.order.currency, status: 'succeeded', timestamp: Math.floor(Date.now() / 1000) };
    const signature = createHmac('sha256', sandboxSecret).update(`${n.payment_id}.${n.trade_no}.${n.amount}.${n.currency}.${n.status}.${n.timestamp}`).digest('hex');
    const paid = await api('POST', '/api/v1/payments/sandbox/notify', { ...n, signature });
    expect(paid.text).toBe('success');
    const read = await api('GET', `/api/v1/storefront/orders/${c.order.number}`, undefined, { 'x-order-token': c.access_token });
    const order = read.json();
    expect(order.order.status).toBe('delivered');
    return order.deliveries[0].items[0] as string;
  }

  it('serves from two web processes and a primary, and sells each key once', async () => {
    expect(stdout).toContain('2 web processes');
    expect(webProcesses(primary)).toHaveLength(2);
    const products = (await api('GET', '/api/v1/storefront/demo/products')).json().data as { id: string; delivery: string; variants: unknown[]; stock?: { available: number } }[];
    const product = products.find((p) => p.delivery === 'card' && p.variants.length === 0 && (p.stock?.available ?? 1) > 0);
    if (!product) throw new Error('the demo shop has no product');
    const keys = await Promise.all(Array.from({ length: 12 }, (_, i) => buy(product.id, i)));
    expect(new Set(keys).size).toBe(12);
    const c = new pg.Client({ connectionString: db });
    await c.connect();
    const { rows } = await c.query(`select count(*)::int as n from (select blind_index from cards where status = 'sold' group by product_id, blind_index having count(*) > 1) d`);
    await c.end();
    expect(rows[0].n).toBe(0);
  });

  it('replaces a web process that dies, and keeps serving', async () => {
    const [victim] = webProcesses(primary);
    process.kill(victim as number, 'SIGKILL');
    await waitFor('a replacement', () => {
      const now = webProcesses(primary);
      return now.length === 2 && !now.includes(victim as number) ? now : undefined;
    });
    // The replacement listens too (three "listening" lines: two at start, one now), and the port never stopped answering.
    await waitFor('the replacement to listen', () => ((stdout.match(/Server listening/g) ?? []).length >= 3 ? true : undefined));
    expect((await api('GET', '/healthz')).status).toBe(200);
  });

  it('stops on SIGTERM: every process exits, with code 0, without waiting out the grace period', async () => {
    const web = webProcesses(primary);
    const t0 = Date.now();
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - t0).toBeLessThan(10_000);
    for (const pid of web) expect(() => process.kill(pid, 0)).toThrow();
  });
}, 120_000);
