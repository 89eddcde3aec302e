// Forged payment notifies (issue 8, defect 9): anyone can send them, so what
// they cost is bounded — refusals are counted into a few rows instead of one
// row each, an address that keeps sending forgeries is cut off (still
// answered 400 "fail", as the contract says, but recorded nowhere), and a
// flood of forgeries naming one payment never stops its real notify.
import { beforeAll, describe, expect, it } from 'vitest';
import { adminSession, bearer, checkout, createApiKey, createProduct, importKeys, keys, setupTestApp, signedNotify, signupMerchant, type TestApp } from './helpers.ts';

let t: TestApp;
let slug: string;
let auth: Record<string, string>;
beforeAll(async () => {
  t = await setupTestApp({ XIAOPU_NOTIFY_REJECTS_PER_IP: '50', XIAOPU_NOTIFY_REJECTS_PER_PAYMENT: '20' });
  const m = await signupMerchant(t);
  slug = m.slug;
  auth = bearer(await createApiKey(t, m));
});

function send(payload: Record<string, unknown>, ip: string) {
  return t.app.inject({ method: 'POST', url: '/api/v1/payments/sandbox/notify', payload, remoteAddress: ip });
}

async function order() {
  const p = await createProduct(t, auth);
  await importKeys(t, auth, p.id, keys(1));
  return (await checkout(t, slug, p.id)).json();
}

describe('forged notifies', () => {
  it('are recorded as a few counted rows, and an address that keeps forging is cut off', async () => {
    const c = await order();
    const forged = { ...signedNotify(t, c), signature: 'f'.repeat(64) };
    const statuses: number[] = [];
    for (let i = 0; i < 200; i++) statuses.push((await send(forged, '198.51.100.13')).statusCode);
    expect(statuses.every((x) => x === 400)).toBe(true);
    const rows = await t.q<{ n: string; total: string }>(
      `select count(*) as n, sum(count) as total from payment_notifications where ip = '198.51.100.13'`);
    expect(Number(rows[0]!.n)).toBe(1);
    expect(Number(rows[0]!.total)).toBeLessThanOrEqual(51);
    // The same address still delivers a notify that verifies (a gateway sends for every shop from a few addresses).
    const real = await order();
    const delivered = await send(signedNotify(t, real), '198.51.100.13');
    expect(delivered.body).toBe('success');
    // Other addresses, about other payments, are not affected.
    const other = await order();
    expect((await send({ ...signedNotify(t, other), signature: 'f'.repeat(64) }, '198.51.100.14')).statusCode).toBe(400);
  });

  it('naming one payment from many addresses do not stop its real notify', async () => {
    const c = await order();
    const forged = { ...signedNotify(t, c), signature: '0'.repeat(64) };
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await send(forged, `203.0.113.${i + 1}`)).statusCode);
    expect(statuses.every((x) => x === 400)).toBe(true);
    const [recorded] = await t.q<{ total: string }>(`select sum(count) as total from payment_notifications where payment_id = $1`, [c.payment.id]);
    expect(Number(recorded!.total)).toBeLessThanOrEqual(21);
    // The gateway's real notify lands and delivers.
    const real = await send(signedNotify(t, c), '192.0.2.10');
    expect(real.statusCode, real.body).toBe(200);
    expect(real.body).toBe('success');
    const [o] = await t.q<{ status: string }>('select status from orders where id = $1', [c.order.id]);
    expect(o!.status).toBe('delivered');
  });

  it('with characters the database cannot store are refused, never a 500', async () => {
    const admin = await adminSession(t);
    const cfg = await t.app.inject({ method: 'PUT', url: '/api/v1/admin/gateways/epay', headers: admin, payload: { enabled: true, settings: { version: 1, api_url: 'https://epay.example.com/', pid: '1001', key: 'a-long-enough-key' } } });
    expect(cfg.statusCode, cfg.body).toBe(200);
    const bodies = [
      { type: 'application/x-www-form-urlencoded', body: 'pid=1001&out_trade_no=%00pay_x&trade_no=T1&money=1.00&trade_status=TRADE_SUCCESS&sign=x&sign_type=MD5' },
      { type: 'application/json', body: '{"pid":"1001","out_trade_no":"pay_\\u0000x","trade_status":"TRADE_SUCCESS","sign":"x"}' },
      { type: 'application/json', body: '{"pid":"1001","out_trade_no":"pay_\\ud800","trade_status":"TRADE_SUCCESS","sign":"x"}' },
    ];
    for (const b of bodies) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/payments/epay/notify', headers: { 'content-type': b.type }, payload: b.body, remoteAddress: '192.0.2.99' });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.body).toBe('fail');
    }
    const [rec] = await t.q<{ reason: string; count: number }>(`select reason, count from payment_notifications where ip = '192.0.2.99'`);
    expect(rec).toEqual({ reason: 'malformed', count: 3 });
  });

  it('repeated real notifies are counted, not stored one by one', async () => {
    const c = await order();
    const n = signedNotify(t, c);
    for (let i = 0; i < 10; i++) expect((await send(n, '192.0.2.11')).body).toBe('success');
    const rows = await t.q<{ outcome: string; count: number }>(`select outcome, count from payment_notifications where payment_id = $1 order by outcome`, [c.payment.id]);
    expect(rows).toEqual([{ outcome: 'delivered', count: 1 }, { outcome: 'duplicate', count: 9 }]);
  });
});
