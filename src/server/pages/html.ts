import { toDecimalString } from '../../lib/money.ts';

// Tiny helpers for the few server-rendered pages (the React app comes later).
export function esc(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export function formatMoney(minor: number, currency: string): string {
  return `${toDecimalString(minor, currency)} ${currency}`;
}

/** A page; an inline script runs only with the nonce the answer's CSP names (`app.pageCsp`). */
export function layout(title: string, body: string, script = '', nonce = ''): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · XiaoPu 小铺</title>
<style>
body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;max-width:720px;margin:2rem auto;padding:0 1rem;color:#1f2328;line-height:1.5}
h1{font-size:1.5rem} .card{border:1px solid #d0d7de;border-radius:8px;padding:1rem;margin:1rem 0}
button,input[type=submit]{font-size:1rem;padding:.5rem 1rem;border-radius:6px;border:1px solid #1f883d;background:#1f883d;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#cf222e;border-color:#cf222e} input,select{font-size:1rem;padding:.4rem;margin:.2rem 0;width:100%;box-sizing:border-box}
code,pre{background:#f6f8fa;padding:.2rem .4rem;border-radius:4px} pre{padding:.6rem;white-space:pre-wrap;word-break:break-all}
.muted{color:#656d76} .error{color:#cf222e}
</style></head><body>${body}${script ? `<script nonce="${esc(nonce)}">${script}</script>` : ''}</body></html>`;
}
