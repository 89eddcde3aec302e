import QRCode from 'qrcode';
import type { PaymentPageData } from '../../modules/payments/load-payment-page.ts';
import { isAllowedPaymentUrl } from '../../modules/payments/check-payment-action.ts';
import { esc, formatMoney, layout } from './html.ts';

const METHOD_NAMES: Record<string, string> = { alipay: '支付宝 Alipay', wxpay: '微信支付 WeChat Pay', qqpay: 'QQ 钱包 QQ Pay' };

/** The payment step for a real gateway: a QR code to scan, a link onward, or a form the browser submits. */
export async function payPage(p: PaymentPageData | undefined, nonce = ''): Promise<string> {
  if (!p) return layout('Payment', '<h1>Payment · 支付</h1><p class="error">No such payment. 找不到此支付。</p>');
  const orderLink = `/o/${encodeURIComponent(p.number)}`;
  const head = `<h1>Payment · 支付</h1>
<div class="card"><p>${esc(p.shopName)} · order <code>${esc(p.number)}</code></p>
<p style="font-size:1.6rem">${esc(formatMoney(p.amount, p.currency))}</p>
<p class="muted">${esc(p.gatewayTitle)}${p.method ? ` · ${esc(METHOD_NAMES[p.method] ?? p.method)}` : ''}</p>`;
  const foot = p.isTopup ? '</div>' : `<p><a href="${orderLink}">View my order · 查看订单</a></p></div>`;
  if (p.status !== 'pending' || p.orderStatus !== 'pending_payment') {
    const text = p.status === 'succeeded' ? 'Paid · 已支付' : p.status === 'failed' ? 'This payment could not be opened · 支付未能发起' : `Order ${p.orderStatus}`;
    return layout('Payment', `${head}<p><strong>${esc(text)}</strong></p>${foot}`);
  }
  const action = p.action;
  const unsafe = action && ((action.kind === 'redirect' && !isAllowedPaymentUrl(action.url, true, { appLinks: true })) || (action.kind === 'form' && !isAllowedPaymentUrl(action.action, true)));
  if (!action || unsafe) return layout('Payment', `${head}<p class="error">The gateway has not opened this payment. Go back and try again.</p>${foot}`);
  switch (action.kind) {
    case 'qr': {
      const svg = await QRCode.toString(action.content, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
      return layout('Payment', `${head}
<figure style="max-width:240px;margin:1rem auto" role="img" aria-label="QR code to scan with the payment app">${svg}</figure>
<p style="text-align:center">Scan with the app to pay · 请使用 App 扫码支付</p>
<p class="muted" style="text-align:center">Pay before ${esc(p.expiresAt.toISOString().replace('T', ' ').slice(0, 16))} UTC. Your keys appear on the order page once the payment lands.</p>
${foot}`, pollScript(p.isTopup ? `/pay/${encodeURIComponent(p.id)}` : orderLink), nonce);
    }
    case 'redirect':
      return layout('Payment', `${head}<p><a id="go" href="${esc(action.url)}" rel="noreferrer">Continue to pay · 前往支付</a></p>${foot}`,
        `setTimeout(() => { location.href = document.getElementById('go').href; }, 300);`, nonce);
    case 'form': {
      const inputs = Object.entries(action.fields).map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`).join('');
      return layout('Payment', `${head}<form id="pay" method="${action.method}" action="${esc(action.action)}">${inputs}
<button type="submit">Continue to pay · 前往支付</button></form>${foot}`, `document.getElementById('pay').submit();`, nonce);
    }
  }
}

/** While the QR code shows, look at the order page's public status now and then (the token stays in the buyer's browser). */
function pollScript(orderLink: string): string {
  return `const link = ${JSON.stringify(orderLink)};
setTimeout(function check() { fetch(location.pathname + '/status').then(r => r.json()).then(s => { if (s.status !== 'pending') location.href = link; else setTimeout(check, 3000); }).catch(() => setTimeout(check, 5000)); }, 3000);`;
}
