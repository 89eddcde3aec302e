// Where a gateway sends the buyer is the gateway's word, and a shop's own
// gateway account is the shop's word: before a payment action reaches a page,
// every URL in it must be an absolute https: URL (http: only where the
// operator allows it with XIAOPU_GATEWAY_HTTP_URLS, or outside production).
// Anything else (javascript:, data:, relative paths) would run or load on the
// platform's origin, where buyers' order tokens live.
import { GatewayError, type PaymentAction } from './gateways/gateway-adapter.ts';

/** Payment apps' own links (epay `urlscheme`, H5 pay): they open the app and never run on our page. */
const APP_SCHEMES = new Set(['alipays:', 'alipay:', 'weixin:', 'wxpay:', 'mqqapi:', 'mqqwallet:']);

export function isAllowedPaymentUrl(raw: string, allowHttp: boolean, opts: { appLinks?: boolean } = {}): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (opts.appLinks && APP_SCHEMES.has(url.protocol)) return true;
  if (url.username || url.password) return false;
  return url.protocol === 'https:' || (allowHttp && url.protocol === 'http:');
}

/** Throws a GatewayError (the payment is then not opened) when the action points anywhere but a web page. */
export function checkPaymentAction(action: PaymentAction, allowHttp: boolean): PaymentAction {
  switch (action.kind) {
    case 'qr':
      return action;
    case 'redirect':
      if (!isAllowedPaymentUrl(action.url, allowHttp, { appLinks: true })) throw new GatewayError('the gateway answered a payment link that is not a web address; refusing to send the buyer there');
      return action;
    case 'form':
      if (!isAllowedPaymentUrl(action.action, allowHttp)) throw new GatewayError('the gateway answered a payment form that does not post to a web address; refusing it');
      if (action.method !== 'GET' && action.method !== 'POST') throw new GatewayError('the gateway answered a payment form with an unknown method');
      return action;
    default: {
      const never: never = action;
      throw new GatewayError(`unknown payment action ${JSON.stringify(never)}`);
    }
  }
}
