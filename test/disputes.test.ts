// Disputes (售后/仲裁) through HTTP on PostgreSQL: the buyer opens one with the
// order token, the order's money is held, the shop answers, sends a
// replacement or refunds, the platform rules; deadlines escalate; both sides
// are emailed (a real SMTP sink); screenshots stay private.
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker } from '../src/jobs/worker.ts';
import { completeDueOrders } from '../src/modules/flows/complete-due-orders.ts';
import { escalateOverdueDisputes } from '../src/modules/flows/escalate-dispute.ts';
import { reconcileRefunds } from '../src/modules/flows/reconcile-refunds.ts';
import { armFault } from '../src/lib/faults.ts';
import {
  adminSession, bearer, checkout, createApiKey, createProduct, importKeys, keys, notify, readOrder, setupTestApp, signedNotify, signupMerchant,
  type Checkout, type MerchantSession, type TestApp,
} from './helpers.ts';
import { startSmtpSink, waitFor, type SmtpSink } from './fakes/smtp-sink.ts';

const HOUR = 3600_000;
let smtp: SmtpSink;
let inbox: SmtpSink['inbox'];
let t: TestApp;
let admin: Record<string, string>;
let runner: Runner;

beforeAll(async () => {
  smtp = await startSmtpSink();
  inbox = smtp.inbox;
  t = await setupTestApp({ XIAOPU_ESCROW_HOURS: '72', XIAOPU_DISPUTE_RESPONSE_HOURS: '48', XIAOPU_SMTP_URL: smtp.url });
  admin = await adminSession(t);
  runner = await startWorker(t.services);
});
afterAll(async () => {
  await runner?.stop();
  await smtp?.close();
});

interface Shop { m: MerchantSession; auth: Record<string, string>; productId: string; cards: string[] }

async function shop(stock = 5, price = 1000): Promise<Shop> {
  const m = await signupMerchant(t);
  const auth = bearer(await createApiKey(t, m));
  const p = await createProduct(t, auth, { price });
  const cards = keys(stock);
  await importKeys(t, auth, p.id, cards);
  return { m, auth, productId: p.id, cards };
}

async function sell(s: Shop): Promise<Checkout> {
  const c = (await checkout(t, s.m.slug, s.productId)).json() as Checkout;
  expect((await notify(t, signedNotify(t, c))).statusCode).toBe(200);
  return c;
}

const open = (c: Checkout, body: Record<string, unknown> = { reason: 'key_invalid', message: 'The key says already redeemed' }, token = c.access_token) =>
  t.app.inject({ method: 'POST', url: `/api/v1/storefront/orders/${c.order.number}/disputes`, headers: { 'x-order-token': token }, payload: body });
const buyer = (c: Checkout, what: string, payload?: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: `/api/v1/storefront/orders/${c.order.number}/dispute/${what}`, headers: { 'x-order-token': c.access_token }, ...(payload ? { payload } : {}) });
const status = async (orderId: string) => (await t.q<{ status: string }>('select status from orders where id = $1', [orderId]))[0]!.status;
async function balance(s: Shop) {
  const b = (await t.app.inject({ method: 'GET', url: '/api/v1/balance', headers: s.auth })).json();
  return { available: b.available[0]?.amount ?? 0, pending: b.pending[0]?.amount ?? 0 };
}

describe('opening a dispute', () => {
  it('holds the order\'s money, once per order, only for its buyer, and tells both sides', async () => {
    const s = await shop();
    const c = await sell(s);
    expect((await open(c, undefined, 'not-the-token')).statusCode).toBe(404);
    expect((await open(c, { reason: 'bored', message: 'x' })).statusCode).toBe(422);
    const [a, b] = await Promise.all([open(c), open(c)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const d = (a.statusCode === 201 ? a : b).json();
    expect(d).toMatchObject({ object: 'dispute', status: 'open', reason: 'key_invalid', order: { number: c.order.number, status: 'disputed' } });
    expect(d.id).toMatch(/^dsp_/);
    expect(d.messages).toEqual([expect.objectContaining({ author: 'buyer', body: 'The key says already redeemed' })]);
    expect((a.statusCode === 409 ? a : b).json().error.code).toBe('dispute_exists');
    expect(await status(c.order.id)).toBe('disputed');

    // No completion while it is open, however long it takes.
    t.clock.advance(100 * HOUR);
    await completeDueOrders(t.services);
    expect(await status(c.order.id)).toBe('disputed');
    expect(await balance(s)).toEqual({ available: 0, pending: 1000 });

    // Another shop, another buyer's token: nothing.
    const other = await shop(1);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/disputes/${d.id}`, headers: other.auth })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/disputes/${d.id}/messages`, headers: other.auth, payload: { message: 'hi' } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/disputes', headers: s.auth })).json().data.map((x: { id: string }) => x.id)).toEqual([d.id]);

    const merchantMail = await waitFor(() => inbox.find((m) => m.to.includes(`${s.m.slug}@example.com`) && m.subject.includes(c.order.number)));
    expect(merchantMail.text).toContain(`/console/disputes/${d.id}`);
    const buyerMail = await waitFor(() => inbox.find((m) => m.to === 'buyer@example.com' && m.subject.includes(c.order.number) && m.subject.includes('dispute')));
    expect(buyerMail.text).toContain(`#token=${c.access_token}`);
    for (const m of [merchantMail, buyerMail]) for (const k of s.cards) expect(m.text).not.toContain(k);
  });

  it('cannot be opened before delivery or after completion', async () => {
    const s = await shop();
    const unpaid = (await checkout(t, s.m.slug, s.productId)).json() as Checkout;
    expect((await open(unpaid)).json().error.code).toBe('order_not_disputable');
    const c = await sell(s);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/storefront/orders/${c.order.number}/confirm`, headers: { 'x-order-token': c.access_token } })).statusCode).toBe(200);
    const late = await open(c);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('order_not_disputable');
  });
});

describe('the shop answers', () => {
  it('sends a replacement key the buyer sees, and the buyer closes the dispute', async () => {
    const s = await shop(2);
    const c = await sell(s);
    const d = (await open(c)).json();
    const rep = await t.app.inject({ method: 'POST', url: `/api/v1/disputes/${d.id}/replace`, headers: s.auth, payload: { message: 'Sorry, here is a new one' } });
    expect(rep.statusCode, rep.body).toBe(200);
    expect(rep.json().merchant_responded_at).not.toBeNull();
    const read = (await readOrder(t, c.order.number, c.access_token)).json();
    const [delivery] = read.deliveries;
    expect(delivery.items).toHaveLength(2);
    expect(delivery.replacements).toHaveLength(1);
    expect(s.cards).toContain(delivery.replacements[0]);
    expect(delivery.items[0]).not.toBe(delivery.replacements[0]);
    // The stock is gone now: a second replacement is refused and changes nothing.
    const none = await t.app.inject({ method: 'POST', url: `/api/v1/disputes/${d.id}/replace`, headers: s.auth, payload: {} });
    expect(none.json().error.code).toBe('out_of_stock');
    const audit = await t.q<{ action: string }>('select action from audit_log where target_id = $1', [d.id]);
    expect(audit.map((a) => a.action)).toEqual(['dispute.replacement_sent']);
    await waitFor(() => inbox.find((m) => m.to === 'buyer@example.com' && m.subject.includes(c.order.number) && m.subject.includes('replacement')));

    const closed = await buyer(c, 'withdraw');
    expect(closed.json()).toMatchObject({ status: 'resolved', outcome: 'withdrawn' });
    expect(await status(c.order.id)).toBe('completed');
    expect(await balance(s)).toEqual({ available: 1000, pending: 0 });
    expect((await buyer(c, 'messages', { message: 'one more thing' })).json().error.code).toBe('dispute_closed');
  });

  it('escalates a dispute the shop leaves unanswered past its deadline, and not one it answered', async () => {
    const s = await shop();
    const answered = await sell(s);
    const ignored = await sell(s);
    const da = (await open(answered)).json();
    const di = (await open(ignored)).json();
    await t.app.inject({ method: 'POST', url: `/api/v1/disputes/${da.id}/messages`, headers: s.auth, payload: { message: 'Checking, one moment' } });
    t.clock.advance(47 * HOUR);
    await escalateOverdueDisputes(t.services);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/disputes/${di.id}`, headers: s.auth })).json().status).toBe('open');
    t.clock.advance(2 * HOUR);
    await escalateOverdueDisputes(t.services);
    const after = (await t.app.inject({ method: 'GET', url: `/api/v1/disputes/${di.id}`, headers: s.auth })).json();
    expect(after.status).toBe('escalated');
    expect(after.messages.at(-1)).toMatchObject({ author: 'system' });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/disputes/${da.id}`, headers: s.auth })).json().status).toBe('open');
    const escalated = await t.app.inject({ method: 'GET', url: '/api/v1/admin/disputes?status=escalated', headers: admin });
    expect(escalated.json().data.map((x: { id: string }) => x.id)).toContain(di.id);
  });

  it('refunds in full, which closes the dispute', async () => {
    const s = await shop();
    const c = await sell(s);
    const d = (await open(c)).json();
    // A partial refund keeps the order disputed.
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/refunds`, headers: s.auth, payload: { amount: 200 } })).statusCode).toBe(201);
    expect(await status(c.order.id)).toBe('disputed');
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/refunds`, headers: s.auth, payload: {} })).statusCode).toBe(201);
    const after = (await t.app.inject({ method: 'GET', url: `/api/v1/disputes/${d.id}`, headers: s.auth })).json();
    expect(after).toMatchObject({ status: 'resolved', outcome: 'merchant_refund' });
    expect(await status(c.order.id)).toBe('refunded');
    expect(await balance(s)).toEqual({ available: 0, pending: 0 });
  });
});

describe('the platform rules', () => {
  const resolve = (id: string, body: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: `/api/v1/admin/disputes/${id}/resolve`, headers: admin, payload: body });

  it('refund: the buyer gets the money back, once; a different ruling after is 409', async () => {
    const s = await shop();
    const c = await sell(s);
    const d = (await open(c)).json();
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/disputes/${d.id}/resolve`, headers: s.auth, payload: { outcome: 'reject' } })).statusCode).toBe(404);
    const r = await resolve(d.id, { outcome: 'refund', note: 'The key was shown as used before the sale.' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'resolved', outcome: 'refund', order: { status: 'refunded' } });
    expect((await resolve(d.id, { outcome: 'refund' })).statusCode).toBe(200);
    const again = await resolve(d.id, { outcome: 'reject' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('dispute_closed');
    const refunds = await t.q<{ amount: string }>('select amount from refunds where order_id = $1 and status = $2', [c.order.id, 'succeeded']);
    expect(refunds.map((x) => Number(x.amount))).toEqual([1000]);
    const view = (await t.app.inject({
      method: 'GET', url: `/api/v1/storefront/orders/${c.order.number}/dispute`, headers: { 'x-order-token': c.access_token } })).json();
    expect(view.messages.map((m: { author: string }) => m.author)).toEqual(['buyer', 'admin', 'system']);
    // The system line says what happened in a form each reader's page can put in their language, in money, not minor units.
    expect(view.messages[2]).toMatchObject({ event: { kind: 'refunded_full', data: { amount: 1000, currency: 'CNY' } }, body: 'Refunded in full (10.00 CNY). 已全额退款。' });
    expect(view.messages[0].event).toBeNull();
  });

  it('partial refund: part goes back, the rest completes for the shop after the window', async () => {
    const s = await shop();
    const c = await sell(s);
    const d = (await open(c)).json();
    expect((await resolve(d.id, { outcome: 'partial_refund' })).statusCode).toBe(422);
    // More than was paid: bad input, refused before anything is written (no failed refund for both sides to read).
    const over = await resolve(d.id, { outcome: 'partial_refund', amount: 1001, note: 'typo' });
    expect(over.statusCode).toBe(422);
    expect(over.json().error).toMatchObject({ param: 'amount', message: 'at most 10.00 CNY is left to refund' });
    expect(await t.q('select 1 from dispute_messages where dispute_id = $1 and author <> $2', [d.id, 'buyer'])).toEqual([]);
    expect(await t.q('select 1 from refunds where order_id = $1', [c.order.id])).toEqual([]);
    const r = await resolve(d.id, { outcome: 'partial_refund', amount: 300 });
    expect(r.json()).toMatchObject({ outcome: 'partial_refund', refund_amount: 300, order: { status: 'partially_refunded' } });
    expect(await balance(s)).toEqual({ available: 0, pending: 700 });
    t.clock.advance(73 * HOUR);
    await completeDueOrders(t.services);
    expect(await balance(s)).toEqual({ available: 700, pending: 0 });
  });

  it('refunds once however many times the same ruling is sent at once', async () => {
    const s = await shop();
    const c = await sell(s);
    const d = (await open(c)).json();
    const answers = await Promise.all(Array.from({ length: 6 }, () => resolve(d.id, { outcome: 'partial_refund', amount: 400 })));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    const refunds = await t.q<{ amount: string }>('select amount from refunds where order_id = $1', [c.order.id]);
    expect(refunds.map((r) => Number(r.amount))).toEqual([400]);
    expect(await balance(s)).toEqual({ available: 0, pending: 600 });
    const after = (await t.app.inject({ method: 'GET', url: `/api/v1/admin/disputes/${d.id}`, headers: admin })).json();
    expect(after).toMatchObject({ status: 'resolved', outcome: 'partial_refund', refund_amount: 400, pending_ruling: null });
  });

  it('gives a ruling back when its refund is refused, and finishes one whose refund the gateway answers later', async () => {
    const s = await shop();
    const c = await sell(s);
    const d = (await open(c)).json();
    // More than was paid: nothing refunded, the platform can rule again.
    const tooMuch = await resolve(d.id, { outcome: 'partial_refund', amount: 5000 });
    expect(tooMuch.statusCode).toBe(422);
    const open1 = (await t.app.inject({ method: 'GET', url: `/api/v1/admin/disputes/${d.id}`, headers: admin })).json();
    expect(open1).toMatchObject({ status: 'open', pending_ruling: null });

    // The process fails after the refund was asked for: the ruling stays claimed, nothing is refunded twice…
    armFault('refund.reserved');
    expect((await resolve(d.id, { outcome: 'partial_refund', amount: 250 })).statusCode).toBe(500);
    const claimed = (await t.app.inject({ method: 'GET', url: `/api/v1/admin/disputes/${d.id}`, headers: admin })).json();
    expect(claimed).toMatchObject({ status: 'open', pending_ruling: { outcome: 'partial_refund', amount: 250 } });
    expect((await resolve(d.id, { outcome: 'partial_refund', amount: 250 })).statusCode).toBe(200);
    expect((await resolve(d.id, { outcome: 'reject' })).json().error.code).toBe('ruling_in_progress');
    expect(await t.q('select 1 from refunds where order_id = $1', [c.order.id])).toHaveLength(1);
    // …and when reconciliation hears from the gateway, the ruling is carried out.
    t.clock.advance(3 * 60_000);
    expect((await reconcileRefunds(t.services)).succeeded).toBe(1);
    const done = (await t.app.inject({ method: 'GET', url: `/api/v1/admin/disputes/${d.id}`, headers: admin })).json();
    expect(done).toMatchObject({ status: 'resolved', outcome: 'partial_refund', refund_amount: 250, pending_ruling: null, order: { status: 'partially_refunded' } });
    expect(await balance(s)).toEqual({ available: 0, pending: 750 });
  });

  it('reject: the order completes and the shop is paid', async () => {
    const s = await shop();
    const c = await sell(s);
    const d = (await open(c, { reason: 'not_as_described', message: 'Wrong region' })).json();
    const r = await resolve(d.id, { outcome: 'reject' });
    expect(r.json()).toMatchObject({ status: 'resolved', outcome: 'reject', order: { status: 'completed' } });
    expect(await balance(s)).toEqual({ available: 1000, pending: 0 });
    const audit = await t.q<{ action: string }>('select action from audit_log where target_id = $1', [d.id]);
    expect(audit.map((a) => a.action)).toEqual(['dispute.resolved']);
  });
});

describe('screenshots', () => {
  it('attaches a PNG the shop and the buyer can see, and nothing else', async () => {
    const s = await shop();
    const c = await sell(s);
    const d = (await open(c)).json();
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
    const upload = async (data: Buffer, name: string) => {
      const fd = new FormData();
      fd.append('message', 'See the error on screen');
      fd.append('file', new Blob([new Uint8Array(data)]), name);
      const req = new Request('http://x/', { method: 'POST', body: fd });
      return t.app.inject({
        method: 'POST', url: `/api/v1/storefront/orders/${c.order.number}/dispute/messages`,
        headers: { 'x-order-token': c.access_token, 'content-type': req.headers.get('content-type')! }, payload: Buffer.from(await req.arrayBuffer()),
      });
    };
    const bad = await upload(Buffer.from('<svg onload=alert(1)>'), 'shot.png');
    expect(bad.statusCode).toBe(422);
    const ok = await upload(png, 'shot.png');
    expect(ok.statusCode, ok.body).toBe(200);
    const msg = ok.json().messages.at(-1);
    expect(msg).toMatchObject({ author: 'buyer', body: 'See the error on screen', attachment: { type: 'image/png' } });
    const got = await t.app.inject({ method: 'GET', url: msg.attachment.url, headers: { 'x-order-token': c.access_token } });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.rawPayload.equals(png)).toBe(true);
    const shopView = (await t.app.inject({ method: 'GET', url: `/api/v1/disputes/${d.id}`, headers: s.auth })).json();
    const url = shopView.messages.at(-1).attachment.url;
    expect((await t.app.inject({ method: 'GET', url, headers: s.auth })).rawPayload.equals(png)).toBe(true);
    expect((await t.app.inject({ method: 'GET', url, headers: admin })).statusCode).toBe(200);
    const other = await shop(1);
    expect((await t.app.inject({ method: 'GET', url, headers: other.auth })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: msg.attachment.url, headers: { 'x-order-token': 'nope' } })).statusCode).toBe(404);
    // Kept in the database with its message; a request without the order's token stores nothing.
    const stored = await t.q<{ n: string }>('select count(*) as n from dispute_messages where attachment_data is not null');
    const fd = new FormData();
    fd.append('file', new Blob([new Uint8Array(png)]), 'shot.png');
    const req = new Request('http://x/', { method: 'POST', body: fd });
    const stranger = await t.app.inject({
      method: 'POST', url: `/api/v1/storefront/orders/${c.order.number}/dispute/messages`,
      headers: { 'x-order-token': 'garbage', 'content-type': req.headers.get('content-type') ?? '' }, payload: Buffer.from(await req.arrayBuffer()),
    });
    expect(stranger.statusCode).toBe(404);
    expect(await t.q<{ n: string }>('select count(*) as n from dispute_messages where attachment_data is not null')).toEqual(stored);
  });
});
