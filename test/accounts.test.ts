// Accounts and API keys as a merchant meets them: signing up, logging in,
// CSRF on session writes, logging out, and API keys that are shown once,
// stored hashed, scoped and revocable.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, createApiKey, setupTestApp, signupMerchant, type MerchantSession, type TestApp } from './helpers.ts';

let t: TestApp;
let ipSeq = 0;
/** A fresh client address per call, so the per-IP signup/login rate limits never interfere. */
const nextIp = () => `10.77.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`;

function signup(body: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: body, remoteAddress: nextIp() });
}

function login(email: string, password: string) {
  return t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: nextIp() });
}

function uniqueSlug(prefix = 'acct'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

function sessionCookie(res: { cookies: Array<{ name: string; value: string }> }): string {
  const c = res.cookies.find((x) => x.name === 'xp_session');
  if (!c) throw new Error('no xp_session cookie');
  return `xp_session=${c.value}`;
}

/** Every row of every table in the public schema, as text: what a database dump would show. */
async function wholeDatabaseText(): Promise<string> {
  const tables = await t.q<{ table_name: string }>(
    `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const rows = await t.q<{ r: string }>(`select x::text as r from "${table_name}" x`);
    parts.push(...rows.map((r) => `${table_name}: ${r.r}`));
  }
  return parts.join('\n');
}

beforeAll(async () => {
  t = await setupTestApp();
});

describe('signup', () => {
  it('creates the account and shop, answers 201 and sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const slug = uniqueSlug('new');
    const res = await signup({ email: `Owner.${slug}@Example.com`, password: 'correct horse battery', shop_name: 'My Shop', shop_slug: slug });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toEqual({
      user: expect.objectContaining({ id: expect.stringMatching(/^usr_/), email: `owner.${slug}@example.com` }),
      merchant: { id: expect.stringMatching(/^mch_/), slug, name: 'My Shop' },
      csrf_token: expect.any(String),
    });
    expect(body.csrf_token.length).toBeGreaterThanOrEqual(20);

    const cookie = res.cookies.find((c) => c.name === 'xp_session');
    expect(cookie).toBeDefined();
    expect(cookie?.httpOnly).toBe(true);
    expect(String(cookie?.sameSite).toLowerCase()).toBe('lax');
    expect(cookie?.path).toBe('/');
    const raw = String(res.headers['set-cookie']);
    expect(raw).toMatch(/HttpOnly/i);
    expect(raw).toMatch(/SameSite=Lax/i);
    // The cookie is not the CSRF token (a script must not be able to derive one from the other).
    expect(cookie?.value).not.toBe(body.csrf_token);

    const users = await t.q<{ email: string }>(`select email from users where id = $1`, [body.user.id]);
    expect(users).toEqual([{ email: `owner.${slug}@example.com` }]);
    const members = await t.q(`select role from merchant_members where user_id = $1 and merchant_id = $2`, [body.user.id, body.merchant.id]);
    expect(members).toEqual([{ role: 'owner' }]);
  });

  it('stores the password as an argon2id hash and the session only as a hash', async () => {
    const slug = uniqueSlug('hash');
    const password = `pw-${randomBytes(6).toString('hex')}`;
    const res = await signup({ email: `${slug}@example.com`, password, shop_name: 'Hash Shop', shop_slug: slug });
    expect(res.statusCode).toBe(201);
    const [user] = await t.q<{ password_hash: string }>(`select password_hash from users where id = $1`, [res.json().user.id]);
    expect(user?.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(user?.password_hash).not.toContain(password);

    const token = sessionCookie(res).slice('xp_session='.length);
    const sessions = await t.q<{ r: string }>(`select s::text as r from sessions s where user_id = $1`, [res.json().user.id]);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.r).not.toContain(token);
  });

  it('refuses a second account with the same email (any letter case) with 409 email_taken', async () => {
    const slug = uniqueSlug('dup');
    const email = `${slug}@example.com`;
    expect((await signup({ email, password: 'correct horse battery', shop_name: 'One', shop_slug: slug })).statusCode).toBe(201);
    const again = await signup({ email: email.toUpperCase(), password: 'another password', shop_name: 'Two', shop_slug: uniqueSlug('dup2') });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ type: 'invalid_request_error', code: 'email_taken' });
    expect(await t.q(`select 1 from users where lower(email) = $1`, [email])).toHaveLength(1);
  });

  it('refuses a taken shop slug with 409 shop_slug_taken', async () => {
    const slug = uniqueSlug('taken');
    expect((await signup({ email: `a-${slug}@example.com`, password: 'correct horse battery', shop_name: 'A', shop_slug: slug })).statusCode).toBe(201);
    const again = await signup({ email: `b-${slug}@example.com`, password: 'correct horse battery', shop_name: 'B', shop_slug: slug.toUpperCase() });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ type: 'invalid_request_error', code: 'shop_slug_taken' });
    // Nothing of the refused signup is left behind.
    expect(await t.q(`select 1 from users where email = $1`, [`b-${slug}@example.com`])).toHaveLength(0);
  });

  it('answers 422 validation_error naming the field for a weak password, a bad slug or a bad email', async () => {
    const slug = uniqueSlug('weak');
    const weak = await signup({ email: `${slug}@example.com`, password: 'short', shop_name: 'Weak', shop_slug: slug });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error).toMatchObject({ type: 'invalid_request_error', code: 'validation_error', param: 'password' });

    for (const bad of ['Bad Slug!', 'a', '-leading-dash', 'trailing-dash-', 'x'.repeat(41), 'slash/shop']) {
      const res = await signup({ email: `${uniqueSlug('s')}@example.com`, password: 'correct horse battery', shop_name: 'S', shop_slug: bad });
      expect(res.statusCode, bad).toBe(422);
      expect(res.json().error, bad).toMatchObject({ code: 'validation_error', param: 'shop_slug' });
    }

    const badEmail = await signup({ email: 'not-an-email', password: 'correct horse battery', shop_name: 'E', shop_slug: uniqueSlug('e') });
    expect(badEmail.statusCode).toBe(422);
    expect(badEmail.json().error).toMatchObject({ code: 'validation_error', param: 'email' });

    expect(await t.q(`select 1 from users where email = $1`, [`${slug}@example.com`])).toHaveLength(0);
  });
});

describe('login', () => {
  let email: string;
  const password = 'correct horse battery';

  beforeAll(async () => {
    const slug = uniqueSlug('login');
    email = `${slug}@example.com`;
    expect((await signup({ email, password, shop_name: 'Login Shop', shop_slug: slug })).statusCode).toBe(201);
  });

  it('with the right password answers 200 with the user, the shop, a csrf_token and a session cookie', async () => {
    const res = await login(email.toUpperCase(), password);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ user: { email }, merchant: { slug: email.split('@')[0] }, csrf_token: expect.any(String) });
    const cookie = sessionCookie(res);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe(email);
    // The login's csrf_token is the one that works for this session.
    const write = await t.app.inject({
      method: 'POST', url: '/api/v1/products', headers: { cookie, 'x-csrf-token': body.csrf_token },
      payload: { title: 'After login', price: 100, currency: 'CNY', delivery: 'card' },
    });
    expect(write.statusCode).toBe(201);
  });

  it('answers a wrong password and an unknown email with the same 401 invalid_credentials', async () => {
    const wrong = await login(email, 'not the password');
    const unknown = await login(`nobody-${randomBytes(4).toString('hex')}@example.com`, 'not the password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ error: { type: 'authentication_error', code: 'invalid_credentials', message: expect.any(String) } });
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.cookies.find((c) => c.name === 'xp_session')).toBeUndefined();
    expect(unknown.cookies.find((c) => c.name === 'xp_session')).toBeUndefined();
  });
});

describe('login limits (issue 8, defect 8)', () => {
  it('stop guessing from one address, but let the owner in from another', async () => {
    const slug = uniqueSlug('locked');
    const owner = `${slug}@example.com`;
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', remoteAddress: nextIp(), payload: { email: owner, password: 'the right password', shop_name: 'L', shop_slug: slug } })).statusCode).toBe(201);
    const attacker = '198.51.100.99';
    const guesses = [];
    for (let i = 0; i < 12; i++) {
      guesses.push((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: attacker, payload: { email: owner, password: `guess ${i}` } })).statusCode);
    }
    expect(guesses.slice(0, 10).every((x) => x === 401)).toBe(true);
    expect(guesses.slice(10).every((x) => x === 429)).toBe(true);
    // The attacker's address is blocked even with the right password…
    const fromAttacker = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: attacker, payload: { email: owner, password: 'the right password' } });
    expect(fromAttacker.statusCode).toBe(429);
    // …while the owner, elsewhere, logs in.
    const fromOwner = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '192.0.2.55', payload: { email: owner, password: 'the right password' } });
    expect(fromOwner.statusCode, fromOwner.body).toBe(200);
  });

  it('turn new addresses away after 100 failures an hour from everywhere, but not a place the owner logged in from', async () => {
    const slug = uniqueSlug('botnet');
    const owner = `${slug}@example.com`;
    const home = '192.0.2.200';
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', remoteAddress: home, payload: { email: owner, password: 'the right password', shop_name: 'B', shop_slug: slug } })).statusCode).toBe(201);
    for (let i = 0; i < 100; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: `10.77.${Math.floor(i / 200)}.${i % 200}`, payload: { email: owner, password: `guess ${i}` } });
      expect(r.statusCode).toBe(401);
    }
    const fresh = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '203.0.113.201', payload: { email: owner, password: 'the right password' } });
    expect(fresh.statusCode).toBe(429);
    const fromHome = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: home, payload: { email: owner, password: 'the right password' } });
    expect(fromHome.statusCode, fromHome.body).toBe(200);
  });

  it('limit one address across many accounts', async () => {
    const ip = '198.51.100.98';
    const codes = [];
    for (let i = 0; i < 32; i++) {
      codes.push((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: ip, payload: { email: `spray${i}@example.com`, password: 'Summer2026!' } })).statusCode);
    }
    expect(codes.slice(0, 30).every((x) => x === 401)).toBe(true);
    expect(codes.slice(30).every((x) => x === 429)).toBe(true);
  });
});

describe('session writes and CSRF', () => {
  let m: MerchantSession;
  const product = { title: 'CSRF probe', price: 100, currency: 'CNY', delivery: 'card' };

  beforeAll(async () => {
    m = await signupMerchant(t, uniqueSlug('csrf'));
  });

  async function productCount(): Promise<number> {
    const rows = await t.q<{ n: string }>(`select count(*) as n from products where merchant_id = $1`, [m.merchantId]);
    return Number(rows[0]?.n);
  }

  it('refuses a session write without X-CSRF-Token with 403 csrf_token_invalid and writes nothing', async () => {
    const before = await productCount();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/products', headers: { cookie: m.cookie }, payload: product });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ type: 'permission_error', code: 'csrf_token_invalid' });
    expect(await productCount()).toBe(before);
  });

  it('refuses a wrong X-CSRF-Token, and another session\'s token, with 403 csrf_token_invalid', async () => {
    const other = await signupMerchant(t, uniqueSlug('csrf-other'));
    const before = await productCount();
    for (const token of ['wrong', m.csrf.slice(0, -1) + (m.csrf.endsWith('A') ? 'B' : 'A'), other.csrf, '']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/products', headers: { cookie: m.cookie, 'x-csrf-token': token }, payload: product });
      expect(res.statusCode, token).toBe(403);
      expect(res.json().error.code, token).toBe('csrf_token_invalid');
    }
    const patch = await t.app.inject({ method: 'PATCH', url: '/api/v1/products/prd_x', headers: { cookie: m.cookie }, payload: { title: 'x' } });
    expect(patch.statusCode).toBe(403);
    expect(patch.json().error.code).toBe('csrf_token_invalid');
    expect(await productCount()).toBe(before);
  });

  it('accepts session reads without a CSRF token and writes with the right one', async () => {
    const read = await t.app.inject({ method: 'GET', url: '/api/v1/products', headers: { cookie: m.cookie } });
    expect(read.statusCode).toBe(200);
    const write = await t.app.inject({ method: 'POST', url: '/api/v1/products', headers: m.headers, payload: product });
    expect(write.statusCode).toBe(201);
  });
});

describe('GET /api/v1/auth/me and logout', () => {
  it('shows the logged-in user and shop, and 401 without a session', async () => {
    const m = await signupMerchant(t, uniqueSlug('me'));
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: m.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({
      user: { id: expect.stringMatching(/^usr_/), email: `${m.slug}@example.com`, is_admin: false },
      merchant: { id: m.merchantId, slug: m.slug, name: `Shop ${m.slug}` },
      csrf_token: m.csrf,
    });
    const anon = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(anon.statusCode).toBe(401);
    expect(anon.json().error).toMatchObject({ type: 'authentication_error', code: 'unauthenticated' });
    const forged = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: 'xp_session=forged-token-value' } });
    expect(forged.statusCode).toBe(401);
  });

  it('logout needs the CSRF token, then ends the session for good', async () => {
    const m = await signupMerchant(t, uniqueSlug('bye'));
    const refused = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: m.cookie } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('csrf_token_invalid');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: m.cookie } })).statusCode).toBe(200);

    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: m.headers });
    expect(out.statusCode).toBe(204);
    const cleared = out.cookies.find((c) => c.name === 'xp_session');
    expect(cleared?.value ?? '').toBe('');

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: m.cookie } });
    expect(me.statusCode).toBe(401);
    // The old cookie and CSRF token together no longer write anything.
    const write = await t.app.inject({
      method: 'POST', url: '/api/v1/products', headers: m.headers, payload: { title: 'Ghost', price: 1, currency: 'CNY', delivery: 'card' },
    });
    expect(write.statusCode).toBe(401);
    expect(await t.q(`select 1 from products where merchant_id = $1`, [m.merchantId])).toHaveLength(0);
    const users = await t.q<{ id: string }>(`select user_id as id from merchant_members where merchant_id = $1`, [m.merchantId]);
    expect(await t.q(`select 1 from sessions where user_id = $1`, [users[0]?.id])).toHaveLength(0);
  });
});

describe('API keys', () => {
  let m: MerchantSession;

  beforeAll(async () => {
    m = await signupMerchant(t, uniqueSlug('keys'));
  });

  function mint(body: Record<string, unknown>, headers: Record<string, string> = m.headers) {
    return t.app.inject({ method: 'POST', url: '/api/v1/api_keys', headers, payload: body });
  }

  it('are created from a session with 201 and an sk_live_ secret shown once', async () => {
    const res = await mint({ name: 'CI deploy' });
    expect(res.statusCode).toBe(201);
    const key = res.json();
    expect(key).toMatchObject({ id: expect.stringMatching(/^key_/), object: 'api_key', name: 'CI deploy', mode: 'live', scopes: ['*'] });
    expect(key.secret).toMatch(/^sk_live_[0-9A-Za-z]{20,}$/);
    expect(key.last_four).toBe(key.secret.slice(-4));

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/api_keys', headers: { cookie: m.cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ object: 'list', has_more: false });
    const listed = list.json().data.find((k: { id: string }) => k.id === key.id);
    expect(listed).toMatchObject({ id: key.id, name: 'CI deploy', last_four: key.last_four, revoked_at: null });
    expect(listed).not.toHaveProperty('secret');
    expect(list.body).not.toContain(key.secret);
    expect(list.body).not.toContain(key.secret.slice('sk_live_'.length, -4));

    const one = await t.app.inject({ method: 'GET', url: `/api/v1/api_keys?limit=1`, headers: { cookie: m.cookie } });
    expect(one.body).not.toContain(key.secret);
  });

  it('stores no plaintext secret: not in the api_keys row, not anywhere in the database', async () => {
    const secret = await createApiKey(t, m);
    const body = secret.slice('sk_live_'.length);
    const rows = await t.q<{ r: string }>(`select k::text as r from api_keys k where merchant_id = $1 and last_four = $2`, [m.merchantId, secret.slice(-4)]);
    expect(rows).toHaveLength(1);
    const row = rows[0]?.r ?? '';
    expect(row).not.toContain(secret);
    expect(row).not.toContain(body);
    expect(row).not.toContain(Buffer.from(secret).toString('hex'));
    const dump = await wholeDatabaseText();
    expect(dump).not.toContain(body);
    expect(dump).not.toContain(Buffer.from(secret).toString('hex'));
  });

  it('authenticate as Authorization: Bearer, without cookie or CSRF token', async () => {
    const secret = await createApiKey(t, m);
    const made = await t.app.inject({
      method: 'POST', url: '/api/v1/products', headers: bearer(secret),
      payload: { title: 'Made by key', price: 250, currency: 'CNY', delivery: 'card' },
    });
    expect(made.statusCode).toBe(201);
    const [row] = await t.q<{ merchant_id: string }>(`select merchant_id from products where id = $1`, [made.json().id]);
    expect(row?.merchant_id).toBe(m.merchantId);
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/products/${made.json().id}`, headers: bearer(secret) });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: made.json().id, title: 'Made by key', price: 250 });
  });

  it('answers 401 invalid_api_key for an unknown or malformed key', async () => {
    for (const secret of [`sk_live_${'A'.repeat(54)}`, 'sk_live_short', 'not-a-key']) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/products', headers: bearer(secret) });
      expect(res.statusCode, secret).toBe(401);
      expect(res.json().error, secret).toMatchObject({ type: 'authentication_error', code: 'invalid_api_key' });
    }
  });

  it('stop working once revoked: 401 invalid_api_key', async () => {
    const res = await mint({ name: 'to revoke' });
    const { id, secret } = res.json();
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/products', headers: bearer(secret) })).statusCode).toBe(200);

    const revoked = await t.app.inject({ method: 'POST', url: `/api/v1/api_keys/${id}/revoke`, headers: m.headers });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ id, revoked_at: expect.any(String) });

    for (const req of [
      { method: 'GET' as const, url: '/api/v1/products' },
      { method: 'POST' as const, url: '/api/v1/products', payload: { title: 'x', price: 1, currency: 'CNY', delivery: 'card' } },
    ]) {
      const after = await t.app.inject({ ...req, headers: bearer(secret) });
      expect(after.statusCode).toBe(401);
      expect(after.json().error).toMatchObject({ type: 'authentication_error', code: 'invalid_api_key' });
    }
    const listed = (await t.app.inject({ method: 'GET', url: '/api/v1/api_keys', headers: { cookie: m.cookie } })).json();
    expect(listed.data.find((k: { id: string }) => k.id === id).revoked_at).toEqual(expect.any(String));
  });

  it('with scopes [products:read] can read products but not create them (403 missing_scope)', async () => {
    const res = await mint({ name: 'read only', scopes: ['products:read'] });
    expect(res.statusCode).toBe(201);
    expect(res.json().scopes).toEqual(['products:read']);
    const secret = res.json().secret;
    const before = await t.q(`select 1 from products where merchant_id = $1`, [m.merchantId]);

    const create = await t.app.inject({
      method: 'POST', url: '/api/v1/products', headers: bearer(secret), payload: { title: 'Nope', price: 100, currency: 'CNY', delivery: 'card' },
    });
    expect(create.statusCode).toBe(403);
    expect(create.json().error).toMatchObject({ type: 'permission_error', code: 'missing_scope' });
    expect(await t.q(`select 1 from products where merchant_id = $1`, [m.merchantId])).toHaveLength(before.length);

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/products', headers: bearer(secret) });
    expect(list.statusCode).toBe(200);
    expect(list.json().data).toHaveLength(before.length);

    const orders = await t.app.inject({ method: 'GET', url: '/api/v1/orders', headers: bearer(secret) });
    expect(orders.statusCode).toBe(403);
    expect(orders.json().error.code).toBe('missing_scope');
  });

  it('refuses unknown scopes with 422', async () => {
    const res = await mint({ name: 'bad scope', scopes: ['everything'] });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('validation_error');
  });

  it('cannot be minted, listed or revoked with an API key (403), only from a session', async () => {
    const secret = await createApiKey(t, m);
    const before = await t.q(`select id from api_keys where merchant_id = $1`, [m.merchantId]);

    const minted = await mint({ name: 'from a key' }, bearer(secret));
    expect(minted.statusCode).toBe(403);
    expect(minted.json().error).toMatchObject({ type: 'permission_error' });
    expect(minted.body).not.toMatch(/sk_live_/);

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/api_keys', headers: bearer(secret) });
    expect(list.statusCode).toBe(403);

    const victim = before[0]?.id as string;
    const revoke = await t.app.inject({ method: 'POST', url: `/api/v1/api_keys/${victim}/revoke`, headers: bearer(secret) });
    expect(revoke.statusCode).toBe(403);

    const after = await t.q<{ id: string; revoked_at: Date | null }>(`select id, revoked_at from api_keys where merchant_id = $1`, [m.merchantId]);
    expect(after).toHaveLength(before.length);
    expect(after.find((k) => k.id === victim)?.revoked_at).toBeNull();
  });

  it('answer 401 unauthenticated, like every other merchant route, when no one is logged in', async () => {
    const anon = await mint({ name: 'anonymous' }, {});
    expect(anon.statusCode).toBe(401);
    expect(anon.json().error).toMatchObject({ type: 'authentication_error', code: 'unauthenticated' });
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/api_keys' });
    expect(list.statusCode).toBe(401);
  });
});
