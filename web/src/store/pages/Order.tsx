import { Fragment, useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../../shared/api.ts';
import { errorText } from '../../shared/errors.ts';
import { formatBytes, formatMoney, formatTime } from '../../shared/format.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { Link } from '../../shared/router.tsx';
import { ErrorBox, Loading, StatusBadge } from '../../shared/ui.tsx';
import { orderToken, rememberToken } from '../recent.ts';
import type { BuyerOrder } from '../types.ts';
import { AfterSale } from './AfterSale.tsx';
import DOMPurify from 'dompurify';
import { marked } from 'marked';

/** Redeem instructions are Markdown written by the shop: rendered, then sanitized. */
function renderMarkdown(md: string): string {
  return DOMPurify.sanitize(marked.parse(md, { async: false, gfm: true, breaks: true }) as string, { USE_PROFILES: { html: true } });
}

const WAITING = new Set(['pending_payment', 'paid', 'awaiting_fulfilment']);

/** The token travels in the URL fragment (never sent to a server) or lives in this device's storage. */
function takeToken(number: string): string | null {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    rememberToken(number, fromHash);
    history.replaceState(null, '', location.pathname);
    return fromHash;
  }
  return orderToken(number);
}

export function OrderPage({ number }: { number: string }) {
  const { t, lang } = useI18n();
  const [token] = useState(() => takeToken(number));
  const [data, setData] = useState<BuyerOrder>();
  const [error, setError] = useState<unknown>();
  const [copied, setCopied] = useState<string>();
  const timer = useRef<number>(undefined);

  const load = useCallback(async () => {
    if (!token) return;
    try {
      const d = await api<BuyerOrder>(`/api/v1/storefront/orders/${encodeURIComponent(number)}`, { headers: { 'x-order-token': token } });
      setData(d);
      setError(undefined);
      document.title = `${d.order.number} · ${d.order.shop.name}`;
      if (WAITING.has(d.order.status)) timer.current = window.setTimeout(load, d.order.status === 'awaiting_fulfilment' ? 30_000 : 2500);
    } catch (err) {
      setError(err);
      // Keep trying through network blips while the buyer waits for the payment.
      if (!(err instanceof ApiError) || err.status >= 500 || err.status === 0) timer.current = window.setTimeout(load, 5000);
    }
  }, [number, token]);

  useEffect(() => {
    void load();
    return () => window.clearTimeout(timer.current);
  }, [load]);

  if (!token) {
    return (
      <section className="card">
        <h1>{t('order.title', { number })}</h1>
        <p>{t('order.noToken')}</p>
        <p><Link className="btn" href="/lookup">{t('order.noTokenHint')}</Link></p>
      </section>
    );
  }
  if (!data) {
    if (error) return <ErrorBox onRetry={() => void load()}>{(error as ApiError).status === 404 ? t('order.notFound') : errorText(t, error)}</ErrorBox>;
    return <Loading />;
  }
  const { order, deliveries } = data;
  const keys = deliveries.flatMap((d) => d.items);
  const replacements = new Set(deliveries.flatMap((d) => d.replacements));

  async function copy(text: string, id: string) {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Older browsers: select-and-copy fallback.
      const ta = document.createElement('textarea');
      ta.value = text;
      document.body.append(ta);
      ta.select();
      document.execCommand('copy');
      ta.remove();
    }
    setCopied(id);
    window.setTimeout(() => setCopied(undefined), 1500);
  }

  function download() {
    const blob = new Blob([keys.join('\n') + '\n'], { type: 'text/plain;charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${order.number}.txt`;
    a.click();
    URL.revokeObjectURL(a.href);
  }

  return (
    <section className="card order">
      <p className="crumbs"><Link href={`/s/${encodeURIComponent(order.shop.slug)}`}>← {order.shop.name}</Link></p>
      <h1>{t('order.title', { number: '\u0001' }).split('\u0001').map((part, i) => (i === 0 ? part : <Fragment key={i}><span className="order-no">{order.number}</span>{part}</Fragment>))}</h1>
      <p><StatusBadge status={order.status} /></p>
      <ul className="list compact">
        {order.items.map((i) => <li key={i.product_id}><span className="list-main">{i.title}</span> <span className="muted">× {i.quantity}</span></li>)}
      </ul>
      <dl className="summary">
        <dt>{t('order.total')}</dt><dd>{formatMoney(order.total, order.currency, lang)}</dd>
        <dt>{t('order.created')}</dt><dd>{formatTime(order.created_at, lang)}</dd>
      </dl>
      {order.status === 'pending_payment' && (
        <div className="alert alert-wait" role="status" aria-live="polite">
          <span>{t('order.waiting')} {t('order.expires', { time: formatTime(order.expires_at, lang) })}</span>
          {order.payment && <a className="btn btn-small" href={order.payment.pay_url}>{t('order.pay')}</a>}
        </div>
      )}
      {order.status === 'paid' && <div className="alert alert-wait" role="status" aria-live="polite">{t('order.paying')}</div>}
      {order.status === 'awaiting_fulfilment' && (
        <div className="alert alert-wait" role="status" data-testid="awaiting">
          {t('manual.waiting')}{order.fulfil_due_at && <> {t('manual.due', { time: formatTime(order.fulfil_due_at, lang) })}</>}
        </div>
      )}
      {order.items.some((i) => i.fields?.length) && (
        <section className="instructions" data-testid="buyer-fields">
          <h2>{t('manual.yourDetails')}</h2>
          <dl className="summary">
            {order.items.flatMap((i) => i.fields ?? []).map((f) => <Fragment key={f.key}><dt>{f.label}</dt><dd>{f.value}</dd></Fragment>)}
          </dl>
        </section>
      )}
      {order.status === 'needs_action' && <div className="alert alert-warn" role="status">{t('order.needsAction')}</div>}
      {order.status === 'expired' && <div className="alert alert-warn" role="status">{t('order.expired')}</div>}
      {order.status === 'refunded' && <div className="alert" role="status">{t('order.refunded')}</div>}
      {keys.length > 0 && (
        <div className="keys" aria-live="polite">
          <div className="keys-head">
            <h2>{t('order.keys')}</h2>
            <div className="keys-actions">
              <button type="button" className="btn btn-small btn-ghost" onClick={() => void copy(keys.join('\n'), 'all')}>
                {copied === 'all' ? t('order.copied') : t('order.copyAll')}
              </button>
              <button type="button" className="btn btn-small btn-ghost" onClick={download}>{t('order.download')}</button>
            </div>
          </div>
          <ol className="key-list" data-testid="keys">
            {keys.map((k, i) => (
              <li key={`${i}-${k}`}>
                <code>{k}</code>{replacements.has(k) && <span className="badge badge-info" data-testid="replacement">{t('order.replacement')}</span>}
                <button type="button" className="btn btn-small btn-ghost" onClick={() => void copy(k, String(i))} aria-label={`${t('order.copy')} ${i + 1}`}>
                  {copied === String(i) ? t('order.copied') : t('order.copy')}
                </button>
              </li>
            ))}
          </ol>
        </div>
      )}
      {deliveries.filter((d) => d.download).map((d) => d.download && (
        <section className="keys" key={`file-${d.product_id}`} data-testid="download">
          <h2>{t('download.heading')}</h2>
          <p><a className="btn" href={d.download.url} download={d.download.filename}>⬇ {t('download.button')} {d.download.filename} · {formatBytes(d.download.size)}</a></p>
          <p className="muted small">{t('download.expires', { time: formatTime(d.download.expires_at, lang) })} {t('download.count', { n: d.download.downloads })}</p>
          <p className="muted small">{t('download.checksum')}: <code style={{ wordBreak: 'break-all' }}>{d.download.sha256}</code></p>
        </section>
      ))}
      {deliveries.some((d) => d.licenses?.length) && (
        <Licenses licenses={deliveries.flatMap((d) => d.licenses ?? [])} onChange={() => void load()} />
      )}
      {deliveries.filter((d) => d.expires_at).map((d) => {
        const ended = new Date(d.expires_at ?? '').getTime() < Date.now();
        return <p key={`valid-${d.product_id}`} className={`alert ${ended ? 'alert-warn' : ''}`} data-testid="valid-until">
          {t(ended ? 'order.validEnded' : 'order.validUntil', { time: formatTime(d.expires_at ?? '', lang) })}</p>;
      })}
      {deliveries.filter((d) => d.note).map((d) => (
        <section className="instructions" key={`note-${d.product_id}`} data-testid="shop-note">
          <h2>{t('manual.shopNote')}</h2>
          <p className="prewrap">{d.note}</p>
        </section>
      ))}
      {[...new Set(deliveries.map((d) => d.instructions).filter((x): x is string => !!x))].map((note) => (
        <section className="instructions" key={note} data-testid="instructions">
          <h2>{t('order.howToRedeem')}</h2>
          {/* Sanitized by DOMPurify. */}
          <div className="prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(note) }} />
        </section>
      ))}
      {order.status === 'completed' && <div className="alert" role="status">{t('order.completed')}</div>}
      {order.status === 'disputed' && <div className="alert alert-warn" role="status">{t('order.disputed')}</div>}
      {keys.length > 0 || deliveries.length > 0 || order.status === 'refunded' ? <AfterSale number={order.number} token={token} status={order.status} onChange={() => void load()} /> : null}
      {error !== undefined && <ErrorBox onRetry={() => void load()}>{errorText(t, error)}</ErrorBox>}
    </section>
  );
}

type License = NonNullable<BuyerOrder['deliveries'][number]['licenses']>[number];

/** Each license key with its status and the devices it is active on; the buyer may free a device's seat (the key is the credential). */
function Licenses({ licenses, onChange }: { licenses: License[]; onChange: () => void }) {
  const { t, lang } = useI18n();
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();

  async function deactivate(l: License, instance: { id: string; name: string }) {
    if (!window.confirm(t('license.deactivateConfirm', { name: instance.name }))) return;
    setError(undefined);
    try {
      await api('/api/v1/licenses/deactivate', { method: 'POST', body: { license_key: l.key, instance_id: instance.id } });
      setNotice(t('license.deactivated'));
      onChange();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="licenses" data-testid="licenses">
      <h2>{t('license.heading')}</h2>
      {licenses.map((l) => (
        <div className="license" key={l.id} data-testid="license">
          <p className="license-head">
            <code>{l.key}</code>
            <span className={`badge ${l.status === 'disabled' || l.status === 'expired' ? 'badge-off' : 'badge-ok'}`} data-testid="license-status">{t(`license.status.${l.status}`)}</span>
          </p>
          <p className="muted small">
            {t('license.devices', { used: l.activation_usage, limit: l.activation_limit ?? t('license.unlimited') })}
            {l.expires_at && <> · {t('license.expires', { time: formatTime(l.expires_at, lang) })}</>}
          </p>
          {l.instances.length === 0 ? <p className="muted small">{t('license.noDevices')}</p> : (
            <ul className="list compact">
              {l.instances.map((n) => (
                <li key={n.id} data-testid="license-device">
                  <span className="list-main">{n.name}</span> <span className="muted small">{formatTime(n.created_at, lang)}</span>
                  <button type="button" className="btn btn-small btn-ghost" onClick={() => void deactivate(l, n)}>{t('license.deactivate')}</button>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      {notice && <p className="alert" role="status">{notice}</p>}
      {error !== undefined && <ErrorBox>{errorText(t, error)}</ErrorBox>}
    </section>
  );
}
