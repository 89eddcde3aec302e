// The `xiaopu` command and start-up configuration, run as an operator would.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import { freshDatabase } from './helpers.ts';

const run = promisify(execFile);
let url: string;
// One data directory for every command, as on a real install: the secrets in it key the blind index.
const dataDir = mkdtempSync(path.join(tmpdir(), 'xiaopu-cli-'));

beforeAll(async () => {
  url = await freshDatabase();
});

function xiaopu(args: string[], env: Record<string, string> = {}) {
  return run(process.execPath, ['bin/xiaopu.js', ...args], {
    env: { ...process.env, DATABASE_URL: url, XIAOPU_DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    timeout: 60_000,
  });
}

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

describe('the xiaopu command', () => {
  it('migrates, creates an admin, seeds the demo once, and imports a key file with a summary', async () => {
    expect((await xiaopu(['migrate'])).stdout).toContain('migrations applied');

    const admin = await xiaopu(['admin', 'create', '--email', 'Ops@Example.com', '--password', 'ops-password-1']);
    expect(admin.stdout).toMatch(/created admin Ops@Example.com \(usr_/);
    const again = await xiaopu(['admin', 'create', '--email', 'ops@example.com', '--password', 'ops-password-2']);
    expect(again.stdout).toContain('updated admin');
    expect(await query('select is_admin from users where lower(email) = $1', ['ops@example.com'])).toEqual([{ is_admin: true }]);
    await expect(xiaopu(['admin', 'create', '--email', 'x@example.com', '--password', 'short'])).rejects.toMatchObject({ stderr: expect.stringContaining('8 characters') });

    expect((await xiaopu(['seed-demo'])).stdout).toContain('demo created');
    expect((await xiaopu(['seed-demo'])).stdout).toContain('demo shop already exists');
    const demo = await query<{ title: string; n: string }>(`select p.title, count(*) as n from cards c join products p on p.id = c.product_id
      join merchants m on m.id = p.merchant_id where m.slug = 'demo' group by p.title order by p.title`);
    // Seeded once: a second seed-demo adds nothing.
    expect(Object.fromEntries(demo.map((r) => [r.title, Number(r.n)]))).toEqual({
      'Steam 钱包充值卡 ¥50 · Steam Wallet Code': 100, 'Steam 钱包充值卡 ¥100 · Steam Wallet Code': 40,
      '网易云音乐 黑胶 VIP 月卡 · NetEase Music VIP (1 month)': 25,
      '爱奇艺 VIP 会员 · iQIYI VIP · 1 个月': 20, '爱奇艺 VIP 会员 · iQIYI VIP · 3 个月': 10, '爱奇艺 VIP 会员 · iQIYI VIP · 12 个月': 5,
    });
    const kinds = await query<{ delivery: string; n: string }>(`select p.delivery, count(*) as n from products p join merchants m on m.id = p.merchant_id
      where m.slug = 'demo' group by p.delivery order by p.delivery`);
    expect(kinds).toEqual([{ delivery: 'card', n: '7' }, { delivery: 'license', n: '1' }, { delivery: 'manual', n: '1' }]);

    const file = path.join(mkdtempSync(path.join(tmpdir(), 'xiaopu-keys-')), 'keys.txt');
    writeFileSync(file, 'CLI-1\r\nCLI-2\n\n  CLI-3  \nCLI-2\n');
    const imported = await xiaopu(['import-cards', 'demo/steam-50', file]);
    expect(imported.stdout).toMatch(/imported 3, duplicates 1, blank 1, rejected 0 \(batch bat_/);
    expect(imported.stderr).toContain('importing [');
    const byId = await query<{ id: string }>(`select p.id from products p join merchants m on m.id = p.merchant_id where m.slug = 'demo'`);
    const repeat = await xiaopu(['import-cards', byId[0]?.id ?? '', file]);
    expect(repeat.stdout).toMatch(/imported 0, duplicates 4/);
    await expect(xiaopu(['import-cards', 'prd_missing', file])).rejects.toMatchObject({ stderr: expect.stringContaining('no product prd_missing') });
  });
});

/** Runs `xiaopu start` until it serves (then stops it with SIGTERM) or exits; returns what it printed and its exit code. */
function startOnce(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/xiaopu.js', 'start'], {
      env: { ...process.env, PORT: '0', XIAOPU_WORKER: '0', LOG_LEVEL: 'warn', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (stdout.includes('XiaoPu is running')) child.kill('SIGTERM');
    });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('production and the demo (issue 8)', () => {
  const prod = () => ({
    NODE_ENV: 'production', XIAOPU_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'xiaopu-prod-')),
    XIAOPU_MASTER_KEY: 'cd'.repeat(32), XIAOPU_SESSION_SECRET: 'p'.repeat(40),
  });

  it('starts without the demo and its published passwords', async () => {
    const db = await freshDatabase();
    const r = await startOnce({ ...prod(), DATABASE_URL: db });
    expect(r.stdout).toContain('XiaoPu is running');
    expect(r.stdout).not.toContain('admin12345');
    const c = new pg.Client({ connectionString: db });
    await c.connect();
    const { rows } = await c.query('select email from users');
    await c.end();
    expect(rows).toEqual([]);
  });

  it('refuses to start while an account logs in with a demo password, until it is changed', async () => {
    const db = await freshDatabase();
    const env = { ...prod(), DATABASE_URL: db };
    await run(process.execPath, ['bin/xiaopu.js', 'seed-demo'], { env: { ...process.env, ...env, NODE_ENV: 'development', LOG_LEVEL: 'warn' } });
    const refused = await startOnce(env);
    expect(refused.code).not.toBe(0);
    expect(refused.stdout).not.toContain('XiaoPu is running');
    expect(refused.stderr).toMatch(/refusing to start in production: admin@xiaopu\.local, demo@xiaopu\.local still log in with a published demo password/);

    // The admin's new password comes from stdin, not the command line.
    const child = spawn(process.execPath, ['bin/xiaopu.js', 'admin', 'create', '--email', 'admin@xiaopu.local'], { env: { ...process.env, ...env, LOG_LEVEL: 'warn' } });
    child.stdin.end('a much better password\n');
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(0);
    expect(out).toContain('updated admin admin@xiaopu.local');
    const still = await startOnce(env);
    expect(still.stderr).toMatch(/demo@xiaopu\.local still logs in/);
    expect(still.stderr).not.toContain('admin@xiaopu.local');

    // Someone logged in as the demo merchant with the published password; a new password ends that session.
    const c = new pg.Client({ connectionString: db });
    await c.connect();
    await c.query(`insert into sessions (id, token_hash, user_id, expires_at) select 'ses_demo', '\\x00', id, now() + interval '1 day' from users where email = 'demo@xiaopu.local'`);
    const pw = spawn(process.execPath, ['bin/xiaopu.js', 'user', 'password', '--email', 'demo@xiaopu.local'], { env: { ...process.env, ...env, LOG_LEVEL: 'warn' } });
    pw.stdin.end('another good password\n');
    let pwOut = '';
    pw.stdout.on('data', (d: Buffer) => { pwOut += d.toString(); });
    expect(await new Promise((resolve) => pw.on('exit', resolve))).toBe(0);
    expect(pwOut).toMatch(/password set for demo@xiaopu\.local .*; [1-9]\d* session\(s\) ended/);
    expect((await c.query(`select 1 from sessions where id = 'ses_demo'`)).rows).toEqual([]);
    await c.end();
    const clean = await startOnce(env);
    expect(clean.stdout).toContain('XiaoPu is running');

    // Asked for by name, a production demo runs.
    const demo = await startOnce({ ...env, XIAOPU_DEMO: '1' });
    expect(demo.stdout).toContain('XiaoPu is running');
  });

  it('prints its version and readable validation errors', async () => {
    const v = await xiaopu(['--version']);
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
    const bad = await xiaopu(['admin', 'create', '--email', 'not-an-email', '--password', 'short']).catch((e: { stderr: string; code: number }) => e);
    expect(bad).toMatchObject({ code: 2 });
    expect((bad as { stderr: string }).stderr).toMatch(/xiaopu: invalid input:\n {2}(input|email): /);
    expect((bad as { stderr: string }).stderr).not.toContain('"code"');
  });
});

describe('configuration', () => {
  it('refuses to start in production without the master key and session secret', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'xiaopu-prod-'));
    expect(() => loadConfig({ NODE_ENV: 'production', XIAOPU_DATA_DIR: dataDir })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', XIAOPU_DATA_DIR: dataDir })).toThrow(/XIAOPU_MASTER_KEY, XIAOPU_SESSION_SECRET/);
    const cfg = loadConfig({ NODE_ENV: 'production', XIAOPU_DATA_DIR: dataDir, XIAOPU_MASTER_KEY: 'ab'.repeat(32), XIAOPU_SESSION_SECRET: 's'.repeat(40) });
    expect(cfg.cookieSecure).toBe(true);
    expect(cfg.sandboxEnabled).toBe(false);
    // Production never seeds the demo unless asked for by name.
    expect(cfg.demo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', XIAOPU_DATA_DIR: dataDir, XIAOPU_MASTER_KEY: 'ab'.repeat(32), XIAOPU_SESSION_SECRET: 's'.repeat(40), XIAOPU_DEMO: '1' }).demo).toBe(true);
    expect(loadConfig({ XIAOPU_DATA_DIR: dataDir, XIAOPU_MASTER_KEY: 'ab'.repeat(32), XIAOPU_SESSION_SECRET: 's'.repeat(40) }).demo).toBe(true);
  });

  it('rejects malformed values with every problem named', () => {
    const bad = () => loadConfig({ XIAOPU_MASTER_KEY: 'short', PORT: 'eighty', XIAOPU_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'xiaopu-bad-')) });
    expect(bad).toThrow(/XIAOPU_MASTER_KEY: must be 32 bytes as 64 hex characters/);
    expect(bad).toThrow(/PORT: /);
  });

  it('generates secrets once, stores them with mode 0600, and reuses them', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'xiaopu-dev-'));
    const first = loadConfig({ XIAOPU_DATA_DIR: dataDir });
    const file = path.join(dataDir, 'secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = loadConfig({ XIAOPU_DATA_DIR: dataDir });
    expect(second.secrets.masterKey.equals(first.secrets.masterKey)).toBe(true);
    expect(second.secrets.sessionSecret).toBe(first.secrets.sessionSecret);
    expect(JSON.parse(readFileSync(file, 'utf8')).master_key).toBe(first.secrets.masterKey.toString('hex'));
    // Once generated, production starts with them.
    expect(loadConfig({ NODE_ENV: 'production', XIAOPU_DATA_DIR: dataDir }).secrets.masterKey.equals(first.secrets.masterKey)).toBe(true);
    // The environment wins over the file.
    expect(loadConfig({ XIAOPU_DATA_DIR: dataDir, XIAOPU_SANDBOX_SECRET: 'x'.repeat(20) }).secrets.sandboxSecret).toBe('x'.repeat(20));
  });
});
