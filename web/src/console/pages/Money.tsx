// The shop's money: balances from the ledger, a payout request (提现), saved
// destinations, past payouts, and the statement of every movement (CSV too).
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ApiResponse } from '../../shared/api.ts';
import { errorText } from '../../shared/errors.ts';
import { formatMoney, formatTime, toMinor } from '../../shared/format.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { ErrorBox, Loading } from '../../shared/ui.tsx';
import { useSession } from '../session.tsx';
import { useAction } from '../use-action.ts';

type Balance = ApiResponse<'/api/v1/balance', 'get'>;
type Payout = ApiResponse<'/api/v1/payouts', 'get'>['data'][number];
type Destination = ApiResponse<'/api/v1/payout_destinations', 'get'>['data'][number];
type Line = ApiResponse<'/api/v1/balance_transactions', 'get'>['data'][number];

export function PayoutBadge({ status }: { status: Payout['status'] }) {
  const { t } = useI18n();
  const tone = status === 'paid' ? 'ok' : status === 'rejected' ? 'off' : 'wait';
  return <span className={`badge badge-${tone}`} data-testid="payout-status">{t(`payoutStatus.${status}`)}</span>;
}

export function MoneyPage() {
  const { t, lang } = useI18n();
  const { call } = useSession();
  const [balance, setBalance] = useState<Balance>();
  const [payouts, setPayouts] = useState<Payout[]>();
  const [destinations, setDestinations] = useState<Destination[]>();
  const [lines, setLines] = useState<Line[]>();
  const [more, setMore] = useState(false);
  const { busy, error, setError, notice, run } = useAction();
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState('CNY');
  const [destination, setDestination] = useState('');
  const [kind, setKind] = useState<'alipay' | 'bank' | 'usdt'>('alipay');

  const load = useCallback(async () => {
    try {
      const [b, p, d, l] = await Promise.all([
        call<Balance>('/api/v1/balance'),
        call<{ data: Payout[] }>('/api/v1/payouts?limit=20'),
        call<{ data: Destination[] }>('/api/v1/payout_destinations'),
        call<{ data: Line[]; has_more: boolean }>('/api/v1/balance_transactions?limit=50'),
      ]);
      setBalance(b);
      setPayouts(p.data);
      setDestinations(d.data);
      setLines(l.data);
      setMore(l.has_more);
      const first = b.available[0] ?? b.pending[0];
      if (first) setCurrency(first.currency);
    } catch (err) {
      setError(err);
    }
  }, [call]);
  useEffect(() => { void load(); }, [load]);

  const act = (fn: () => Promise<string>) => run(fn, load);

  async function older() {
    try {
      const r = await call<{ data: Line[]; has_more: boolean }>(`/api/v1/balance_transactions?limit=50&starting_after=${lines?.at(-1)?.id ?? ''}`);
      setLines((x) => [...(x ?? []), ...r.data]);
      setMore(r.has_more);
    } catch (err) {
      setError(err);
    }
  }

  function requestPayout(e: FormEvent) {
    e.preventDefault();
    const minor = toMinor(amount, currency);
    if (minor === undefined || minor <= 0) return setError(new Error(`${t('money.amount')}: ${amount}`));
    void act(async () => {
      const p = await call<Payout>('/api/v1/payouts', { method: 'POST', body: { amount: minor, currency, ...(destination ? { destination } : {}) } });
      setAmount('');
      return t('money.requested', { amount: formatMoney(p.amount, p.currency, lang), net: formatMoney(p.net, p.currency, lang) });
    });
  }

  function addDestination(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const v = (k: string) => String(f.get(k) ?? '').trim();
    const body = kind === 'usdt'
      ? { kind, network: v('network'), account: v('account'), ...(v('label') ? { label: v('label') } : {}) }
      : { kind, account: v('account'), account_name: v('account_name'), ...(kind === 'bank' ? { bank_name: v('bank_name') } : {}), ...(v('label') ? { label: v('label') } : {}) };
    const form = e.currentTarget;
    void act(async () => {
      const d = await call<Destination>('/api/v1/payout_destinations', { method: 'POST', body });
      form.reset();
      return t('money.destinationAdded', { masked: d.masked });
    });
  }

  if (!balance) return error ? <ErrorBox onRetry={() => void load()}>{errorText(t, error)}</ErrorBox> : <Loading />;
  const currencies = [...new Set([...balance.available, ...balance.pending].map((x) => x.currency))];
  const amountOf = (list: Balance['available'], c: string) => list.find((x) => x.currency === c)?.amount ?? 0;
  return (
    <>
      <div className="page-head"><h1>{t('money.title')}</h1></div>
      {notice && <p className="alert" role="status">{notice}</p>}
      {error !== undefined && <ErrorBox>{errorText(t, error)}</ErrorBox>}
      {currencies.length === 0 && <p className="card muted">{t('money.empty')}</p>}
      {currencies.map((c) => (
        <div className="stats" key={c} data-testid={`balance-${c}`}>
          <div className="stat"><div className="stat-label">{t('money.available')}</div>
            <div className={`stat-value${amountOf(balance.available, c) < 0 ? ' danger' : ''}`} data-testid="available">{formatMoney(amountOf(balance.available, c), c, lang)}</div>
            <div className="stat-sub">{amountOf(balance.available, c) < 0 ? t('money.debt') : t('money.availableHint')}</div></div>
          <div className="stat"><div className="stat-label">{t('money.pending')}</div>
            <div className="stat-value" data-testid="pending">{formatMoney(amountOf(balance.pending, c), c, lang)}</div>
            <div className="stat-sub">{t('money.pendingHint')}</div></div>
          <div className="stat"><div className="stat-label">{t('money.inPayout')}</div>
            <div className="stat-value">{formatMoney(amountOf(balance.in_payout, c), c, lang)}</div>
            <div className="stat-sub">{t('money.inPayoutHint')}</div></div>
        </div>
      ))}

      <form className="card" onSubmit={requestPayout} data-testid="payout-form">
        <h2>{t('money.requestPayout')}</h2>
        {destinations && destinations.length === 0 ? <p className="muted">{t('money.noDestination')}</p> : (
          <div className="form-grid">
            <div className="field"><label htmlFor="po-amount">{t('money.amount')} ({currency})</label>
              <input id="po-amount" type="text" inputMode="decimal" required value={amount} onChange={(e) => setAmount(e.target.value)} /></div>
            {currencies.length > 1 && <div className="field"><label htmlFor="po-currency">{t('money.currency')}</label>
              <select id="po-currency" className="input" value={currency} onChange={(e) => setCurrency(e.target.value)}>{currencies.map((c) => <option key={c}>{c}</option>)}</select></div>}
            <div className="field"><label htmlFor="po-dest">{t('money.destination')}</label>
              <select id="po-dest" className="input" value={destination} onChange={(e) => setDestination(e.target.value)}>
                {(destinations ?? []).map((d) => <option key={d.id} value={d.id}>{d.label === d.masked ? t(`money.kind.${d.kind}`) : d.label} · {d.masked}</option>)}
              </select></div>
          </div>
        )}
        <p className="muted small">{t('money.payoutHint')}</p>
        <button type="submit" className="btn" disabled={busy || !destinations?.length}>{t('money.requestPayout')}</button>
      </form>

      <section className="card">
        <h2>{t('money.payouts')}</h2>
        {!payouts?.length ? <p className="muted">{t('money.noPayouts')}</p> : (
          <div className="table-wrap"><table data-testid="payout-table">
            <thead><tr><th>{t('money.amount')}</th><th>{t('orders.status')}</th><th>{t('money.destination')}</th><th>{t('money.reference')}</th><th>{t('money.requestedAt')}</th></tr></thead>
            <tbody>{payouts.map((p) => (
              <tr key={p.id}>
                <td>{formatMoney(p.amount, p.currency, lang)}{p.fee > 0 && <div className="muted small">{t('money.fee', { fee: formatMoney(p.fee, p.currency, lang) })}</div>}</td>
                <td><PayoutBadge status={p.status} />{p.reason && <div className="muted small">{p.reason}</div>}</td>
                <td>{p.destination?.masked ?? '—'}</td>
                <td>{p.reference ?? '—'}</td>
                <td>{formatTime(p.created_at, lang)}</td>
              </tr>
            ))}</tbody>
          </table></div>
        )}
      </section>

      <section className="card">
        <h2>{t('money.destinations')}</h2>
        {destinations && destinations.length > 0 && (
          <ul className="list compact" data-testid="destinations">{destinations.map((d) => (
            <li key={d.id}><span className="list-main">{d.label === d.masked ? t(`money.kind.${d.kind}`) : d.label}</span> <span className="muted">{d.masked}</span>{' '}
              <button type="button" className="btn btn-small btn-ghost danger" disabled={busy} onClick={() => {
                if (window.confirm(t('money.deleteDestination', { masked: d.masked }))) void act(async () => { await call(`/api/v1/payout_destinations/${d.id}`, { method: 'DELETE' }); return t('money.deleted'); });
              }}>{t('money.delete')}</button></li>
          ))}</ul>
        )}
        <form onSubmit={addDestination} data-testid="destination-form">
          <div className="form-grid">
            <div className="field"><label htmlFor="d-kind">{t('money.kind')}</label>
              <select id="d-kind" className="input" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
                {(['alipay', 'bank', 'usdt'] as const).map((k) => <option key={k} value={k}>{t(`money.kind.${k}`)}</option>)}
              </select></div>
            <div className="field"><label htmlFor="d-account">{t(`money.account.${kind}`)}</label><input id="d-account" type="text" name="account" required autoComplete="off" /></div>
            {kind !== 'usdt' && <div className="field"><label htmlFor="d-name">{t('money.accountName')}</label><input id="d-name" type="text" name="account_name" required /></div>}
            {kind === 'bank' && <div className="field"><label htmlFor="d-bank">{t('money.bankName')}</label><input id="d-bank" type="text" name="bank_name" required /></div>}
            {kind === 'usdt' && <div className="field"><label htmlFor="d-net">{t('money.network')}</label>
              <select id="d-net" name="network" className="input">{['TRC20', 'ERC20'].map((n) => <option key={n}>{n}</option>)}</select></div>}
            <div className="field"><label htmlFor="d-label">{t('money.label')}</label><input id="d-label" type="text" name="label" maxLength={60} /></div>
          </div>
          <p className="muted small">{t('money.destinationHint')}</p>
          <button type="submit" className="btn btn-ghost" disabled={busy}>{t('money.addDestination')}</button>
        </form>
      </section>

      <section className="card">
        <div className="page-head"><h2>{t('money.statement')}</h2><a className="btn btn-small btn-ghost" href="/api/v1/balance_transactions.csv" download>{t('money.csv')}</a></div>
        {!lines?.length ? <p className="muted">{t('money.noLines')}</p> : (
          <div className="table-wrap"><table data-testid="statement">
            <thead><tr><th>{t('money.when')}</th><th>{t('money.type')}</th><th>{t('orders.number')}</th><th>{t('money.pending')}</th><th>{t('money.available')}</th><th>{t('money.inPayout')}</th><th>{t('money.commission')}</th></tr></thead>
            <tbody>{lines.map((l) => (
              <tr key={`${l.id}-${l.currency}`}>
                <td>{formatTime(l.created_at, lang)}</td>
                <td>{t(`money.type.${l.type}`)}{l.description && <div className="muted small">{l.description}</div>}</td>
                <td>{l.order_number ?? '—'}</td>
                <td>{l.pending ? formatMoney(l.pending, l.currency, lang) : ''}</td>
                <td>{l.available ? formatMoney(l.available, l.currency, lang) : ''}</td>
                <td>{l.in_payout ? formatMoney(l.in_payout, l.currency, lang) : ''}</td>
                <td>{l.commission ? formatMoney(l.commission, l.currency, lang) : l.fee ? formatMoney(l.fee, l.currency, lang) : ''}</td>
              </tr>
            ))}</tbody>
          </table></div>
        )}
        {more && <button type="button" className="btn btn-ghost" style={{ marginTop: 8 }} onClick={() => void older()}>{t('orders.more')}</button>}
      </section>
    </>
  );
}
