import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ApiResponse } from '../../shared/api.ts';
import { errorText } from '../../shared/errors.ts';
import { formatMoney, formatTime, toMinor } from '../../shared/format.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { ErrorBox, Loading } from '../../shared/ui.tsx';
import { useSession } from '../session.tsx';
import { useLatest } from '../../shared/use-latest.ts';

type Merchant = ApiResponse<'/api/v1/admin/merchants', 'get'>['data'][number];

export function AdminMerchantsPage() {
  const { t, lang } = useI18n();
  const { call } = useSession();
  const [rows, setRows] = useState<Merchant[]>();
  const [status, setStatus] = useState('');
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();

  const begin = useLatest();

  const load = useCallback(async () => {
    const latest = begin();
    try {
      const qs = new URLSearchParams({ limit: '100', ...(status ? { status } : {}), ...(search ? { q: search } : {}) });
      const r = await call<{ data: Merchant[] }>(`/api/v1/admin/merchants?${qs}`);
      if (!latest()) return;
      setRows(r.data);
      setError(undefined);
    } catch (err) {
      if (latest()) setError(err);
    }
  }, [call, status, search, begin]);
  useEffect(() => { void load(); }, [load]);

  async function update(m: Merchant, body: Record<string, unknown>) {
    try {
      const next = await call<Merchant>(`/api/v1/admin/merchants/${m.id}`, { method: 'PATCH', body });
      setRows((r) => r?.map((x) => (x.id === m.id ? next : x)));
    } catch (err) {
      setError(err);
    }
  }
  function suspend(m: Merchant) {
    const reason = window.prompt(t('merchants.suspendReason'));
    if (reason) void update(m, { status: 'suspended', reason });
  }
  function commission(m: Merchant, e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const v = new FormData(e.currentTarget).get('pct');
    const pct = String(v ?? '').trim();
    void update(m, { commission_bps: pct === '' ? null : Math.round(Number(pct) * 100) });
  }
  async function adjust(m: Merchant) {
    const raw = window.prompt(t('merchants.adjustAmount'));
    if (!raw?.trim()) return;
    const match = /^\s*(-?)\s*([0-9.,]+)\s*([A-Za-z]{3})?\s*$/.exec(raw);
    const currency = (match?.[3] ?? 'CNY').toUpperCase();
    const minor = match ? toMinor(match[2] ?? '', currency) : undefined;
    if (!match || !minor) return setError(new Error(`${t('merchants.adjustAmount')}: ${raw}`));
    const reason = window.prompt(t('merchants.adjustReason'));
    if (!reason?.trim()) return;
    try {
      const amount = match[1] === '-' ? -minor : minor;
      await call(`/api/v1/admin/merchants/${m.id}/adjustments`, { method: 'POST', body: { amount, currency, reason: reason.trim() } });
      setNotice(t('merchants.adjusted', { shop: m.name, amount: formatMoney(amount, currency, lang) }));
    } catch (err) {
      setError(err);
    }
  }
  function escrow(m: Merchant, e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const hours = String(new FormData(e.currentTarget).get('hours') ?? '').trim();
    void update(m, { escrow_hours: hours === '' ? null : Number(hours) });
  }

  return (
    <>
      <div className="page-head"><h1>{t('merchants.title')}</h1></div>
      <form className="toolbar" role="search" onSubmit={(e) => { e.preventDefault(); setSearch(q.trim()); }}>
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('merchants.search')} aria-label={t('merchants.search')} />
        <select value={status} onChange={(e) => setStatus(e.target.value)} aria-label={t('orders.status')}>
          <option value="">{t('merchants.allStatuses')}</option>
          {['pending', 'active', 'suspended'].map((s) => <option key={s} value={s}>{t(`merchantStatus.${s}`)}</option>)}
        </select>
      </form>
      {notice && <p className="alert" role="status">{notice}</p>}
      {error !== undefined && <ErrorBox>{errorText(t, error)}</ErrorBox>}
      {!rows ? <Loading /> : rows.length === 0 ? <p className="card muted">{t('merchants.empty')}</p> : (
        <div className="table-wrap">
          <table data-testid="merchant-table">
            <thead><tr><th>{t('merchants.title')}</th><th>{t('orders.status')}</th><th>{t('merchants.owner')}</th><th>{t('merchants.products')}</th>
              <th>{t('merchants.orders30')}</th><th>{t('merchants.commission')}</th><th>{t('merchants.escrowHours')}</th><th /></tr></thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id}>
                  <td className="wrap-cell"><a href={`/s/${m.slug}`} target="_blank" rel="noreferrer">{m.name}</a><div className="muted small">/s/{m.slug} · {formatTime(m.created_at, lang)}</div></td>
                  <td><span className={`badge ${m.status === 'active' ? 'badge-ok' : m.status === 'pending' ? 'badge-wait' : 'badge-warn'}`}>{t(`merchantStatus.${m.status}`)}</span>
                    {m.status_reason && <div className="muted small">{m.status_reason}</div>}</td>
                  <td>{m.owner_email ?? t('common.none')}</td>
                  <td>{m.products}</td>
                  <td>{m.orders_30_days}</td>
                  <td>
                    <form className="row-actions" onSubmit={(e) => commission(m, e)}>
                      <input name="pct" type="text" inputMode="decimal" size={5} defaultValue={m.commission_bps === null ? '' : String(m.commission_bps / 100)} aria-label={t('merchants.commission')} />
                      <button type="submit" className="btn btn-small btn-ghost">{t('merchants.saveCommission')}</button>
                    </form>
                  </td>
                  <td>
                    <form className="row-actions" onSubmit={(e) => escrow(m, e)}>
                      <input name="hours" type="text" inputMode="numeric" size={4} defaultValue={m.escrow_hours === null ? '' : String(m.escrow_hours)}
                        placeholder={t('merchants.default')} aria-label={t('merchants.escrowHours')} />
                      <button type="submit" className="btn btn-small btn-ghost">{t('merchants.saveCommission')}</button>
                    </form>
                  </td>
                  <td className="row-actions">
                    {m.status === 'pending' && <button type="button" className="btn btn-small" onClick={() => void update(m, { status: 'active' })}>{t('merchants.approve')}</button>}
                    {m.status === 'suspended' && <button type="button" className="btn btn-small btn-ghost" onClick={() => void update(m, { status: 'active' })}>{t('merchants.reinstate')}</button>}
                    {m.status !== 'suspended' && <button type="button" className="btn btn-small btn-ghost danger" onClick={() => suspend(m)}>{t('merchants.suspend')}</button>}
                    <button type="button" className="btn btn-small btn-ghost" onClick={() => void adjust(m)}>{t('merchants.adjust')}</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
