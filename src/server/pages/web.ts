// Minimal server-rendered pages with the stable links of DESIGN §12, so the
// demo is usable in a browser before the React app lands. They only call the public API.
import { esc, layout } from './html.ts';

const money = `function money(m, c) { const d = (c === 'JPY' || c === 'KRW') ? 0 : 2; return (m / Math.pow(10, d)).toFixed(d) + ' ' + c; }
function el(tag, attrs, ...kids) { const e = document.createElement(tag); Object.assign(e, attrs || {}); for (const k of kids) e.append(k); return e; }`;

export function homePage(demoShop: string | undefined): string {
  return layout('Home', `<h1>XiaoPu 小铺</h1><p>Sell virtual goods; buyers get them the second they pay.</p>
<ul>${demoShop ? `<li><a href="/s/${esc(demoShop)}">Demo shop</a></li>` : ''}<li><a href="/lookup">Find my order · 查询订单</a></li>
<li><a href="/docs">API documentation</a> (<a href="/openapi.json">openapi.json</a>)</li></ul>`);
}

export function shopPage(slug: string): string {
  const body = `<h1 id="shop">Shop</h1><div id="products" class="muted">Loading…</div>
<div class="card" id="buy" hidden><h2 id="ptitle"></h2>
<form id="f"><label>Quantity <input name="quantity" type="number" min="1" value="1" required></label>
<label>Email <input name="email" type="email" required></label>
<label>Query password · 查询密码 <input name="query_password" type="password" minlength="4" required></label>
<input type="submit" value="Buy · 购买"></form><p id="err" class="error"></p></div>`;
  const script = `${money}
const slug = ${JSON.stringify(slug).replace(/</g, '\\u003c')};
let chosen;
fetch('/api/v1/storefront/' + encodeURIComponent(slug) + '/products').then(r => r.json()).then(res => {
  const box = document.getElementById('products');
  if (res.error) { box.textContent = res.error.message; return; }
  document.getElementById('shop').textContent = res.shop.name; box.textContent = '';
  for (const p of res.data) {
    const b = el('button', { textContent: 'Choose', disabled: p.stock.available === 0 });
    b.onclick = () => { chosen = p; document.getElementById('buy').hidden = false; document.getElementById('ptitle').textContent = p.title + ' · ' + money(p.price, p.currency); };
    box.append(el('div', { className: 'card' }, el('strong', { textContent: p.title }), el('p', { textContent: money(p.price, p.currency) + ' · in stock: ' + p.stock.available }), b));
  }
});
document.getElementById('f').onsubmit = async (ev) => {
  ev.preventDefault();
  const fd = new FormData(ev.target);
  const res = await fetch('/api/v1/storefront/' + encodeURIComponent(slug) + '/orders', { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({ product_id: chosen.id, quantity: Number(fd.get('quantity')), email: fd.get('email'), query_password: fd.get('query_password'), gateway: 'sandbox' }) });
  const out = await res.json();
  if (!res.ok) { document.getElementById('err').textContent = out.error.message; return; }
  localStorage.setItem('xp_order_' + out.order.number, out.access_token);
  location.href = out.payment.pay_url;
};`;
  return layout('Shop', body, script);
}

export function orderPage(number: string): string {
  const body = `<h1>Order · 订单 <code>${esc(number)}</code></h1><div id="o" class="muted">Loading…</div>`;
  const script = `${money}
const number = ${JSON.stringify(number).replace(/</g, '\\u003c')};
// The access token travels in the URL fragment or local storage, never in a query string.
const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
if (fromHash) { localStorage.setItem('xp_order_' + number, fromHash); history.replaceState(null, '', location.pathname); }
const token = localStorage.getItem('xp_order_' + number);
async function load() {
  const box = document.getElementById('o');
  if (!token) { box.innerHTML = 'Open this page from your checkout, or <a href="/lookup">look the order up</a>.'; return; }
  const res = await fetch('/api/v1/storefront/orders/' + encodeURIComponent(number), { headers: { 'x-order-token': token } });
  const out = await res.json();
  if (!res.ok) { box.textContent = out.error.message; return; }
  box.textContent = '';
  box.append(el('p', { textContent: 'Status: ' + out.order.status + ' · ' + money(out.order.total, out.order.currency) }));
  for (const d of out.deliveries) box.append(el('pre', { className: 'keys', textContent: d.items.join('\\n') }));
  if (out.order.status === 'pending_payment') setTimeout(load, 2000);
}
load();`;
  return layout('Order', body, script);
}

export function lookupPage(): string {
  const body = `<h1>Find my order · 查询订单</h1><form id="f">
<label>Order number or email <input name="who" required></label>
<label>Query password <input name="query_password" type="password" required></label>
<input type="submit" value="Find"></form><div id="r"></div>`;
  const script = `
document.getElementById('f').onsubmit = async (ev) => {
  ev.preventDefault();
  const fd = new FormData(ev.target); const who = String(fd.get('who')).trim();
  const body = who.includes('@') ? { email: who, query_password: fd.get('query_password') } : { number: who, query_password: fd.get('query_password') };
  const res = await fetch('/api/v1/storefront/orders/lookup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const out = await res.json(); const r = document.getElementById('r'); r.textContent = '';
  if (!res.ok) { r.textContent = out.error.message; return; }
  if (out.orders.length === 0) { r.textContent = 'No order matches.'; return; }
  for (const o of out.orders) { localStorage.setItem('xp_order_' + o.number, o.access_token); const a = document.createElement('a'); a.href = '/o/' + o.number; a.textContent = o.number + ' (' + o.status + ')'; r.append(a, document.createElement('br')); }
};`;
  return layout('Find my order', body, script);
}
