// Disputes in the console: the shop's (answer, send a replacement, ask the
// platform) and, for admins, every shop's (write, rule).
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ApiResponse } from '../../shared/api.ts';
import { DisputeBadge, DisputeReply, DisputeTimeline, type Dispute } from '../../shared/Dispute.tsx';
import { errorText } from '../../shared/errors.ts';
import { formatMoney, formatTime, toMinor } from '../../shared/format.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { Link } from '../../shared/router.tsx';
import { ErrorBox, Loading, StatusBadge } from '../../shared/ui.tsx';
import { useSession } from '../session.tsx';
import { useAction } from '../use-action.ts';
import { useLatest } from '../../shared/use-latest.ts';

type Row = ApiResponse<'/api/v1/disputes', 'get'>['data'][number];

export function DisputesPage({ admin = false }: { admin?: boolean }) {
  const { t, lang } = useI18n();
  const { call } = useSession();
  const [status, setStatus] = useState(admin ? 'escalated' : '');
  const [rows, setRows] = useState<Row[]>();
  const [error, setError] = useState<unknown>();
  const base = admin ? '/admin/disputes' : '/console/disputes';
  const begin = useLatest();

  const load = useCallback(async () => {
    const latest = begin();
    try {
      const qs = new URLSearchParams({ limit: '100', ...(status ? { status } : {}) });
      const r = await call<{ data: Row[] }>(`/api/v1${admin ? '/admin' : ''}/disputes?${qs}`);
      if (!latest()) return;
      setRows(r.data);
      setError(undefined);
    } catch (err) {
      if (latest()) setError(err);
    }
  }, [call, status, admin, begin]);
  useEffect(() => { void load(); }, [load]);

  return (
    <>
      <div className="page-head"><h1>{t('disputes.title')}</h1></div>
      <div className="toolbar">
        <select value={status} onChange={(e) => setStatus(e.target.value)} aria-label={t('orders.status')}>
          <option value="">{t('orders.allStatuses')}</option>
          {['open', 'escalated', 'resolved'].map((s) => <option key={s} value={s}>{t(`disputeStatus.${s}`)}</option>)}
        </select>
      </div>
      {error !== undefined && <ErrorBox onRetry={() => void load()}>{errorText(t, error)}</ErrorBox>}
      {!rows ? <Loading /> : rows.length === 0 ? <p className="card muted">{t('disputes.empty')}</p> : (
        <div className="table-wrap"><table data-testid="dispute-table">
          <thead><tr><th>{t('orders.number')}</th>{admin && <th>{t('merchants.title')}</th>}<th>{t('dispute.reason')}</th><th>{t('orders.status')}</th>
            <th>{t('orders.total')}</th><th>{t('dispute.respondBy')}</th></tr></thead>
          <tbody>{rows.map((d) => (
            <tr key={d.id}>
              <td><Link href={`${base}/${d.id}`}>{d.order.number}</Link></td>
              {admin && <td>{d.shop.name}</td>}
              <td>{t(`disputeReason.${d.reason}`)}</td>
              <td><DisputeBadge status={d.status} /></td>
              <td>{formatMoney(d.order.total, d.order.currency, lang)}</td>
              <td>{d.status === 'open' ? formatTime(d.respond_by, lang) : '—'}</td>
            </tr>
          ))}</tbody>
        </table></div>
      )}
    </>
  );
}

export function DisputeDetailPage({ disputeId, admin = false }: { disputeId: string; admin?: boolean }) {
  const { t, lang } = useI18n();
  const { call } = useSession();
  const [d, setD] = useState<Dispute>();
  const { busy, error, setError, notice, run } = useAction();
  const [outcome, setOutcome] = useState<'refund' | 'partial_refund' | 'reject'>('refund');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const api = `/api/v1${admin ? '/admin' : ''}/disputes/${disputeId}`;

  const load = useCallback(() => call<Dispute>(api).then(setD, setError), [call, api]);
  useEffect(() => { void load(); }, [load]);

  const act = (fn: () => Promise<Dispute>, done: string) => run(async () => {
    setD(await fn());
    return done;
  });

  if (!d) return error ? <ErrorBox>{errorText(t, error)}</ErrorBox> : <Loading />;
  const closed = d.status === 'resolved';
  const rule = (e: FormEvent) => {
    e.preventDefault();
    const minor = outcome === 'partial_refund' ? toMinor(amount, d.order.currency) : undefined;
    if (outcome === 'partial_refund' && !minor) return setError(new Error(`${t('money.amount')}: ${amount}`));
    if (!window.confirm(t('dispute.ruleConfirm', { outcome: t(`disputeOutcome.${outcome}`) }))) return;
    void act(() => call<Dispute>(`${api}/resolve`, { method: 'POST', body: { outcome, ...(minor ? { amount: minor } : {}), ...(note.trim() ? { note: note.trim() } : {}) } }), t('dispute.ruled'));
  };
  return (
    <>
      <p className="crumbs"><Link href={admin ? '/admin/disputes' : '/console/disputes'}>← {t('disputes.title')}</Link></p>
      <div className="page-head"><h1>{t('dispute.title', { number: d.order.number })}</h1><DisputeBadge status={d.status} /></div>
      {notice && <p className="alert" role="status">{notice}</p>}
      {error !== undefined && <ErrorBox>{errorText(t, error)}</ErrorBox>}
      <section className="card">
        <dl className="summary">
          <dt>{t('orders.number')}</dt><dd>{admin ? <Link href={`/admin/orders/${d.order.id}`}>{d.order.number}</Link> : <Link href={`/console/orders/${d.order.id}`}>{d.order.number}</Link>}</dd>
          <dt>{t('orders.status')}</dt><dd><StatusBadge status={d.order.status} /></dd>
          <dt>{t('orders.total')}</dt><dd>{formatMoney(d.order.total, d.order.currency, lang)}</dd>
          {admin && <><dt>{t('merchants.title')}</dt><dd>{d.shop.name}</dd></>}
        </dl>
        <DisputeTimeline dispute={d} />
      </section>
      {!closed && (
        <section className="card">
          <h2>{t('dispute.answer')}</h2>
          <DisputeReply busy={busy} onSend={(message) => act(() => call<Dispute>(`${api}/messages`, { method: 'POST', body: { message } }), t('dispute.sent'))}
            extra={!admin && <>
              <button type="button" className="btn btn-ghost" disabled={busy || d.order.status !== 'disputed'} onClick={() => void act(() => call<Dispute>(`${api}/replace`, { method: 'POST', body: { quantity: 1 } }), t('dispute.replaced'))}>{t('dispute.replace')}</button>
              {d.status === 'open' && <button type="button" className="btn btn-ghost" disabled={busy} onClick={() => void act(() => call<Dispute>(`${api}/escalate`, { method: 'POST' }), t('dispute.escalated'))}>{t('dispute.escalate')}</button>}
              <Link className="btn btn-ghost" href={`/console/orders/${d.order.id}`}>{t('dispute.refundFromOrder')}</Link>
            </>} />
        </section>
      )}
      {admin && !closed && (
        <form className="card" onSubmit={rule} data-testid="rule-form">
          <h2>{t('dispute.rule')}</h2>
          <div className="form-grid">
            <div className="field"><label htmlFor="rule-outcome">{t('dispute.outcome')}</label>
              <select id="rule-outcome" className="input" value={outcome} onChange={(e) => setOutcome(e.target.value as typeof outcome)}>
                {(['refund', 'partial_refund', 'reject'] as const).map((o) => <option key={o} value={o}>{t(`disputeOutcome.${o}`)}</option>)}
              </select></div>
            {outcome === 'partial_refund' && <div className="field"><label htmlFor="rule-amount">{t('money.amount')} ({d.order.currency})</label>
              <input id="rule-amount" type="text" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} /></div>}
          </div>
          <div className="field"><label htmlFor="rule-note">{t('dispute.ruleNote')}</label><textarea id="rule-note" rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} /></div>
          <button type="submit" className="btn" disabled={busy}>{t('dispute.rule')}</button>
        </form>
      )}
    </>
  );
}
