// Refunds on the sandbox gateway: the merchant refunds a delivered order; the
// order, the refund and the ledger agree, and a needs_action order can be refunded too.
import { beforeAll, expect, it } from 'vitest';
import { bearer, checkout, createApiKey, createProduct, importKeys, keys, notify, signedNotify, signupMerchant, setupTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
let auth: Record<string, string>;
let slug: string;
beforeAll(async () => {
  t = await setupTestApp();
  const m = await signupMerchant(t);
  slug = m.slug;
  auth = bearer(await createApiKey(t, m));
});

it('refunds a delivered sandbox order in full and books it back', async () => {
  const p = await createProduct(t, auth, { price: 800 });
  await importKeys(t, auth, p.id, keys(1));
  const c = (await checkout(t, slug, p.id)).json();
  expect((await notify(t, signedNotify(t, c))).statusCode).toBe(200);
  const unpaid = await createProduct(t, auth, { price: 100 });
  await importKeys(t, auth, unpaid.id, keys(1));
  const u = (await checkout(t, slug, unpaid.id)).json();
  const early = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${u.order.id}/refunds`, headers: auth, payload: {} });
  expect(early.json().error.code).toBe('order_not_paid');

  const res = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/refunds`, headers: auth, payload: { reason: 'changed mind' } });
  expect(res.statusCode, res.body).toBe(201);
  expect(res.json()).toMatchObject({ amount: 800, status: 'succeeded', reason: 'changed mind' });
  const [o] = await t.q<{ status: string }>('select status from orders where id = $1', [c.order.id]);
  expect(o!.status).toBe('refunded');
  const entries = await t.q<{ kind: string; amount: string }>(
    `select a.kind, sum(e.amount) as amount from ledger_entries e join ledger_accounts a on a.id = e.account_id
       join ledger_transactions lt on lt.id = e.transaction_id
      where lt.cause_id in ($1, $2) group by a.kind order by a.kind`, [c.payment.id, res.json().id]);
  expect(entries.map((e) => [e.kind, Number(e.amount)])).toEqual([['gateway_clearing', 0], ['merchant_escrow', 0]]);
  const events = await t.q<{ to_status: string }>('select to_status from order_events where order_id = $1 order by id', [c.order.id]);
  expect(events.map((e) => e.to_status)).toEqual(['pending_payment', 'paid', 'delivered', 'refunded']);
});
