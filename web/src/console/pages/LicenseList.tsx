import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ApiResponse } from '../../shared/api.ts';
import { errorText } from '../../shared/errors.ts';
import { formatTime } from '../../shared/format.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { Link } from '../../shared/router.tsx';
import { ErrorBox } from '../../shared/ui.tsx';
import { useSession } from '../session.tsx';
import { useAction } from '../use-action.ts';
import { useLatest } from '../../shared/use-latest.ts';

type License = ApiResponse<'/api/v1/licenses', 'get'>['data'][number];

/** A license product's sold keys: find one by the key a buyer quotes; revoke, restore, extend, reset its devices. */
export function LicenseList({ productId }: { productId: string }) {
  const { t, lang } = useI18n();
  const { call } = useSession();
  const [items, setItems] = useState<License[]>([]);
  const [more, setMore] = useState(false);
  const [key, setKey] = useState('');
  const [loadError, setLoadError] = useState<unknown>();
  const action = useAction();

  const begin = useLatest();

  const load = useCallback(async (after?: string, byKey?: string) => {
    const latest = begin();
    // A new first page: no 'load more' from the list it replaces until it arrives.
    if (!after) setMore(false);
    try {
      const qs = new URLSearchParams({ product_id: productId, limit: '50', ...(byKey ? { key: byKey } : {}), ...(after ? { starting_after: after } : {}) });
      const r = await call<{ data: License[]; has_more: boolean }>(`/api/v1/licenses?${qs}`);
      if (!latest()) return;
      setItems((x) => (after ? [...x, ...r.data] : r.data));
      setMore(r.has_more);
      setLoadError(undefined);
    } catch (err) {
      if (latest()) setLoadError(err);
    }
  }, [call, productId, begin]);
  useEffect(() => { void load(); }, [load]);

  function find(e: FormEvent) {
    e.preventDefault();
    void load(undefined, key.trim() || undefined);
  }

  const act = (l: License, path: string, body?: unknown, confirmText?: string) => {
    if (confirmText && !window.confirm(confirmText)) return;
    void action.run(async () => {
      const updated = await call<License>(`/api/v1/licenses/${l.id}${path}`, { method: path ? 'POST' : 'PATCH', body: body ?? {} });
      setItems((x) => x.map((y) => (y.id === l.id ? updated : y)));
      return t('licenses.done');
    });
  };

  return (
    <section className="card" data-testid="license-list">
      <h2>{t('licenses.title')}</h2>
      <form className="row-actions" onSubmit={find}>
        <label className="sr-only" htmlFor="license-key">{t('licenses.search')}</label>
        <input id="license-key" className="input" type="search" value={key} onChange={(e) => setKey(e.target.value)} placeholder={t('licenses.search')} autoComplete="off" />
        <button type="submit" className="btn btn-small">{t('licenses.find')}</button>
      </form>
      {loadError !== undefined && <ErrorBox>{errorText(t, loadError)}</ErrorBox>}
      {action.error !== undefined && <ErrorBox>{errorText(t, action.error)}</ErrorBox>}
      {action.notice && <p className="alert" role="status">{action.notice}</p>}
      {items.length === 0 ? <p className="muted">{t('licenses.empty')}</p> : (
        <div className="table-wrap">
          <table>
            <thead><tr><th>{t('licenses.key')}</th><th>{t('licenses.order')}</th><th>{t('licenses.devices')}</th><th>{t('licenses.expires')}</th><th /></tr></thead>
            <tbody>
              {items.map((l) => (
                <tr key={l.id} data-testid="license-row">
                  <td><code>{l.key_hint}</code> <span className={`badge ${l.status === 'disabled' || l.status === 'expired' ? 'badge-off' : 'badge-ok'}`}>{t(`licenseStatus.${l.status}`)}</span></td>
                  <td><Link href={`/console/orders/${l.order_id}`}>{l.order_number}</Link></td>
                  <td>
                    {l.activation_usage} / {l.activation_limit ?? '∞'}
                    {l.instances.length > 0 && <div className="muted small">{l.instances.map((n) => n.name).join(', ')}</div>}
                  </td>
                  <td className="small">{l.expires_at ? formatTime(l.expires_at, lang) : t('licenses.never')}</td>
                  <td className="row-actions">
                    {l.revoked
                      ? <button type="button" className="btn btn-small btn-ghost" disabled={action.busy} onClick={() => act(l, '/restore')}>{t('licenses.restore')}</button>
                      : <button type="button" className="btn btn-small btn-ghost danger" disabled={action.busy} onClick={() => act(l, '/revoke', {}, t('licenses.revokeConfirm'))}>{t('licenses.revoke')}</button>}
                    {l.expires_at && <button type="button" className="btn btn-small btn-ghost" disabled={action.busy} onClick={() => act(l, '', { extend_days: 30 })}>{t('licenses.extend')}</button>}
                    {l.activation_usage > 0 && <button type="button" className="btn btn-small btn-ghost" disabled={action.busy} onClick={() => act(l, '/reset', undefined, t('licenses.resetConfirm'))}>{t('licenses.reset')}</button>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {more && <button type="button" className="btn btn-ghost" style={{ marginTop: 8 }} onClick={() => void load(items.at(-1)?.id)}>{t('keys.more')}</button>}
    </section>
  );
}
