// Marketplace money through HTTP on PostgreSQL (DESIGN §8, §13): commission at
// the sale, escrow until completion (by the job or the buyer), the balance and
// its statement, payouts and the admin's decisions, refunds after completion,
// and a ledger whose verify command notices rows changed behind its back.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { completeDueOrders } from '../src/modules/flows/complete-due-orders.ts';
import { postLedgerTransaction } from '../src/modules/money/ledger.ts';
import { sealLedger } from '../src/modules/money/seal-ledger.ts';
import { verifyLedger } from '../src/modules/money/verify-ledger.ts';
import {
  adminSession, bearer, checkout, createApiKey, createProduct, importKeys, keys, notify, setupTestApp, signedNotify, signupMerchant,
  type Checkout, type MerchantSession, type TestApp,
} from './helpers.ts';

const run = promisify(execFile);
const HOUR = 3600_000;

let t: TestApp;
let admin: Record<string, string>;
beforeAll(async () => {
  // 5 % platform commission, 72 h escrow, payouts of at least 1.00 with a fee of 0.50 + 1 %.
  t = await setupTestApp({ XIAOPU_COMMISSION_BPS: '500', XIAOPU_ESCROW_HOURS: '72', XIAOPU_PAYOUT_MINIMUM: '100', XIAOPU_PAYOUT_FEE: '50', XIAOPU_PAYOUT_FEE_BPS: '100' });
  admin = await adminSession(t);
});

interface Shop { m: MerchantSession; auth: Record<string, string>; productId: string }

async function shop(price = 1000, stock = 20): Promise<Shop> {
  const m = await signupMerchant(t);
  const auth = bearer(await createApiKey(t, m));
  const p = await createProduct(t, auth, { price });
  await importKeys(t, auth, p.id, keys(stock));
  return { m, auth, productId: p.id };
}

async function sell(s: Shop, quantity = 1): Promise<Checkout> {
  const res = await checkout(t, s.m.slug, s.productId, { quantity });
  expect(res.statusCode, res.body).toBe(201);
  const c = res.json() as Checkout;
  expect((await notify(t, signedNotify(t, c))).statusCode).toBe(200);
  return c;
}

async function balance(s: Shop) {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/balance', headers: s.auth });
  expect(res.statusCode, res.body).toBe(200);
  const b = res.json() as { available: { amount: number; currency: string }[]; pending: { amount: number }[]; in_payout: { amount: number }[] };
  return { available: b.available[0]?.amount ?? 0, pending: b.pending[0]?.amount ?? 0, inPayout: b.in_payout[0]?.amount ?? 0 };
}

async function destination(s: Shop): Promise<string> {
  const res = await t.app.inject({
    method: 'POST', url: '/api/v1/payout_destinations', headers: s.auth,
    payload: { kind: 'alipay', account: '13812345678', account_name: '张三' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

const patchShop = (s: Shop, body: Record<string, unknown>) =>
  t.app.inject({ method: 'PATCH', url: `/api/v1/admin/merchants/${s.m.merchantId}`, headers: admin, payload: body });

describe('commission and escrow', () => {
  it('takes the platform commission at the sale and holds the shop\'s share in escrow until the window passes', async () => {
    const s = await shop(1000);
    const c = await sell(s);
    // The platform default, 5 %: the shop's pending balance is already net of it.
    expect(await balance(s)).toEqual({ available: 0, pending: 950, inPayout: 0 });
    const order = await t.app.inject({ method: 'GET', url: `/api/v1/orders/${c.order.id}`, headers: s.auth });
    expect(order.json()).toMatchObject({ status: 'delivered', total: 1000, commission: 50 });

    // A shop's own rate overrides the default, for orders placed after the change.
    expect((await patchShop(s, { commission_bps: 1250 })).statusCode).toBe(200);
    await sell(s);
    expect((await balance(s)).pending).toBe(950 + 875);

    // Before the window: nothing completes. After it: both orders, once, even with two runners at once.
    t.clock.advance(71 * HOUR);
    expect((await completeDueOrders(t.services)).completed).toBe(0);
    t.clock.advance(2 * HOUR);
    const runs = await Promise.all([completeDueOrders(t.services), completeDueOrders(t.services)]);
    expect(runs[0].completed + runs[1].completed).toBeGreaterThanOrEqual(2);
    expect(await balance(s)).toEqual({ available: 1825, pending: 0, inPayout: 0 });
    const completions = await t.q<{ n: string }>(
      `select count(*) as n from ledger_transactions where kind = 'completion' and order_id in (select id from orders where merchant_id = $1)`, [s.m.merchantId]);
    expect(Number(completions[0]!.n)).toBe(2);
    const [o] = await t.q<{ status: string; completed_at: Date }>('select status, completed_at from orders where id = $1', [c.order.id]);
    expect(o!.status).toBe('completed');
    const events = await t.q<{ to_status: string }>('select to_status from order_events where order_id = $1 order by id', [c.order.id]);
    expect(events.map((e) => e.to_status)).toEqual(['pending_payment', 'paid', 'delivered', 'completed']);
  });

  it('lets the buyer confirm receipt early, once, with the order token only', async () => {
    const s = await shop(2000);
    const c = await sell(s);
    const confirm = (token: string, number = c.order.number) =>
      t.app.inject({ method: 'POST', url: `/api/v1/storefront/orders/${number}/confirm`, headers: { 'x-order-token': token } });
    expect((await confirm('wrong-token')).statusCode).toBe(404);
    const first = await confirm(c.access_token);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ number: c.order.number, status: 'completed' });
    expect((await confirm(c.access_token)).json().status).toBe('completed');
    expect(await balance(s)).toEqual({ available: 1900, pending: 0, inPayout: 0 });
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/storefront/orders/${c.order.number}`, headers: { 'x-order-token': c.access_token } });
    expect(read.json().order.completed_at).not.toBeNull();

    // Not yet paid: nothing to confirm.
    const unpaid = (await checkout(t, s.m.slug, s.productId)).json() as Checkout;
    const early = await confirm(unpaid.access_token, unpaid.order.number);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('order_not_delivered');
  });

  it('completes at once after delivery when the admin sets the shop\'s escrow window to 0', async () => {
    const s = await shop(500);
    const res = await patchShop(s, { escrow_hours: 0 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().escrow_hours).toBe(0);
    await sell(s);
    expect((await completeDueOrders(t.services)).completed).toBeGreaterThanOrEqual(1);
    expect(await balance(s)).toEqual({ available: 475, pending: 0, inPayout: 0 });
  });

  it('gives the commission back in proportion on a partial refund, and completes the rest', async () => {
    const s = await shop(1000);
    const c = await sell(s);
    const refund = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/refunds`, headers: s.auth, payload: { amount: 400 } });
    expect(refund.statusCode, refund.body).toBe(201);
    // 400 of 1000 back: the shop gives 380, the platform its 20 of commission.
    expect(await balance(s)).toEqual({ available: 0, pending: 570, inPayout: 0 });
    const order = async () => (await t.app.inject({ method: 'GET', url: `/api/v1/orders/${c.order.id}`, headers: s.auth })).json();
    expect(await order()).toMatchObject({ total: 1000, commission: 50, refunded: 400, shop_share: 570 });
    t.clock.advance(80 * HOUR);
    await completeDueOrders(t.services);
    expect(await balance(s)).toEqual({ available: 570, pending: 0, inPayout: 0 });
    // Completion moves the share from escrow to available: the order's share is the same.
    expect(await order()).toMatchObject({ status: 'completed', refunded: 400, shop_share: 570 });
    const rest = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/refunds`, headers: s.auth, payload: {} });
    expect(rest.statusCode, rest.body).toBe(201);
    expect(await order()).toMatchObject({ status: 'refunded', refunded: 1000, shop_share: 0 });
  });
});

describe('payouts', () => {
  it('saves destinations encrypted and masked', async () => {
    const s = await shop();
    await destination(s);
    const bank = await t.app.inject({
      method: 'POST', url: '/api/v1/payout_destinations', headers: s.auth,
      payload: { kind: 'bank', account: '6222 0210 0112 3456 789', account_name: '李四', bank_name: '工商银行' },
    });
    expect(bank.json().masked).toBe('工商银行 ···· 6789');
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/payout_destinations', headers: s.auth, payload: { kind: 'usdt', network: 'TRC20', account: 'not-an-address' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.param).toBe('account');
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/payout_destinations', headers: s.auth });
    expect(list.json().data.map((d: { masked: string }) => d.masked)).toEqual(['工商银行 ···· 6789', '138****5678']);
    const stored = await t.q<{ details: string; masked: string }>('select details, masked from payout_destinations where merchant_id = $1', [s.m.merchantId]);
    for (const d of stored) {
      expect(d.details).not.toContain('13812345678');
      expect(Buffer.from(d.details, 'base64').toString('latin1')).not.toContain('6222');
    }
    const removed = await t.app.inject({ method: 'DELETE', url: `/api/v1/payout_destinations/${bank.json().id}`, headers: s.auth });
    expect(removed.json()).toEqual({ id: bank.json().id, object: 'payout_destination', deleted: true });
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/payout_destinations', headers: s.auth });
    expect(after.json().data.map((d: { masked: string }) => d.masked)).toEqual(['138****5678']);
    const again = await t.app.inject({ method: 'DELETE', url: `/api/v1/payout_destinations/${bank.json().id}`, headers: s.auth });
    expect(again.statusCode).toBe(404);
  });

  it('lets a suspended shop keep its balance but take none of it out, nor change where it goes, until it is reinstated', async () => {
    const s = await shop();
    await patchShop(s, { escrow_hours: 0 });
    await sell(s);
    await completeDueOrders(t.services);
    await destination(s);
    const earlier = await t.app.inject({ method: 'POST', url: '/api/v1/payouts', headers: s.m.headers, payload: { amount: 150, currency: 'CNY' } });
    expect(earlier.statusCode, earlier.body).toBe(201);
    const suspend = await t.app.inject({ method: 'PATCH', url: `/api/v1/admin/merchants/${s.m.merchantId}`, headers: admin, payload: { status: 'suspended', reason: 'fraud check' } });
    expect(suspend.statusCode, suspend.body).toBe(200);
    // The console (a session) still works: the shop sees its money and why it is held.
    const seen = await t.app.inject({ method: 'GET', url: '/api/v1/balance', headers: s.m.headers });
    expect(seen.json().available[0].amount).toBe(800);
    const payout = await t.app.inject({ method: 'POST', url: '/api/v1/payouts', headers: s.m.headers, payload: { amount: 800, currency: 'CNY' } });
    expect(payout.statusCode).toBe(403);
    expect(payout.json().error.code).toBe('shop_not_active');
    const dest = await t.app.inject({ method: 'POST', url: '/api/v1/payout_destinations', headers: s.m.headers, payload: { kind: 'alipay', account: '13900000000', account_name: '王五' } });
    expect(dest.statusCode).toBe(403);
    expect(dest.json().error.code).toBe('shop_not_active');
    const rows = await t.q<{ n: string }>('select count(*) as n from payouts where merchant_id = $1', [s.m.merchantId]);
    expect(rows[0]?.n).toBe('1');
    // The admin deciding the earlier request sees that the shop is suspended.
    const pending = await t.app.inject({ method: 'GET', url: '/api/v1/admin/payouts?status=pending', headers: admin });
    expect(pending.json().data.find((p: { id: string }) => p.id === earlier.json().id).shop).toMatchObject({ status: 'suspended' });
    expect((await t.q('select 1 from payout_destinations where merchant_id = $1', [s.m.merchantId])).length).toBe(1);

    await t.app.inject({ method: 'PATCH', url: `/api/v1/admin/merchants/${s.m.merchantId}`, headers: admin, payload: { status: 'active' } });
    const after = await t.app.inject({ method: 'POST', url: '/api/v1/payouts', headers: s.m.headers, payload: { amount: 800, currency: 'CNY' } });
    expect(after.statusCode, after.body).toBe(201);
  });

  it('never lets 20 concurrent requests for the whole balance pay out more than once', async () => {
    const s = await shop(1000);
    await patchShop(s, { escrow_hours: 0 });
    await sell(s);
    await sell(s);
    await completeDueOrders(t.services);
    expect((await balance(s)).available).toBe(1900);
    await destination(s);
    const over = await t.app.inject({ method: 'POST', url: '/api/v1/payouts', headers: s.auth, payload: { amount: 1901, currency: 'CNY' } });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.code).toBe('insufficient_funds');
    const small = await t.app.inject({ method: 'POST', url: '/api/v1/payouts', headers: s.auth, payload: { amount: 99, currency: 'CNY' } });
    expect(small.statusCode).toBe(422);

    const answers = await Promise.all(Array.from({ length: 20 }, () =>
      t.app.inject({ method: 'POST', url: '/api/v1/payouts', headers: s.auth, payload: { amount: 1900, currency: 'CNY' } })));
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(19);
    const po = answers.find((a) => a.statusCode === 201)!.json();
    // The fee: 0.50 + 1 % of 19.00 = 0.69, out of the amount.
    expect(po).toMatchObject({ object: 'payout', status: 'pending', amount: 1900, currency: 'CNY', fee: 69, net: 1831 });
    expect(await balance(s)).toEqual({ available: 0, pending: 0, inPayout: 1831 });
    const count = await t.q<{ n: string }>('select count(*) as n from payouts where merchant_id = $1', [s.m.merchantId]);
    expect(Number(count[0]!.n)).toBe(1);

    // The admin approves (twice: the same answer), marks it paid with a reference (twice: the same), and cannot reject it after.
    const act = (what: string, payload?: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: `/api/v1/admin/payouts/${po.id}/${what}`, headers: admin, ...(payload ? { payload } : {}) });
    expect((await act('approve')).json().status).toBe('approved');
    expect((await act('approve')).json().status).toBe('approved');
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/admin/payouts/${po.id}`, headers: admin });
    expect(detail.json().destination_details).toMatchObject({ kind: 'alipay', account: '13812345678', account_name: '张三' });
    const paid = await act('mark_paid', { reference: 'ALI-2026-0001' });
    expect(paid.json()).toMatchObject({ status: 'paid', reference: 'ALI-2026-0001' });
    expect((await act('mark_paid', { reference: 'ALI-2026-0001' })).statusCode).toBe(200);
    const other = await act('mark_paid', { reference: 'ALI-OTHER' });
    expect(other.statusCode).toBe(409);
    const reject = await act('reject', { reason: 'too late' });
    expect(reject.statusCode).toBe(409);
    expect(reject.json().error.code).toBe('payout_paid');
    expect(await balance(s)).toEqual({ available: 0, pending: 0, inPayout: 0 });
    const audit = await t.q<{ action: string }>(`select action from audit_log where target_id = $1 order by id`, [po.id]);
    expect(audit.map((a) => a.action)).toEqual(['payout.requested', 'payout.approved', 'payout.destination_revealed', 'payout.paid']);
  });

  it('returns a rejected payout\'s money, and keeps shops and merchants out of each other\'s payouts', async () => {
    const s = await shop(1000);
    await patchShop(s, { escrow_hours: 0 });
    await sell(s);
    await completeDueOrders(t.services);
    await destination(s);
    const po = (await t.app.inject({ method: 'POST', url: '/api/v1/payouts', headers: s.auth, payload: { amount: 500, currency: 'CNY' } })).json();
    expect(await balance(s)).toMatchObject({ available: 450 });

    const stranger = await shop();
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/payouts/${po.id}`, headers: stranger.auth })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/payouts', headers: stranger.auth })).json().data).toEqual([]);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/admin/payouts/${po.id}/approve`, headers: s.auth })).statusCode).toBe(404);

    const rejected = await t.app.inject({ method: 'POST', url: `/api/v1/admin/payouts/${po.id}/reject`, headers: admin, payload: { reason: 'name does not match' } });
    expect(rejected.json()).toMatchObject({ status: 'rejected', reason: 'name does not match' });
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/admin/payouts/${po.id}/reject`, headers: admin, payload: { reason: 'again' } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/admin/payouts/${po.id}/approve`, headers: admin })).json().error.code).toBe('payout_rejected');
    expect(await balance(s)).toEqual({ available: 950, pending: 0, inPayout: 0 });
  });

  it('takes a refund after completion from the available balance, showing a debt when it is not enough', async () => {
    const s = await shop(1000);
    await patchShop(s, { escrow_hours: 0 });
    const c = await sell(s);
    await completeDueOrders(t.services);
    await destination(s);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/payouts', headers: s.auth, payload: { amount: 950, currency: 'CNY' } })).statusCode).toBe(201);
    const refund = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/refunds`, headers: s.auth, payload: {} });
    expect(refund.statusCode, refund.body).toBe(201);
    const [o] = await t.q<{ status: string }>('select status from orders where id = $1', [c.order.id]);
    expect(o!.status).toBe('refunded');
    // The shop owes its 950 back; the platform returns its 50 of commission.
    expect(await balance(s)).toMatchObject({ available: -950, pending: 0 });
    const more = await t.app.inject({ method: 'POST', url: '/api/v1/payouts', headers: s.auth, payload: { amount: 100, currency: 'CNY' } });
    expect(more.json().error.code).toBe('insufficient_funds');

    // The statement adds up to the balance, line by line, and exports as CSV.
    const st = await t.app.inject({ method: 'GET', url: '/api/v1/balance_transactions', headers: s.auth });
    const lines = st.json().data as { type: string; pending: number; available: number; in_payout: number; commission: number; order_number: string | null }[];
    expect(lines.map((l) => l.type)).toEqual(['refund', 'payout', 'completion', 'sale']);
    expect(lines.reduce((a, l) => a + l.available, 0)).toBe(-950);
    expect(lines.reduce((a, l) => a + l.pending, 0)).toBe(0);
    expect(lines.find((l) => l.type === 'sale')).toMatchObject({ pending: 950, commission: 50, order_number: c.order.number });
    expect(lines.find((l) => l.type === 'refund')).toMatchObject({ available: -950, commission: -50 });
    const csv = await t.app.inject({ method: 'GET', url: '/api/v1/balance_transactions.csv', headers: s.auth });
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = csv.body.trim().split('\n');
    expect(rows[0]).toBe('created_at,id,type,order_number,currency,pending,available,in_payout,commission,fee,description');
    expect(rows).toHaveLength(5);
    expect(rows[4]).toContain(`,sale,${c.order.number},CNY,9.50,0.00,0.00,0.50,0.00,`);
  });
});

describe('adjustments', () => {
  it('lets an admin credit or debit a shop with a reason it sees on its statement, once per Idempotency-Key', async () => {
    const s = await shop();
    const adjust = (body: Record<string, unknown>, key?: string, headers = admin) => t.app.inject({
      method: 'POST', url: `/api/v1/admin/merchants/${s.m.merchantId}/adjustments`, headers: { ...headers, ...(key ? { 'idempotency-key': key } : {}) }, payload: body,
    });
    expect((await adjust({ amount: 500, currency: 'CNY', reason: 'x' }, undefined, s.auth)).statusCode).toBe(404);
    expect((await adjust({ amount: 0, currency: 'CNY', reason: 'nothing' })).statusCode).toBe(422);
    const first = await adjust({ amount: 500, currency: 'CNY', reason: 'Compensation for the outage, 补偿' }, 'adj-1');
    expect(first.statusCode, first.body).toBe(201);
    const again = await adjust({ amount: 500, currency: 'CNY', reason: 'Compensation for the outage, 补偿' }, 'adj-1');
    expect(again.json().id).toBe(first.json().id);
    expect((await adjust({ amount: -120, currency: 'CNY', reason: '=HYPERLINK("x") fee' })).statusCode).toBe(201);
    expect(await balance(s)).toEqual({ available: 380, pending: 0, inPayout: 0 });
    const lines = (await t.app.inject({ method: 'GET', url: '/api/v1/balance_transactions', headers: s.auth })).json().data;
    expect(lines.map((l: { type: string; available: number; description: string }) => [l.type, l.available, l.description])).toEqual([
      ['adjustment', -120, '=HYPERLINK("x") fee'], ['adjustment', 500, 'Compensation for the outage, 补偿'],
    ]);
    const csv = (await t.app.inject({ method: 'GET', url: '/api/v1/balance_transactions.csv', headers: s.auth })).body.trim().split('\n');
    // Quoted where needed, and never a formula in a spreadsheet.
    expect(csv[1]).toMatch(/,"'=HYPERLINK\(""x""\) fee"$/);
    expect(csv[2]).toMatch(/,"Compensation for the outage, 补偿"$/);
    const audit = await t.q<{ action: string }>(`select action from audit_log where merchant_id = $1 and action = 'balance.adjusted'`, [s.m.merchantId]);
    expect(audit).toHaveLength(2);
  });
});

describe('the ledger', () => {
  it('refuses updates and deletes from the application', async () => {
    await expect(t.q('update ledger_entries set amount = amount + 1 where id = (select min(id) from ledger_entries)')).rejects.toThrow(/append-only/);
    await expect(t.q('delete from ledger_transactions where id = (select min(id) from ledger_transactions)')).rejects.toThrow(/append-only/);
    await expect(t.q('truncate ledger_entries')).rejects.toThrow();
    await expect(t.q(`update ledger_accounts set kind = 'merchant_available' where code like 'platform_revenue:%'`)).rejects.toThrow(/append-only/);
  });

  it('reconciles each gateway\'s confirmed payments with the ledger, and names a payment that was never booked', async () => {
    const s = await shop(1000);
    await sell(s);
    const report = async () => (await t.app.inject({ method: 'GET', url: '/api/v1/admin/reconciliation', headers: admin })).json();
    const before = await report();
    const sandbox = before.gateways.find((g: { gateway: string }) => g.gateway === 'sandbox');
    expect(sandbox).toMatchObject({ currency: 'CNY', difference: 0 });
    expect(sandbox.confirmed).toBeGreaterThan(0);
    expect(sandbox.refunded).toBeGreaterThan(0);
    expect(before.issues).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/admin/reconciliation', headers: s.auth })).statusCode).toBe(404);

    // A payment marked paid behind the application's back: confirmed, never booked.
    const unpaid = (await checkout(t, s.m.slug, s.productId)).json() as Checkout;
    await t.q(`update payments set status = 'succeeded', succeeded_at = now() where id = $1`, [unpaid.payment.id]);
    const after = await report();
    expect(after.gateways.find((g: { gateway: string }) => g.gateway === 'sandbox').difference).toBe(-1000);
    expect(after.issues).toEqual([{ payment_id: unpaid.payment.id, gateway: 'sandbox', currency: 'CNY', problem: 'confirmed_not_booked', amount: 1000, booked: null }]);
    await t.q(`update payments set status = 'pending', succeeded_at = null where id = $1`, [unpaid.payment.id]);

    // Money booked for a payment that does not exist at all: the report names it (no payment, no gateway), never a 500.
    await postLedgerTransaction(t.services.database.pool, {
      kind: 'payment', causeType: 'payment', causeId: 'pay_ghost', at: t.clock.now(),
      entries: [
        { account: { kind: 'gateway_clearing', owner: 'sandbox', merchantId: null, currency: 'CNY' }, amount: 700 },
        { account: { kind: 'platform_revenue', owner: 'commission', merchantId: null, currency: 'CNY' }, amount: -700 },
      ],
    });
    const ghost = await t.app.inject({ method: 'GET', url: '/api/v1/admin/reconciliation', headers: admin });
    expect(ghost.statusCode, ghost.body).toBe(200);
    expect(ghost.json().issues).toEqual([{ payment_id: 'pay_ghost', gateway: 'sandbox', currency: 'CNY', problem: 'booked_not_confirmed', amount: null, booked: 700 }]);
  });

  it('seals the chain and `xiaopu ledger verify` names the first row changed, deleted or reordered behind its back', async () => {
    const s = await shop(1000);
    await sell(s);
    await sell(s);
    expect((await sealLedger(t.services.database.pool)).sealed).toBeGreaterThan(0);
    const verdict = await verifyLedger(t.services.database.pool);
    expect(verdict).toMatchObject({ ok: true, unsealed: 0 });

    const dataDir = mkdtempSync(path.join(tmpdir(), 'xiaopu-ledger-'));
    const cli = async (...extra: string[]) => {
      try {
        const r = await run(process.execPath, ['bin/xiaopu.js', 'ledger', 'verify', ...extra], {
          env: { ...process.env, DATABASE_URL: t.url, XIAOPU_DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, timeout: 60_000,
        });
        return { code: 0, out: r.stdout };
      } catch (err) {
        const e = err as { code: number; stdout: string };
        return { code: e.code, out: e.stdout };
      }
    };
    const good = await cli();
    expect(good.code).toBe(0);
    expect(good.out).toMatch(/^ledger ok: \d+ transactions \(\d+ sealed, 0 awaiting seal\), \d+ entries and \d+ accounts, every one consistent; chain head \d+:[0-9a-f]{64}\n$/);
    const head = /chain head (\d+:[0-9a-f]{64})/.exec(good.out)?.[1] ?? '';
    expect((await cli('--expect', head)).code).toBe(0);

    // Tamper as a superuser would, with the triggers off, then put it back.
    const c = new pg.Client({ connectionString: t.url });
    await c.connect();
    try {
      await c.query('set session_replication_role = replica');
      const [victim] = (await c.query<{ id: string; transaction_id: string; seq: string }>(
        `select e.id, e.transaction_id, t.seq from ledger_entries e join ledger_transactions t on t.id = e.transaction_id
          where t.kind = 'payment' and t.seq is not null order by t.seq desc limit 1`)).rows;
      // 1. An amount changed.
      await c.query('update ledger_entries set amount = amount - 1 where id = $1', [victim!.id]);
      let bad = await cli();
      expect(bad.code).toBe(1);
      expect(bad.out).toContain(`ledger BROKEN at transaction ${victim!.transaction_id} (seq ${victim!.seq})`);
      await c.query('update ledger_entries set amount = amount + 1 where id = $1', [victim!.id]);
      expect((await cli()).code).toBe(0);

      // 1b. An account renamed into a shop's available balance (balances are grouped by account).
      const [acct] = (await c.query<{ id: string; kind: string; merchant_id: string | null }>(
        `select id, kind, merchant_id from ledger_accounts where code like 'platform_revenue:commission:%' limit 1`)).rows;
      await c.query(`update ledger_accounts set kind = 'merchant_available', merchant_id = $2 where id = $1`, [acct!.id, s.m.merchantId]);
      bad = await cli();
      expect(bad.code).toBe(1);
      expect(bad.out).toContain(`ledger BROKEN at account ${acct!.id}`);
      await c.query('update ledger_accounts set kind = $2, merchant_id = $3 where id = $1', [acct!.id, acct!.kind, acct!.merchant_id]);
      expect((await cli()).code).toBe(0);

      // 2. Two transactions swapped in the chain.
      const pair = (await c.query<{ id: string; seq: string }>('select id, seq from ledger_transactions where seq is not null order by seq desc limit 2')).rows;
      await c.query('update ledger_transactions set seq = -seq where id = $1', [pair[0]!.id]);
      await c.query('update ledger_transactions set seq = $2 where id = $1', [pair[1]!.id, pair[0]!.seq]);
      await c.query('update ledger_transactions set seq = $2 where id = $1', [pair[0]!.id, pair[1]!.seq]);
      bad = await cli();
      expect(bad.code).toBe(1);
      expect(bad.out).toContain(`(seq ${pair[1]!.seq})`);
      await c.query('update ledger_transactions set seq = -seq where id = $1', [pair[0]!.id]);
      await c.query('update ledger_transactions set seq = $2 where id = $1', [pair[1]!.id, pair[1]!.seq]);
      await c.query('update ledger_transactions set seq = $2 where id = $1', [pair[0]!.id, pair[0]!.seq]);
      expect((await cli()).code).toBe(0);

      // 3. A whole transaction deleted from the middle of the chain.
      const [mid] = (await c.query<{ id: string; seq: string }>('select id, seq from ledger_transactions where seq is not null order by seq desc offset 1 limit 1')).rows;
      await c.query('delete from ledger_entries where transaction_id = $1', [mid!.id]);
      await c.query('delete from ledger_transactions where id = $1', [mid!.id]);
      bad = await cli();
      expect(bad.code).toBe(1);
      expect(bad.out).toContain(`seq ${Number(mid!.seq) + 1}`);
      expect(bad.out).toContain('missing');

      // 4. The newest transaction deleted: the chain alone still holds, the head recorded earlier does not.
      const [last] = (await c.query<{ id: string }>('select id from ledger_transactions where seq is not null order by seq desc limit 1')).rows;
      await c.query('delete from ledger_entries where transaction_id = $1', [last!.id]);
      await c.query('delete from ledger_transactions where id = $1', [last!.id]);
      bad = await cli('--expect', head);
      expect(bad.code).toBe(1);
      expect(bad.out).toContain('deleted');
    } finally {
      await c.end();
    }
  });
});
