// The platform's payout queue: approve, reject (the money returns to the
// shop) or mark paid with the transfer's reference; the destination's full
// details are shown on request (the reveal is audited).
import { useCallback, useEffect, useState } from 'react';
import type { ApiResponse } from '../../shared/api.ts';
import { errorText } from '../../shared/errors.ts';
import { formatMoney, formatTime } from '../../shared/format.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { ErrorBox, Loading } from '../../shared/ui.tsx';
import { useSession } from '../session.tsx';
import { PayoutBadge } from './Money.tsx';
import { useLatest } from '../../shared/use-latest.ts';

type Payout = ApiResponse<'/api/v1/admin/payouts/{id}', 'get'>;

export function AdminPayoutsPage() {
  const { t, lang } = useI18n();
  const { call } = useSession();
  const [status, setStatus] = useState('pending');
  const [rows, setRows] = useState<Payout[]>();
  const [details, setDetails] = useState<Record<string, Record<string, unknown>>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const begin = useLatest();

  const load = useCallback(async () => {
    const latest = begin();
    try {
      const r = await call<{ data: Payout[] }>(`/api/v1/admin/payouts?limit=100${status ? `&status=${status}` : ''}`);
      if (!latest()) return;
      setRows(r.data);
      setError(undefined);
    } catch (err) {
      if (latest()) setError(err);
    }
  }, [call, status, begin]);
  useEffect(() => { void load(); }, [load]);

  async function decide(p: Payout, what: 'approve' | 'reject' | 'mark_paid') {
    let body: Record<string, string> | undefined;
    if (what === 'reject') {
      const reason = window.prompt(t('payouts.rejectReason'));
      if (!reason?.trim()) return;
      body = { reason: reason.trim() };
    }
    if (what === 'mark_paid') {
      const reference = window.prompt(t('payouts.reference'));
      if (!reference?.trim()) return;
      body = { reference: reference.trim() };
    }
    setBusy(true);
    try {
      const next = await call<Payout>(`/api/v1/admin/payouts/${p.id}/${what}`, { method: 'POST', ...(body ? { body } : {}) });
      setRows((r) => r?.map((x) => (x.id === p.id ? next : x)));
      setError(undefined);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function reveal(p: Payout) {
    try {
      const full = await call<Payout>(`/api/v1/admin/payouts/${p.id}`);
      if (full.destination_details) setDetails((d) => ({ ...d, [p.id]: full.destination_details ?? {} }));
    } catch (err) {
      setError(err);
    }
  }

  return (
    <>
      <div className="page-head"><h1>{t('payouts.title')}</h1></div>
      <div className="toolbar">
        <select value={status} onChange={(e) => setStatus(e.target.value)} aria-label={t('orders.status')}>
          <option value="">{t('orders.allStatuses')}</option>
          {(['pending', 'approved', 'paid', 'rejected'] as const).map((s) => <option key={s} value={s}>{t(`payoutStatus.${s}`)}</option>)}
        </select>
      </div>
      {error !== undefined && <ErrorBox>{errorText(t, error)}</ErrorBox>}
      {!rows ? <Loading /> : rows.length === 0 ? <p className="card muted">{t('payouts.empty')}</p> : (
        <div className="table-wrap"><table data-testid="admin-payouts">
          <thead><tr><th>{t('merchants.title')}</th><th>{t('money.amount')}</th><th>{t('orders.status')}</th><th>{t('money.destination')}</th><th>{t('orders.created')}</th><th /></tr></thead>
          <tbody>{rows.map((p) => (
            <tr key={p.id}>
              <td>{p.shop?.name ?? p.merchant_id}{p.shop && p.shop.status !== 'active' && <> <span className="badge badge-warn" data-testid="shop-status">{t(`merchantStatus.${p.shop.status}`)}</span></>}</td>
              <td>{formatMoney(p.amount, p.currency, lang)}<div className="muted small">{t('payouts.net', { net: formatMoney(p.net, p.currency, lang) })}</div></td>
              <td><PayoutBadge status={p.status} />{p.reference && <div className="muted small">{p.reference}</div>}{p.reason && <div className="muted small">{p.reason}</div>}</td>
              <td className="wrap-cell">{p.destination?.masked ?? '—'}
                {details[p.id] ? <pre className="small" data-testid="destination-details">{Object.entries(details[p.id] ?? {}).map(([k, v]) => `${k}: ${String(v)}`).join('\n')}</pre>
                  : (p.status === 'pending' || p.status === 'approved') && <div><button type="button" className="btn btn-small btn-ghost" onClick={() => void reveal(p)}>{t('payouts.reveal')}</button></div>}</td>
              <td>{formatTime(p.created_at, lang)}</td>
              <td className="row-actions">
                {p.status === 'pending' && <button type="button" className="btn btn-small" disabled={busy} onClick={() => void decide(p, 'approve')}>{t('payouts.approve')}</button>}
                {(p.status === 'pending' || p.status === 'approved') && <>
                  <button type="button" className="btn btn-small" disabled={busy} onClick={() => void decide(p, 'mark_paid')}>{t('payouts.markPaid')}</button>
                  <button type="button" className="btn btn-small btn-ghost danger" disabled={busy} onClick={() => void decide(p, 'reject')}>{t('payouts.reject')}</button>
                </>}
              </td>
            </tr>
          ))}</tbody>
        </table></div>
      )}
    </>
  );
}
