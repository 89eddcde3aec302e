import { useI18n } from '../../shared/i18n.tsx';
import { formatMoney, formatTime } from '../../shared/format.ts';
import { Link } from '../../shared/router.tsx';
import { recentOrders } from '../recent.ts';

export function HomePage() {
  const { t, lang } = useI18n();
  const recent = recentOrders();
  return (
    <>
      <section className="hero">
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('home.tagline')}</p>
        <p><Link className="btn" href="/s/demo">{t('home.demo')}</Link></p>
      </section>
      <section className="card">
        <h2>{t('home.recent')}</h2>
        {recent.length === 0 ? <p className="muted">{t('home.noRecent')}</p> : (
          <ul className="list" data-testid="recent-orders">
            {recent.map((o) => (
              <li key={o.number}>
                <Link href={`/o/${encodeURIComponent(o.number)}`}>
                  <span className="list-main">{o.title}</span>
                  <span className="list-sub">{o.number} · {formatMoney(o.total, o.currency, lang)} · {formatTime(o.at, lang)}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        <p className="muted small">{t('home.lookupHint')} <Link href="/lookup">{t('nav.lookup')}</Link></p>
      </section>
    </>
  );
}
