// Alipay open platform (支付宝开放平台), RSA2.
//
// Requests carry app_id, method, format=JSON, charset=utf-8, sign_type=RSA2,
// timestamp ("yyyy-MM-dd HH:mm:ss", Beijing time), version=1.0 and
// biz_content (JSON), signed RSA-SHA256 (base64) with the app private key
// over the parameters sorted by name as `k=v&…` (without `sign` and empty
// values). Products: precreate (当面付: XiaoPu shows the QR code), page
// (电脑网站) and wap (手机网站): the browser posts the signed form to the
// gateway. Answers are verified over the exact text of their
// `<method>_response` node with the Alipay public key.
//
// Notifies are forms; the signature covers every parameter but `sign` and
// `sign_type`. TRADE_SUCCESS and TRADE_FINISHED are payments. We answer the
// plain text `success`.
import { createSign, createVerify, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { fromDecimalString, toDecimalString } from '../../../../lib/money.ts';
import {
  GatewayError, plainTextAnswer, type CreatedPayment, type GatewayAdapter, type IncomingNotify, type NotifyVerdict, type PaymentStatus,
  type PaymentToCreate, type PaymentToQuery, type QueryResult, type RefundResult, type RefundToMake,
} from '../gateway-adapter.ts';
import { postForm } from '../gateway-http.ts';
import { isRsaPrivateKey, isRsaPublicKey, rsaPrivateKey, rsaPublicKey } from '../rsa-keys.ts';

const key = z.string().trim().min(1, 'must not be empty').max(8192);

export const AlipaySettings = z.object({
  app_id: z.string().trim().regex(/^\d{8,32}$/, 'must be the numeric app id (APPID)'),
  app_private_key: key.refine((k) => isRsaPrivateKey(k), 'is not an RSA private key (PEM or base64 PKCS#8/PKCS#1)'),
  alipay_public_key: key.refine((k) => isRsaPublicKey(k), 'is not an RSA public key (PEM or base64)'),
  gateway_url: z.url({ protocol: /^https?$/ }).default('https://openapi.alipay.com/gateway.do'),
  product: z.enum(['precreate', 'page', 'wap']).default('precreate'),
});
export type AlipaySettings = z.infer<typeof AlipaySettings>;

export function alipaySignContent(params: Record<string, unknown>, exclude: readonly string[]): string {
  return Object.keys(params)
    .filter((k) => !exclude.includes(k) && typeof params[k] === 'string' && params[k] !== '')
    .sort()
    .map((k) => `${k}=${String(params[k])}`)
    .join('&');
}

/** Beijing time, whatever the machine's time zone. */
function timestamp(now: Date): string {
  const d = new Date(now.getTime() + 8 * 3600 * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

function signed(s: AlipaySettings, method: string, biz: Record<string, unknown>, extra: Record<string, string> = {}): Record<string, string> {
  const params: Record<string, string> = {
    app_id: s.app_id, method, format: 'JSON', charset: 'utf-8', sign_type: 'RSA2', timestamp: timestamp(new Date()), version: '1.0',
    biz_content: JSON.stringify(biz), ...extra,
  };
  const sign = createSign('RSA-SHA256').update(alipaySignContent(params, ['sign']), 'utf8').sign(rsaPrivateKey(s.app_private_key), 'base64');
  return { ...params, sign };
}

/** The exact text of `"<node>": {…}` in a raw JSON answer (signatures cover these bytes, not a re-serialisation). */
export function extractNode(raw: string, node: string): string | undefined {
  const at = raw.indexOf(`"${node}"`);
  if (at < 0) return undefined;
  let i = raw.indexOf('{', at + node.length + 2);
  if (i < 0) return undefined;
  const start = i;
  let depth = 0;
  let inString = false;
  for (; i < raw.length; i++) {
    const c = raw[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return raw.slice(start, i + 1);
  }
  return undefined;
}

async function call(s: AlipaySettings, method: string, biz: Record<string, unknown>, extra?: Record<string, string>): Promise<Record<string, unknown>> {
  const res = await postForm(`${s.gateway_url}?charset=utf-8`, signed(s, method, biz, extra));
  const nodeName = `${method.replace(/\./g, '_')}_response`;
  let parsed: { sign?: unknown; error_response?: Record<string, unknown> } & Record<string, unknown>;
  try {
    parsed = JSON.parse(res.text) as typeof parsed;
  } catch {
    throw new GatewayError(`Alipay answered HTTP ${res.status} with something that is not JSON.`);
  }
  const node = (parsed[nodeName] ?? parsed.error_response) as Record<string, unknown> | undefined;
  if (!node) throw new GatewayError('Alipay answered without a response node.');
  const text = extractNode(res.text, parsed[nodeName] ? nodeName : 'error_response');
  const ok = typeof parsed.sign === 'string' && text !== undefined
    && createVerify('RSA-SHA256').update(text, 'utf8').verify(rsaPublicKey(s.alipay_public_key), parsed.sign, 'base64');
  // Alipay leaves some errors (a bad app id, a bad signature of ours) unsigned; those are never trusted as success.
  if (!ok && node.code === '10000') throw new GatewayError('Alipay\'s answer is not signed with the configured Alipay public key.');
  return { ...node, verified: ok };
}

function describe(node: Record<string, unknown>): string {
  return [node.sub_msg, node.msg, node.sub_code, node.code].filter((x) => typeof x === 'string' && x !== '').join(' · ').slice(0, 300) || 'no reason given';
}

async function createPayment(s: AlipaySettings, p: PaymentToCreate): Promise<CreatedPayment> {
  const biz: Record<string, unknown> = {
    out_trade_no: p.paymentId, total_amount: toDecimalString(p.amount, p.currency), subject: p.subject.slice(0, 256),
    time_expire: timestamp(p.expiresAt),
  };
  if (s.product === 'precreate') {
    const node = await call(s, 'alipay.trade.precreate', biz, { notify_url: p.notifyUrl });
    if (node.code !== '10000' || typeof node.qr_code !== 'string') throw new GatewayError(`Alipay refused the payment: ${describe(node)}`);
    return { action: { kind: 'qr', content: node.qr_code } };
  }
  const method = s.product === 'page' ? 'alipay.trade.page.pay' : 'alipay.trade.wap.pay';
  const fields = signed(s, method, { ...biz, product_code: s.product === 'page' ? 'FAST_INSTANT_TRADE_PAY' : 'QUICK_WAP_WAY' },
    { notify_url: p.notifyUrl, return_url: p.returnUrl });
  return { action: { kind: 'form', method: 'POST', action: `${s.gateway_url}?charset=utf-8`, fields } };
}

function statusOf(tradeStatus: unknown): PaymentStatus {
  return tradeStatus === 'TRADE_SUCCESS' || tradeStatus === 'TRADE_FINISHED' ? 'succeeded' : tradeStatus === 'TRADE_CLOSED' ? 'failed' : 'pending';
}

function verifyNotify(s: AlipaySettings, n: IncomingNotify): NotifyVerdict {
  const source = n.method === 'GET' ? n.query : n.body;
  if (!source || typeof source !== 'object') return { ok: false, reason: 'malformed' };
  const params = source as Record<string, unknown>;
  if (Object.values(params).some((v) => typeof v !== 'string')) return { ok: false, reason: 'malformed' };
  const paymentId = typeof params.out_trade_no === 'string' ? params.out_trade_no.slice(0, 64) : undefined;
  const sign = params.sign;
  let ok = false;
  try {
    ok = typeof sign === 'string' && sign !== '' && params.sign_type === 'RSA2'
      && createVerify('RSA-SHA256').update(alipaySignContent(params, ['sign', 'sign_type']), 'utf8').verify(rsaPublicKey(s.alipay_public_key), sign, 'base64');
  } catch {
    ok = false;
  }
  if (!ok) return { ok: false, reason: 'bad_signature', paymentId };
  if (params.app_id !== s.app_id) return { ok: false, reason: 'merchant_mismatch', paymentId };
  if (params.notify_type !== undefined && params.notify_type !== 'trade_status_sync') return { ok: 'ignore', reason: `notify_${String(params.notify_type)}` };
  const tradeNo = params.trade_no;
  if (!paymentId || typeof tradeNo !== 'string' || tradeNo === '' || tradeNo.length > 128) return { ok: false, reason: 'malformed', paymentId };
  const amount = fromDecimalString(params.total_amount, 'CNY');
  if (amount === undefined) return { ok: false, reason: 'malformed_amount', paymentId };
  return { ok: true, paymentId, tradeNo, amount, currency: 'CNY', status: statusOf(params.trade_status) };
}

async function query(s: AlipaySettings, p: PaymentToQuery): Promise<QueryResult> {
  const node = await call(s, 'alipay.trade.query', { out_trade_no: p.paymentId });
  if (node.sub_code === 'ACQ.TRADE_NOT_EXIST') return { found: false };
  if (node.code !== '10000') throw new GatewayError(`Alipay could not query the trade: ${describe(node)}`);
  if (node.out_trade_no !== undefined && node.out_trade_no !== p.paymentId) throw new GatewayError('Alipay answered about another trade.');
  return {
    found: true, status: statusOf(node.trade_status), tradeNo: typeof node.trade_no === 'string' ? node.trade_no : undefined,
    amount: fromDecimalString(node.total_amount, 'CNY'), currency: 'CNY',
  };
}

async function refund(s: AlipaySettings, r: RefundToMake): Promise<RefundResult> {
  const node = await call(s, 'alipay.trade.refund', {
    out_trade_no: r.paymentId, refund_amount: toDecimalString(r.amount, r.currency), out_request_no: r.refundId, ...(r.reason ? { refund_reason: r.reason.slice(0, 256) } : {}),
  });
  if (node.code !== '10000') throw new GatewayError(`Alipay refused the refund: ${describe(node)}`);
  return { status: node.fund_change === 'Y' ? 'succeeded' : 'pending', gatewayRefundId: typeof node.trade_no === 'string' ? `${node.trade_no}:${r.refundId}` : undefined };
}

async function testConnection(s: AlipaySettings): Promise<{ ok: boolean; message: string }> {
  // Asking about a trade that cannot exist: a signed "trade does not exist" proves the app id and both keys.
  const node = await call(s, 'alipay.trade.query', { out_trade_no: `xiaopu_test_${randomBytes(6).toString('hex')}` });
  if (node.sub_code === 'ACQ.TRADE_NOT_EXIST' && node.verified === true) return { ok: true, message: `Alipay accepted app ${s.app_id} and its keys.` };
  if (node.sub_code === 'ACQ.TRADE_NOT_EXIST') return { ok: false, message: 'Alipay answered, but not signed with the configured Alipay public key.' };
  return { ok: false, message: `Alipay refused: ${describe(node)}` };
}

export const alipay: GatewayAdapter<AlipaySettings> = {
  name: 'alipay',
  title: '支付宝 Alipay',
  settingsSchema: AlipaySettings,
  secretFields: ['app_private_key'],
  methods: [],
  currencies: ['CNY'],
  createPayment,
  verifyNotify,
  answer: plainTextAnswer('success'),
  query,
  refund,
  refundIsIdempotent: () => true,
  testConnection,
};
