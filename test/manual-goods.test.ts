// Goods done by hand (代充/手工, delivery `manual`): the shop's fields filled
// at checkout (checked, encrypted), the order waiting in the shop's queue
// (awaiting_fulfilment) after payment, fulfilled with a note and items (order
// page + delivery email through a real SMTP sink), refundable while waiting,
// and flagged — or refunded by itself — when overdue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flagOverdueFulfilments } from '../src/modules/flows/flag-overdue-fulfilments.ts';
import { startWorker } from '../src/jobs/worker.ts';
import { refundOrder } from '../src/modules/flows/refund-order.ts';
import { armFault } from '../src/lib/faults.ts';
import { startSmtpSink, waitFor, type SmtpSink } from './fakes/smtp-sink.ts';
import {
  bearer, checkout, createApiKey, notify, readOrder, setupTestApp, signedNotify, signupMerchant,
  type Checkout, type MerchantSession, type TestApp,
} from './helpers.ts';

let t: TestApp;
let m: MerchantSession;
let auth: Record<string, string>;
let smtp: SmtpSink;
let runner: Awaited<ReturnType<typeof startWorker>>;
beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await setupTestApp({ XIAOPU_SMTP_URL: smtp.url, XIAOPU_MAIL_FROM: 'Top-up Shop <shop@xiaopu.test>' });
  m = await signupMerchant(t);
  auth = bearer(await createApiKey(t, m));
  runner = await startWorker(t.services);
});
afterAll(async () => {
  await runner?.stop();
  await smtp?.close();
});

const FIELDS = [
  { key: 'account', label: 'Game account', type: 'text', required: true, max_length: 40 },
  { key: 'server', label: 'Server', type: 'select', options: ['Asia', 'Europe'] },
  { key: 'amount', label: 'Gems', type: 'number', min: 60, max: 6480 },
  { key: 'note', label: 'Note', type: 'text', required: false },
];

async function manualProduct(manual: Record<string, unknown> = {}) {
  const res = await t.app.inject({
    method: 'POST', url: '/api/v1/products', headers: auth,
    payload: { title: '原神 代充', price: 3000, currency: 'CNY', delivery: 'manual', manual: { fields: FIELDS, sla_hours: 2, ...manual } },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; manual: { fields: unknown[]; sla_hours: number; auto_refund: boolean } };
}

const GOOD = { account: 'traveler-8848', server: 'Asia', amount: 648 };

async function paidOrder(productId: string, email = 'gamer@example.com'): Promise<Checkout> {
  const c = await checkout(t, m.slug, productId, { email, fields: GOOD });
  expect(c.statusCode, c.body).toBe(201);
  const order = c.json() as Checkout;
  expect((await notify(t, signedNotify(t, order))).statusCode).toBe(200);
  return order;
}

describe('manual (代充) products', () => {
  it('refuses bad field definitions with 422 naming the field', async () => {
    const post = (payload: Record<string, unknown>) => t.app.inject({
      method: 'POST', url: '/api/v1/products', headers: auth, payload: { title: 'x', price: 100, currency: 'CNY', ...payload },
    });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ delivery: 'manual' }, 'manual.fields'],
      [{ delivery: 'manual', manual: { fields: [] } }, 'manual.fields'],
      [{ delivery: 'manual', manual: { fields: [{ key: 'Bad Key', label: 'x', type: 'text' }] } }, 'manual.fields.0.key'],
      [{ delivery: 'manual', manual: { fields: [{ key: 'srv', label: 'Server', type: 'select' }] } }, 'manual.fields.0.options'],
      [{ delivery: 'manual', manual: { fields: [{ key: 'a', label: 'A', type: 'text' }, { key: 'a', label: 'B', type: 'text' }] } }, 'manual.fields.1.key'],
      [{ delivery: 'manual', manual: { fields: [{ key: 'a', label: 'A', type: 'text' }], sla_hours: 0 } }, 'manual.sla_hours'],
      [{ delivery: 'card', manual: { fields: [{ key: 'a', label: 'A', type: 'text' }] } }, 'manual'],
    ];
    for (const [payload, param] of cases) {
      const res = await post(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(422);
      expect(res.json().error.param, JSON.stringify(payload)).toBe(param);
    }
  });

  it('checks what the buyer fills in at checkout: 422 with the field, nothing written', async () => {
    const p = await manualProduct();
    const pub = (await t.app.inject({ method: 'GET', url: `/api/v1/storefront/${m.slug}/products/${p.id}` })).json().product;
    expect(pub).toMatchObject({ delivery: 'manual', manual: { sla_hours: 2, fields: [{ key: 'account', required: true }, { key: 'server' }, { key: 'amount' }, { key: 'note', required: false }] } });
    const cases: Array<[Record<string, unknown> | undefined, string]> = [
      [undefined, 'fields.account'],
      [{ ...GOOD, account: '  ' }, 'fields.account'],
      [{ ...GOOD, server: 'Mars' }, 'fields.server'],
      [{ ...GOOD, amount: 10 }, 'fields.amount'],
      [{ ...GOOD, amount: 'lots' }, 'fields.amount'],
      [{ ...GOOD, account: 'x'.repeat(41) }, 'fields.account'],
      [{ ...GOOD, hacker: '1' }, 'fields.hacker'],
      [{ ...GOOD, amount: '0x100' }, 'fields.amount'],
      [{ ...GOOD, amount: '6.48e2' }, 'fields.amount'],
    ];
    for (const [fields, param] of cases) {
      const res = await checkout(t, m.slug, p.id, { email: 'bad-fields@example.com', ...(fields ? { fields } : {}) });
      expect(res.statusCode, JSON.stringify(fields)).toBe(422);
      expect(res.json().error.param).toBe(param);
    }
    const [none] = await t.q<{ n: string }>(`select count(*) as n from orders where email = 'bad-fields@example.com'`);
    expect(none?.n).toBe('0');
    // A field named like a built-in property is still required (no inherited value fills it).
    const odd = (await t.app.inject({ method: 'POST', url: '/api/v1/products', headers: auth, payload: {
      title: 'odd', price: 100, currency: 'CNY', delivery: 'manual', manual: { fields: [{ key: 'constructor', label: 'Character', type: 'text' }] } } })).json();
    const missing = await checkout(t, m.slug, odd.id, { email: 'bad-fields@example.com' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.param).toBe('fields.constructor');
  });

  it('waits in the shop\'s queue after payment, shows the shop the fields, and delivers what the shop sends (page and email)', async () => {
    const p = await manualProduct();
    const c = await paidOrder(p.id);
    const page = (await readOrder(t, c.order.number, c.access_token)).json();
    expect(page.order.status).toBe('awaiting_fulfilment');
    expect(Date.parse(page.order.fulfil_due_at) - Date.parse(page.order.paid_at ?? c.order.expires_at)).toBe(2 * 3_600_000);
    expect(page.order.items[0].fields).toEqual([
      { key: 'account', label: 'Game account', value: 'traveler-8848' }, { key: 'server', label: 'Server', value: 'Asia' }, { key: 'amount', label: 'Gems', value: '648' },
    ]);
    expect(page.deliveries).toEqual([]);
    // Encrypted at rest.
    const [row] = await t.q<{ fields_ciphertext: Buffer }>('select fields_ciphertext from order_items where order_id = $1', [c.order.id]);
    expect(row?.fields_ciphertext.includes(Buffer.from('traveler-8848'))).toBe(false);

    const queue = (await t.app.inject({ method: 'GET', url: '/api/v1/orders?status=awaiting_fulfilment', headers: auth })).json();
    expect(queue.data.map((o: { id: string }) => o.id)).toContain(c.order.id);
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/orders/${c.order.id}`, headers: auth })).json();
    expect(detail).toMatchObject({ status: 'awaiting_fulfilment', overdue: false, items: [{ fields: [{ key: 'account', value: 'traveler-8848' }, {}, {}] }] });

    const empty = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/fulfil`, headers: auth, payload: {} });
    expect(empty.statusCode).toBe(422);
    const fulfil = () => t.app.inject({
      method: 'POST', url: `/api/v1/orders/${c.order.id}/fulfil`, headers: auth,
      payload: { note: 'Topped up 648 gems to traveler-8848 (Asia).', items: ['Receipt TX-20261202-0001'] },
    });
    const [a, b] = await Promise.all([fulfil(), fulfil()]);
    expect([a?.statusCode, b?.statusCode].sort()).toEqual([200, 409]);
    const done = await readOrder(t, c.order.number, c.access_token);
    expect(done.json().order.status).toBe('delivered');
    expect(done.json().deliveries).toEqual([expect.objectContaining({
      kind: 'manual', items: ['Receipt TX-20261202-0001'], note: 'Topped up 648 gems to traveler-8848 (Asia).',
    })]);
    const mail = await waitFor(() => smtp.inbox.find((x) => x.subject.includes(c.order.number)));
    expect(mail.text).toContain('Receipt TX-20261202-0001');
    expect(mail.text).toContain('Topped up 648 gems');
    const [fulfilments] = await t.q<{ n: string }>(`select count(*) as n from fulfilments where order_id = $1`, [c.order.id]);
    expect(fulfilments?.n).toBe('1');
    const [audit] = await t.q<{ n: string }>(`select count(*) as n from audit_log where action = 'order.fulfil' and target_id = $1`, [c.order.id]);
    expect(audit?.n).toBe('1');
    // Another shop can neither see the fields nor fulfil.
    const other = bearer(await createApiKey(t, await signupMerchant(t)));
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/orders/${c.order.id}`, headers: other })).statusCode).toBe(404);
  });

  it('can be refunded while it waits; a partial refund leaves it in the queue', async () => {
    const p = await manualProduct();
    const c = await paidOrder(p.id, 'refund-me@example.com');
    const part = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/refunds`, headers: auth, payload: { amount: 1000 } });
    expect(part.statusCode, part.body).toBe(201);
    expect((await readOrder(t, c.order.number, c.access_token)).json().order.status).toBe('awaiting_fulfilment');
    // Fulfilled after the partial refund, it stays marked as partially refunded.
    const d = await paidOrder(p.id, 'refund-part@example.com');
    await t.app.inject({ method: 'POST', url: `/api/v1/orders/${d.order.id}/refunds`, headers: auth, payload: { amount: 500 } });
    const ful = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${d.order.id}/fulfil`, headers: auth, payload: { note: 'done, minus the part refunded' } });
    expect(ful.statusCode, ful.body).toBe(200);
    const after = (await readOrder(t, d.order.number, d.access_token)).json();
    expect(after.order.status).toBe('partially_refunded');
    expect(after.deliveries[0]).toMatchObject({ kind: 'manual', note: 'done, minus the part refunded' });
    const rest = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/refunds`, headers: auth, payload: {} });
    expect(rest.statusCode, rest.body).toBe(201);
    expect((await readOrder(t, c.order.number, c.access_token)).json().order.status).toBe('refunded');
    const late = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/fulfil`, headers: auth, payload: { note: 'too late' } });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('order_not_awaiting_fulfilment');
  });

  it('flags an overdue order once (its own column), or refunds it by itself when the product says so — only while it waits', async () => {
    const flagged = await manualProduct();
    const refunding = await manualProduct({ auto_refund: true, sla_hours: 1 });
    const a = await paidOrder(flagged.id, 'slow-a@example.com');
    const b = await paidOrder(refunding.id, 'slow-b@example.com');
    // Another reason recorded on the order (here: by hand) is neither hidden by the flag nor erased by fulfilling.
    await t.q(`update orders set needs_action_reason = 'payment_for_settled_order' where id = $1`, [a.order.id]);
    t.clock.advance(90 * 60_000);
    // (The worker's own cron may run the job too: the database, not the return value, is what counts.)
    expect((await flagOverdueFulfilments(t.services)).failed).toBe(0);
    const [ra] = await t.q<{ status: string; fulfil_overdue_at: Date | null }>('select status, fulfil_overdue_at from orders where id = $1', [a.order.id]);
    expect(ra).toEqual({ status: 'awaiting_fulfilment', fulfil_overdue_at: null });
    const [rb] = await t.q<{ status: string }>('select status from orders where id = $1', [b.order.id]);
    expect(rb?.status).toBe('refunded');
    const refunds = await t.q<{ amount: string; requested_by: string }>('select amount, requested_by from refunds where order_id = $1', [b.order.id]);
    expect(refunds).toEqual([{ amount: String(b.payment.amount), requested_by: 'system:fulfilment_overdue' }]);

    t.clock.advance(60 * 60_000);
    await flagOverdueFulfilments(t.services);
    await flagOverdueFulfilments(t.services);
    const [ra2] = await t.q<{ status: string; needs_action_reason: string | null; flagged: boolean }>(
      'select status, needs_action_reason, fulfil_overdue_at is not null as flagged from orders where id = $1', [a.order.id]);
    expect(ra2).toEqual({ status: 'awaiting_fulfilment', needs_action_reason: 'payment_for_settled_order', flagged: true });
    const [events] = await t.q<{ n: string }>(`select count(*) as n from outbox_events where type = 'order.fulfilment_overdue' and data->>'order_id' = $1`, [a.order.id]);
    expect(events?.n).toBe('1');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/orders/${a.order.id}`, headers: auth })).json()).toMatchObject({ overdue: true });
    // The dashboard counts it as needing a person.
    const dash = (await t.app.inject({ method: 'GET', url: '/api/v1/dashboard', headers: auth })).json();
    expect(dash.needs_action).toBeGreaterThanOrEqual(1);
    // The automatic refund goes ahead only if the order is still waiting: once fulfilled, it is refused.
    await t.app.inject({ method: 'POST', url: `/api/v1/orders/${a.order.id}/fulfil`, headers: auth, payload: { note: 'Done, sorry for the wait.' } });
    await expect(refundOrder({ ...t.services, actor: { type: 'system', name: 'test' } }, a.order.id, {}, { onlyFrom: ['awaiting_fulfilment'], platform: true }))
      .rejects.toMatchObject({ code: 'order_changed' });
    const [ra3] = await t.q<{ status: string; needs_action_reason: string | null }>('select status, needs_action_reason from orders where id = $1', [a.order.id]);
    expect(ra3).toEqual({ status: 'delivered', needs_action_reason: 'payment_for_settled_order' });
  });

  it('still refunds by itself when the process stops between the flag and the refund (next run)', async () => {
    const p = await manualProduct({ auto_refund: true, sla_hours: 1 });
    const c = await paidOrder(p.id, 'retry-refund@example.com');
    t.clock.advance(2 * 3_600_000);
    armFault('overdue.flagged');
    await expect(flagOverdueFulfilments(t.services)).rejects.toThrow('injected fault');
    const [flaggedOnly] = await t.q<{ status: string; flagged: boolean }>('select status, fulfil_overdue_at is not null as flagged from orders where id = $1', [c.order.id]);
    expect(flaggedOnly).toEqual({ status: 'awaiting_fulfilment', flagged: true });
    await flagOverdueFulfilments(t.services);
    const [after] = await t.q<{ status: string }>('select status from orders where id = $1', [c.order.id]);
    expect(after?.status).toBe('refunded');
  });
});
