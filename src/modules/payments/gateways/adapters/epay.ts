// 易支付 (epay), the de-facto protocol of Chinese payment aggregators.
//
// v1 (MD5): sign = lowercase hex md5(sorted "k=v&…" + KEY), where the sorted
// string skips `sign`, `sign_type` and empty values and the key is appended
// with no separator. Pay through `submit.php` (browser form) or `mapi.php`
// (server call answering {code:1, trade_no, payurl|qrcode|urlscheme}).
// Query and refund through `api.php?act=order|refund`.
//
// v2 (RSA): the same sorted string plus `timestamp`, signed RSA-SHA256
// (PKCS#1 v1.5, base64) with the merchant private key, `sign_type=RSA`; the
// gateway's notifies and answers are verified with the platform public key.
// Endpoints under `/api/pay/{submit,create,query,refund}` and
// `/api/merchant/info`; code 0 means success.
//
// Notifies carry pid, trade_no, out_trade_no (our payment id), type, money
// ("12.30" yuan) and trade_status; only TRADE_SUCCESS is a payment. We answer
// the plain text `success`, or the gateway retries.
import { createHash, createSign, createVerify } from 'node:crypto';
import { z } from 'zod';
import { safeEqual } from '../../../../lib/crypto.ts';
import { fromDecimalString, toDecimalString } from '../../../../lib/money.ts';
import {
  GatewayError, plainTextAnswer, type CreatedPayment, type GatewayAdapter, type IncomingNotify, type NotifyVerdict,
  type PaymentToCreate, type PaymentToQuery, type QueryResult, type RefundResult, type RefundToMake,
} from '../gateway-adapter.ts';
import { gatewayRequest, joinUrl, parseJsonAnswer, postForm } from '../gateway-http.ts';
import { isRsaPrivateKey, isRsaPublicKey, rsaPrivateKey, rsaPublicKey } from '../rsa-keys.ts';

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const common = {
  api_url: httpUrl,
  pid: z.string().trim().min(1).max(64),
  /** `submit`: the browser posts a signed form to the gateway; `api`: we call the gateway and show its QR code or link. */
  mode: z.enum(['submit', 'api']).default('submit'),
};

const pemOrBase64 = z.string().trim().min(1, 'must not be empty').max(8192);

export const EpaySettings = z.discriminatedUnion('version', [
  z.object({ version: z.literal(1), ...common, key: z.string().trim().min(8, 'the merchant key must have at least 8 characters').max(256) }),
  z.object({
    version: z.literal(2), ...common,
    merchant_private_key: pemOrBase64.refine((k) => isRsaPrivateKey(k), 'is not an RSA private key (PEM or base64 DER)'),
    platform_public_key: pemOrBase64.refine((k) => isRsaPublicKey(k), 'is not an RSA public key (PEM or base64 DER)'),
  }),
]);
export type EpaySettings = z.infer<typeof EpaySettings>;

type Params = Record<string, string>;

/** The string both versions sign: sorted by key (ASCII), without sign, sign_type and empty values. */
export function epaySignContent(params: Record<string, unknown>): string {
  return Object.keys(params)
    .filter((k) => k !== 'sign' && k !== 'sign_type')
    .filter((k) => typeof params[k] === 'string' || typeof params[k] === 'number')
    .filter((k) => String(params[k]) !== '')
    .sort()
    .map((k) => `${k}=${String(params[k])}`)
    .join('&');
}

export function epayMd5Sign(params: Record<string, unknown>, key: string): string {
  return createHash('md5').update(epaySignContent(params) + key, 'utf8').digest('hex');
}

export function epayRsaSign(params: Record<string, unknown>, merchantPrivateKey: string): string {
  return createSign('RSA-SHA256').update(epaySignContent(params), 'utf8').sign(rsaPrivateKey(merchantPrivateKey), 'base64');
}

export function epayRsaVerify(params: Record<string, unknown>, signature: string, platformPublicKey: string): boolean {
  try {
    return createVerify('RSA-SHA256').update(epaySignContent(params), 'utf8').verify(rsaPublicKey(platformPublicKey), signature, 'base64');
  } catch {
    return false;
  }
}

function sign(s: EpaySettings, params: Params, now: Date): Params {
  if (s.version === 1) return { ...params, sign: epayMd5Sign(params, s.key), sign_type: 'MD5' };
  const withTime = { ...params, timestamp: String(Math.floor(now.getTime() / 1000)) };
  return { ...withTime, sign: epayRsaSign(withTime, s.merchant_private_key), sign_type: 'RSA' };
}

function verifySignature(s: EpaySettings, params: Record<string, unknown>): boolean {
  const given = params.sign;
  if (typeof given !== 'string' || given === '') return false;
  if (s.version === 1) return safeEqual(epayMd5Sign(params, s.key), given.toLowerCase());
  return epayRsaVerify(params, given, s.platform_public_key);
}

/** A notify's fields: the query string for GET, the form or JSON body for POST. Arrays (`money[]=`) are rejected. */
function notifyParams(n: IncomingNotify): Record<string, unknown> | undefined {
  const source = n.method === 'GET' ? n.query : (n.body && typeof n.body === 'object' ? n.body : n.query);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(source as Record<string, unknown>)) {
    if (typeof v !== 'string') return undefined;
    out[k] = v;
  }
  return out;
}

function paymentFields(s: EpaySettings, p: PaymentToCreate): Params {
  const params: Params = {
    pid: s.pid,
    type: p.method ?? 'alipay',
    out_trade_no: p.paymentId,
    notify_url: p.notifyUrl,
    return_url: p.returnUrl,
    name: p.subject.slice(0, 64),
    money: toDecimalString(p.amount, p.currency),
    clientip: p.buyerIp,
  };
  if (s.version === 2) params.method = s.mode === 'api' ? 'scan' : 'jump';
  return params;
}

async function createPayment(s: EpaySettings, p: PaymentToCreate): Promise<CreatedPayment> {
  const now = new Date();
  if (s.mode === 'submit') {
    const path = s.version === 1 ? 'submit.php' : 'api/pay/submit';
    return { action: { kind: 'form', method: 'POST', action: joinUrl(s.api_url, path), fields: sign(s, paymentFields(s, p), now) } };
  }
  const url = joinUrl(s.api_url, s.version === 1 ? 'mapi.php' : 'api/pay/create');
  const answer = parseJsonAnswer(await postForm(url, sign(s, paymentFields(s, p), now)), url);
  if (s.version === 1) {
    if (Number(answer.code) !== 1) throw new GatewayError(`The epay gateway refused the payment: ${describe(answer.msg)}`);
    const tradeNo = typeof answer.trade_no === 'string' ? answer.trade_no : undefined;
    if (typeof answer.qrcode === 'string' && answer.qrcode) return { action: { kind: 'qr', content: answer.qrcode }, gatewayReference: tradeNo };
    const link = [answer.payurl, answer.urlscheme].find((u): u is string => typeof u === 'string' && u !== '');
    if (link) return { action: { kind: 'redirect', url: link }, gatewayReference: tradeNo };
    throw new GatewayError('The epay gateway accepted the payment but sent no payurl, qrcode or urlscheme.');
  }
  if (Number(answer.code) !== 0) throw new GatewayError(`The epay gateway refused the payment: ${describe(answer.msg)}`);
  if (!verifySignature(s, answer)) throw new GatewayError('The epay gateway answer is not signed with the configured platform public key.');
  const info = typeof answer.pay_info === 'string' ? answer.pay_info : '';
  const tradeNo = typeof answer.trade_no === 'string' ? answer.trade_no : undefined;
  if (!info) throw new GatewayError('The epay gateway accepted the payment but sent no pay_info.');
  switch (answer.pay_type) {
    case 'qrcode':
    case 'scan':
      return { action: { kind: 'qr', content: info }, gatewayReference: tradeNo };
    case 'jump':
    case 'urlscheme':
      return { action: { kind: 'redirect', url: info }, gatewayReference: tradeNo };
    default:
      throw new GatewayError(`The epay gateway answered with pay_type "${describe(answer.pay_type)}", which a web checkout cannot show; use mode "submit".`);
  }
}

function verifyNotify(s: EpaySettings, n: IncomingNotify): NotifyVerdict {
  const params = notifyParams(n);
  if (!params) return { ok: false, reason: 'malformed' };
  const paymentId = typeof params.out_trade_no === 'string' ? params.out_trade_no.slice(0, 64) : undefined;
  if (!verifySignature(s, params)) return { ok: false, reason: 'bad_signature', paymentId };
  if (params.pid !== s.pid) return { ok: false, reason: 'merchant_mismatch', paymentId };
  const tradeNo = params.trade_no;
  if (!paymentId || typeof tradeNo !== 'string' || tradeNo === '' || tradeNo.length > 128) return { ok: false, reason: 'malformed', paymentId };
  const amount = fromDecimalString(params.money, 'CNY');
  if (amount === undefined) return { ok: false, reason: 'malformed_amount', paymentId };
  const status = params.trade_status === 'TRADE_SUCCESS' ? 'succeeded' : 'pending';
  return { ok: true, paymentId, tradeNo, amount, currency: 'CNY', status };
}

async function query(s: EpaySettings, p: PaymentToQuery): Promise<QueryResult> {
  let answer: Record<string, unknown>;
  if (s.version === 1) {
    // The classic protocol reads act, pid and key from the query string; the URL never reaches our logs or errors.
    const url = new URL(joinUrl(s.api_url, 'api.php'));
    url.search = new URLSearchParams({ act: 'order', pid: s.pid, key: s.key, out_trade_no: p.paymentId }).toString();
    const res = await gatewayRequest(url.toString(), { headers: { accept: 'application/json' } });
    answer = parseJsonAnswer(res, s.api_url);
    if (Number(answer.code) !== 1) return { found: false };
  } else {
    const url = joinUrl(s.api_url, 'api/pay/query');
    answer = parseJsonAnswer(await postForm(url, sign(s, { pid: s.pid, out_trade_no: p.paymentId }, new Date())), url);
    if (Number(answer.code) !== 0) return { found: false };
    if (!verifySignature(s, answer)) throw new GatewayError('The epay gateway answer is not signed with the configured platform public key.');
  }
  if (answer.out_trade_no !== undefined && String(answer.out_trade_no) !== p.paymentId) {
    throw new GatewayError('The epay gateway answered about another order.');
  }
  const amount = fromDecimalString(typeof answer.money === 'number' ? answer.money.toFixed(2) : answer.money, 'CNY');
  return {
    found: true,
    status: Number(answer.status) === 1 ? 'succeeded' : 'pending',
    tradeNo: typeof answer.trade_no === 'string' ? answer.trade_no : undefined,
    amount,
    currency: 'CNY',
  };
}

async function refund(s: EpaySettings, r: RefundToMake): Promise<RefundResult> {
  const money = toDecimalString(r.amount, r.currency);
  let answer: Record<string, unknown>;
  if (s.version === 1) {
    const url = joinUrl(s.api_url, 'api.php?act=refund');
    answer = parseJsonAnswer(await postForm(url, { pid: s.pid, key: s.key, trade_no: r.tradeNo, out_trade_no: r.paymentId, money }), s.api_url);
    if (Number(answer.code) !== 1) throw new GatewayError(`The epay gateway refused the refund: ${describe(answer.msg)}`);
  } else {
    const url = joinUrl(s.api_url, 'api/pay/refund');
    answer = parseJsonAnswer(await postForm(url, sign(s, { pid: s.pid, trade_no: r.tradeNo, money, out_refund_no: r.refundId }, new Date())), url);
    if (Number(answer.code) !== 0) throw new GatewayError(`The epay gateway refused the refund: ${describe(answer.msg)}`);
  }
  return { status: 'succeeded', gatewayRefundId: typeof answer.refund_no === 'string' ? answer.refund_no : undefined };
}

async function testConnection(s: EpaySettings): Promise<{ ok: boolean; message: string }> {
  if (s.version === 1) {
    const url = new URL(joinUrl(s.api_url, 'api.php'));
    url.search = new URLSearchParams({ act: 'query', pid: s.pid, key: s.key }).toString();
    const answer = parseJsonAnswer(await gatewayRequest(url.toString(), { headers: { accept: 'application/json' } }), s.api_url);
    return Number(answer.code) === 1
      ? { ok: true, message: `The gateway knows merchant ${s.pid} and accepted the key.` }
      : { ok: false, message: `The gateway refused: ${describe(answer.msg)}` };
  }
  const url = joinUrl(s.api_url, 'api/merchant/info');
  const answer = parseJsonAnswer(await postForm(url, sign(s, { pid: s.pid }, new Date())), url);
  if (Number(answer.code) !== 0) return { ok: false, message: `The gateway refused: ${describe(answer.msg)}` };
  if (!verifySignature(s, answer)) return { ok: false, message: 'The gateway answered, but not signed with the configured platform public key.' };
  return { ok: true, message: `The gateway knows merchant ${s.pid} and accepted the signature.` };
}

function describe(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v).slice(0, 200) : 'no reason given';
}

export const epay: GatewayAdapter<EpaySettings> = {
  name: 'epay',
  title: '易支付 (epay)',
  settingsSchema: EpaySettings,
  secretFields: ['key', 'merchant_private_key'],
  methods: ['alipay', 'wxpay', 'qqpay'],
  currencies: ['CNY'],
  createPayment,
  verifyNotify,
  answer: plainTextAnswer('success'),
  query,
  refund,
  refundIsIdempotent: (s) => s.version === 2,
  testConnection,
};
