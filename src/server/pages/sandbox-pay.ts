import type { SandboxNotify } from '../../modules/payments/gateways/sandbox.ts';
import { esc, formatMoney, layout } from './html.ts';

interface PayPageData {
  id: string; amount: number; currency: string; status: string; number: string; order_status: string; shop_name: string;
  succeed: SandboxNotify; fail: SandboxNotify;
}

/** The sandbox "gateway" page: Pay / Fail send the signed notify a real gateway would send. */
export function sandboxPayPage(p: PayPageData | undefined, nonce = ''): string {
  if (!p) return layout('Sandbox payment', '<h1>Sandbox payment · 沙箱支付</h1><p class="error">No such payment. 找不到此支付。</p>');
  const body = `<h1>Sandbox payment · 沙箱支付</h1>
<div class="card"><p>${esc(p.shop_name)} · order <code>${esc(p.number)}</code></p>
<p style="font-size:1.6rem">${esc(formatMoney(p.amount, p.currency))}</p>
<p class="muted">No real money moves. This page sends the gateway's signed notify to XiaoPu.</p>
<p>Payment status: <strong id="status">${esc(p.status)}</strong></p>
<button id="pay">Pay · 支付</button> <button id="fail" class="secondary">Fail · 失败</button>
<p id="msg"></p></div>`;
  const script = `
const notes = ${JSON.stringify({ succeed: p.succeed, fail: p.fail }).replace(/</g, '\\u003c')};
const number = ${JSON.stringify(p.number).replace(/</g, '\\u003c')};
async function send(kind) {
  const res = await fetch('/api/v1/payments/sandbox/notify', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(notes[kind]) });
  const text = await res.text();
  document.getElementById('msg').textContent = res.ok ? (kind === 'succeed' ? 'Paid. Taking you to your order…' : 'Payment failed (sandbox).') : 'Gateway answered: ' + text;
  if (res.ok && kind === 'succeed') setTimeout(() => { location.href = '/o/' + encodeURIComponent(number); }, 400);
}
document.getElementById('pay').onclick = () => send('succeed');
document.getElementById('fail').onclick = () => send('fail');`;
  return layout('Sandbox payment', body, script, nonce);
}
