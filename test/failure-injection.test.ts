// Failure injection, Medusa-style (issue 9): the process fails right after
// each named step of accepting a payment and of a refund; then the world
// goes on (the gateway retries its notify, the reconciliation job runs) and
// the promises of DESIGN §1 are checked from the database: a key sold once,
// the paid order delivered, every cent booked once and balanced.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { armFault } from '../src/lib/faults.ts';
import { reconcileRefunds } from '../src/modules/flows/reconcile-refunds.ts';
import { adminSession, bearer, checkout, createApiKey, createProduct, importKeys, keys, notify, setupTestApp, signedNotify, signupMerchant, type Checkout, type TestApp } from './helpers.ts';

let t: TestApp;
let slug: string;
let auth: Record<string, string>;
beforeAll(async () => {
  t = await setupTestApp();
  const m = await signupMerchant(t);
  slug = m.slug;
  auth = bearer(await createApiKey(t, m));
});

async function ledgerBalanced() {
  const sums = await t.q<{ s: string }>('select sum(amount) as s from ledger_entries group by currency');
  for (const x of sums) expect(Number(x.s)).toBe(0);
}

async function state(c: Checkout) {
  const [o] = await t.q<{ status: string }>('select status from orders where id = $1', [c.order.id]);
  const [p] = await t.q<{ status: string }>('select status from payments where id = $1', [c.payment.id]);
  const ledger = await t.q('select 1 from ledger_transactions where cause_id = $1', [c.payment.id]);
  const cards = await t.q<{ status: string }>('select c.status from cards c join order_items i on i.id = c.order_item_id where i.order_id = $1', [c.order.id]);
  const deliveries = await t.q('select 1 from fulfilments where order_id = $1', [c.order.id]);
  return { order: o!.status, payment: p!.status, ledger: ledger.length, cards: cards.map((x) => x.status), fulfilments: deliveries.length };
}

async function paidOrder(price = 500, headers: Record<string, string> = {}) {
  const p = await createProduct(t, auth, { price });
  await importKeys(t, auth, p.id, keys(1));
  const res = await t.app.inject({
    method: 'POST', url: `/api/v1/storefront/${slug}/orders`, headers, remoteAddress: '203.0.113.90',
    payload: { product_id: p.id, quantity: 1, email: 'fault@example.com', query_password: 'letmein', gateway: 'sandbox' },
  });
  const c = res.json() as Checkout;
  expect((await notify(t, signedNotify(t, c))).body).toBe('success');
  return c;
}

describe('accepting a payment fails after each step', () => {
  for (const point of ['payment.marked_succeeded', 'payment.ledger_posted', 'order.paid', 'order.delivered']) {
    it(`${point}: nothing is half-done, and the gateway's retry delivers once`, async () => {
      const p = await createProduct(t, auth);
      await importKeys(t, auth, p.id, keys(1));
      const c = (await checkout(t, slug, p.id)).json() as Checkout;
      armFault(point);
      const first = await notify(t, signedNotify(t, c));
      expect(first.statusCode).toBe(500);
      expect(await state(c)).toEqual({ order: 'pending_payment', payment: 'pending', ledger: 0, cards: ['reserved'], fulfilments: 0 });
      const retry = await notify(t, signedNotify(t, c));
      expect(retry.body).toBe('success');
      expect(await state(c)).toEqual({ order: 'delivered', payment: 'succeeded', ledger: 1, cards: ['sold'], fulfilments: 1 });
      await ledgerBalanced();
    });
  }

  it('after the commit, before the gateway hears back: the retry is a repeat with no second effect', async () => {
    const p = await createProduct(t, auth);
    await importKeys(t, auth, p.id, keys(1));
    const c = (await checkout(t, slug, p.id)).json() as Checkout;
    armFault('payment.committed');
    expect((await notify(t, signedNotify(t, c))).statusCode).toBe(500);
    expect(await state(c)).toEqual({ order: 'delivered', payment: 'succeeded', ledger: 1, cards: ['sold'], fulfilments: 1 });
    expect((await notify(t, signedNotify(t, c))).body).toBe('success');
    expect(await state(c)).toEqual({ order: 'delivered', payment: 'succeeded', ledger: 1, cards: ['sold'], fulfilments: 1 });
  });
});

describe('a refund fails after each step', () => {
  for (const point of ['refund.reserved', 'refund.gateway_answered']) {
    it(`${point}: the refund stays pending and blocks no money twice; reconciliation finishes it once`, async () => {
      const c = await paidOrder(500);
      armFault(point);
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/refunds`, headers: auth, payload: { amount: 200 } });
      expect(res.statusCode).toBe(500);
      const [r] = await t.q<{ id: string; status: string }>('select id, status from refunds where order_id = $1', [c.order.id]);
      expect(r!.status).toBe('pending');
      const [pay] = await t.q<{ refunded: string }>('select refunded from payments where id = $1', [c.payment.id]);
      expect(Number(pay!.refunded)).toBe(200);
      // While it is pending, nothing more can be refunded from the same payment.
      const meanwhile = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/refunds`, headers: auth, payload: { amount: 100 } });
      expect(meanwhile.json().error.code).toBe('refund_in_progress');
      // Too young for reconciliation: its own request might still be waiting on the gateway.
      expect(await reconcileRefunds(t.services)).toEqual({ succeeded: 0, failed: 0, unknown: 0 });
      t.clock.advance(3 * 60_000);
      expect(await reconcileRefunds(t.services)).toEqual({ succeeded: 1, failed: 0, unknown: 0 });
      expect(await reconcileRefunds(t.services)).toEqual({ succeeded: 0, failed: 0, unknown: 0 });
      const [done] = await t.q<{ status: string }>('select status from refunds where id = $1', [r!.id]);
      expect(done!.status).toBe('succeeded');
      expect(await t.q('select 1 from ledger_transactions where cause_id = $1', [r!.id])).toHaveLength(1);
      const [o] = await t.q<{ status: string }>('select status from orders where id = $1', [c.order.id]);
      expect(o!.status).toBe('partially_refunded');
      await ledgerBalanced();
      // And the rest can be refunded now.
      const rest = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/refunds`, headers: auth, payload: {} });
      expect(rest.json()).toMatchObject({ amount: 300, status: 'succeeded' });
    });
  }

  it('a person can decide a refund that cannot be asked about again: audited, once, and only by an admin', async () => {
    const admin = await adminSession(t);
    for (const outcome of ['failed', 'succeeded'] as const) {
      const c = await paidOrder(500);
      armFault('refund.gateway_answered');
      expect((await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/refunds`, headers: auth, payload: { amount: 200 } })).statusCode).toBe(500);
      const [r] = await t.q<{ id: string }>('select id from refunds where order_id = $1', [c.order.id]);
      const url = `/api/v1/admin/refunds/${r!.id}/resolve`;
      expect((await t.app.inject({ method: 'POST', url, headers: auth, payload: { outcome, note: 'x' } })).statusCode).toBe(404);
      // Not while its own request might still be waiting on the gateway.
      const early = await t.app.inject({ method: 'POST', url, headers: admin, payload: { outcome, note: 'too soon' } });
      expect(early.json().error.code).toBe('refund_being_checked');
      t.clock.advance(3 * 60_000);
      const res = await t.app.inject({ method: 'POST', url, headers: admin, payload: { outcome, note: 'checked the gateway back office' } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ id: r!.id, status: outcome });
      const again = await t.app.inject({ method: 'POST', url, headers: admin, payload: { outcome, note: 'again' } });
      expect(again.json().error.code).toBe('refund_not_pending');
      const [pay] = await t.q<{ refunded: string }>('select refunded from payments where id = $1', [c.payment.id]);
      expect(Number(pay!.refunded)).toBe(outcome === 'succeeded' ? 200 : 0);
      const [o] = await t.q<{ status: string }>('select status from orders where id = $1', [c.order.id]);
      expect(o!.status).toBe(outcome === 'succeeded' ? 'partially_refunded' : 'delivered');
      const audit = await t.q<{ action: string }>(`select action from audit_log where target_id = $1 and action = 'refund.resolve'`, [r!.id]);
      expect(audit).toHaveLength(1);
      // The job leaves a decided refund alone.
      t.clock.advance(3 * 60_000);
      expect(await reconcileRefunds(t.services)).toEqual({ succeeded: 0, failed: 0, unknown: 0 });
      await ledgerBalanced();
    }
  });

  it('into the wallet, after the gateway step: the wallet is credited exactly once', async () => {
    const email = `fault-${randomBytes(3).toString('hex')}@example.com`;
    const su = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: { email, password: 'buyer password 1' } });
    const buyer = { cookie: `xp_session=${su.cookies.find((x) => x.name === 'xp_session')!.value}`, 'x-csrf-token': su.json().csrf_token };
    const c = await paidOrder(400, buyer);
    armFault('refund.gateway_answered');
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/refunds`, headers: auth, payload: { to: 'wallet' } })).statusCode).toBe(500);
    t.clock.advance(3 * 60_000);
    await reconcileRefunds(t.services);
    await reconcileRefunds(t.services);
    const wallet = (await t.app.inject({ method: 'GET', url: '/api/v1/wallet', headers: buyer })).json();
    expect(wallet.balances.find((b: { currency: string }) => b.currency === 'CNY')?.balance).toBe(400);
    const [o] = await t.q<{ status: string }>('select status from orders where id = $1', [c.order.id]);
    expect(o!.status).toBe('refunded');
    await ledgerBalanced();
  });
});
