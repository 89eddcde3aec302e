import { useState, type FormEvent } from 'react';
import { api } from '../../shared/api.ts';
import { errorText } from '../../shared/errors.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { Link } from '../../shared/router.tsx';
import { ErrorBox } from '../../shared/ui.tsx';
import { useSession, type Me } from '../session.tsx';

export function AuthPage({ mode }: { mode: 'login' | 'signup' }) {
  const { t } = useI18n();
  const { setMe } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [shopName, setShopName] = useState('');
  const [shopSlug, setShopSlug] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const me = mode === 'login'
        ? await api<Me>('/api/v1/auth/login', { method: 'POST', body: { email, password } })
        : await api<Me>('/api/v1/auth/signup', { method: 'POST', body: { email, password, shop_name: shopName, shop_slug: shopSlug } });
      setMe(me);
    } catch (err) {
      setError(errorText(t, err));
      setBusy(false);
    }
  }

  return (
    <section className="card narrow" style={{ marginTop: 32 }}>
      <h1>{mode === 'login' ? t('auth.login') : t('auth.signup')}</h1>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="email">{t('auth.email')}</label>
          <input id="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="password">{t('auth.password')}</label>
          <input id="password" type="password" autoComplete={mode === 'login' ? 'current-password' : 'new-password'} required
            minLength={mode === 'signup' ? 8 : 1} value={password} onChange={(e) => setPassword(e.target.value)} aria-describedby="pw-hint" />
          {mode === 'signup' && <p className="hint" id="pw-hint">{t('auth.passwordHint')}</p>}
        </div>
        {mode === 'signup' && <>
          <div className="field">
            <label htmlFor="shop-name">{t('auth.shopName')}</label>
            <input id="shop-name" type="text" required maxLength={80} value={shopName} onChange={(e) => setShopName(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="shop-slug">{t('auth.shopSlug')}</label>
            <input id="shop-slug" type="text" required pattern="[a-z0-9][a-z0-9\-]{1,38}[a-z0-9]" value={shopSlug}
              onChange={(e) => setShopSlug(e.target.value.toLowerCase())} aria-describedby="slug-hint" />
            <p className="hint" id="slug-hint">{t('auth.shopSlugHint', { slug: shopSlug || 'my-shop' })}</p>
          </div>
        </>}
        {error && <ErrorBox>{error}</ErrorBox>}
        <button type="submit" className="btn btn-block" disabled={busy}>{mode === 'login' ? t('auth.login') : t('auth.signup')}</button>
      </form>
      <p className="muted small" style={{ marginTop: 16 }}>
        {mode === 'login'
          ? <>{t('auth.noAccount')} <Link href="/console/signup">{t('auth.signup')}</Link></>
          : <>{t('auth.haveAccount')} <Link href="/console/login">{t('auth.login')}</Link></>}
      </p>
    </section>
  );
}
