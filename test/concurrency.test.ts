// Races that break other 发卡 systems, asserted from the database afterwards:
// many buyers for few keys, many copies of one notify, forged notifies.
import { beforeAll, describe, expect, it } from 'vitest';
import { signSandboxNotify } from '../src/modules/payments/gateways/sandbox.ts';
import {
  checkout, createProduct, importKeys, keys, notify, readOrder, setupTestApp, signedNotify, signupMerchant,
  type Checkout, type MerchantSession, type TestApp,
} from './helpers.ts';

let t: TestApp;
let m: MerchantSession;

beforeAll(async () => {
  t = await setupTestApp();
  m = await signupMerchant(t, 'race-shop');
});

async function snapshot() {
  const [counts] = await t.q<{ payments: string; ledger_tx: string; entries: string; fulfilments: string; events: string; outbox: string }>(
    `select (select count(*) from payments where status = 'succeeded') as payments,
            (select count(*) from ledger_transactions) as ledger_tx,
            (select count(*) from ledger_entries) as entries,
            (select count(*) from fulfilments) as fulfilments,
            (select count(*) from order_events) as events,
            (select count(*) from outbox_events) as outbox`);
  const cards = await t.q<{ status: string; n: string }>('select status, count(*) as n from cards group by status order by status');
  const orders = await t.q<{ status: string; n: string }>('select status, count(*) as n from orders group by status order by status');
  return { counts, cards, orders };
}

describe('200 buyers race for 50 keys', () => {
  it('sells exactly 50 keys, each to one order; everyone else gets out_of_stock', async () => {
    const product = await createProduct(t, m.headers, { title: 'Flash', price: 990 });
    const stock = keys(50, 'FLASH');
    await importKeys(t, m.headers, product.id, stock);

    const results = await Promise.all(Array.from({ length: 200 }, (_, i) =>
      checkout(t, m.slug, product.id, { email: `buyer${i}@example.com` }, `10.1.${Math.floor(i / 250)}.${i % 250}`)));
    const won = results.filter((r) => r.statusCode === 201).map((r) => r.json() as Checkout);
    const lost = results.filter((r) => r.statusCode !== 201);
    expect(won).toHaveLength(50);
    expect(lost).toHaveLength(150);
    for (const r of lost) {
      expect(r.statusCode).toBe(409);
      expect(r.json().error.code).toBe('out_of_stock');
    }

    // Every winner pays at once.
    const paid = await Promise.all(won.map((c) => notify(t, signedNotify(t, c))));
    const refused = await t.q<{ outcome: string; reason: string | null }>(
      `select outcome, reason from payment_notifications where outcome not in ('delivered', 'duplicate')`);
    expect({ answers: paid.filter((r) => r.statusCode !== 200 || r.body !== 'success').map((r) => `${r.statusCode} ${r.body}`), refused })
      .toEqual({ answers: [], refused: [] });

    const delivered = await Promise.all(won.map((c) => readOrder(t, c.order.number, c.access_token)));
    const all = delivered.flatMap((r) => r.json().deliveries.flatMap((d: { items: string[] }) => d.items));
    expect(all).toHaveLength(50);
    expect(new Set(all).size).toBe(50);
    expect(new Set(all)).toEqual(new Set(stock));

    const sold = await t.q<{ n: string; items: string }>(
      `select count(*) as n, count(distinct order_item_id) as items from cards where product_id = $1 and status = 'sold'`, [product.id]);
    expect(sold[0]).toEqual({ n: '50', items: '50' });
    const orders = await t.q<{ n: string }>(`select count(*) as n from orders o join order_items i on i.order_id = o.id where i.product_id = $1`, [product.id]);
    expect(orders[0]?.n).toBe('50');
  });
});

describe('duplicate and forged notifies', () => {
  it('20 concurrent copies of one notify: one delivery, one ledger transaction', async () => {
    const product = await createProduct(t, m.headers, { price: 1500 });
    await importKeys(t, m.headers, product.id, keys(3));
    const c = (await checkout(t, m.slug, product.id, { email: 'dup@example.com' })).json() as Checkout;
    const before = await snapshot();
    const payload = signedNotify(t, c);
    const answers = await Promise.all(Array.from({ length: 20 }, () => notify(t, payload)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(200));
    expect(answers.every((a) => a.body === 'success')).toBe(true);
    const after = await snapshot();
    expect(Number(after.counts?.payments) - Number(before.counts?.payments)).toBe(1);
    expect(Number(after.counts?.ledger_tx) - Number(before.counts?.ledger_tx)).toBe(1);
    expect(Number(after.counts?.entries) - Number(before.counts?.entries)).toBe(2);
    expect(Number(after.counts?.fulfilments) - Number(before.counts?.fulfilments)).toBe(1);
    const events = await t.q<{ to_status: string }>('select to_status from order_events where order_id = $1 order by id', [c.order.id]);
    expect(events.map((e) => e.to_status)).toEqual(['pending_payment', 'paid', 'delivered']);
    const sold = await t.q<{ n: string }>(`select count(*) as n from cards where product_id = $1 and status = 'sold'`, [product.id]);
    expect(sold[0]?.n).toBe('1');
    // A repeat long after is still a no-op that answers success.
    const later = await notify(t, payload);
    expect(later.body).toBe('success');
    expect(await snapshot()).toEqual(after);
  });

  it('rejects forged, altered and unknown notifies and changes nothing', async () => {
    const product = await createProduct(t, m.headers, { price: 2500, currency: 'CNY' });
    await importKeys(t, m.headers, product.id, keys(2));
    const c = (await checkout(t, m.slug, product.id, { email: 'forge@example.com' })).json() as Checkout;
    const before = await snapshot();
    const good = signedNotify(t, c);
    const forged = [
      { ...good, signature: 'a'.repeat(64) }, // forged signature
      { ...good, signature: good.signature.slice(0, 63) }, // malformed
      { ...good, amount: 1 }, // amount changed after signing
      signedNotify(t, { ...c, order: { ...c.order, total: 1 } }), // signed but wrong amount
      signedNotify(t, { ...c, order: { ...c.order, currency: 'USD' } }), // signed but wrong currency
      signedNotify(t, { ...c, payment: { ...c.payment, id: 'pay_01unknownunknownunknown00' } }), // unknown payment
      { ...good, status: 'succeeded', trade_no: 'other-trade' }, // trade number swapped, signature no longer matches
      (({ signature: _s, ...rest }) => rest)(good), // no signature
    ];
    for (const payload of forged) {
      const res = await notify(t, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.body).not.toBe('success');
    }
    // Sent as a form and as a GET query too.
    const form = await t.app.inject({
      method: 'POST', url: '/api/v1/payments/sandbox/notify', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(Object.entries({ ...good, amount: 1 }).map(([k, v]) => [k, String(v)])).toString(),
    });
    expect(form.statusCode).toBe(400);
    expect(await snapshot()).toEqual(before);
    const order = await readOrder(t, c.order.number, c.access_token);
    expect(order.json().order.status).toBe('pending_payment');

    // The genuine notify, as a form, still works afterwards.
    const ok = await t.app.inject({
      method: 'POST', url: '/api/v1/payments/sandbox/notify', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(Object.entries(good).map(([k, v]) => [k, String(v)])).toString(),
    });
    expect(ok.body).toBe('success');
    expect((await readOrder(t, c.order.number, c.access_token)).json().order.status).toBe('delivered');
    const rejected = await t.q<{ reason: string }>(`select reason from payment_notifications where payment_id = $1 and outcome = 'rejected' order by id`, [c.payment.id]);
    expect(rejected.map((r) => r.reason)).toEqual(expect.arrayContaining(['bad_signature', 'malformed', 'amount_mismatch', 'currency_mismatch']));
  });

  it('will not move one payment’s trade number onto another order', async () => {
    const product = await createProduct(t, m.headers, { price: 700 });
    await importKeys(t, m.headers, product.id, keys(2));
    const a = (await checkout(t, m.slug, product.id, { email: 'a@example.com' })).json() as Checkout;
    const b = (await checkout(t, m.slug, product.id, { email: 'b@example.com' })).json() as Checkout;
    expect((await notify(t, signedNotify(t, a, {}))).body).toBe('success');
    // A correctly signed notify for B carrying A's trade number (a replay moved onto another order).
    const moved = await notify(t, signSandboxNotify(t.services.keyring, {
      payment_id: b.payment.id, trade_no: `T${a.payment.id.slice(4)}`, amount: b.order.total, currency: b.order.currency, status: 'succeeded', timestamp: 1,
    }));
    expect(moved.statusCode).toBe(400);
    expect((await readOrder(t, b.order.number, b.access_token)).json().order.status).toBe('pending_payment');
  });
});
