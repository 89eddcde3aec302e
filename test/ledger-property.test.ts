// A property test of the money loop (fast-check): random sequences of sales,
// refunds, time passing (with the completion job), buyer confirmations,
// payout requests and admin decisions, through HTTP. After every sequence
// the ledger verifies, and the shop's balances are exactly what an
// independent model of the rules says — so money is neither created nor lost
// and a payout never exceeds what was available.
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { completeDueOrders } from '../src/modules/flows/complete-due-orders.ts';
import { sealLedger } from '../src/modules/money/seal-ledger.ts';
import { verifyLedger } from '../src/modules/money/verify-ledger.ts';
import {
  adminSession, bearer, checkout, createApiKey, createProduct, importKeys, keys, notify, setupTestApp, signedNotify, signupMerchant,
  type Checkout, type TestApp,
} from './helpers.ts';

const COMMISSION_BPS = 700;
const ESCROW_HOURS = 24;
const PAYOUT_FEE = 30;
const HOUR = 3600_000;

let t: TestApp;
let admin: Record<string, string>;
const ADMIN_EMAIL = 'property-admin@example.com';

/** A fresh admin session: the clock moves weeks in a run and sessions last 30 days. */
async function logInAdmin(): Promise<Record<string, string>> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: ADMIN_EMAIL, password: 'admin-password-1' } });
  if (res.statusCode !== 200) throw new Error(`admin login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'xp_session');
  return { cookie: `xp_session=${cookie?.value ?? ''}`, 'x-csrf-token': res.json().csrf_token };
}

beforeAll(async () => {
  t = await setupTestApp({
    XIAOPU_COMMISSION_BPS: String(COMMISSION_BPS), XIAOPU_ESCROW_HOURS: String(ESCROW_HOURS), XIAOPU_PAYOUT_FEE: String(PAYOUT_FEE), XIAOPU_PAYOUT_MINIMUM: '0',
  });
  admin = await adminSession(t, ADMIN_EMAIL);
});

type Command =
  | { kind: 'sell'; product: 0 | 1; quantity: number }
  | { kind: 'refund'; order: number; part: number }
  | { kind: 'wait'; hours: number }
  | { kind: 'confirm'; order: number }
  | { kind: 'payout'; part: number }
  | { kind: 'decide'; payout: number; decision: 'approve' | 'reject' | 'mark_paid' }
  | { kind: 'dispute'; order: number }
  | { kind: 'rule'; order: number; ruling: 'refund' | 'partial_refund' | 'reject' | 'withdraw'; part: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('sell' as const), product: fc.constantFrom(0 as const, 1 as const), quantity: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('refund' as const), order: fc.nat(), part: fc.double({ min: 0.01, max: 1, noNaN: true }) }) },
  // At most 22 × 30 h per run: less than a session's 30 days.
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), hours: fc.integer({ min: 1, max: 30 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('confirm' as const), order: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('payout' as const), part: fc.double({ min: 0.05, max: 1.3, noNaN: true }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('decide' as const), payout: fc.nat(), decision: fc.constantFrom('approve' as const, 'reject' as const, 'mark_paid' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('dispute' as const), order: fc.nat() }) },
  {
    weight: 2, arbitrary: fc.record({
      kind: fc.constant('rule' as const), order: fc.nat(), ruling: fc.constantFrom('refund' as const, 'partial_refund' as const, 'reject' as const, 'withdraw' as const),
      part: fc.double({ min: 0.01, max: 0.99, noNaN: true }),
    }),
  },
);

interface ModelOrder {
  checkout: Checkout; total: number; commission: number; refunded: number; status: string; deliveredAt: number; completed: boolean; disputeId?: string;
}
interface ModelPayout { id: string; amount: number; status: 'pending' | 'approved' | 'paid' | 'rejected' }

const commissionOf = (total: number) => Number((BigInt(total) * BigInt(COMMISSION_BPS) + 5000n) / 10_000n);
/** The commission a refund of `refunded` (of `total`) has given back, cumulatively, rounded half up. */
const commissionBack = (o: ModelOrder) => Number((BigInt(o.commission) * BigInt(o.refunded) + BigInt(Math.floor(o.total / 2))) / BigInt(o.total));
/** What the order is worth to the shop now: its total less refunds, less the commission still kept. */
const share = (o: ModelOrder) => (o.total - o.refunded) - (o.commission - commissionBack(o));

it('keeps the ledger verifiable and every balance equal to the model, whatever happens', async () => {
  await fc.assert(fc.asyncProperty(fc.array(command, { minLength: 4, maxLength: 22 }), async (commands) => {
    admin = await logInAdmin();
    const m = await signupMerchant(t);
    const auth = bearer(await createApiKey(t, m));
    const products = [await createProduct(t, auth, { price: 999 }), await createProduct(t, auth, { price: 1234 })];
    for (const p of products) await importKeys(t, auth, p.id, keys(80));
    await t.app.inject({ method: 'POST', url: '/api/v1/payout_destinations', headers: auth, payload: { kind: 'usdt', network: 'TRC20', account: 'T' + 'A'.repeat(33) } });
    const orders: ModelOrder[] = [];
    const payouts: ModelPayout[] = [];
    const available = () => orders.filter((o) => o.completed).reduce((a, o) => a + share(o), 0)
      - payouts.filter((p) => p.status !== 'rejected').reduce((a, p) => a + p.amount, 0);

    for (const c of commands) {
      const now = t.clock.now().getTime();
      if (c.kind === 'sell') {
        const p = products[c.product]!;
        const res = await checkout(t, m.slug, p.id, { quantity: c.quantity });
        expect(res.statusCode, res.body).toBe(201);
        const co = res.json() as Checkout;
        expect((await notify(t, signedNotify(t, co))).statusCode).toBe(200);
        const total = p.price * c.quantity;
        orders.push({ checkout: co, total, commission: commissionOf(total), refunded: 0, status: 'delivered', deliveredAt: now, completed: false });
      } else if (c.kind === 'refund' && orders.length > 0) {
        const o = orders[c.order % orders.length]!;
        const left = o.total - o.refunded;
        if (left <= 0) continue;
        const amount = Math.max(1, Math.min(left, Math.round(left * c.part)));
        const res = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${o.checkout.order.id}/refunds`, headers: auth, payload: { amount } });
        expect(res.statusCode, res.body).toBe(201);
        o.refunded += amount;
        // In part: a completed order stays completed, a disputed one disputed.
        if (o.refunded === o.total) o.status = 'refunded';
        else if (o.status !== 'completed' && o.status !== 'disputed') o.status = 'partially_refunded';
      } else if (c.kind === 'wait') {
        t.clock.advance(c.hours * HOUR);
        await completeDueOrders(t.services);
        const at = t.clock.now().getTime();
        for (const o of orders) {
          if ((o.status === 'delivered' || o.status === 'partially_refunded') && o.deliveredAt + ESCROW_HOURS * HOUR <= at) {
            o.status = 'completed';
            o.completed = true;
          }
        }
      } else if (c.kind === 'confirm' && orders.length > 0) {
        const o = orders[c.order % orders.length]!;
        const res = await t.app.inject({ method: 'POST', url: `/api/v1/storefront/orders/${o.checkout.order.number}/confirm`, headers: { 'x-order-token': o.checkout.access_token } });
        if (o.status === 'delivered' || o.status === 'partially_refunded' || o.status === 'completed') {
          expect(res.statusCode, res.body).toBe(200);
          o.status = 'completed';
          o.completed = true;
        } else {
          expect(res.statusCode).toBe(409);
        }
      } else if (c.kind === 'dispute' && orders.length > 0) {
        const o = orders[c.order % orders.length]!;
        const res = await t.app.inject({
          method: 'POST', url: `/api/v1/storefront/orders/${o.checkout.order.number}/disputes`, headers: { 'x-order-token': o.checkout.access_token },
          payload: { reason: 'key_invalid', message: 'does not work' },
        });
        if (!o.disputeId && (o.status === 'delivered' || o.status === 'partially_refunded')) {
          expect(res.statusCode, res.body).toBe(201);
          o.disputeId = res.json().id;
          o.status = 'disputed';
        } else {
          expect(res.statusCode).toBe(409);
        }
      } else if (c.kind === 'rule') {
        const open = orders.filter((o) => o.status === 'disputed');
        if (open.length === 0) continue;
        const o = open[c.order % open.length]!;
        const left = o.total - o.refunded;
        if (c.ruling === 'withdraw') {
          const res = await t.app.inject({ method: 'POST', url: `/api/v1/storefront/orders/${o.checkout.order.number}/dispute/withdraw`, headers: { 'x-order-token': o.checkout.access_token } });
          expect(res.statusCode, res.body).toBe(200);
          o.status = 'completed';
          o.completed = true;
          continue;
        }
        const amount = Math.max(1, Math.min(left - 1, Math.round(left * c.part)));
        if (c.ruling === 'partial_refund' && left < 2) continue;
        const res = await t.app.inject({
          method: 'POST', url: `/api/v1/admin/disputes/${o.disputeId!}/resolve`, headers: admin,
          payload: c.ruling === 'partial_refund' ? { outcome: c.ruling, amount } : { outcome: c.ruling },
        });
        expect(res.statusCode, res.body).toBe(200);
        if (c.ruling === 'refund') {
          o.refunded = o.total;
          o.status = 'refunded';
        } else if (c.ruling === 'partial_refund') {
          o.refunded += amount;
          o.status = 'partially_refunded';
        } else {
          o.status = 'completed';
          o.completed = true;
        }
      } else if (c.kind === 'payout') {
        const can = available();
        const amount = Math.max(PAYOUT_FEE + 1, Math.round(Math.max(0, can) * c.part));
        const res = await t.app.inject({ method: 'POST', url: '/api/v1/payouts', headers: auth, payload: { amount, currency: 'CNY' } });
        if (amount <= can) {
          expect(res.statusCode, res.body).toBe(201);
          payouts.push({ id: res.json().id, amount, status: 'pending' });
        } else {
          expect(res.statusCode, res.body).toBe(409);
          expect(res.json().error.code).toBe('insufficient_funds');
        }
      } else if (c.kind === 'decide' && payouts.length > 0) {
        const p = payouts[c.payout % payouts.length]!;
        const res = await t.app.inject({
          method: 'POST', url: `/api/v1/admin/payouts/${p.id}/${c.decision}`, headers: admin,
          payload: c.decision === 'reject' ? { reason: 'test' } : c.decision === 'mark_paid' ? { reference: `REF-${p.id}` } : undefined,
        });
        const to = c.decision === 'approve' ? 'approved' : c.decision === 'reject' ? 'rejected' : 'paid';
        const contradicts = (p.status === 'rejected' && to !== 'rejected') || (p.status === 'paid' && to === 'rejected');
        if (contradicts) {
          expect(res.statusCode).toBe(409);
        } else {
          expect(res.statusCode, res.body).toBe(200);
          if (!(p.status === 'paid' && to === 'approved')) p.status = to;
        }
      }
    }

    const res = await t.app.inject({ method: 'GET', url: '/api/v1/balance', headers: auth });
    const b = res.json() as { available: { amount: number }[]; pending: { amount: number }[]; in_payout: { amount: number }[] };
    expect({
      pending: b.pending[0]?.amount ?? 0, available: b.available[0]?.amount ?? 0, in_payout: b.in_payout[0]?.amount ?? 0,
    }).toEqual({
      pending: orders.filter((o) => !o.completed).reduce((a, o) => a + share(o), 0),
      available: available(),
      in_payout: payouts.filter((p) => p.status === 'pending' || p.status === 'approved').reduce((a, p) => a + p.amount - PAYOUT_FEE, 0),
    });
    // Every order the database calls completed, the model does too.
    const rows = await t.q<{ id: string; status: string }>('select id, status from orders where merchant_id = $1', [m.merchantId]);
    const status = new Map(rows.map((r) => [r.id, r.status]));
    for (const o of orders) expect(status.get(o.checkout.order.id)).toBe(o.status);

    await sealLedger(t.services.database.pool);
    expect(await verifyLedger(t.services.database.pool)).toMatchObject({ ok: true, unsealed: 0 });
  }), { numRuns: 25 });
});
