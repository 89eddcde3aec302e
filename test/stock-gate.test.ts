// Checkout's admission gate (src/modules/vault/stock-gate.ts): in a flash
// sale the buyers who cannot win are turned away in memory, without a
// database round trip, while the database still decides who gets each key;
// keys added or returned to stock are sold again at once in this process and
// within a second in another.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { FRESH_MS, StockGate } from '../src/modules/vault/stock-gate.ts';
import { checkout, createProduct, importKeys, keys, setupTestApp, signupMerchant } from './helpers.ts';

const original = pg.Client.prototype.query;
afterEach(() => {
  pg.Client.prototype.query = original;
});

describe('a flash sale', async () => {
  const t = await setupTestApp({ XIAOPU_MAX_PENDING_PER_IP: '100000', XIAOPU_MAX_PENDING_PER_EMAIL: '100000' });
  const m = await signupMerchant(t);

  it('sells exactly the stock to 300 buyers at once, and turns the others away without asking the database', async () => {
    const product = await createProduct(t, m.headers, { title: 'Flash' });
    const stock = keys(50);
    await importKeys(t, m.headers, product.id, stock);
    let roundTrips = 0;
    (pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown }).query = function (this: pg.Client, ...args: unknown[]) {
      roundTrips++;
      return (original as unknown as (...a: unknown[]) => unknown).apply(this, args);
    };
    const results = await Promise.all(Array.from({ length: 300 }, (_, i) =>
      checkout(t, m.slug, product.id, { email: `flash${i}@example.com` }, `198.51.${Math.floor(i / 250)}.${i % 250}`)));
    pg.Client.prototype.query = original;
    const won = results.filter((r) => r.statusCode === 201);
    const lost = results.filter((r) => r.statusCode === 409);
    expect(won).toHaveLength(50);
    expect(lost).toHaveLength(250);
    for (const r of lost) expect(r.json().error.code).toBe('out_of_stock');
    // The winners: 2 round trips each (the first one's product read also counted the keys); the 250 who could not win: none.
    expect(roundTrips).toBeLessThanOrEqual(50 * 2);
    const rows = await t.q<{ reserved: string; distinct_items: string }>(
      `select count(*) filter (where status = 'reserved') as reserved, count(distinct order_item_id) as distinct_items from cards where product_id = $1`, [product.id]);
    expect(Number(rows[0]?.reserved)).toBe(50);
    expect(Number(rows[0]?.distinct_items)).toBe(50);
  });

  it('sells keys imported after a sell-out at once', async () => {
    const product = await createProduct(t, m.headers, { title: 'Restocked' });
    await importKeys(t, m.headers, product.id, keys(1));
    expect((await checkout(t, m.slug, product.id, { email: 'r1@example.com' }, '198.51.100.1')).statusCode).toBe(201);
    expect((await checkout(t, m.slug, product.id, { email: 'r2@example.com' }, '198.51.100.2')).statusCode).toBe(409);
    await importKeys(t, m.headers, product.id, keys(1));
    expect((await checkout(t, m.slug, product.id, { email: 'r3@example.com' }, '198.51.100.3')).statusCode).toBe(201);
  });

  it('lets a checkout that failed give its place to the next buyer', async () => {
    const product = await createProduct(t, m.headers, { title: 'One left', max_quantity: 5 });
    await importKeys(t, m.headers, product.id, keys(1));
    // A checkout the product refuses (an unknown gateway) holds nothing afterwards.
    expect((await checkout(t, m.slug, product.id, { gateway: 'nope', email: 'f1@example.com' }, '198.51.100.4')).statusCode).toBe(422);
    expect((await checkout(t, m.slug, product.id, { email: 'f2@example.com' }, '198.51.100.5')).statusCode).toBe(201);
  });

  it('a quantity the product does not allow is still a 422, not out_of_stock', async () => {
    const product = await createProduct(t, m.headers, { title: 'Limits', max_quantity: 2 });
    await importKeys(t, m.headers, product.id, keys(3));
    const res = await checkout(t, m.slug, product.id, { quantity: 5, email: 'q@example.com' }, '198.51.100.6');
    expect(res.statusCode).toBe(422);
  });

  it('keys returned to stock behind this process’s back are sold again within a second', async () => {
    const product = await createProduct(t, m.headers, { title: 'Elsewhere' });
    await importKeys(t, m.headers, product.id, keys(1));
    expect((await checkout(t, m.slug, product.id, { email: 'e1@example.com' }, '198.51.100.7')).statusCode).toBe(201);
    expect((await checkout(t, m.slug, product.id, { email: 'e2@example.com' }, '198.51.100.8')).statusCode).toBe(409);
    // Another process (its expiry job, say) puts the key back; this process is not told.
    await t.q(`update cards set status = 'available', order_item_id = null, reserved_until = null where product_id = $1`, [product.id]);
    expect((await checkout(t, m.slug, product.id, { email: 'e3@example.com' }, '198.51.100.9')).statusCode).toBe(409);
    await new Promise((r) => setTimeout(r, FRESH_MS + 100));
    expect((await checkout(t, m.slug, product.id, { email: 'e4@example.com' }, '198.51.100.10')).statusCode).toBe(201);
  });
});

describe('the gate on its own', () => {
  it('answers from the last count while a recount is under way, and waits only for a first or forgotten count', async () => {
    let clock = 0;
    const gate = new StockGate(() => clock);
    const first = await gate.enter('shop', 'prd_1', 1);
    if (first.kind !== 'leader') throw new Error(`expected to lead, got ${first.kind}`);
    // While the first count is made, the next checkout waits for it.
    let waited = false;
    const second = gate.enter('shop', 'prd_1', 1).then((a) => { waited = true; return a; });
    await new Promise((r) => setImmediate(r));
    expect(waited).toBe(false);
    expect(first.report(0)).toBeUndefined(); // sold out: the leader itself is turned away
    expect((await second).kind).toBe('refused');
    // The count is stale: the next checkout recounts; those meanwhile are judged on the old count at once.
    clock += FRESH_MS + 1;
    const recount = await gate.enter('shop', 'prd_1', 1);
    expect(recount.kind).toBe('leader');
    expect((await gate.enter('shop', 'prd_1', 1)).kind).toBe('refused');
    // Keys come back in this process (forget): that count is not trusted any more, and is waited for.
    if (recount.kind !== 'leader') throw new Error('unreachable');
    const ticket = recount.report(2);
    expect(ticket).toBeDefined();
    gate.forget('prd_1');
    const after = await gate.enter('shop', 'prd_1', 1);
    expect(after.kind).toBe('leader');
    let settled = false;
    const waiting = gate.enter('shop', 'prd_1', 1).then((a) => { settled = true; return a; });
    await new Promise((r) => setImmediate(r));
    expect(settled).toBe(false);
    if (after.kind === 'leader') after.report(5);
    expect((await waiting).kind).toBe('admitted');
    // Keys come back here while a recount is under way: that recount may have missed them, so
    // checkouts meanwhile wait for it, and the one after it counts again.
    clock += FRESH_MS + 1;
    const during = await gate.enter('shop', 'prd_1', 1);
    expect(during.kind).toBe('leader');
    gate.forget('prd_1');
    let answered = false;
    const meanwhile = gate.enter('shop', 'prd_1', 1).then((a) => { answered = true; return a; });
    await new Promise((r) => setImmediate(r));
    expect(answered).toBe(false);
    if (during.kind === 'leader') during.report(0);
    expect((await meanwhile).kind).toBe('leader');
  });
});
