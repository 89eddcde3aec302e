import { useState, type FormEvent } from 'react';
import { api } from '../../shared/api.ts';
import { errorText } from '../../shared/errors.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { Link } from '../../shared/router.tsx';
import { ErrorBox, StatusBadge } from '../../shared/ui.tsx';
import { rememberToken } from '../recent.ts';

interface Found { number: string; status: string; access_token: string }

export function LookupPage() {
  const { t } = useI18n();
  const [mode, setMode] = useState<'number' | 'email'>('number');
  const [value, setValue] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<Found[]>();
  const [error, setError] = useState<string>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setFound(undefined);
    try {
      const body = mode === 'number' ? { number: value.trim(), query_password: password } : { email: value.trim(), query_password: password };
      const out = await api<{ orders: Found[] }>('/api/v1/storefront/orders/lookup', { method: 'POST', body });
      for (const o of out.orders) rememberToken(o.number, o.access_token);
      setFound(out.orders);
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card narrow">
      <h1>{t('lookup.title')}</h1>
      <form onSubmit={submit}>
        <fieldset className="field">
          <legend>{t('lookup.mode')}</legend>
          <div className="options">
            <label className="option"><input type="radio" name="mode" checked={mode === 'number'} onChange={() => setMode('number')} /> <span>{t('lookup.useNumber')}</span></label>
            <label className="option"><input type="radio" name="mode" checked={mode === 'email'} onChange={() => setMode('email')} /> <span>{t('lookup.useEmail')}</span></label>
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="lookup-value">{mode === 'number' ? t('lookup.byNumber') : t('lookup.byEmail')}</label>
          <input id="lookup-value" name={mode} type={mode === 'email' ? 'email' : 'text'} required value={value}
            autoComplete={mode === 'email' ? 'email' : 'off'} onChange={(e) => setValue(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="lookup-password">{t('lookup.password')}</label>
          <input id="lookup-password" name="query_password" type="password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </div>
        {error && <ErrorBox>{error}</ErrorBox>}
        <button type="submit" className="btn btn-block" disabled={busy}>{t('lookup.submit')}</button>
      </form>
      {found && (found.length === 0 ? <p className="alert" role="status">{t('lookup.none')}</p> : (
        <div role="status">
          <h2>{t('lookup.results')}</h2>
          <ul className="list" data-testid="lookup-results">
            {found.map((o) => (
              <li key={o.number}><Link href={`/o/${encodeURIComponent(o.number)}`}><span className="list-main">{o.number}</span> <StatusBadge status={o.status} /></Link></li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
