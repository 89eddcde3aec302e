// Uploads that never finish (issue 8, defect 3): a client that stops sending
// in the middle of a key file holds no transaction, no row lock and no pool
// connection; it is cut off after the idle timeout; malformed multipart bodies
// are the client's mistake (4xx); and shutdown ends in bounded time.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bearer, checkout, createApiKey, createProduct, freePort, freshDatabase, importKeys, keys, setupListeningTestApp, signupMerchant, type TestApp,
} from './helpers.ts';

let t: TestApp;
let auth: Record<string, string>;
let slug: string;
let port: number;
beforeAll(async () => {
  t = await setupListeningTestApp({ XIAOPU_UPLOAD_IDLE_SECONDS: '2' });
  port = Number(new URL(t.config.publicUrl).port);
  const m = await signupMerchant(t);
  slug = m.slug;
  auth = bearer(await createApiKey(t, m));
});

/** Sends the headers and the start of a body, then nothing more; resolves with the response when the server answers. */
function hangingUpload(p: number, productId: string, secret: string, contentType: string, start: string) {
  const socket = net.connect(p, '127.0.0.1');
  socket.write(
    `POST /api/v1/products/${productId}/cards HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${secret}\r\n`
    + `Content-Type: ${contentType}\r\nContent-Length: 10000000\r\n\r\n${start}`);
  let data = '';
  socket.on('data', (d) => { data += d.toString(); });
  socket.on('error', () => undefined);
  const answered = new Promise<string>((resolve) => socket.on('close', () => resolve(data)));
  return { socket, answered };
}

async function openTransactions(): Promise<number> {
  const [r] = await t.q<{ n: string }>(
    `select count(*) as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`);
  return Number(r!.n);
}

describe('a key upload that stops halfway', () => {
  it('holds nothing while 25 such uploads hang, and each is cut off: 408 after the idle time, or 429 past two at once per shop', async () => {
    const p = await createProduct(t, auth);
    const hung = Array.from({ length: 25 }, (_, i) => i % 2 === 0
      ? hangingUpload(port, p.id, auth.authorization!, 'text/plain', 'KEY-A\nKEY-B\n')
      : hangingUpload(port, p.id, auth.authorization!, 'multipart/form-data; boundary=XX',
        '--XX\r\nContent-Disposition: form-data; name="file"; filename="k.txt"\r\nContent-Type: text/plain\r\n\r\nKEY-C\nKEY-D\n'));
    await new Promise((r) => setTimeout(r, 500));
    // The platform still serves: a product can be stocked and sold, and nothing waits in a transaction.
    expect(await openTransactions()).toBe(0);
    await importKeys(t, auth, p.id, keys(2));
    const sale = await checkout(t, slug, p.id);
    expect(sale.statusCode, sale.body).toBe(201);
    const answers = await Promise.all(hung.map((h) => h.answered));
    expect(answers.filter((a) => /^HTTP\/1\.1 408 .*"code":"upload_timeout"/s.test(a))).toHaveLength(2);
    expect(answers.filter((a) => /^HTTP\/1\.1 429 .*"code":"too_many_uploads"/s.test(a))).toHaveLength(23);
    // …each telling the client when to try again.
    expect(answers.filter((a) => /^HTTP\/1\.1 429 .*\r\nretry-after: 10\r\n/is.test(a))).toHaveLength(23);
    const [batches] = await t.q<{ n: string }>('select count(*) as n from card_batches where product_id = $1', [p.id]);
    expect(Number(batches!.n)).toBe(1);
    expect(readdirSync(path.join(t.config.dataDir, 'tmp'))).toEqual([]);
  });

  it('skips a key the database cannot store (a NUL) as rejected, and imports the rest', async () => {
    const p = await createProduct(t, auth);
    const res = await t.app.inject({
      method: 'POST', url: `/api/v1/products/${p.id}/cards`, headers: { ...auth, 'content-type': 'text/plain' }, payload: 'GOOD-KEY-0001\nBAD-KEY-\u0000-0002\nGOOD-KEY-0003\n',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ imported: 2, rejected: 1 });
  });

  it('refuses malformed multipart bodies with 4xx', async () => {
    const p = await createProduct(t, auth);
    const tries = [
      'multipart/form-data',
      `multipart/form-data; boundary=${'b'.repeat(5000)}`,
      'multipart/form-data; boundary=',
      'multipart/form-data; boundary=XX',
    ];
    for (const type of tries) {
      const res = await t.app.inject({
        method: 'POST', url: `/api/v1/products/${p.id}/cards`, headers: { ...auth, 'content-type': type }, payload: 'not a multipart body at all',
      });
      expect(res.statusCode, `${type}: ${res.body}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${type}: ${res.body}`).toBeLessThan(500);
      expect(res.json().error.code).toBeTypeOf('string');
    }
  });
});

describe('shutdown', () => {
  it('ends in bounded time while an upload hangs', async () => {
    const db = await freshDatabase();
    const p = await freePort();
    const child = spawn(process.execPath, ['bin/xiaopu.js', 'start'], {
      env: {
        ...process.env, DATABASE_URL: db, PORT: String(p), XIAOPU_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'xiaopu-stop-')),
        XIAOPU_DEMO: '0', XIAOPU_WORKER: '1', LOG_LEVEL: 'warn', XIAOPU_SHUTDOWN_TIMEOUT_SECONDS: '2', XIAOPU_UPLOAD_IDLE_SECONDS: '600',
      },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await expect.poll(() => out, { timeout: 30_000 }).toContain('XiaoPu is running');
    const base = `http://127.0.0.1:${p}`;
    const su = await fetch(`${base}/api/v1/auth/signup`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'stop@example.com', password: 'correct horse battery', shop_name: 'Stop', shop_slug: 'stop-shop' }),
    });
    const cookie = su.headers.get('set-cookie')!.split(';')[0]!;
    const csrf = (await su.json()).csrf_token;
    const key = await (await fetch(`${base}/api/v1/api_keys`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' }, body: '{"name":"k"}' })).json();
    const prod = await (await fetch(`${base}/api/v1/products`, {
      method: 'POST', headers: { authorization: `Bearer ${key.secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'K', price: 100, currency: 'CNY', delivery: 'card' }),
    })).json();
    const hung = hangingUpload(p, prod.id, `Bearer ${key.secret}`, 'text/plain', 'KEY-1\n');
    await new Promise((r) => setTimeout(r, 300));
    const asked = Date.now();
    child.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running'), 20_000))]);
    if (code === 'still running') child.kill('SIGKILL');
    expect(code).toBe(0);
    expect(Date.now() - asked).toBeLessThan(15_000);
    hung.socket.destroy();
  });
});
