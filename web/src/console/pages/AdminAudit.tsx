import { useCallback, useEffect, useState } from 'react';
import type { ApiResponse } from '../../shared/api.ts';
import { errorText } from '../../shared/errors.ts';
import { formatTime } from '../../shared/format.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { ErrorBox, Loading } from '../../shared/ui.tsx';
import { useSession } from '../session.tsx';
import { useLatest } from '../../shared/use-latest.ts';

type Entry = ApiResponse<'/api/v1/admin/audit', 'get'>['data'][number];

export function AdminAuditPage() {
  const { t, lang } = useI18n();
  const { call } = useSession();
  const [rows, setRows] = useState<Entry[]>();
  const [more, setMore] = useState(false);
  const [action, setAction] = useState('');
  const [filter, setFilter] = useState('');
  const [error, setError] = useState<unknown>();
  const begin = useLatest();
  const load = useCallback(async (after?: string) => {
    const latest = begin();
    // A new first page: no 'load more' from the list it replaces until it arrives.
    if (!after) setMore(false);
    try {
      const qs = new URLSearchParams({ limit: '50', ...(filter ? { action: filter } : {}), ...(after ? { starting_after: after } : {}) });
      const r = await call<{ data: Entry[]; has_more: boolean }>(`/api/v1/admin/audit?${qs}`);
      if (!latest()) return;
      setRows((x) => (after ? [...(x ?? []), ...r.data] : r.data));
      setMore(r.has_more);
      setError(undefined);
    } catch (err) {
      if (latest()) setError(err);
    }
  }, [call, filter, begin]);
  useEffect(() => { void load(); }, [load]);
  return (
    <>
      <div className="page-head"><h1>{t('audit.title')}</h1></div>
      <form className="toolbar" role="search" onSubmit={(e) => { e.preventDefault(); setFilter(action.trim()); }}>
        <input type="search" value={action} onChange={(e) => setAction(e.target.value)} placeholder={t('audit.filter')} aria-label={t('audit.filter')} />
      </form>
      {error !== undefined && <ErrorBox>{errorText(t, error)}</ErrorBox>}
      {!rows ? <Loading /> : rows.length === 0 ? <p className="card muted">{t('audit.empty')}</p> : (
        <div className="table-wrap">
          <table data-testid="audit-table">
            <thead><tr><th>{t('audit.when')}</th><th>{t('audit.action')}</th><th>{t('audit.actor')}</th><th>{t('audit.target')}</th><th /></tr></thead>
            <tbody>
              {rows.map((e) => (
                <tr key={e.id}>
                  <td>{formatTime(e.created_at, lang)}</td>
                  <td><code>{e.action}</code></td>
                  <td>{e.actor_type}{e.actor_id ? ` ${e.actor_id}` : ''}{e.ip ? <div className="muted small">{e.ip}</div> : null}</td>
                  <td>{e.target_type ? `${e.target_type} ${e.target_id ?? ''}` : t('common.none')}</td>
                  <td className="wrap-cell muted small"><code>{JSON.stringify(e.data)}</code></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {more && <button type="button" className="btn btn-ghost" style={{ marginTop: 8 }} onClick={() => void load(rows?.at(-1)?.id)}>{t('keys.more')}</button>}
    </>
  );
}
