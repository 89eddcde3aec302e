// The built-in sandbox gateway (core contract, DESIGN §12), an adapter like
// the others but configured from the environment (XIAOPU_SANDBOX_ENABLED,
// XIAOPU_SANDBOX_SECRET), for demos and tests. The buyer pays on XiaoPu's own
// page (`/pay/sandbox/{payment_id}`, Pay / Fail), which sends the signed
// notify; its notify comes in at `/api/v1/payments/sandbox/notify` like any
// gateway's, as JSON, a form or a query string; refunds succeed at once.
import { z } from 'zod';
import { GatewayError, plainTextAnswer, type GatewayAdapter, type IncomingNotify, type NotifyVerdict } from '../gateway-adapter.ts';
import { sandboxSignature, SandboxNotify, sandboxPayload } from '../sandbox.ts';
import { safeEqual } from '../../../../lib/crypto.ts';

export interface SandboxSettings {
  secret: string;
}

/** The notify's fields: the body (JSON or form) when there is one, else the query string. */
function fields(n: IncomingNotify): unknown {
  return n.body !== undefined && n.body !== null && typeof n.body === 'object' ? n.body : n.query;
}

export const sandbox: GatewayAdapter<SandboxSettings> = {
  name: 'sandbox',
  title: 'Sandbox (no real money)',
  settingsSchema: z.object({ secret: z.string().min(1) }),
  secretFields: ['secret'],
  methods: [],
  fromEnvironment: true,
  ownPayPage: (publicUrl, paymentId) => `${publicUrl}/pay/sandbox/${paymentId}`,
  createPayment: () => Promise.reject(new GatewayError('The sandbox is paid on its own page (pay_url), not opened at a gateway.')),

  verifyNotify(settings, n): NotifyVerdict {
    const body = fields(n);
    const parsed = SandboxNotify.safeParse(body);
    if (!parsed.success) {
      const id = (body as { payment_id?: unknown } | undefined)?.payment_id;
      return { ok: false, reason: 'malformed', paymentId: typeof id === 'string' ? id.slice(0, 64) : undefined };
    }
    const v = parsed.data;
    if (!safeEqual(sandboxSignature(settings.secret, sandboxPayload(v)), v.signature.toLowerCase())) {
      return { ok: false, reason: 'bad_signature', paymentId: v.payment_id };
    }
    const status = v.status === 'succeeded' || v.status === 'pending' ? v.status : 'failed';
    return { ok: true, paymentId: v.payment_id, tradeNo: v.trade_no, amount: v.amount, currency: v.currency, status };
  },

  answer: plainTextAnswer('success'),

  refund: (_settings, r) => Promise.resolve({ status: 'succeeded', gatewayRefundId: `sbx_${r.refundId.slice(4)}` }),
  refundIsIdempotent: () => true,
};
