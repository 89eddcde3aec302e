// Stripe: Checkout Sessions and signed webhooks.
//
// The payment opens a Checkout Session (POST /v1/checkout/sessions, form
// encoded, `Idempotency-Key` = our payment id) and sends the buyer to its
// hosted page. Stripe calls back with events signed in the `Stripe-Signature`
// header: `t=<unix>,v1=<hex HMAC-SHA256(webhook secret, "<t>.<raw body>")>`,
// refused outside the tolerance. checkout.session.completed with
// payment_status "paid" (or async_payment_succeeded) is a payment; the
// session's client_reference_id is our payment id; amount_total is already in
// minor units. We answer 200 {"received":true}.
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { safeEqual } from '../../../../lib/crypto.ts';
import {
  GatewayError, type CreatedPayment, type GatewayAdapter, type IncomingNotify, type NotifyVerdict, type PaymentToCreate,
  type PaymentToQuery, type QueryResult, type RefundResult, type RefundToMake,
} from '../gateway-adapter.ts';
import { gatewayRequest, joinUrl, type GatewayResponse } from '../gateway-http.ts';

export const StripeSettings = z.object({
  secret_key: z.string().trim().regex(/^(sk|rk)_(live|test)_[A-Za-z0-9]{8,}$/, 'must be a Stripe secret or restricted key (sk_live_…, sk_test_…, rk_…)'),
  webhook_secret: z.string().trim().regex(/^whsec_[A-Za-z0-9+/=]{8,}$/, 'must be the endpoint\'s signing secret (whsec_…)'),
  api_url: z.url({ protocol: /^https?$/ }).default('https://api.stripe.com'),
  tolerance_seconds: z.number().int().min(30).max(3600).default(300),
});
export type StripeSettings = z.infer<typeof StripeSettings>;

/** Stripe's form encoding: nested keys in brackets. */
function form(fields: Record<string, string | number>): string {
  return new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)])).toString();
}

async function call(s: StripeSettings, method: 'GET' | 'POST', path: string, fields?: Record<string, string | number>, idempotencyKey?: string) {
  const res: GatewayResponse = await gatewayRequest(joinUrl(s.api_url, path), {
    method,
    headers: {
      authorization: `Bearer ${s.secret_key}`,
      accept: 'application/json',
      ...(fields ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
    },
    body: fields ? form(fields) : undefined,
  });
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(res.text) as Record<string, unknown>;
  } catch {
    throw new GatewayError(`Stripe answered HTTP ${res.status} with something that is not JSON.`);
  }
  return { status: res.status, body };
}

function stripeError(body: Record<string, unknown>, status: number): GatewayError {
  const e = body.error as { message?: unknown; code?: unknown } | undefined;
  const message = typeof e?.message === 'string' ? e.message.slice(0, 300) : `HTTP ${status}`;
  return new GatewayError(`Stripe refused: ${message}`);
}

async function createPayment(s: StripeSettings, p: PaymentToCreate): Promise<CreatedPayment> {
  const now = Math.floor(Date.now() / 1000);
  // Stripe wants a session to live between 30 minutes and 24 hours.
  const expiresAt = Math.min(now + 24 * 3600 - 60, Math.max(now + 30 * 60 + 60, Math.floor(p.expiresAt.getTime() / 1000)));
  const { status, body } = await call(s, 'POST', '/v1/checkout/sessions', {
    mode: 'payment',
    success_url: p.returnUrl,
    cancel_url: p.returnUrl,
    client_reference_id: p.paymentId,
    'metadata[payment_id]': p.paymentId,
    'metadata[order_number]': p.orderNumber,
    'payment_intent_data[metadata][payment_id]': p.paymentId,
    'line_items[0][quantity]': 1,
    'line_items[0][price_data][currency]': p.currency.toLowerCase(),
    'line_items[0][price_data][unit_amount]': p.amount,
    'line_items[0][price_data][product_data][name]': p.subject.slice(0, 250),
    expires_at: expiresAt,
  }, p.paymentId);
  if (status >= 400) throw stripeError(body, status);
  if (typeof body.id !== 'string' || typeof body.url !== 'string') throw new GatewayError('Stripe created a session without an id or url.');
  return { action: { kind: 'redirect', url: body.url }, gatewayReference: body.id };
}

/** Parses `t=…,v1=…,v1=…`; returns undefined when malformed. */
function parseSignatureHeader(h: string): { t: number; v1: string[] } | undefined {
  let t: number | undefined;
  const v1: string[] = [];
  for (const part of h.split(',')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const k = part.slice(0, i).trim();
    const v = part.slice(i + 1).trim();
    if (k === 't' && /^\d{1,12}$/.test(v)) t = Number(v);
    if (k === 'v1' && /^[0-9a-f]{64}$/i.test(v)) v1.push(v.toLowerCase());
  }
  return t === undefined || v1.length === 0 ? undefined : { t, v1 };
}

export function stripeSignature(secret: string, timestamp: number, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex');
}

function verifyNotify(s: StripeSettings, n: IncomingNotify, now: Date): NotifyVerdict {
  const header = n.headers['stripe-signature'];
  const sig = typeof header === 'string' ? parseSignatureHeader(header) : undefined;
  if (!sig) return { ok: false, reason: 'bad_signature' };
  const expected = stripeSignature(s.webhook_secret, sig.t, n.rawBody);
  if (!sig.v1.some((v) => safeEqual(v, expected))) return { ok: false, reason: 'bad_signature' };
  if (Math.abs(now.getTime() / 1000 - sig.t) > s.tolerance_seconds) return { ok: false, reason: 'stale_timestamp' };

  let event: { type?: unknown; livemode?: unknown; data?: { object?: Record<string, unknown> } };
  try {
    event = JSON.parse(n.rawBody) as typeof event;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  // Live keys take live events only, test keys test events only.
  if (typeof event.livemode === 'boolean' && event.livemode !== s.secret_key.includes('_live_')) return { ok: false, reason: 'merchant_mismatch' };
  const type = typeof event.type === 'string' ? event.type : '';
  const session = event.data?.object;
  const status = (() => {
    switch (type) {
      case 'checkout.session.completed': return session?.payment_status === 'paid' ? 'succeeded' : 'pending';
      case 'checkout.session.async_payment_succeeded': return 'succeeded';
      case 'checkout.session.async_payment_failed':
      case 'checkout.session.expired': return 'failed';
      default: return undefined;
    }
  })();
  if (!status) return { ok: 'ignore', reason: `event_${type || 'unknown'}` };
  if (!session || session.object !== 'checkout.session') return { ok: false, reason: 'malformed' };
  const paymentId = typeof session.client_reference_id === 'string' ? session.client_reference_id
    : typeof (session.metadata as Record<string, unknown> | undefined)?.payment_id === 'string' ? String((session.metadata as Record<string, unknown>).payment_id) : undefined;
  const amount = session.amount_total;
  const currency = session.currency;
  if (!paymentId || typeof session.id !== 'string' || typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0
    || typeof currency !== 'string' || !/^[a-z]{3}$/.test(currency)) {
    return { ok: false, reason: 'malformed', paymentId };
  }
  const tradeNo = typeof session.payment_intent === 'string' ? session.payment_intent : session.id;
  return { ok: true, paymentId, tradeNo, amount, currency: currency.toUpperCase(), status, gatewayReference: session.id };
}

async function query(s: StripeSettings, p: PaymentToQuery): Promise<QueryResult> {
  if (!p.gatewayReference) return { found: false };
  const { status, body } = await call(s, 'GET', `/v1/checkout/sessions/${encodeURIComponent(p.gatewayReference)}`);
  if (status === 404) return { found: false };
  if (status >= 400) throw stripeError(body, status);
  if (body.client_reference_id !== undefined && body.client_reference_id !== null && body.client_reference_id !== p.paymentId) {
    throw new GatewayError('Stripe answered about another payment.');
  }
  const paid = body.payment_status === 'paid';
  return {
    found: true,
    status: paid ? 'succeeded' : body.status === 'expired' ? 'failed' : 'pending',
    tradeNo: typeof body.payment_intent === 'string' ? body.payment_intent : typeof body.id === 'string' ? body.id : undefined,
    amount: typeof body.amount_total === 'number' ? body.amount_total : undefined,
    currency: typeof body.currency === 'string' ? body.currency.toUpperCase() : undefined,
  };
}

async function refund(s: StripeSettings, r: RefundToMake): Promise<RefundResult> {
  if (!r.tradeNo.startsWith('pi_')) throw new GatewayError('This Stripe payment has no payment intent to refund.');
  const { status, body } = await call(s, 'POST', '/v1/refunds', {
    payment_intent: r.tradeNo, amount: r.amount, 'metadata[refund_id]': r.refundId, 'metadata[payment_id]': r.paymentId,
  }, r.refundId);
  if (status >= 400) throw stripeError(body, status);
  if (body.status === 'failed' || body.status === 'canceled') throw new GatewayError(`Stripe could not refund: ${String(body.failure_reason ?? body.status)}`);
  return { status: body.status === 'succeeded' ? 'succeeded' : 'pending', gatewayRefundId: typeof body.id === 'string' ? body.id : undefined };
}

async function testConnection(s: StripeSettings): Promise<{ ok: boolean; message: string }> {
  const { status, body } = await call(s, 'GET', '/v1/balance');
  if (status >= 400) return { ok: false, message: stripeError(body, status).message };
  return { ok: true, message: `Stripe accepted the ${s.secret_key.includes('_live_') ? 'live' : 'test'} key.` };
}

export const stripe: GatewayAdapter<StripeSettings> = {
  name: 'stripe',
  title: 'Stripe',
  settingsSchema: StripeSettings,
  secretFields: ['secret_key', 'webhook_secret'],
  methods: [],
  createPayment,
  verifyNotify,
  answer: (accepted) => ({ status: accepted ? 200 : 400, contentType: 'application/json', body: accepted ? '{"received":true}' : '{"received":false}' }),
  query,
  refund,
  refundIsIdempotent: () => true,
  testConnection,
};
