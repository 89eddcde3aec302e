import { Fragment, useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ApiResponse } from '../../shared/api.ts';
import { errorText } from '../../shared/errors.ts';
import { formatMoney, formatTime, toMinor } from '../../shared/format.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { Link } from '../../shared/router.tsx';
import { ErrorBox, Loading, StatusBadge } from '../../shared/ui.tsx';
import { useSession } from '../session.tsx';
import { useAction } from '../use-action.ts';

type Detail = ApiResponse<'/api/v1/orders/{id}', 'get'>;

const REFUNDABLE = new Set(['paid', 'awaiting_fulfilment', 'delivered', 'needs_action', 'disputed', 'partially_refunded', 'completed']);

/** One order with its timeline; `admin` adds the platform's actions (query the gateway, confirm by hand). */
export function OrderDetailPage({ orderId, admin = false }: { orderId: string; admin?: boolean }) {
  const { t, lang } = useI18n();
  const { call } = useSession();
  const [o, setO] = useState<Detail>();
  const { busy, error, setError, notice, run } = useAction();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [fulfilNote, setFulfilNote] = useState('');
  const [fulfilItems, setFulfilItems] = useState('');
  const base = admin ? '/api/v1/admin/orders' : '/api/v1/orders';

  const load = useCallback(() => call<Detail>(`${base}/${orderId}`).then(setO, setError), [call, base, orderId]);
  useEffect(() => { void load(); }, [load]);

  const act = (fn: () => Promise<string>) => run(fn, load);

  if (!o) return error ? <ErrorBox>{errorText(t, error)}</ErrorBox> : <Loading />;
  const refund = (e: FormEvent) => {
    e.preventDefault();
    const minor = amount.trim() ? toMinor(amount, o.currency) : undefined;
    if (amount.trim() && minor === undefined) return setError(new Error(`${t('detail.refundAmount')}: ${amount}`));
    if (!window.confirm(t('detail.refundConfirm', { amount: minor !== undefined ? formatMoney(minor, o.currency, lang) : '…' }))) return;
    void act(async () => {
      const r = await call<{ amount: number; status: string }>(`${base}/${o.id}/refunds`, { method: 'POST', body: { ...(minor !== undefined ? { amount: minor } : {}), ...(reason ? { reason } : {}) } });
      setAmount('');
      setReason('');
      return t(r.status === 'pending' ? 'detail.refundPendingDone' : 'detail.refundDone', { amount: formatMoney(r.amount, o.currency, lang) });
    });
  };
  const fulfil = (e: FormEvent) => {
    e.preventDefault();
    const items = fulfilItems.split('\n').map((x) => x.trim()).filter(Boolean);
    void act(async () => {
      await call(`/api/v1/orders/${o.id}/fulfil`, { method: 'POST', body: { ...(fulfilNote.trim() ? { note: fulfilNote } : {}), ...(items.length ? { items } : {}) } });
      setFulfilNote('');
      setFulfilItems('');
      return t('detail.fulfilDone');
    });
  };
  const resolve = (refundId: string, outcome: 'succeeded' | 'failed') => {
    const note = window.prompt(t('detail.resolvePrompt'));
    if (!note?.trim()) return;
    void act(async () => {
      await call(`/api/v1/admin/refunds/${refundId}/resolve`, { method: 'POST', body: { outcome, note: note.trim() } });
      return t('detail.resolved');
    });
  };
  const pay = o.payments.find((p) => p.status !== 'failed');
  return (
    <>
      <p className="crumbs"><Link href={admin ? '/admin' : '/console/orders'}>← {admin ? t('nav.adminOrders') : t('detail.back')}</Link></p>
      <div className="page-head"><h1>{o.number}</h1><StatusBadge status={o.status} /></div>
      {o.needs_action_reason && <div className="alert alert-warn">{t('detail.needsActionReason', { reason: o.needs_action_reason })}</div>}
      {notice && <p className="alert" role="status">{notice}</p>}
      {error !== undefined && <ErrorBox>{errorText(t, error)}</ErrorBox>}
      <section className="card">
        <h2>{t('detail.items')}</h2>
        <ul className="list compact">{o.items.map((i) => <li key={i.id}>{i.title} × {i.quantity} · {formatMoney(i.total, o.currency, lang)}</li>)}</ul>
        <dl className="summary">
          <dt>{t('orders.email')}</dt><dd>{o.email}</dd>
          <dt>{t('orders.total')}</dt><dd>{formatMoney(o.total, o.currency, lang)}</dd>
          <dt>{t('detail.commission')}</dt><dd data-testid="commission">{formatMoney(o.commission, o.currency, lang)}</dd>
          {o.refunded > 0 && <><dt>{t('detail.refunded')}</dt><dd data-testid="refunded">{formatMoney(o.refunded, o.currency, lang)}</dd></>}
          <dt>{t('detail.share')}</dt><dd data-testid="shop-share">{formatMoney(o.shop_share, o.currency, lang)}</dd>
          <dt>{t('orders.created')}</dt><dd>{formatTime(o.created_at, lang)}</dd>
          {o.completed_at && <><dt>{t('status.completed')}</dt><dd>{formatTime(o.completed_at, lang)}</dd></>}
        </dl>
        <div className="row-actions">
          {!admin && ['delivered', 'completed', 'disputed', 'partially_refunded'].includes(o.status) && (
            <button type="button" className="btn btn-ghost" disabled={busy} onClick={() => void act(async () => {
              await call(`/api/v1/orders/${o.id}/resend_email`, { method: 'POST' });
              return t('detail.resent');
            })}>{t('detail.resend')}</button>
          )}
          {o.status === 'needs_action' && (
            <button type="button" className="btn btn-ghost" disabled={busy} onClick={() => void act(async () => {
              const r = await call<{ result: string }>(`${base}/${o.id}/retry_fulfilment`, { method: 'POST' });
              return t('detail.retryDone', { result: r.result });
            })}>{t('detail.retry')}</button>
          )}
          {admin && pay && pay.gateway !== 'sandbox' && pay.gateway !== 'wallet' && (
            <button type="button" className="btn btn-ghost" disabled={busy} onClick={() => void act(async () => {
              const r = await call<{ result: string; gateway_view: { status: string | null } }>(`/api/v1/admin/orders/${o.id}/query_gateway`, { method: 'POST' });
              return t('detail.queryResult', { status: r.gateway_view.status ?? '—', result: r.result });
            })}>{t('detail.queryGateway')}</button>
          )}
          {admin && pay && pay.status === 'pending' && (
            <button type="button" className="btn btn-ghost" disabled={busy} onClick={() => {
              const note = window.prompt(t('detail.confirmNote'));
              if (note) void act(async () => (await call<{ result: string }>(`/api/v1/admin/payments/${pay.id}/confirm`, { method: 'POST', body: { note } })).result);
            }}>{t('detail.confirm')}</button>
          )}
        </div>
      </section>
      {o.items.some((i) => i.fields?.length) && (
        <section className="card" data-testid="buyer-fields">
          <h2>{t('detail.buyerFields')}</h2>
          <dl className="summary">
            {o.items.flatMap((i) => i.fields ?? []).map((f) => <Fragment key={f.key}><dt>{f.label}</dt><dd><code>{f.value}</code></dd></Fragment>)}
          </dl>
        </section>
      )}
      {o.webhook_delivery && !o.webhook_delivery.delivered_at && (
        <section className="card" data-testid="webhook-delivery">
          <h2>{t('detail.webhookDelivery')}</h2>
          <p className={o.webhook_delivery.last_error ? 'alert alert-warn' : 'muted'}>
            {t('detail.webhookAttempts', { n: o.webhook_delivery.attempts })}
            {o.webhook_delivery.last_error && <> · {o.webhook_delivery.last_error}</>}
            {o.webhook_delivery.next_at && <> · {t('detail.webhookNext', { time: formatTime(o.webhook_delivery.next_at, lang) })}</>}
          </p>
        </section>
      )}
      {!admin && o.status === 'awaiting_fulfilment' && (
        <form className="card" onSubmit={fulfil} data-testid="fulfil">
          <h2>{t('detail.fulfil')}</h2>
          {o.fulfil_due_at && <p className={o.overdue ? 'alert alert-warn' : 'muted'}>{o.overdue ? `${t('detail.overdue')} · ` : ''}{t('detail.due', { time: formatTime(o.fulfil_due_at, lang) })}</p>}
          <div className="field"><label htmlFor="f-note">{t('detail.fulfilNote')}</label>
            <textarea id="f-note" maxLength={5000} value={fulfilNote} onChange={(e) => setFulfilNote(e.target.value)} /></div>
          <div className="field"><label htmlFor="f-items">{t('detail.fulfilItems')}</label>
            <textarea id="f-items" value={fulfilItems} onChange={(e) => setFulfilItems(e.target.value)} autoComplete="off" /></div>
          <button type="submit" className="btn" disabled={busy || (!fulfilNote.trim() && !fulfilItems.trim())}>{t('detail.fulfil')}</button>
        </form>
      )}
      {REFUNDABLE.has(o.status) && (
        <form className="card" onSubmit={refund}>
          <h2>{t('detail.refund')}</h2>
          <div className="form-grid">
            <div className="field"><label htmlFor="r-amount">{t('detail.refundAmount')}</label><input id="r-amount" type="text" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} /></div>
            <div className="field"><label htmlFor="r-reason">{t('detail.refundReason')}</label><input id="r-reason" type="text" maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} /></div>
          </div>
          <button type="submit" className="btn btn-ghost danger" disabled={busy}>{t('detail.refund')}</button>
        </form>
      )}
      <section className="card">
        <h2>{t('detail.payments')}</h2>
        <ul className="list compact">{o.payments.map((p) => <li key={p.id}>{p.gateway} · {t(`moneyStatus.${p.status}`)} · {formatMoney(p.amount, p.currency, lang)}{p.succeeded_at ? ` · ${formatTime(p.succeeded_at, lang)}` : ''}</li>)}</ul>
        {o.refunds.length > 0 && <>
          <h2 style={{ marginTop: 12 }}>{t('detail.refunds')}</h2>
          <ul className="list compact">{o.refunds.map((r) => (
            <li key={r.id}>
              {formatMoney(r.amount, r.currency, lang)} · {t(`moneyStatus.${r.status}`)}{r.reason ? ` · ${r.reason}` : ''} · {formatTime(r.created_at, lang)}
              {admin && r.status === 'pending' && <span className="actions">
                {' '}<button type="button" className="btn btn-small" disabled={busy} onClick={() => resolve(r.id, 'succeeded')}>{t('detail.resolveSucceeded')}</button>
                {' '}<button type="button" className="btn btn-small btn-ghost" disabled={busy} onClick={() => resolve(r.id, 'failed')}>{t('detail.resolveFailed')}</button>
              </span>}
            </li>
          ))}</ul>
        </>}
      </section>
      <section className="card">
        <h2>{t('detail.timeline')}</h2>
        <ol className="timeline" data-testid="timeline">
          {o.events.map((e, i) => (
            <li key={i}><strong>{t(`status.${e.to}`)}</strong> <span className="muted small">· {formatTime(e.at, lang)} · {e.actor}{e.note ? ` · ${e.note}` : ''}</span></li>
          ))}
        </ol>
      </section>
    </>
  );
}
