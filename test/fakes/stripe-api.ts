// A local stand-in for the parts of Stripe's API XiaoPu calls: Checkout
// Sessions, refunds and the balance. It checks the secret key and the
// Idempotency-Key the way Stripe does, and lets a test "pay" a session.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSession {
  id: string; object: 'checkout.session'; url: string; client_reference_id: string; metadata: Record<string, string>;
  amount_total: number; currency: string; payment_status: 'unpaid' | 'paid'; status: 'open' | 'complete' | 'expired';
  payment_intent: string | null; expires_at: number; livemode: boolean;
}

export interface FakeStripe {
  url: string;
  secretKey: string;
  sessions: Map<string, FakeSession>;
  refunds: Array<{ id: string; payment_intent: string; amount: number }>;
  requests: Array<{ method: string; path: string; idempotencyKey?: string; authorized: boolean; form?: Record<string, string> }>;
  /** Make the next N refunds, then answer 500 anyway (Stripe's worst case: done, but the answer is lost). */
  failRefundAnswers: number;
  /** The buyer pays on Stripe's page. */
  pay(sessionId: string): FakeSession;
  /** The first session made for one of our payments. */
  sessionFor(paymentId: string): FakeSession | undefined;
  close(): Promise<void>;
}

export async function startFakeStripe(secretKey = 'sk_test_fakeStripeKey0123456789'): Promise<FakeStripe> {
  const sessions = new Map<string, FakeSession>();
  const byIdempotency = new Map<string, string>();
  const refunds: FakeStripe['refunds'] = [];
  const refundsByKey = new Map<string, FakeStripe['refunds'][number]>();
  const requests: FakeStripe['requests'] = [];
  const fake = { failRefundAnswers: 0 } as FakeStripe;
  let seq = 0;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => { raw += c.toString('utf8'); });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const authorized = req.headers.authorization === `Bearer ${secretKey}`;
      const idempotencyKey = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : undefined;
      const form = raw ? Object.fromEntries(new URLSearchParams(raw)) : undefined;
      requests.push({ method: req.method ?? '', path: url.pathname, idempotencyKey, authorized, form });
      const json = (status: number, body: unknown) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(body)); };
      if (!authorized) return json(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided: sk_test_****' } });
      if (req.method === 'POST' && url.pathname === '/v1/checkout/sessions') {
        const again = idempotencyKey && byIdempotency.get(idempotencyKey);
        if (again) return json(200, sessions.get(again));
        const f = form ?? {};
        if (!f['line_items[0][price_data][unit_amount]'] || !f.client_reference_id || f.mode !== 'payment') {
          return json(400, { error: { type: 'invalid_request_error', message: 'Missing required param: line_items.' } });
        }
        const id = `cs_test_${String(++seq).padStart(8, '0')}`;
        const s: FakeSession = {
          id, object: 'checkout.session', url: `https://checkout.stripe.test/c/pay/${id}`, client_reference_id: f.client_reference_id,
          metadata: { payment_id: f['metadata[payment_id]'] ?? '' }, amount_total: Number(f['line_items[0][price_data][unit_amount]']),
          currency: f['line_items[0][price_data][currency]'] ?? '', payment_status: 'unpaid', status: 'open', payment_intent: null,
          expires_at: Number(f.expires_at), livemode: false,
        };
        sessions.set(id, s);
        if (idempotencyKey) byIdempotency.set(idempotencyKey, id);
        return json(200, s);
      }
      const m = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(url.pathname);
      if (req.method === 'GET' && m) {
        const s = sessions.get(decodeURIComponent(m[1]!));
        return s ? json(200, s) : json(404, { error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such checkout.session' } });
      }
      if (req.method === 'POST' && url.pathname === '/v1/refunds') {
        // The same Idempotency-Key answers the refund it made, as Stripe does.
        const key = req.headers['idempotency-key'];
        const earlier = typeof key === 'string' ? refundsByKey.get(key) : undefined;
        if (earlier) return json(200, { ...earlier, object: 'refund', status: 'succeeded' });
        const s = [...sessions.values()].find((x) => x.payment_intent === form?.payment_intent);
        if (!s) return json(400, { error: { type: 'invalid_request_error', message: 'No such payment_intent' } });
        const refunded = refunds.filter((r) => r.payment_intent === s.payment_intent).reduce((a, r) => a + r.amount, 0);
        const amount = Number(form?.amount ?? s.amount_total - refunded);
        if (refunded + amount > s.amount_total) return json(400, { error: { type: 'invalid_request_error', message: 'Refund amount exceeds the charge.' } });
        const r = { id: `re_${String(++seq).padStart(8, '0')}`, payment_intent: s.payment_intent!, amount };
        refunds.push(r);
        if (typeof key === 'string') refundsByKey.set(key, r);
        if (fake.failRefundAnswers > 0) {
          fake.failRefundAnswers--;
          return json(500, { error: { type: 'api_error', message: 'An unknown error occurred' } });
        }
        return json(200, { ...r, object: 'refund', status: 'succeeded' });
      }
      if (req.method === 'GET' && url.pathname === '/v1/balance') return json(200, { object: 'balance', available: [], livemode: false });
      json(404, { error: { type: 'invalid_request_error', message: 'Unrecognized request URL' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const rest: Omit<FakeStripe, 'failRefundAnswers'> = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, secretKey, sessions, refunds, requests,
    pay(id) {
      const s = sessions.get(id)!;
      s.payment_status = 'paid';
      s.status = 'complete';
      s.payment_intent = `pi_${id.slice(8)}`;
      return s;
    },
    sessionFor: (paymentId) => [...sessions.values()].find((s) => s.client_reference_id === paymentId),
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
  return Object.assign(fake, rest);
}
