// A local 易支付 (epay) gateway that speaks the protocol from the other side,
// written from the protocol description and independent of the adapter's code:
// it verifies our signed requests (v1 MD5 / v2 RSA), answers the way 彩虹易支付
// does, and when an order is paid sends the notify to our notify_url — GET,
// retried until the answer is the plain text `success`.
import { createHash, createSign, createVerify, generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeEpayOrder {
  out_trade_no: string;
  trade_no: string;
  type: string;
  name: string;
  money: string;
  notify_url: string;
  return_url: string;
  paid: boolean;
  /** Answers our notify_url gave, in order. */
  notifyAnswers: string[];
}

export interface FakeEpay {
  url: string;
  pid: string;
  key: string;
  /** v2: the key pair the merchant uses, and the platform's. */
  merchantPrivateKey: string;
  merchantPublicKey: string;
  platformPrivateKey: string;
  platformPublicKey: string;
  orders: Map<string, FakeEpayOrder>;
  /** Every request we received: path and whether its signature checked out. */
  requests: Array<{ path: string; act?: string; signed: boolean }>;
  /** The buyer pays: mark paid and send the notify, retrying until `success` (or `attempts` run out). */
  pay(outTradeNo: string, opts?: { attempts?: number; notify?: boolean; version?: 1 | 2 }): Promise<FakeEpayOrder>;
  /** A signed notify for an order, as the gateway would send it (for tests that tamper with it). */
  notifyParams(outTradeNo: string, over?: Record<string, string>, version?: 1 | 2): Record<string, string>;
  signV1(params: Record<string, string>, key?: string): string;
  signV2(params: Record<string, string>, privateKey?: string): string;
  close(): Promise<void>;
}

function content(params: Record<string, string>): string {
  return Object.keys(params).sort()
    .filter((k) => k !== 'sign' && k !== 'sign_type' && params[k] !== '' && params[k] !== undefined)
    .map((k) => `${k}=${params[k]}`).join('&');
}

export async function startFakeEpay(opts: { pid?: string; key?: string } = {}): Promise<FakeEpay> {
  const pid = opts.pid ?? '1001';
  const key = opts.key ?? 'k3yForTheFakeEpayGateway0123456789';
  const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const merchantPrivateKey = String(merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  const merchantPublicKey = String(merchant.publicKey.export({ type: 'spki', format: 'pem' }));
  const platformPrivateKey = String(platform.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  const platformPublicKey = String(platform.publicKey.export({ type: 'spki', format: 'pem' }));
  const orders = new Map<string, FakeEpayOrder>();
  const requests: FakeEpay['requests'] = [];
  let seq = 0;

  const signV1 = (p: Record<string, string>, k = key) => createHash('md5').update(content(p) + k).digest('hex');
  const signV2 = (p: Record<string, string>, privateKey = platformPrivateKey) =>
    createSign('RSA-SHA256').update(content(p)).sign(privateKey, 'base64');
  const verifyV1 = (p: Record<string, string>) => p.sign_type === 'MD5' && p.sign === signV1(p);
  const verifyV2 = (p: Record<string, string>) => {
    try {
      return p.sign_type === 'RSA' && createVerify('RSA-SHA256').update(content(p)).verify(merchantPublicKey, p.sign ?? '', 'base64');
    } catch {
      return false;
    }
  };
  const signedAnswer = (body: Record<string, unknown>) => {
    const strs = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, String(v)]));
    const withTime = { ...strs, timestamp: String(Math.floor(Date.now() / 1000)) };
    return { ...body, timestamp: withTime.timestamp, sign: signV2(withTime), sign_type: 'RSA' };
  };
  const newOrder = (p: Record<string, string>): FakeEpayOrder => {
    const existing = orders.get(p.out_trade_no!);
    if (existing) return existing;
    const o: FakeEpayOrder = {
      out_trade_no: p.out_trade_no!, trade_no: `2026${String(++seq).padStart(10, '0')}`, type: p.type ?? 'alipay', name: p.name ?? '',
      money: p.money!, notify_url: p.notify_url!, return_url: p.return_url ?? '', paid: false, notifyAnswers: [],
    };
    orders.set(o.out_trade_no, o);
    return o;
  };

  const notifyParams = (outTradeNo: string, over: Record<string, string> = {}, version: 1 | 2 = 1): Record<string, string> => {
    const o = orders.get(outTradeNo);
    if (!o) throw new Error(`fake epay: no order ${outTradeNo}`);
    const base: Record<string, string> = {
      pid, trade_no: o.trade_no, out_trade_no: o.out_trade_no, type: o.type, name: o.name, money: o.money, trade_status: 'TRADE_SUCCESS',
      ...(version === 2 ? { api_trade_no: `A${o.trade_no}`, timestamp: String(Math.floor(Date.now() / 1000)) } : {}),
      ...over,
    };
    return version === 1 ? { ...base, sign: signV1(base), sign_type: 'MD5' } : { ...base, sign: signV2(base), sign_type: 'RSA' };
  };

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => { raw += c.toString('utf8'); });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const params: Record<string, string> = Object.fromEntries(url.searchParams);
      if (raw) Object.assign(params, Object.fromEntries(new URLSearchParams(raw)));
      const json = (status: number, body: unknown) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(body)); };
      const path = url.pathname;
      if (path === '/submit.php' || path === '/mapi.php') {
        const ok = verifyV1(params) && params.pid === pid;
        requests.push({ path, signed: ok });
        if (!ok) return path === '/mapi.php' ? json(200, { code: -1, msg: '签名校验失败' }) : (res.writeHead(200, { 'content-type': 'text/html' }), res.end('签名校验失败'));
        const o = newOrder(params);
        if (path === '/submit.php') { res.writeHead(200, { 'content-type': 'text/html' }); return res.end(`<h1>收银台</h1><p>${o.money}</p>`); }
        return json(200, { code: 1, msg: 'ok', trade_no: o.trade_no, qrcode: `https://qr.example.test/${o.trade_no}` });
      }
      if (path === '/api.php') {
        const act = params.act;
        const ok = params.pid === pid && params.key === key;
        requests.push({ path, act, signed: ok });
        if (!ok) return json(200, { code: -3, msg: 'KEY校验失败' });
        if (act === 'query') return json(200, { code: 1, pid: Number(pid), active: 1, money: '0.00', type: 1 });
        if (act === 'order') {
          const o = orders.get(params.out_trade_no ?? '');
          if (!o) return json(200, { code: -1, msg: '订单号不存在' });
          return json(200, { code: 1, msg: '查询订单号成功！', trade_no: o.trade_no, out_trade_no: o.out_trade_no, type: o.type, pid: Number(pid), money: o.money, status: o.paid ? 1 : 0 });
        }
        if (act === 'refund') {
          const o = [...orders.values()].find((x) => x.trade_no === params.trade_no || x.out_trade_no === params.out_trade_no);
          if (!o?.paid) return json(200, { code: -1, msg: '订单不存在或未支付' });
          return json(200, { code: 1, msg: '退款成功' });
        }
        return json(200, { code: -5, msg: 'No Act' });
      }
      if (path.startsWith('/api/pay/') || path === '/api/merchant/info') {
        const ok = verifyV2(params) && params.pid === pid;
        requests.push({ path, signed: ok });
        if (!ok) return json(200, { code: -1, msg: '签名校验失败' });
        if (path === '/api/pay/create' || path === '/api/pay/submit') {
          const o = newOrder(params);
          if (path === '/api/pay/submit') { res.writeHead(200, { 'content-type': 'text/html' }); return res.end('<h1>收银台</h1>'); }
          return json(200, signedAnswer({ code: 0, trade_no: o.trade_no, pay_type: 'qrcode', pay_info: `https://qr.example.test/${o.trade_no}` }));
        }
        if (path === '/api/pay/query') {
          const o = orders.get(params.out_trade_no ?? '');
          if (!o) return json(200, { code: -1, msg: '订单不存在' });
          return json(200, signedAnswer({ code: 0, trade_no: o.trade_no, out_trade_no: o.out_trade_no, type: o.type, money: o.money, status: o.paid ? 1 : 0 }));
        }
        if (path === '/api/pay/refund') return json(200, signedAnswer({ code: 0, refund_no: `R${params.trade_no}`, money: params.money }));
        if (path === '/api/merchant/info') return json(200, signedAnswer({ code: 0, pid, status: 1 }));
      }
      json(404, { code: -404, msg: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function pay(outTradeNo: string, o: { attempts?: number; notify?: boolean; version?: 1 | 2 } = {}): Promise<FakeEpayOrder> {
    const order = orders.get(outTradeNo);
    if (!order) throw new Error(`fake epay: no order ${outTradeNo}`);
    order.paid = true;
    if (o.notify === false) return order;
    for (let i = 0; i < (o.attempts ?? 5); i++) {
      const target = new URL(order.notify_url);
      for (const [k, v] of Object.entries(notifyParams(outTradeNo, {}, o.version ?? 1))) target.searchParams.set(k, v);
      const res = await fetch(target);
      const text = await res.text();
      order.notifyAnswers.push(text);
      if (text === 'success') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    return order;
  }

  return {
    url, pid, key, merchantPrivateKey, merchantPublicKey, platformPrivateKey, platformPublicKey, orders, requests, pay, notifyParams,
    signV1, signV2,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
