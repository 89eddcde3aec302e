import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ApiResponse } from '../../shared/api.ts';
import { errorText } from '../../shared/errors.ts';
import { formatMoney, formatTime } from '../../shared/format.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { Link } from '../../shared/router.tsx';
import { ErrorBox, Loading, StatusBadge } from '../../shared/ui.tsx';
import { useSession } from '../session.tsx';
import { useLatest } from '../../shared/use-latest.ts';

export type OrderRow = ApiResponse<'/api/v1/orders', 'get'>['data'][number];

const STATUSES = ['pending_payment', 'paid', 'awaiting_fulfilment', 'delivered', 'completed', 'expired', 'cancelled', 'needs_action', 'refunded', 'partially_refunded', 'disputed'];

/** Merchants see their orders; admins (scope "admin") see every shop's. */
export function OrderTable({ rows, base }: { rows: OrderRow[]; base: string }) {
  const { t, lang } = useI18n();
  return (
    <div className="table-wrap">
      <table data-testid="order-table">
        <thead><tr><th>{t('orders.number')}</th><th>{t('orders.status')}</th><th>{t('orders.email')}</th><th>{t('orders.total')}</th><th>{t('orders.created')}</th></tr></thead>
        <tbody>
          {rows.map((o) => (
            <tr key={o.id}>
              <td><Link href={`${base}/${o.id}`}>{o.number}</Link></td>
              <td><StatusBadge status={o.status} /></td>
              <td>{o.email}</td>
              <td>{formatMoney(o.total, o.currency, lang)}</td>
              <td>{formatTime(o.created_at, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function OrdersPage() {
  const { t } = useI18n();
  const { call } = useSession();
  const [status, setStatus] = useState(() => new URLSearchParams(location.search).get('status') ?? '');
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [rows, setRows] = useState<OrderRow[]>();
  const [more, setMore] = useState(false);
  const [error, setError] = useState<unknown>();

  const begin = useLatest();

  const load = useCallback(async (after?: string) => {
    const latest = begin();
    // A new first page: no 'load more' from the list it replaces until it arrives.
    if (!after) setMore(false);
    try {
      const qs = new URLSearchParams({ limit: '50', ...(status ? { status } : {}), ...(search ? { q: search } : {}), ...(after ? { starting_after: after } : {}) });
      const r = await call<{ data: OrderRow[]; has_more: boolean }>(`/api/v1/orders?${qs}`);
      if (!latest()) return;
      setRows((x) => (after ? [...(x ?? []), ...r.data] : r.data));
      setMore(r.has_more);
      setError(undefined);
    } catch (err) {
      if (latest()) setError(err);
    }
  }, [call, status, search, begin]);
  useEffect(() => { void load(); }, [load]);

  const submit = (e: FormEvent) => { e.preventDefault(); setSearch(q.trim()); };
  return (
    <>
      <div className="page-head"><h1>{t('orders.title')}</h1></div>
      <form className="toolbar" onSubmit={submit} role="search">
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('orders.search')} aria-label={t('orders.search')} />
        <select value={status} onChange={(e) => setStatus(e.target.value)} aria-label={t('orders.status')}>
          <option value="">{t('orders.allStatuses')}</option>
          {STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
        </select>
      </form>
      {error !== undefined && <ErrorBox onRetry={() => void load()}>{errorText(t, error)}</ErrorBox>}
      {!rows ? <Loading /> : rows.length === 0 ? <p className="card muted">{t('orders.empty')}</p> : <OrderTable rows={rows} base="/console/orders" />}
      {more && <button type="button" className="btn btn-ghost" style={{ marginTop: 8 }} onClick={() => void load(rows?.at(-1)?.id)}>{t('orders.more')}</button>}
    </>
  );
}
