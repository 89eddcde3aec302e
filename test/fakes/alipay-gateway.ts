// A local Alipay open-platform gateway (gateway.do) speaking RSA2 from the
// other side: it verifies our signed requests with the app's public key,
// answers signed with "Alipay's" private key over the response node's exact
// text, and builds notifies the way Alipay does.
import { createSign, createVerify, generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeAlipayTrade { out_trade_no: string; total_amount: string; subject: string; notify_url: string; trade_no: string; status: string; refunded: number }

export interface FakeAlipay {
  url: string;
  appId: string;
  appPrivateKey: string;
  appPublicKey: string;
  alipayPrivateKey: string;
  alipayPublicKey: string;
  trades: Map<string, FakeAlipayTrade>;
  requests: Array<{ method: string; signed: boolean }>;
  pay(outTradeNo: string): FakeAlipayTrade;
  /** A notify for a trade as Alipay posts it (form fields), optionally altered before signing. */
  notify(outTradeNo: string, over?: Record<string, string>, signWith?: string): Record<string, string>;
  close(): Promise<void>;
}

const pem = (k: { export(o: { type: 'pkcs8' | 'spki'; format: 'pem' }): string | Buffer }, type: 'pkcs8' | 'spki') => String(k.export({ type, format: 'pem' }));

function content(p: Record<string, string>, exclude: string[]): string {
  return Object.keys(p).filter((k) => !exclude.includes(k) && p[k] !== '').sort().map((k) => `${k}=${p[k]}`).join('&');
}

function beijing(d = new Date()): string {
  return new Date(d.getTime() + 8 * 3600e3).toISOString().replace('T', ' ').slice(0, 19);
}

export async function startFakeAlipay(): Promise<FakeAlipay> {
  const app = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ali = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const appId = '2021000100000001';
  const appPrivateKey = pem(app.privateKey, 'pkcs8');
  const appPublicKey = pem(app.publicKey, 'spki');
  const alipayPrivateKey = pem(ali.privateKey, 'pkcs8');
  const alipayPublicKey = pem(ali.publicKey, 'spki');
  const trades = new Map<string, FakeAlipayTrade>();
  const requests: FakeAlipay['requests'] = [];
  let seq = 0;

  const respond = (res: http.ServerResponse, method: string, node: Record<string, unknown>, signIt = true) => {
    const nodeName = `${method.replace(/\./g, '_')}_response`;
    const nodeText = JSON.stringify(node);
    const sign = createSign('RSA-SHA256').update(nodeText, 'utf8').sign(alipayPrivateKey, 'base64');
    res.writeHead(200, { 'content-type': 'application/json;charset=utf-8' });
    res.end(`{"${nodeName}":${nodeText}${signIt ? `,"sign":"${sign}"` : ''}}`);
  };

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => { raw += c.toString('utf8'); });
    req.on('end', () => {
      // Common parameters may come in the query string (Alipay's SDK does that) and the rest in the form body.
      const query = Object.fromEntries(new URL(req.url ?? '/', 'http://fake').searchParams);
      const p = { ...query, ...Object.fromEntries(new URLSearchParams(raw)) } as Record<string, string>;
      const method = p.method ?? '';
      let signed = false;
      try {
        signed = p.app_id === appId && p.sign_type === 'RSA2' && createVerify('RSA-SHA256').update(content(p, ['sign'])).verify(appPublicKey, p.sign ?? '', 'base64');
      } catch { signed = false; }
      requests.push({ method, signed });
      if (!signed) return respond(res, method, { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-signature', sub_msg: '验签出错' }, false);
      const biz = JSON.parse(p.biz_content ?? '{}') as Record<string, string>;
      const trade = trades.get(biz.out_trade_no ?? '');
      switch (method) {
        case 'alipay.trade.precreate':
        case 'alipay.trade.page.pay':
        case 'alipay.trade.wap.pay': {
          const t: FakeAlipayTrade = trade ?? {
            out_trade_no: biz.out_trade_no!, total_amount: biz.total_amount!, subject: biz.subject!, notify_url: p.notify_url!,
            trade_no: `2026112422001${String(++seq).padStart(8, '0')}`, status: 'WAIT_BUYER_PAY', refunded: 0,
          };
          trades.set(t.out_trade_no, t);
          if (method !== 'alipay.trade.precreate') { res.writeHead(200, { 'content-type': 'text/html' }); return res.end('<h1>支付宝收银台</h1>'); }
          return respond(res, method, { code: '10000', msg: 'Success', out_trade_no: t.out_trade_no, qr_code: `https://qr.alipay.com/bax0${seq}${randomBytes(3).toString('hex')}` });
        }
        case 'alipay.trade.query':
          if (!trade) return respond(res, method, { code: '40004', msg: 'Business Failed', sub_code: 'ACQ.TRADE_NOT_EXIST', sub_msg: '交易不存在', out_trade_no: biz.out_trade_no });
          return respond(res, method, { code: '10000', msg: 'Success', out_trade_no: trade.out_trade_no, trade_no: trade.trade_no, trade_status: trade.status, total_amount: trade.total_amount });
        case 'alipay.trade.refund': {
          if (!trade || trade.status !== 'TRADE_SUCCESS') return respond(res, method, { code: '40004', msg: 'Business Failed', sub_code: 'ACQ.TRADE_STATUS_ERROR', sub_msg: '交易状态不合法' });
          const amount = Math.round(Number(biz.refund_amount) * 100);
          if (trade.refunded + amount > Math.round(Number(trade.total_amount) * 100)) return respond(res, method, { code: '40004', msg: 'Business Failed', sub_code: 'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL', sub_msg: '退款金额超限' });
          trade.refunded += amount;
          return respond(res, method, { code: '10000', msg: 'Success', out_trade_no: trade.out_trade_no, trade_no: trade.trade_no, fund_change: 'Y', refund_fee: biz.refund_amount });
        }
        default:
          return respond(res, method, { code: '40004', msg: 'Business Failed', sub_code: 'isv.invalid-method' });
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/gateway.do`;

  return {
    url, appId, appPrivateKey, appPublicKey, alipayPrivateKey, alipayPublicKey, trades, requests,
    pay(outTradeNo) {
      const t = trades.get(outTradeNo)!;
      t.status = 'TRADE_SUCCESS';
      return t;
    },
    notify(outTradeNo, over = {}, signWith = alipayPrivateKey) {
      const t = trades.get(outTradeNo)!;
      const now = beijing();
      const p: Record<string, string> = {
        gmt_create: now, charset: 'utf-8', seller_email: 'shop@example.com', subject: t.subject, buyer_id: '2088102177846880',
        invoice_amount: t.total_amount, notify_id: `2026112400222${randomBytes(6).toString('hex')}`, notify_type: 'trade_status_sync',
        trade_status: 'TRADE_SUCCESS', receipt_amount: t.total_amount, app_id: appId, buyer_pay_amount: t.total_amount, notify_time: now,
        gmt_payment: now, seller_id: '2088102177649450', trade_no: t.trade_no, auth_app_id: appId, total_amount: t.total_amount,
        out_trade_no: t.out_trade_no, version: '1.0', point_amount: '0.00', ...over,
      };
      const sign = createSign('RSA-SHA256').update(content(p, ['sign', 'sign_type']), 'utf8').sign(signWith, 'base64');
      return { ...p, sign_type: 'RSA2', sign };
    },
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
