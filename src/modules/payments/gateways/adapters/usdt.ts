// USDT (TRC20) through the Epusdt protocol family (Epusdt, BEpusdt, TokenPay's
// Epusdt-compatible API): a self-hosted service watches the chain and tells
// XiaoPu when the buyer's transfer landed.
//
// Signature: lowercase hex md5 of the parameters sorted by name as
// `k=v&…` (without `signature` and empty values), followed directly by the
// API token. Numbers are written as the service writes them (12.3, not
// 12.30). Create: POST {api_url}/api/v1/order/create-transaction (JSON)
// → {status_code:200, data:{trade_id, payment_url, actual_amount, …}}.
// Notify: POST JSON {trade_id, order_id, amount, actual_amount, token,
// block_transaction_id, status, signature}; status 2 is paid. We answer `ok`.
// There is no query or refund API: refunds go to the buyer's wallet.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { safeEqual } from '../../../../lib/crypto.ts';
import { fromDecimalString, toDecimalString } from '../../../../lib/money.ts';
import { GatewayError, plainTextAnswer, type CreatedPayment, type GatewayAdapter, type IncomingNotify, type NotifyVerdict, type PaymentToCreate } from '../gateway-adapter.ts';
import { gatewayRequest, joinUrl, parseJsonAnswer } from '../gateway-http.ts';

export const UsdtSettings = z.object({
  api_url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  token: z.string().trim().min(8, 'the API token must have at least 8 characters').max(256),
  flavor: z.enum(['epusdt', 'bepusdt']).default('epusdt'),
  /** BEpusdt only: which chain and coin. */
  trade_type: z.string().trim().min(1).max(32).default('usdt.trc20'),
});
export type UsdtSettings = z.infer<typeof UsdtSettings>;

/** The value as the service signs it: strings as they are, numbers in their shortest form. */
function signValue(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

export function usdtSignature(params: Record<string, unknown>, token: string): string {
  const content = Object.keys(params)
    .filter((k) => k !== 'signature')
    .map((k) => [k, signValue(params[k])] as const)
    .filter((kv): kv is readonly [string, string] => kv[1] !== undefined && kv[1] !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  return createHash('md5').update(content + token, 'utf8').digest('hex');
}

async function createPayment(s: UsdtSettings, p: PaymentToCreate): Promise<CreatedPayment> {
  // The amount as a JSON number in yuan, written exactly ("12.30" → 12.3).
  const amount = Number(toDecimalString(p.amount, p.currency));
  const params: Record<string, string | number> = { order_id: p.paymentId, amount, notify_url: p.notifyUrl, redirect_url: p.returnUrl };
  if (s.flavor === 'bepusdt') params.trade_type = s.trade_type;
  const url = joinUrl(s.api_url, 'api/v1/order/create-transaction');
  const res = await gatewayRequest(url, {
    method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ ...params, signature: usdtSignature(params, s.token) }),
  });
  const answer = parseJsonAnswer(res, url);
  const data = answer.data as Record<string, unknown> | undefined;
  if (Number(answer.status_code) !== 200 || !data) {
    throw new GatewayError(`The USDT service refused the payment: ${typeof answer.message === 'string' ? answer.message.slice(0, 200) : `HTTP ${res.status}`}`);
  }
  if (typeof data.payment_url !== 'string' || !/^https?:\/\//.test(data.payment_url)) throw new GatewayError('The USDT service sent no payment_url.');
  return { action: { kind: 'redirect', url: data.payment_url }, gatewayReference: typeof data.trade_id === 'string' ? data.trade_id : undefined };
}

function verifyNotify(s: UsdtSettings, n: IncomingNotify): NotifyVerdict {
  const body = n.body;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: false, reason: 'malformed' };
  const p = body as Record<string, unknown>;
  const paymentId = typeof p.order_id === 'string' ? p.order_id.slice(0, 64) : undefined;
  if (Object.values(p).some((v) => v !== null && typeof v === 'object')) return { ok: false, reason: 'malformed', paymentId };
  if (typeof p.signature !== 'string' || !safeEqual(usdtSignature(p, s.token), p.signature.toLowerCase())) {
    return { ok: false, reason: 'bad_signature', paymentId };
  }
  const tradeId = typeof p.trade_id === 'string' ? p.trade_id : undefined;
  if (!paymentId || !tradeId) return { ok: false, reason: 'malformed', paymentId };
  const amount = fromDecimalString(signValue(p.amount), 'CNY');
  if (amount === undefined) return { ok: false, reason: 'malformed_amount', paymentId };
  const status = Number(p.status) === 2 ? 'succeeded' : Number(p.status) === 3 ? 'failed' : 'pending';
  const chainTx = typeof p.block_transaction_id === 'string' && p.block_transaction_id !== '' ? p.block_transaction_id : undefined;
  if (status === 'succeeded' && !chainTx) return { ok: false, reason: 'malformed', paymentId };
  return { ok: true, paymentId, tradeNo: chainTx ?? tradeId, amount, currency: 'CNY', status, gatewayReference: tradeId };
}

export const usdt: GatewayAdapter<UsdtSettings> = {
  name: 'usdt',
  title: 'USDT (TRC20)',
  settingsSchema: UsdtSettings,
  secretFields: ['token'],
  methods: [],
  currencies: ['CNY'],
  createPayment,
  verifyNotify,
  answer: plainTextAnswer('ok'),
};
