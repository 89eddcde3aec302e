// Expiry, late payments, needs_action and the admin's hand confirmation.
import { beforeAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../src/modules/accounts/create-admin.ts';
import { expireOrders } from '../src/modules/flows/expire-orders.ts';
import {
  checkout, createProduct, importKeys, keys, notify, readOrder, setupTestApp, signedNotify, signupMerchant,
  type Checkout, type MerchantSession, type TestApp,
} from './helpers.ts';

let t: TestApp;
let m: MerchantSession;
let admin: Record<string, string>;

beforeAll(async () => {
  t = await setupTestApp({ XIAOPU_RESERVATION_TTL_SECONDS: '600' });
  m = await signupMerchant(t, 'life-shop');
  await createAdmin(t.services, { email: 'root@example.com', password: 'admin-password-1' });
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'root@example.com', password: 'admin-password-1' } });
  const cookie = res.cookies.find((c) => c.name === 'xp_session');
  admin = { cookie: `xp_session=${cookie?.value}`, 'x-csrf-token': res.json().csrf_token };
});

async function stock(productId: string) {
  return (await t.app.inject({ method: 'GET', url: `/api/v1/products/${productId}`, headers: m.headers })).json().stock;
}

describe('expiry', () => {
  it('expires unpaid orders after the reservation TTL and returns their keys', async () => {
    const product = await createProduct(t, m.headers);
    await importKeys(t, m.headers, product.id, keys(3));
    const c = (await checkout(t, m.slug, product.id, { quantity: 2 })).json() as Checkout;
    expect(new Date(c.order.expires_at).getTime() - t.clock.now().getTime()).toBe(600_000);
    expect(await stock(product.id)).toMatchObject({ available: 1, reserved: 2 });

    t.clock.advance(599_000);
    await expireOrders(t.services);
    expect((await readOrder(t, c.order.number, c.access_token)).json().order.status).toBe('pending_payment');

    t.clock.advance(2_000);
    await expireOrders(t.services);
    expect((await readOrder(t, c.order.number, c.access_token)).json().order.status).toBe('expired');
    expect(await stock(product.id)).toMatchObject({ available: 3, reserved: 0 });
    const cards = await t.q(`select * from cards where product_id = $1 and (order_item_id is not null or reserved_until is not null)`, [product.id]);
    expect(cards).toEqual([]);
  });

  it('delivers a late payment when stock is still there', async () => {
    const product = await createProduct(t, m.headers);
    await importKeys(t, m.headers, product.id, keys(2));
    const c = (await checkout(t, m.slug, product.id)).json() as Checkout;
    t.clock.advance(700_000);
    await expireOrders(t.services);
    expect((await notify(t, signedNotify(t, c))).body).toBe('success');
    const body = (await readOrder(t, c.order.number, c.access_token)).json();
    expect(body.order.status).toBe('delivered');
    expect(body.deliveries[0].items).toHaveLength(1);
    expect(await stock(product.id)).toMatchObject({ available: 1, sold: 1 });
  });

  it('parks a late payment with no stock left in needs_action, visible to merchant and admin', async () => {
    const product = await createProduct(t, m.headers);
    await importKeys(t, m.headers, product.id, keys(1));
    const late = (await checkout(t, m.slug, product.id, { email: 'late@example.com' })).json() as Checkout;
    t.clock.advance(700_000);
    await expireOrders(t.services);
    // Someone else buys the only key meanwhile.
    const other = (await checkout(t, m.slug, product.id, { email: 'other@example.com' })).json() as Checkout;
    expect((await notify(t, signedNotify(t, other))).body).toBe('success');

    expect((await notify(t, signedNotify(t, late))).body).toBe('success');
    const body = (await readOrder(t, late.order.number, late.access_token)).json();
    expect(body.order.status).toBe('needs_action');
    expect(body.deliveries).toEqual([]);
    // The money is accounted for even though nothing was delivered.
    const ledger = await t.q<{ n: string }>(`select count(*) as n from ledger_transactions where cause_id = $1`, [late.payment.id]);
    expect(ledger[0]?.n).toBe('1');

    const merchantView = await t.app.inject({ method: 'GET', url: '/api/v1/orders?status=needs_action', headers: m.headers });
    expect(merchantView.json().data).toEqual([expect.objectContaining({ id: late.order.id, needs_action_reason: 'out_of_stock_after_expiry' })]);
    const adminView = await t.app.inject({ method: 'GET', url: '/api/v1/admin/orders?status=needs_action', headers: admin });
    expect(adminView.statusCode).toBe(200);
    expect(adminView.json().data.map((o: { id: string }) => o.id)).toContain(late.order.id);

    expect((await notify(t, signedNotify(t, late))).body).toBe('success'); // a repeat changes nothing
    expect((await readOrder(t, late.order.number, late.access_token)).json().order.status).toBe('needs_action');

    // Retrying before restocking leaves it parked; after restocking it delivers, once.
    const retryUrl = `/api/v1/orders/${late.order.id}/retry_fulfilment`;
    expect((await t.app.inject({ method: 'POST', url: retryUrl, headers: m.headers })).json()).toEqual({ result: 'still_out_of_stock' });
    await importKeys(t, m.headers, product.id, keys(1, 'RESTOCK'));
    expect((await t.app.inject({ method: 'POST', url: retryUrl, headers: m.headers })).json()).toEqual({ result: 'delivered' });
    expect((await t.app.inject({ method: 'POST', url: retryUrl, headers: m.headers })).json()).toEqual({ result: 'not_needs_action', status: 'delivered' });
    const done = (await readOrder(t, late.order.number, late.access_token)).json();
    expect(done.order.status).toBe('delivered');
    expect(done.deliveries[0].items[0]).toMatch(/^RESTOCK-/);
  });
});

describe('admin confirms a payment by hand', () => {
  it('settles once, audits it, and a second confirmation is a no-op', async () => {
    const product = await createProduct(t, m.headers, { price: 3000 });
    await importKeys(t, m.headers, product.id, keys(2));
    const c = (await checkout(t, m.slug, product.id)).json() as Checkout;
    const url = `/api/v1/admin/payments/${c.payment.id}/confirm`;
    const noNote = await t.app.inject({ method: 'POST', url, headers: admin, payload: {} });
    expect(noNote.statusCode).toBe(422);
    const first = await t.app.inject({ method: 'POST', url, headers: admin, payload: { note: 'bank statement line 42' } });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ result: 'delivered', order_id: c.order.id });
    const second = await t.app.inject({ method: 'POST', url, headers: admin, payload: { note: 'again' } });
    expect(second.json()).toEqual({ result: 'duplicate', order_id: c.order.id });
    expect((await readOrder(t, c.order.number, c.access_token)).json().deliveries[0].items).toHaveLength(1);
    const audit = await t.q<{ action: string; actor_type: string }>(`select action, actor_type from audit_log where target_id = $1 order by id`, [c.payment.id]);
    expect(audit).toEqual([{ action: 'payment.confirm_manually', actor_type: 'admin' }, { action: 'payment.confirm_manually', actor_type: 'admin' }]);
    const ledger = await t.q<{ n: string }>(`select count(*) as n from ledger_transactions where cause_id = $1`, [c.payment.id]);
    expect(ledger[0]?.n).toBe('1');
    // A merchant cannot reach it.
    const asMerchant = await t.app.inject({ method: 'POST', url, headers: m.headers, payload: { note: 'x' } });
    expect(asMerchant.statusCode).toBe(404);
  });

  it('settles and audits in one transaction: if the audit row cannot be written, nothing is settled', async () => {
    const product = await createProduct(t, m.headers, { price: 1200 });
    await importKeys(t, m.headers, product.id, keys(1));
    const c = (await checkout(t, m.slug, product.id)).json() as Checkout;
    // Fault: the audit insert fails (as a full disk or a dropped connection would).
    await t.q(`create or replace function refuse_confirm_audit() returns trigger language plpgsql as $$
      begin if new.action = 'payment.confirm_manually' then raise exception 'audit write failed (injected)'; end if; return new; end $$`);
    await t.q('create trigger refuse_confirm_audit before insert on audit_log for each row execute function refuse_confirm_audit()');
    try {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/admin/payments/${c.payment.id}/confirm`, headers: admin, payload: { note: 'fault' } });
      expect(res.statusCode).toBe(500);
      const [o] = await t.q<{ status: string }>('select status from orders where id = $1', [c.order.id]);
      expect(o!.status).toBe('pending_payment');
      const [p] = await t.q<{ status: string }>('select status from payments where id = $1', [c.payment.id]);
      expect(p!.status).toBe('pending');
      expect(await t.q('select 1 from ledger_transactions where cause_id = $1', [c.payment.id])).toHaveLength(0);
    } finally {
      await t.q('drop trigger refuse_confirm_audit on audit_log');
    }
    // Once the fault is gone, the same confirmation settles and is audited.
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/admin/payments/${c.payment.id}/confirm`, headers: admin, payload: { note: 'fault gone' } });
    expect(again.json()).toEqual({ result: 'delivered', order_id: c.order.id });
  });
});

describe('lookup', () => {
  it('finds orders by number or email with the query password; wrong and unknown look the same', async () => {
    const product = await createProduct(t, m.headers);
    await importKeys(t, m.headers, product.id, keys(3));
    const c1 = (await checkout(t, m.slug, product.id, { email: 'Finder@Example.com', query_password: 'pw-one' }, '198.18.0.1')).json() as Checkout;
    const c2 = (await checkout(t, m.slug, product.id, { email: 'finder@example.com', query_password: 'pw-two' }, '198.18.0.1')).json() as Checkout;
    const look = (body: Record<string, unknown>, ip = '198.18.1.1') =>
      t.app.inject({ method: 'POST', url: '/api/v1/storefront/orders/lookup', payload: body, remoteAddress: ip });

    const byNumber = await look({ number: c1.order.number, query_password: 'pw-one' });
    expect(byNumber.statusCode).toBe(200);
    expect(byNumber.json().orders).toEqual([expect.objectContaining({ number: c1.order.number, access_token: c1.access_token })]);
    const byEmail = await look({ email: 'FINDER@example.com', query_password: 'pw-two' });
    expect(byEmail.json().orders.map((o: { number: string }) => o.number)).toEqual([c2.order.number]);

    const wrong = await look({ number: c1.order.number, query_password: 'pw-two' });
    const unknown = await look({ number: 'ZZZZZZZZZZZZZZZZZZ', query_password: 'pw-one' });
    expect(wrong.statusCode).toBe(unknown.statusCode);
    expect(wrong.body).toBe(unknown.body);
    expect(wrong.json()).toEqual({ orders: [] });
    // Never by contact alone.
    const noPassword = await look({ email: 'finder@example.com' });
    expect(noPassword.statusCode).toBe(422);
    expect(noPassword.json().error.param).toBe('query_password');
    const neither = await look({ query_password: 'pw-one' });
    expect(neither.statusCode).toBe(422);
    expect(neither.json().error.param).toBe('number');
    // The token from a lookup reads the order.
    expect((await readOrder(t, c1.order.number, byNumber.json().orders[0].access_token)).statusCode).toBe(200);
  });

  it('rate-limits guessing one order from many addresses (30 per 10 minutes)', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 32; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/storefront/orders/lookup', payload: { number: 'ABCDEFGH1234', query_password: `guess${i}` }, remoteAddress: `198.19.0.${i}` });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 30).every((c) => c === 200)).toBe(true);
    expect(codes.slice(30)).toEqual([429, 429]);
  });
});
