// WeChat Pay API v3 (微信支付 APIv3): Native (QR code) and H5.
//
// Requests carry `Authorization: WECHATPAY2-SHA256-RSA2048 mchid="…",
// nonce_str="…",signature="…",timestamp="…",serial_no="…"`, the signature
// being base64 RSA-SHA256 with the merchant API private key over
// "METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n". Answers and notifies are
// signed by WeChat Pay over "TIMESTAMP\nNONCE\nBODY\n" (headers
// Wechatpay-Timestamp/-Nonce/-Signature/-Serial) and verified with the
// platform certificate or WeChat Pay public key whose serial / id is
// configured. A notify's resource is AES-256-GCM encrypted with the APIv3
// key; decrypted, it is the transaction. We answer 204 for success and
// 400 {"code":"FAIL","message":…} otherwise.
import { createDecipheriv, createSign, createVerify, randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  GatewayError, type CreatedPayment, type GatewayAdapter, type IncomingNotify, type NotifyVerdict, type PaymentStatus,
  type PaymentToCreate, type PaymentToQuery, type QueryResult, type RefundResult, type RefundToMake,
} from '../gateway-adapter.ts';
import { gatewayRequest, type GatewayResponse } from '../gateway-http.ts';
import { isRsaPrivateKey, isRsaPublicKey, rsaPrivateKey, rsaPublicKey } from '../rsa-keys.ts';

const MAX_SKEW_S = 300;

export const WechatSettings = z.object({
  mchid: z.string().trim().regex(/^\d{6,20}$/, 'must be the numeric merchant id (商户号)'),
  appid: z.string().trim().regex(/^wx[0-9a-zA-Z]{10,30}$/, 'must be the AppID bound to the merchant (wx…)'),
  merchant_serial_no: z.string().trim().regex(/^[0-9A-Fa-f]{8,64}$/, 'must be the merchant API certificate serial number'),
  merchant_private_key: z.string().trim().max(8192).refine(isRsaPrivateKey, 'is not an RSA private key (apiclient_key.pem)'),
  apiv3_key: z.string().refine((k) => Buffer.byteLength(k, 'utf8') === 32, 'must be exactly 32 bytes (APIv3 密钥)'),
  platform_public_key: z.string().trim().max(16384).refine(isRsaPublicKey, 'is not a platform certificate or WeChat Pay public key (PEM)'),
  platform_serial: z.string().trim().min(8).max(128).describe('The platform certificate serial, or the public key id (PUB_KEY_ID_…)'),
  api_url: z.url({ protocol: /^https?$/ }).default('https://api.mch.weixin.qq.com'),
  product: z.enum(['native', 'h5']).default('native'),
});
export type WechatSettings = z.infer<typeof WechatSettings>;

export function wechatAuthorization(s: Pick<WechatSettings, 'mchid' | 'merchant_serial_no' | 'merchant_private_key'>, method: string, pathWithQuery: string,
  body: string, timestamp = Math.floor(Date.now() / 1000), nonce = randomBytes(16).toString('hex')): string {
  const message = `${method}\n${pathWithQuery}\n${timestamp}\n${nonce}\n${body}\n`;
  const signature = createSign('RSA-SHA256').update(message, 'utf8').sign(rsaPrivateKey(s.merchant_private_key), 'base64');
  return `WECHATPAY2-SHA256-RSA2048 mchid="${s.mchid}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${s.merchant_serial_no}"`;
}

function header(h: Record<string, string | string[] | undefined> | Headers, name: string): string | undefined {
  const v = h instanceof Headers ? h.get(name) : h[name];
  return typeof v === 'string' ? v : undefined;
}

/** WeChat Pay's signature over an answer or a notify; undefined when it holds, else the reason. */
function checkWechatSignature(s: WechatSettings, headers: Record<string, string | string[] | undefined> | Headers, body: string, now: Date): string | undefined {
  const timestamp = header(headers, 'wechatpay-timestamp');
  const nonce = header(headers, 'wechatpay-nonce');
  const signature = header(headers, 'wechatpay-signature');
  const serial = header(headers, 'wechatpay-serial');
  if (!timestamp || !nonce || !signature || !serial || !/^\d{1,12}$/.test(timestamp)) return 'bad_signature';
  if (serial !== s.platform_serial) return 'unknown_platform_serial';
  let ok = false;
  try {
    ok = createVerify('RSA-SHA256').update(`${timestamp}\n${nonce}\n${body}\n`, 'utf8').verify(rsaPublicKey(s.platform_public_key), signature, 'base64');
  } catch {
    ok = false;
  }
  if (!ok) return 'bad_signature';
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > MAX_SKEW_S) return 'stale_timestamp';
  return undefined;
}

async function call(s: WechatSettings, method: 'GET' | 'POST', pathWithQuery: string, payload?: unknown): Promise<{ status: number; body: Record<string, unknown>; verified: boolean }> {
  const body = payload === undefined ? '' : JSON.stringify(payload);
  const res: GatewayResponse = await gatewayRequest(`${s.api_url.replace(/\/+$/, '')}${pathWithQuery}`, {
    method,
    headers: {
      authorization: wechatAuthorization(s, method, pathWithQuery, body),
      accept: 'application/json',
      'user-agent': 'XiaoPu/0.1 (+https://github.com/xiaopu)',
      'wechatpay-serial': s.platform_serial,
      ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: payload === undefined ? undefined : body,
  });
  let parsed: Record<string, unknown> = {};
  if (res.text) {
    try {
      parsed = JSON.parse(res.text) as Record<string, unknown>;
    } catch {
      throw new GatewayError(`WeChat Pay answered HTTP ${res.status} with something that is not JSON.`);
    }
  }
  // Successful answers must be WeChat Pay's own; errors may come unsigned (a bad signature of ours, say) and are never trusted as success.
  const bad = checkWechatSignature(s, res.headers, res.text, new Date());
  if (bad && res.status < 300) throw new GatewayError(`WeChat Pay's answer failed verification (${bad}).`);
  return { status: res.status, body: parsed, verified: !bad };
}

function describe(body: Record<string, unknown>, status: number): string {
  return [body.code, body.message].filter((x) => typeof x === 'string').join(': ').slice(0, 300) || `HTTP ${status}`;
}

/** RFC 3339 in Beijing time, as WeChat Pay wants time_expire. */
function beijing(d: Date): string {
  return new Date(d.getTime() + 8 * 3600e3).toISOString().slice(0, 19) + '+08:00';
}

async function createPayment(s: WechatSettings, p: PaymentToCreate): Promise<CreatedPayment> {
  if (!/^[A-Za-z0-9_\-|*]{6,32}$/.test(p.paymentId)) throw new GatewayError('The payment id does not fit WeChat Pay\'s out_trade_no.');
  const body: Record<string, unknown> = {
    appid: s.appid, mchid: s.mchid, description: p.subject.slice(0, 127), out_trade_no: p.paymentId, time_expire: beijing(p.expiresAt),
    notify_url: p.notifyUrl, amount: { total: p.amount, currency: 'CNY' },
  };
  if (s.product === 'h5') body.scene_info = { payer_client_ip: p.buyerIp, h5_info: { type: 'Wap' } };
  const { status, body: answer } = await call(s, 'POST', `/v3/pay/transactions/${s.product}`, body);
  if (status >= 300) throw new GatewayError(`WeChat Pay refused the payment: ${describe(answer, status)}`);
  if (s.product === 'native' && typeof answer.code_url === 'string') return { action: { kind: 'qr', content: answer.code_url } };
  if (s.product === 'h5' && typeof answer.h5_url === 'string') {
    const back = `${answer.h5_url}${answer.h5_url.includes('?') ? '&' : '?'}redirect_url=${encodeURIComponent(p.returnUrl)}`;
    return { action: { kind: 'redirect', url: back } };
  }
  throw new GatewayError('WeChat Pay accepted the payment but sent no code_url or h5_url.');
}

function statusOf(state: unknown): PaymentStatus {
  if (state === 'SUCCESS') return 'succeeded';
  return state === 'CLOSED' || state === 'PAYERROR' || state === 'REVOKED' ? 'failed' : 'pending';
}

interface Transaction {
  appid?: unknown; mchid?: unknown; out_trade_no?: unknown; transaction_id?: unknown; trade_state?: unknown;
  amount?: { total?: unknown; currency?: unknown };
}

function verifyNotify(s: WechatSettings, n: IncomingNotify, now: Date): NotifyVerdict {
  const bad = checkWechatSignature(s, n.headers, n.rawBody, now);
  if (bad) return { ok: false, reason: bad };
  let event: { event_type?: unknown; resource_type?: unknown; resource?: { algorithm?: unknown; ciphertext?: unknown; nonce?: unknown; associated_data?: unknown } };
  try {
    event = JSON.parse(n.rawBody) as typeof event;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const type = typeof event.event_type === 'string' ? event.event_type : '';
  if (!type.startsWith('TRANSACTION.')) return { ok: 'ignore', reason: `event_${type || 'unknown'}` };
  const r = event.resource;
  if (!r || r.algorithm !== 'AEAD_AES_256_GCM' || typeof r.ciphertext !== 'string' || typeof r.nonce !== 'string') return { ok: false, reason: 'malformed' };
  let tx: Transaction;
  try {
    tx = JSON.parse(decryptResource(s.apiv3_key, r.ciphertext, r.nonce, typeof r.associated_data === 'string' ? r.associated_data : '')) as Transaction;
  } catch {
    return { ok: false, reason: 'undecryptable' };
  }
  const paymentId = typeof tx.out_trade_no === 'string' ? tx.out_trade_no.slice(0, 64) : undefined;
  if (tx.mchid !== s.mchid || tx.appid !== s.appid) return { ok: false, reason: 'merchant_mismatch', paymentId };
  const amount = tx.amount?.total;
  if (!paymentId || typeof tx.transaction_id !== 'string' || typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0) {
    return { ok: false, reason: 'malformed', paymentId };
  }
  const currency = typeof tx.amount?.currency === 'string' ? tx.amount.currency : 'CNY';
  return { ok: true, paymentId, tradeNo: tx.transaction_id, amount, currency, status: statusOf(tx.trade_state) };
}

export function decryptResource(apiv3Key: string, ciphertext: string, nonce: string, associatedData: string): string {
  const data = Buffer.from(ciphertext, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(apiv3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  decipher.setAuthTag(data.subarray(data.length - 16));
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
}

async function query(s: WechatSettings, p: PaymentToQuery): Promise<QueryResult> {
  const { status, body } = await call(s, 'GET', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(p.paymentId)}?mchid=${s.mchid}`);
  if (status === 404 || body.code === 'ORDER_NOT_EXIST') return { found: false };
  if (status >= 300) throw new GatewayError(`WeChat Pay could not query the order: ${describe(body, status)}`);
  const tx = body as Transaction;
  if (tx.out_trade_no !== p.paymentId || tx.mchid !== s.mchid) throw new GatewayError('WeChat Pay answered about another order.');
  return {
    found: true, status: statusOf(tx.trade_state), tradeNo: typeof tx.transaction_id === 'string' ? tx.transaction_id : undefined,
    amount: typeof tx.amount?.total === 'number' ? tx.amount.total : undefined,
    currency: typeof tx.amount?.currency === 'string' ? tx.amount.currency : undefined,
  };
}

async function refund(s: WechatSettings, r: RefundToMake): Promise<RefundResult> {
  const { status, body } = await call(s, 'POST', '/v3/refund/domestic/refunds', {
    out_trade_no: r.paymentId, out_refund_no: r.refundId, ...(r.reason ? { reason: r.reason.slice(0, 80) } : {}),
    amount: { refund: r.amount, total: r.paymentAmount, currency: 'CNY' },
  });
  if (status >= 300) throw new GatewayError(`WeChat Pay refused the refund: ${describe(body, status)}`);
  if (body.status === 'CLOSED' || body.status === 'ABNORMAL') throw new GatewayError(`WeChat Pay could not refund: ${String(body.status)}`);
  return { status: body.status === 'SUCCESS' ? 'succeeded' : 'pending', gatewayRefundId: typeof body.refund_id === 'string' ? body.refund_id : undefined };
}

async function testConnection(s: WechatSettings): Promise<{ ok: boolean; message: string }> {
  // A signed "order does not exist" for an id that cannot exist proves the merchant id, the API key and the platform key.
  try {
    const { status, body, verified } = await call(s, 'GET', `/v3/pay/transactions/out-trade-no/xiaopu_test_${randomBytes(6).toString('hex')}?mchid=${s.mchid}`);
    if (body.code === 'ORDER_NOT_EXIST' && verified) return { ok: true, message: `WeChat Pay accepted merchant ${s.mchid} and its keys.` };
    if (body.code === 'ORDER_NOT_EXIST') return { ok: false, message: 'WeChat Pay answered, but not signed with the configured platform key.' };
    return { ok: false, message: `WeChat Pay refused: ${describe(body, status)}` };
  } catch (err) {
    if (err instanceof GatewayError) return { ok: false, message: err.message };
    throw err;
  }
}

export const wechat: GatewayAdapter<WechatSettings> = {
  name: 'wechat',
  title: '微信支付 WeChat Pay',
  settingsSchema: WechatSettings,
  secretFields: ['merchant_private_key', 'apiv3_key'],
  methods: [],
  currencies: ['CNY'],
  createPayment,
  verifyNotify,
  answer: (accepted) => accepted
    ? { status: 204, contentType: 'application/json', body: '' }
    : { status: 400, contentType: 'application/json', body: '{"code":"FAIL","message":"verification failed"}' },
  query,
  refund,
  refundIsIdempotent: () => true,
  testConnection,
};
