// A local WeChat Pay APIv3 that checks our Authorization header with the
// merchant's public key, signs its answers and notifies with the platform key,
// and encrypts notify resources with the APIv3 key (AEAD_AES_256_GCM).
import { createCipheriv, createSign, createVerify, generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeWechatOrder { out_trade_no: string; total: number; description: string; notify_url: string; transaction_id: string; trade_state: string; refunded: number }
export interface SeenRequest { method: string; url: string; body: string; nonce: string; timestamp: string; signature: string; authorized: boolean }

export interface FakeWechat {
  url: string; mchid: string; appid: string; serialNo: string; apiv3Key: string;
  merchantPrivateKey: string; merchantPublicKey: string; platformPrivateKey: string; platformPublicKey: string; platformSerial: string;
  orders: Map<string, FakeWechatOrder>;
  requests: SeenRequest[];
  pay(outTradeNo: string): FakeWechatOrder;
  /** A notify as WeChat Pay posts it: the body and its signed headers. */
  notify(outTradeNo: string, opts?: { tx?: Record<string, unknown>; eventType?: string; signWith?: string; serial?: string; timestamp?: number; apiv3Key?: string }): { body: string; headers: Record<string, string> };
  close(): Promise<void>;
}

export async function startFakeWechat(): Promise<FakeWechat> {
  const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = (k: typeof merchant.privateKey, type: 'pkcs8' | 'spki') => String(k.export({ type, format: 'pem' }));
  const f = {
    mchid: '1900000109', appid: 'wxd678efh567hg6787', serialNo: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1', apiv3Key: 'a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6',
    merchantPrivateKey: pem(merchant.privateKey, 'pkcs8'), merchantPublicKey: pem(merchant.publicKey, 'spki'),
    platformPrivateKey: pem(platform.privateKey, 'pkcs8'), platformPublicKey: pem(platform.publicKey, 'spki'),
    platformSerial: 'PUB_KEY_ID_0119000001092024112400000000000000',
  };
  const orders = new Map<string, FakeWechatOrder>();
  const requests: SeenRequest[] = [];
  let seq = 0;

  const signed = (body: string, signWith = f.platformPrivateKey, serial = f.platformSerial, timestamp = Math.floor(Date.now() / 1000)) => {
    const nonce = randomBytes(16).toString('hex');
    const signature = createSign('RSA-SHA256').update(`${timestamp}\n${nonce}\n${body}\n`).sign(signWith, 'base64');
    return { 'wechatpay-timestamp': String(timestamp), 'wechatpay-nonce': nonce, 'wechatpay-signature': signature, 'wechatpay-serial': serial };
  };
  const transaction = (o: FakeWechatOrder) => ({
    appid: f.appid, mchid: f.mchid, out_trade_no: o.out_trade_no, transaction_id: o.transaction_id, trade_type: 'NATIVE',
    trade_state: o.trade_state, trade_state_desc: o.trade_state === 'SUCCESS' ? '支付成功' : '未支付', bank_type: 'OTHERS', attach: '',
    success_time: new Date().toISOString(), payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
    amount: { total: o.total, payer_total: o.total, currency: 'CNY', payer_currency: 'CNY' },
  });

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => { raw += c.toString('utf8'); });
    req.on('end', () => {
      const auth = /^WECHATPAY2-SHA256-RSA2048 (.*)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
      const a = Object.fromEntries([...auth.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
      const url = req.url ?? '/';
      let authorized = false;
      try {
        authorized = a.mchid === f.mchid && a.serial_no === f.serialNo
          && createVerify('RSA-SHA256').update(`${req.method}\n${url}\n${a.timestamp}\n${a.nonce_str}\n${raw}\n`).verify(f.merchantPublicKey, a.signature ?? '', 'base64');
      } catch { authorized = false; }
      requests.push({ method: req.method ?? '', url, body: raw, nonce: a.nonce_str ?? '', timestamp: a.timestamp ?? '', signature: a.signature ?? '', authorized });
      const reply = (status: number, body: unknown, sign = true) => {
        const text = body === undefined ? '' : JSON.stringify(body);
        res.writeHead(status, { 'content-type': 'application/json', ...(sign ? signed(text) : {}) });
        res.end(text);
      };
      if (!authorized) return reply(401, { code: 'SIGN_ERROR', message: '签名错误' }, false);
      const path = url.split('?')[0]!;
      const m = /^\/v3\/pay\/transactions\/(native|h5)$/.exec(path);
      if (req.method === 'POST' && m) {
        const b = JSON.parse(raw) as { out_trade_no: string; amount: { total: number }; description: string; notify_url: string; appid: string; mchid: string };
        if (b.appid !== f.appid || b.mchid !== f.mchid) return reply(400, { code: 'PARAM_ERROR', message: 'appid和mch_id不匹配' });
        const o: FakeWechatOrder = orders.get(b.out_trade_no) ?? {
          out_trade_no: b.out_trade_no, total: b.amount.total, description: b.description, notify_url: b.notify_url,
          transaction_id: `42000019${String(++seq).padStart(20, '0')}`, trade_state: 'NOTPAY', refunded: 0,
        };
        orders.set(o.out_trade_no, o);
        return reply(200, m[1] === 'native' ? { code_url: `weixin://wxpay/bizpayurl?pr=${randomBytes(4).toString('hex')}` } : { h5_url: `https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx${seq}` });
      }
      const q = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/.exec(path);
      if (req.method === 'GET' && q) {
        const o = orders.get(decodeURIComponent(q[1]!));
        return o ? reply(200, transaction(o)) : reply(404, { code: 'ORDER_NOT_EXIST', message: '订单不存在' });
      }
      if (req.method === 'POST' && path === '/v3/refund/domestic/refunds') {
        const b = JSON.parse(raw) as { out_trade_no: string; out_refund_no: string; amount: { refund: number; total: number } };
        const o = orders.get(b.out_trade_no);
        if (!o || o.trade_state !== 'SUCCESS') return reply(404, { code: 'RESOURCE_NOT_EXISTS', message: '订单不存在' });
        if (b.amount.total !== o.total || o.refunded + b.amount.refund > o.total) return reply(400, { code: 'INVALID_REQUEST', message: '退款金额超过订单可退金额' });
        o.refunded += b.amount.refund;
        return reply(200, { refund_id: `50000${String(++seq).padStart(20, '0')}`, out_refund_no: b.out_refund_no, status: 'SUCCESS', amount: b.amount });
      }
      reply(404, { code: 'NOT_FOUND', message: 'no such API' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));

  return {
    ...f, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, orders, requests,
    pay(id) { const o = orders.get(id)!; o.trade_state = 'SUCCESS'; return o; },
    notify(id, opts = {}) {
      const o = orders.get(id)!;
      const tx = { ...transaction(o), trade_state: 'SUCCESS', ...opts.tx };
      const nonce = randomBytes(6).toString('hex');
      const cipher = createCipheriv('aes-256-gcm', Buffer.from(opts.apiv3Key ?? f.apiv3Key), Buffer.from(nonce));
      cipher.setAAD(Buffer.from('transaction'));
      const ct = Buffer.concat([cipher.update(JSON.stringify(tx), 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');
      const body = JSON.stringify({
        id: `EV-2018022511223320873`, create_time: new Date().toISOString(), resource_type: 'encrypt-resource',
        event_type: opts.eventType ?? 'TRANSACTION.SUCCESS', summary: '支付成功',
        resource: { original_type: 'transaction', algorithm: 'AEAD_AES_256_GCM', ciphertext: ct, associated_data: 'transaction', nonce },
      });
      return { body, headers: { 'content-type': 'application/json', ...signed(body, opts.signWith, opts.serial, opts.timestamp) } };
    },
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
