// XiaoPu benchmark (`npm run bench`). Starts the platform as a child process
// (`node bin/xiaopu.js start`) on a fresh temporary data dir with the embedded
// PostgreSQL, drives it over real HTTP from this process, and prints ONE JSON
// document on stdout (progress goes to stderr):
//
//   checkout    full guest checkout — create order → signed sandbox notify →
//               read the keys with X-Order-Token — as orders/s and p50/p99 ms of
//               the 3 requests together (plus per step), with 1 and 16 buyers,
//               and as a ratio of a same-run baseline: two-statement write
//               transactions per second on the same database from 16 workers.
//   flash_sale  2,000 buyers at once for 500 keys of one product; winners pay and
//               read their keys. Sold / out_of_stock / errors, create-order
//               latency, wall time, and no-double-sale checks through the API
//               (stock, every winner's keys distinct) and in the database.
//   import      100,000 unique keys streamed as one text/plain upload: keys/s
//               (and, for comparison, 100,000 more as one JSON body).
//
// The server, its PostgreSQL and the temporary directory are removed at the
// end, also on error or Ctrl-C. BENCH_ONLY=checkout (or flash_sale, import,
// comma-separated) runs a part; BENCH_NODE_ARGS adds node flags to the server
// (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`).
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
// @ts-expect-error -- a plain .mjs helper without type declarations
import { serverBuildIsCurrent } from '../scripts/freshness.mjs';

// ---------------------------------------------------------------- settings

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const POOL_SIZE = 30;
const CHECKOUT_WARMUP = 100;
const CHECKOUT_RUNS = [
  { concurrency: 1, orders: 300 },
  { concurrency: 16, orders: 2000 },
] as const;
const BASELINE_SECONDS = 5;
const FLASH_BUYERS = 2000;
const FLASH_KEYS = 500;
const IMPORT_KEYS = 1_000_000;
const IMPORT_JSON_KEYS = 100_000;
const PRICE = 990; // minor units
const CURRENCY = 'CNY';

const log = (msg: string): void => void process.stderr.write(`[bench] ${msg}\n`);

// ---------------------------------------------------------------- HTTP client

interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

interface RequestOptions {
  headers?: Record<string, string>;
  json?: unknown;
  /** Writes the request body itself (streamed uploads). */
  stream?: (req: http.ClientRequest) => Promise<void>;
}

class HttpClient {
  private readonly agent: http.Agent;
  private readonly base: URL;

  constructor(baseUrl: string, maxSockets: number) {
    this.base = new URL(baseUrl);
    this.agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  request(method: string, urlPath: string, opts: RequestOptions = {}): Promise<HttpResponse> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = { ...opts.headers };
      let payload: string | undefined;
      if (opts.json !== undefined) {
        payload = JSON.stringify(opts.json);
        headers['content-type'] = 'application/json';
        headers['content-length'] = String(Buffer.byteLength(payload));
      }
      const req = http.request(
        { host: this.base.hostname, port: this.base.port, method, path: urlPath, headers, agent: this.agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      if (opts.stream) {
        opts.stream(req).then(() => req.end(), (err: unknown) => req.destroy(err instanceof Error ? err : new Error(String(err))));
      } else {
        req.end(payload);
      }
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

function parseJson<T>(res: HttpResponse, what: string): T {
  try {
    return JSON.parse(res.body) as T;
  } catch {
    throw new Error(`${what}: HTTP ${res.status}, not JSON: ${res.body.slice(0, 200)}`);
  }
}

function expectStatus(res: HttpResponse, status: number, what: string): void {
  if (res.status !== status) throw new Error(`${what}: expected HTTP ${status}, got ${res.status}: ${res.body.slice(0, 300)}`);
}

function errorCode(res: HttpResponse): string {
  try {
    const body = JSON.parse(res.body) as { error?: { code?: string } };
    return body.error?.code ?? `http_${res.status}`;
  } catch {
    return `http_${res.status}`;
  }
}

// ---------------------------------------------------------------- API shapes (DESIGN §12)

interface SignupOut { merchant: { id: string; slug: string }; csrf_token: string }
interface ProductOut { id: string; stock: { available: number; reserved: number; sold: number; void: number } }
interface ImportOut { batch_id: string; imported: number; duplicates: number; blank: number; rejected: number; lines: number }
interface CreateOrderOut {
  order: { id: string; number: string; status: string; total: number; currency: string };
  access_token: string;
  payment: { id: string; amount: number; currency: string };
}
interface BuyerOrderOut { order: { status: string }; deliveries: { product_id: string; items: string[] }[] }

interface Merchant {
  slug: string;
  headers: Record<string, string>;
}

// ---------------------------------------------------------------- statistics

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

interface LatencySummary { p50_ms: number; p99_ms: number; mean_ms: number; max_ms: number }

function summarize(samples: number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((s, v) => s + v, 0) / (sorted.length || 1);
  return {
    p50_ms: round(percentile(sorted, 50)),
    p99_ms: round(percentile(sorted, 99)),
    mean_ms: round(mean),
    max_ms: round(sorted[sorted.length - 1] ?? NaN),
  };
}

const now = (): number => performance.now();

// ---------------------------------------------------------------- the server under test

interface Server {
  url: string;
  dataDir: string;
  sandboxSecret: string;
  child: ChildProcess;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function startServer(dataDir: string): Promise<Server> {
  // A fixed free port rather than PORT=0: the child's publicUrl (pay_url) is built from PORT.
  const port = await freePort();
  const sandboxSecret = randomBytes(24).toString('base64url');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    XIAOPU_DATA_DIR: dataDir,
    XIAOPU_MASTER_KEY: randomBytes(32).toString('hex'),
    XIAOPU_SESSION_SECRET: randomBytes(32).toString('base64url'),
    XIAOPU_SANDBOX_SECRET: sandboxSecret,
    XIAOPU_DEMO: '0',
    XIAOPU_WORKER: '0',
    XIAOPU_DB_POOL_SIZE: String(POOL_SIZE),
    XIAOPU_MAX_PENDING_PER_IP: '1000000',
    XIAOPU_MAX_PENDING_PER_EMAIL: '1000000',
    XIAOPU_CHECKOUT_LIMIT_PER_IP: '0',
    XIAOPU_CHECKOUT_LIMIT_PER_EMAIL: '0',
    XIAOPU_TRUST_PROXY: '1',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  // BENCH_NODE_ARGS: extra node flags for the server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, path.join(ROOT, 'bin/xiaopu.js'), 'start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d: Buffer) => {
    for (const line of d.toString('utf8').split('\n')) if (line.trim()) log(`server: ${line.trim()}`);
  });
  child.stderr?.on('data', (d: Buffer) => process.stderr.write(d));
  const url = `http://127.0.0.1:${port}`;
  const server: Server = { url, dataDir, sandboxSecret, child };

  const client = new HttpClient(url, 1);
  const deadline = Date.now() + 120_000;
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before answering /healthz`);
      const ok = await client.request('GET', '/healthz').then((r) => r.status === 200, () => false);
      if (ok) break;
      if (Date.now() > deadline) throw new Error('the server did not answer /healthz within 120 s');
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    client.close();
  }
  return server;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The embedded PostgreSQL's pid and port, from its lock file (see src/db/embedded.ts). */
function postmaster(dataDir: string): { pid: number; port: number; socketDir: string | undefined } | undefined {
  const file = path.join(dataDir, 'postgres', 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return Number.isInteger(pid) && pid > 0 ? { pid, port, socketDir: lines[4]?.trim() || undefined } : undefined;
}

/** The server's database; over its Unix socket when it has one (as the server connects), else loopback TCP. */
function embeddedDatabaseUrl(dataDir: string): string {
  const { password } = JSON.parse(readFileSync(path.join(dataDir, 'postgres.json'), 'utf8')) as { password: string };
  const pm = postmaster(dataDir);
  if (!pm) throw new Error('the embedded PostgreSQL is not running');
  const host = pm.socketDir ? encodeURIComponent(pm.socketDir) : '127.0.0.1';
  return `postgres://postgres:${encodeURIComponent(password)}@${host}:${pm.port}/xiaopu`;
}

/** SIGTERM lets the server close and stop its PostgreSQL; anything left over is stopped by hand. */
async function stopServer(server: Server): Promise<void> {
  const { child, dataDir } = server;
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    if (!(await waitForExit(child, 45_000))) {
      log('the server did not stop within 45 s: SIGKILL');
      child.kill('SIGKILL');
      await waitForExit(child, 5_000);
    }
    log(`server exited (${child.exitCode ?? child.signalCode})`);
  }
  // The server can exit before its PostgreSQL has finished shutting down (or before asking it to): make sure.
  const pm = postmaster(dataDir);
  if (pm && isAlive(pm.pid)) {
    log(`the embedded PostgreSQL (pid ${pm.pid}) is still running: SIGINT, waiting for it to stop`);
    process.kill(pm.pid, 'SIGINT');
    const until = Date.now() + 30_000;
    while (isAlive(pm.pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    if (isAlive(pm.pid)) process.kill(pm.pid, 'SIGQUIT');
  }
}

/** Resident memory of the server's processes (the primary and any web processes it forked), in MiB; Linux only. */
function serverRssMb(server: Server): number | null {
  const pid = server.child.pid;
  if (!pid || !existsSync(`/proc/${pid}/status`)) return null;
  const rss = (p: number): number => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : 0;
    } catch {
      return 0;
    }
  };
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)
      .filter((c) => readFileSync(`/proc/${c}/cmdline`, 'utf8').includes('xiaopu.js'));
  } catch {
    children = [];
  }
  return round([pid, ...children].reduce((sum, p) => sum + rss(p), 0));
}

/** CPU seconds used so far by the server's processes, its PostgreSQL (postmaster and backends) and this load generator (Linux only). */
function cpuSeconds(server: Server): { server: number; postgres: number; load_generator: number } | null {
  const TICK = 100; // USER_HZ
  const stat = (pid: number): { ppid: number; ticks: number } | undefined => {
    try {
      const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]) };
    } catch {
      return undefined;
    }
  };
  const serverPid = server.child.pid;
  const pm = postmaster(server.dataDir);
  if (!serverPid || !pm || !existsSync('/proc/self/stat')) return null;
  let serverTicks = 0;
  // The postmaster's own time and that of its backends that have exited (a pool closed).
  let pgTicks = stat(pm.pid)?.ticks ?? 0;
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid <= 0) continue;
    const st = stat(pid);
    if (!st) continue;
    if (pid === serverPid || st.ppid === serverPid && pid !== pm.pid) serverTicks += st.ticks;
    if (st.ppid === pm.pid) pgTicks += st.ticks;
  }
  const self = process.cpuUsage();
  return { server: serverTicks / TICK, postgres: pgTicks / TICK, load_generator: (self.user + self.system) / 1e6 };
}

/** Where the machine's CPU went between two `cpuSeconds` readings, in seconds. */
function cpuSpent(before: ReturnType<typeof cpuSeconds>, after: ReturnType<typeof cpuSeconds>) {
  if (!before || !after) return null;
  return {
    server_s: round(after.server - before.server, 2),
    postgres_s: round(after.postgres - before.postgres, 2),
    load_generator_s: round(after.load_generator - before.load_generator, 2),
  };
}

// ---------------------------------------------------------------- merchant setup

async function signup(client: HttpClient): Promise<Merchant> {
  const slug = `bench-${randomBytes(4).toString('hex')}`;
  const res = await client.request('POST', '/api/v1/auth/signup', {
    json: { email: `${slug}@example.com`, password: 'correct horse battery staple', shop_name: `Bench ${slug}`, shop_slug: slug },
  });
  expectStatus(res, 201, 'signup');
  const body = parseJson<SignupOut>(res, 'signup');
  const setCookie = res.headers['set-cookie'] ?? [];
  const session = setCookie.map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('xp_session='));
  if (!session) throw new Error('signup: no xp_session cookie');
  return { slug: body.merchant.slug, headers: { cookie: session, 'x-csrf-token': body.csrf_token } };
}

async function createProduct(client: HttpClient, m: Merchant, title: string): Promise<string> {
  const res = await client.request('POST', '/api/v1/products', {
    headers: m.headers, json: { title, price: PRICE, currency: CURRENCY, delivery: 'card' },
  });
  expectStatus(res, 201, 'create product');
  return parseJson<ProductOut>(res, 'create product').id;
}

async function getProduct(client: HttpClient, m: Merchant, id: string): Promise<ProductOut> {
  const res = await client.request('GET', `/api/v1/products/${id}`, { headers: m.headers });
  expectStatus(res, 200, 'get product');
  return parseJson<ProductOut>(res, 'get product');
}

function generateKeys(n: number, prefix: string): string[] {
  const tag = randomBytes(4).toString('hex').toUpperCase();
  return Array.from({ length: n }, (_, i) => `${prefix}-${tag}-${String(i).padStart(7, '0')}-${randomBytes(5).toString('hex').toUpperCase()}`);
}

async function importJson(client: HttpClient, m: Merchant, productId: string, cards: string[]): Promise<ImportOut> {
  const res = await client.request('POST', `/api/v1/products/${productId}/cards`, { headers: m.headers, json: { cards } });
  expectStatus(res, 201, 'import cards');
  const out = parseJson<ImportOut>(res, 'import cards');
  if (out.imported !== cards.length) throw new Error(`import cards: imported ${out.imported} of ${cards.length}`);
  return out;
}

// ---------------------------------------------------------------- the buyer

type Outcome =
  | { ok: true; keys: string[]; createMs: number; notifyMs: number; readMs: number; totalMs: number }
  | { ok: false; stage: 'create' | 'notify' | 'read'; code: string; createMs: number };

class Buyer {
  constructor(private readonly client: HttpClient, readonly server: Server, private readonly m: Merchant) {}

  createOrder(productId: string, email: string): Promise<HttpResponse> {
    // Each buyer comes from an address of their own, as on the internet (the server trusts the proxy header here).
    const h = createHmac('sha256', 'bench').update(email).digest();
    return this.client.request('POST', `/api/v1/storefront/${this.m.slug}/orders`, {
      headers: { 'x-forwarded-for': `10.${h[0]}.${h[1]}.${h[2]}` },
      json: { product_id: productId, quantity: 1, email, query_password: 'bench-pass', gateway: 'sandbox' },
    });
  }

  /** What the sandbox gateway would send for a successful payment, signed with the sandbox secret. */
  notifyBody(c: CreateOrderOut): Record<string, string | number> {
    const base = {
      payment_id: c.payment.id, trade_no: `bench_${c.payment.id}`, amount: c.order.total, currency: c.order.currency,
      status: 'succeeded', timestamp: Math.floor(Date.now() / 1000),
    };
    const payload = `${base.payment_id}.${base.trade_no}.${base.amount}.${base.currency}.${base.status}.${base.timestamp}`;
    return { ...base, signature: createHmac('sha256', this.server.sandboxSecret).update(payload, 'utf8').digest('hex') };
  }

  /** Pays an order and reads its keys; `created` is the 201 create-order response. */
  async payAndRead(created: CreateOrderOut, t0: number, createMs: number): Promise<Outcome> {
    const t1 = now();
    const paid = await this.client.request('POST', '/api/v1/payments/sandbox/notify', { json: this.notifyBody(created) });
    const t2 = now();
    if (paid.status !== 200 || paid.body !== 'success') return { ok: false, stage: 'notify', code: `http_${paid.status}_${paid.body.slice(0, 40)}`, createMs };
    const read = await this.client.request('GET', `/api/v1/storefront/orders/${created.order.number}`, { headers: { 'x-order-token': created.access_token } });
    const t3 = now();
    if (read.status !== 200) return { ok: false, stage: 'read', code: errorCode(read), createMs };
    const order = parseJson<BuyerOrderOut>(read, 'read order');
    if (order.order.status !== 'delivered') return { ok: false, stage: 'read', code: `status_${order.order.status}`, createMs };
    const keys = order.deliveries.flatMap((d) => d.items);
    if (keys.length !== 1) return { ok: false, stage: 'read', code: `delivered_${keys.length}_keys`, createMs };
    return { ok: true, keys, createMs, notifyMs: t2 - t1, readMs: t3 - t2, totalMs: t3 - t0 };
  }

  async checkout(productId: string, email: string): Promise<Outcome> {
    const t0 = now();
    const res = await this.createOrder(productId, email);
    const createMs = now() - t0;
    if (res.status !== 201) return { ok: false, stage: 'create', code: errorCode(res), createMs };
    return this.payAndRead(parseJson<CreateOrderOut>(res, 'create order'), t0, createMs);
  }
}

function countErrors(outcomes: Outcome[]): Record<string, number> {
  const errors: Record<string, number> = {};
  for (const o of outcomes) {
    if (o.ok) continue;
    const k = `${o.stage}:${o.code}`;
    errors[k] = (errors[k] ?? 0) + 1;
  }
  return errors;
}

// ---------------------------------------------------------------- 1. checkout

let buyerSeq = 0;
const buyerEmail = (run: string): string => `buyer-${run}-${++buyerSeq}@example.com`;

async function runCheckouts(buyer: Buyer, productId: string, orders: number, concurrency: number, run: string) {
  const outcomes: Outcome[] = [];
  let next = 0;
  const cpu0 = cpuSeconds(buyer.server);
  const t0 = now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < orders) {
      next++;
      outcomes.push(await buyer.checkout(productId, buyerEmail(run)));
    }
  }));
  const seconds = (now() - t0) / 1000;
  const cpu = cpuSpent(cpu0, cpuSeconds(buyer.server));
  const good = outcomes.filter((o): o is Extract<Outcome, { ok: true }> => o.ok);
  return {
    concurrency,
    orders,
    completed: good.length,
    errors: countErrors(outcomes),
    seconds: round(seconds, 2),
    orders_per_s: round(good.length / seconds),
    latency: summarize(good.map((o) => o.totalMs)),
    steps: {
      create_order: summarize(good.map((o) => o.createMs)),
      notify: summarize(good.map((o) => o.notifyMs)),
      read_keys: summarize(good.map((o) => o.readMs)),
    },
    // CPU per completed checkout (ms): what bounds orders/s on a machine whose cores these three share.
    cpu: cpu && {
      ...cpu,
      per_order_ms: {
        server: round((cpu.server_s * 1000) / good.length, 2),
        postgres: round((cpu.postgres_s * 1000) / good.length, 2),
        load_generator: round((cpu.load_generator_s * 1000) / good.length, 2),
      },
    },
    keys: good.flatMap((o) => o.keys),
  };
}

async function benchCheckout(client: HttpClient, server: Server, m: Merchant) {
  const total = CHECKOUT_WARMUP + CHECKOUT_RUNS.reduce((n, r) => n + r.orders, 0);
  const productId = await createProduct(client, m, 'Checkout bench key');
  await importJson(client, m, productId, generateKeys(total, 'CHK'));
  const buyer = new Buyer(client, server, m);

  log(`checkout: warm-up, ${CHECKOUT_WARMUP} orders`);
  const warm = await runCheckouts(buyer, productId, CHECKOUT_WARMUP, 4, 'warm');
  if (warm.completed !== CHECKOUT_WARMUP) throw new Error(`checkout warm-up failed: ${JSON.stringify(warm.errors)}`);

  const runs = [];
  const allKeys = [...warm.keys];
  const peak = Math.max(...CHECKOUT_RUNS.map((r) => r.concurrency));
  log(`baseline: ${BASELINE_SECONDS} s of two-statement write transactions from ${peak} workers`);
  const baseline = await benchBaseline(server, peak);
  log(`baseline: ${baseline.tx_per_s} tx/s, p50 ${baseline.latency.p50_ms} ms, p99 ${baseline.latency.p99_ms} ms`);
  for (const r of CHECKOUT_RUNS) {
    log(`checkout: ${r.orders} orders with ${r.concurrency} concurrent buyer(s)`);
    const { keys, ...result } = await runCheckouts(buyer, productId, r.orders, r.concurrency, `c${r.concurrency}`);
    allKeys.push(...keys);
    const ratio = round(result.orders_per_s / baseline.tx_per_s, 3);
    log(`checkout: c=${r.concurrency} ${result.orders_per_s} orders/s (${ratio} × baseline), p50 ${result.latency.p50_ms} ms, p99 ${result.latency.p99_ms} ms`);
    runs.push({ ...result, ratio_to_baseline: ratio });
  }
  const stock = (await getProduct(client, m, productId)).stock;
  return {
    baseline,
    runs,
    check: { keys_delivered: allKeys.length, distinct_keys: new Set(allKeys).size, stock_after: stock },
  };
}

// ---------------------------------------------------------------- 1b. the same-run baseline

/**
 * What the database itself sustains on this machine right now: a simple
 * two-statement write transaction (BEGIN; INSERT; UPDATE; COMMIT) from
 * `concurrency` workers over one pool of the server's size, on the server's
 * database and socket, for BASELINE_SECONDS. The checkout figures are given
 * as a ratio of it, which is steadier across machines than orders/s alone.
 */
async function benchBaseline(server: Server, concurrency: number) {
  const pool = new pg.Pool({ connectionString: embeddedDatabaseUrl(server.dataDir), max: POOL_SIZE });
  pool.on('error', () => undefined);
  try {
    await pool.query('create table if not exists bench_baseline (id bigserial primary key, worker int not null, at timestamptz not null)');
    await pool.query('create table if not exists bench_baseline_counter (worker int primary key, n bigint not null)');
    await pool.query('insert into bench_baseline_counter (worker, n) select g, 0 from generate_series(0, $1::int - 1) g on conflict do nothing', [concurrency]);
    const latencies: number[] = [];
    const until = now() + BASELINE_SECONDS * 1000;
    const t0 = now();
    await Promise.all(Array.from({ length: concurrency }, async (_, worker) => {
      while (now() < until) {
        const start = now();
        const client = await pool.connect();
        try {
          await client.query('begin');
          await client.query('insert into bench_baseline (worker, at) values ($1, now())', [worker]);
          await client.query('update bench_baseline_counter set n = n + 1 where worker = $1', [worker]);
          await client.query('commit');
        } finally {
          client.release();
        }
        latencies.push(now() - start);
      }
    }));
    const seconds = (now() - t0) / 1000;
    await pool.query('drop table bench_baseline, bench_baseline_counter');
    return { what: 'BEGIN; INSERT; UPDATE; COMMIT', concurrency, transactions: latencies.length, seconds: round(seconds, 2),
      tx_per_s: round(latencies.length / seconds), latency: summarize(latencies) };
  } finally {
    await pool.end();
  }
}

// ---------------------------------------------------------------- 2. flash sale

async function benchFlashSale(setupClient: HttpClient, server: Server, m: Merchant) {
  const productId = await createProduct(setupClient, m, 'Flash sale key');
  await importJson(setupClient, m, productId, generateKeys(FLASH_KEYS, 'FLS'));

  // One socket per buyer: every buyer really is in flight at once.
  const client = new HttpClient(server.url, FLASH_BUYERS);
  const buyer = new Buyer(client, server, m);
  log(`flash sale: ${FLASH_BUYERS} buyers for ${FLASH_KEYS} keys`);
  const createLatencies: number[] = [];
  let outOfStock = 0;
  let won = 0;
  const cpu0 = cpuSeconds(server);
  const t0 = now();
  let outcomes: Outcome[];
  try {
    outcomes = await Promise.all(Array.from({ length: FLASH_BUYERS }, async (): Promise<Outcome> => {
      const start = now();
      const res = await buyer.createOrder(productId, buyerEmail('flash'));
      const createMs = now() - start;
      createLatencies.push(createMs);
      if (res.status !== 201) {
        const code = errorCode(res);
        if (res.status === 409 && code === 'out_of_stock') outOfStock++;
        return { ok: false, stage: 'create', code, createMs };
      }
      won++;
      return buyer.payAndRead(parseJson<CreateOrderOut>(res, 'create order'), start, createMs);
    }));
  } finally {
    client.close();
  }
  const wallSeconds = (now() - t0) / 1000;
  const cpu = cpuSpent(cpu0, cpuSeconds(server));
  const winners = outcomes.filter((o): o is Extract<Outcome, { ok: true }> => o.ok);
  const errors = countErrors(outcomes.filter((o) => o.ok || o.code !== 'out_of_stock'));
  const keys = winners.flatMap((o) => o.keys);
  const stock = (await getProduct(setupClient, m, productId)).stock;
  const db = await flashSaleDbCheck(server, productId);
  // What the machine can do at all for 2,000 connections arriving at once: the same
  // buyers again once the product is sold out (every answer a refusal), and a request that does nothing.
  const floor = {
    sold_out_latency: await burst(server, FLASH_BUYERS, (c) => new Buyer(c, server, m).createOrder(productId, buyerEmail('late')), 409),
    healthz_latency: await burst(server, FLASH_BUYERS, (c) => c.request('GET', '/healthz'), 200),
    bare_node_http_latency: await bareNodeBurst(FLASH_BUYERS),
  };
  log(`flash sale floor: sold-out p99 ${floor.sold_out_latency.p99_ms} ms, /healthz p99 ${floor.healthz_latency.p99_ms} ms`);
  log(`flash sale: ${winners.length} sold through the API, ${outOfStock} out of stock, db sold ${db.sold}, ${wallSeconds.toFixed(2)} s`);
  return {
    buyers: FLASH_BUYERS,
    keys: FLASH_KEYS,
    sold: db.sold,
    orders_won: won,
    paid_and_delivered: winners.length,
    out_of_stock: outOfStock,
    other_errors: Object.values(errors).reduce((n, v) => n + v, 0),
    errors,
    duplicates: db.duplicate_keys + db.items_with_extra_keys + (keys.length - new Set(keys).size),
    create_order_latency: summarize(createLatencies),
    create_order_latency_won: summarize(outcomes.filter((o) => o.ok || o.stage !== 'create').map((o) => o.createMs)),
    create_order_latency_out_of_stock: summarize(outcomes.filter((o) => !o.ok && o.code === 'out_of_stock').map((o) => o.createMs)),
    checkout_latency_of_winners: summarize(winners.map((o) => o.totalMs)),
    wall_seconds: round(wallSeconds, 2),
    cpu,
    api_check: {
      stock,
      keys_read_by_winners: keys.length,
      distinct_keys_read: new Set(keys).size,
      ok: stock.sold === FLASH_KEYS && stock.available === 0 && stock.reserved === 0 && keys.length === FLASH_KEYS && new Set(keys).size === keys.length,
    },
    db_check: db,
    floor,
  };
}

/** The same burst against a Node HTTP server that answers at once (no framework, no database): this machine's floor. */
async function bareNodeBurst(n: number): Promise<LatencySummary> {
  const code = `const s = require('node:http').createServer((q, r) => { q.resume(); q.on('end', () => r.end('{"status":"ok"}')); });
    s.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => console.log(s.address().port));`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout?.once('data', (d: Buffer) => resolve(Number(d.toString('utf8').trim())));
      child.once('exit', () => reject(new Error('the bare HTTP server exited')));
    });
    return await burst({ url: `http://127.0.0.1:${port}` }, n, (c) => c.request('GET', '/'), 200);
  } finally {
    child.kill();
  }
}

/** `n` requests at once, one connection each; their latency (every answer must have `status`). */
async function burst(server: Pick<Server, 'url'>, n: number, send: (c: HttpClient) => Promise<HttpResponse>, status: number): Promise<LatencySummary> {
  const client = new HttpClient(server.url, n);
  try {
    const latencies = await Promise.all(Array.from({ length: n }, async () => {
      const start = now();
      const res = await send(client);
      expectStatus(res, status, 'burst');
      return now() - start;
    }));
    return summarize(latencies);
  } finally {
    client.close();
  }
}

/** Reads the embedded database directly: sold cards, and that no key went to two orders. */
async function flashSaleDbCheck(server: Server, productId: string) {
  const client = new pg.Client({ connectionString: embeddedDatabaseUrl(server.dataDir) });
  await client.connect();
  try {
    const one = async (sql: string): Promise<number> => {
      const { rows } = await client.query<{ n: string }>(sql, [productId]);
      return Number(rows[0]?.n ?? 0);
    };
    const sold = await one(`select count(*) as n from cards where product_id = $1 and status = 'sold'`);
    const checks = {
      sold,
      // the same key (blind index) sold twice
      duplicate_keys: await one(`select count(*) as n from (select blind_index from cards where product_id = $1 and status = 'sold'
                                   group by blind_index having count(*) > 1) d`),
      // one order item holding more than its one key
      items_with_extra_keys: await one(`select count(*) as n from (select order_item_id from cards where product_id = $1 and order_item_id is not null
                                       group by order_item_id having count(*) > 1) d`),
      sold_without_item: await one(`select count(*) as n from cards where product_id = $1 and status = 'sold' and order_item_id is null`),
      sold_with_unpaid_order: await one(`select count(*) as n from cards c join order_items i on i.id = c.order_item_id join orders o on o.id = i.order_id
                                          where c.product_id = $1 and c.status = 'sold' and o.status <> 'delivered'`),
      delivered_items: await one(`select count(*) as n from order_items i join orders o on o.id = i.order_id
                                   where i.product_id = $1 and o.status = 'delivered'`),
      delivered_items_without_card: await one(`select count(*) as n from order_items i join orders o on o.id = i.order_id
                                                where i.product_id = $1 and o.status = 'delivered'
                                                  and not exists (select 1 from cards c where c.order_item_id = i.id and c.status = 'sold')`),
      orders_created: await one(`select count(*) as n from order_items where product_id = $1`),
    };
    const ok = checks.sold === FLASH_KEYS && checks.duplicate_keys === 0 && checks.items_with_extra_keys === 0 && checks.sold_without_item === 0
      && checks.sold_with_unpaid_order === 0 && checks.delivered_items === sold && checks.delivered_items_without_card === 0;
    return { ...checks, ok };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------- 3. import

async function benchImport(client: HttpClient, server: Server, m: Merchant) {
  const text = await importText(client, server, m);
  // The same amount as one JSON body ({"cards": [...]}), for comparison.
  const productId = await createProduct(client, m, 'Import bench key (JSON)');
  const cards = generateKeys(IMPORT_JSON_KEYS, 'JSN');
  log(`import: ${IMPORT_JSON_KEYS} keys as one JSON body`);
  const t0 = now();
  const out = await importJson(client, m, productId, cards);
  const seconds = (now() - t0) / 1000;
  log(`import: ${out.imported} keys in ${seconds.toFixed(2)} s`);
  return {
    ...text,
    json_body: { keys: IMPORT_JSON_KEYS, imported: out.imported, seconds: round(seconds, 2), keys_per_s: Math.round(out.imported / seconds) },
  };
}

/** The preferred path: a text/plain body, one key per line, streamed with backpressure. */
async function importText(client: HttpClient, server: Server, m: Merchant) {
  const productId = await createProduct(client, m, 'Import bench key');
  const tag = randomBytes(4).toString('hex').toUpperCase();
  const salt = randomBytes(8).toString('hex').toUpperCase();
  log(`import: streaming ${IMPORT_KEYS} keys as text/plain`);
  const CHUNK = 5000;
  // The server's resident memory, sampled while it imports.
  let peakRss = serverRssMb(server) ?? 0;
  const sampler = setInterval(() => { peakRss = Math.max(peakRss, serverRssMb(server) ?? 0); }, 100);
  const cpu0 = cpuSeconds(server);
  const t0 = now();
  const res = await client.request('POST', `/api/v1/products/${productId}/cards`, {
    headers: { ...m.headers, 'content-type': 'text/plain; charset=utf-8' },
    stream: async (req) => {
      for (let start = 0; start < IMPORT_KEYS; start += CHUNK) {
        let chunk = '';
        for (let i = start; i < Math.min(IMPORT_KEYS, start + CHUNK); i++) chunk += `IMP-${tag}-${String(i).padStart(7, '0')}-${salt}\n`;
        if (!req.write(chunk)) await new Promise<void>((r) => req.once('drain', () => r()));
      }
    },
  });
  const seconds = (now() - t0) / 1000;
  clearInterval(sampler);
  const cpu = cpuSpent(cpu0, cpuSeconds(server));
  expectStatus(res, 201, 'import');
  const out = parseJson<ImportOut>(res, 'import');
  const stock = (await getProduct(client, m, productId)).stock;
  log(`import: ${out.imported} keys in ${seconds.toFixed(2)} s`);
  return {
    keys: IMPORT_KEYS,
    lines_received: out.lines,
    imported: out.imported,
    duplicates: out.duplicates,
    seconds: round(seconds, 2),
    keys_per_s: Math.round(out.imported / seconds),
    server_peak_rss_mb: round(peakRss),
    cpu,
    ok: out.lines === IMPORT_KEYS && out.imported === IMPORT_KEYS && stock.available === IMPORT_KEYS,
  };
}

// ---------------------------------------------------------------- main

const loadAtStart = os.loadavg()[0] ?? 0;

function machine() {
  const cpus = os.cpus();
  return {
    node: process.version,
    cpus: cpus.length,
    cpu_model: cpus[0]?.model.trim() ?? 'unknown',
    memory_gb: round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    /** Other work on the machine skews the figures: the load average when the bench started. */
    loadavg_1m_at_start: round(loadAtStart, 2),
  };
}

async function main(): Promise<void> {
  const started = now();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'xiaopu-bench-'));
  // mkdtemp makes it 0700; as root the embedded PostgreSQL runs as the `postgres` user and must reach it.
  chmodSync(dataDir, 0o755);
  let server: Server | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanup = (): Promise<void> => {
    cleaning ??= (async () => {
      if (server) {
        log('stopping the server');
        await stopServer(server).catch((err: unknown) => log(`stop failed: ${String(err)}`));
      }
      rmSync(dataDir, { recursive: true, force: true });
    })();
    return cleaning;
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    log(`${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    log(`starting the platform in ${dataDir}`);
    const t = now();
    server = await startServer(dataDir);
    log(`platform up at ${server.url} in ${((now() - t) / 1000).toFixed(1)} s`);

    const client = new HttpClient(server.url, 64);
    const rss: Record<string, number | null> = { after_start: serverRssMb(server) };
    try {
      const merchant = await signup(client);
      // BENCH_ONLY=checkout,flash_sale,import runs a part (for profiling).
      const only = new Set((process.env.BENCH_ONLY ?? 'checkout,flash_sale,import').split(','));
      const checkout = only.has('checkout') ? await benchCheckout(client, server, merchant) : null;
      rss.after_checkout = serverRssMb(server);
      const flashSale = only.has('flash_sale') ? await benchFlashSale(client, server, merchant) : null;
      rss.after_flash_sale = serverRssMb(server);
      const importResult = only.has('import') ? await benchImport(client, server, merchant) : null;
      rss.after_import = serverRssMb(server);
      const report = {
        machine: machine(),
        database: 'embedded',
        server: {
          process: 'child (node bin/xiaopu.js start)', db_pool_size: POOL_SIZE, worker: false,
          code: serverBuildIsCurrent(ROOT) && process.env.XIAOPU_FROM_SOURCE !== '1' ? 'build/ (compiled JavaScript)' : 'src/ through tsx',
          web_processes: process.env.XIAOPU_WEB_CONCURRENCY ?? 'default',
          rss_mb: rss,
        },
        checkout,
        flash_sale: flashSale,
        import: importResult,
        total_seconds: round((now() - started) / 1000, 1),
      };
      process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    } finally {
      client.close();
    }
  } finally {
    await cleanup();
  }
}

main().catch((err: unknown) => {
  log(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
});
