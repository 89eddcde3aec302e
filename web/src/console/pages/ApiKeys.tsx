import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ApiResponse } from '../../shared/api.ts';
import { errorText } from '../../shared/errors.ts';
import { formatTime } from '../../shared/format.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { ErrorBox, Loading } from '../../shared/ui.tsx';
import { useSession } from '../session.tsx';

type Key = ApiResponse<'/api/v1/api_keys', 'get'>['data'][number];

export function ApiKeysPage() {
  const { t, lang } = useI18n();
  const { call } = useSession();
  const [keys, setKeys] = useState<Key[]>();
  const [name, setName] = useState('');
  const [secret, setSecret] = useState<string>();
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<unknown>();

  const load = useCallback(() => call<{ data: Key[] }>('/api/v1/api_keys?limit=100').then((r) => setKeys(r.data), setError), [call]);
  useEffect(() => { void load(); }, [load]);

  async function create(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    try {
      const k = await call<{ secret: string }>('/api/v1/api_keys', { method: 'POST', body: { name } });
      setSecret(k.secret);
      setCopied(false);
      setName('');
      await load();
    } catch (err) {
      setError(err);
    }
  }
  async function revoke(k: Key) {
    if (!window.confirm(t('apikeys.revokeConfirm', { name: k.name }))) return;
    try {
      await call(`/api/v1/api_keys/${k.id}/revoke`, { method: 'POST' });
      await load();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <>
      <div className="page-head"><h1>{t('apikeys.title')}</h1></div>
      <form className="card toolbar" onSubmit={create}>
        <label className="sr-only" htmlFor="key-name">{t('apikeys.name')}</label>
        <input id="key-name" type="text" required maxLength={100} placeholder={t('apikeys.name')} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="btn">{t('apikeys.create')}</button>
      </form>
      {secret && (
        <div className="card" role="status">
          <p><strong>{t('apikeys.shownOnce')}</strong></p>
          <div className="secret"><code data-testid="api-secret">{secret}</code>
            <button type="button" className="btn btn-small btn-ghost" onClick={() => void navigator.clipboard.writeText(secret).then(() => setCopied(true))}>
              {copied ? t('common.copied') : t('common.copy')}
            </button>
          </div>
          <p className="muted small">{t('apikeys.docs')}</p>
        </div>
      )}
      {error !== undefined && <ErrorBox>{errorText(t, error)}</ErrorBox>}
      {!keys ? <Loading /> : keys.length === 0 ? <p className="card muted">{t('apikeys.empty')}</p> : (
        <div className="table-wrap">
          <table>
            <tbody>
              {keys.map((k) => (
                <tr key={k.id}>
                  <td>{k.name}</td><td><code>…{k.last_four}</code></td><td className="muted small">{formatTime(k.created_at, lang)}</td>
                  <td>{k.revoked_at ? <span className="badge badge-off">{t('apikeys.revoked')}</span>
                    : <button type="button" className="btn btn-small btn-ghost danger" onClick={() => void revoke(k)}>{t('apikeys.revoke')}</button>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
