import { useEffect, useMemo, useState } from 'react';
import { api } from '../../shared/api.ts';
import { errorText } from '../../shared/errors.ts';
import { formatMoney } from '../../shared/format.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { Link } from '../../shared/router.tsx';
import { ErrorBox, Loading } from '../../shared/ui.tsx';
import type { StoreProduct } from '../types.ts';
import { ReputationBadge, StarLine } from './Reputation.tsx';

interface Listing { shop: { slug: string; name: string }; data: StoreProduct[] }

export function ShopPage({ slug }: { slug: string }) {
  const { t, lang } = useI18n();
  const [listing, setListing] = useState<Listing>();
  const [error, setError] = useState<unknown>();
  const [category, setCategory] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setError(undefined);
    api<Listing>(`/api/v1/storefront/${encodeURIComponent(slug)}/products`).then((l) => {
      setListing(l);
      document.title = `${l.shop.name} · XiaoPu`;
    }, setError);
  }, [slug, attempt]);

  const categories = useMemo(() => {
    const set = new Set<string>();
    for (const p of listing?.data ?? []) set.add(p.category ?? '');
    return [...set];
  }, [listing]);

  if (error) {
    const missing = (error as { status?: number }).status === 404;
    return <ErrorBox onRetry={missing ? undefined : () => setAttempt((a) => a + 1)}>{missing ? t('shop.notFound') : errorText(t, error)}</ErrorBox>;
  }
  if (!listing) return <Loading />;
  const shown = listing.data.filter((p) => category === null || (p.category ?? '') === category);
  return (
    <>
      <div className="shop-head">
        <h1>{listing.shop.name}</h1>
        <p className="muted">{t('shop.products', { n: listing.data.length })}</p>
        <ReputationBadge slug={slug} />
      </div>
      {categories.length > 1 && (
        <div className="chips" role="tablist" aria-label={t('shop.categories')}>
          <button type="button" role="tab" aria-selected={category === null} className="chip" onClick={() => setCategory(null)}>{t('shop.all')}</button>
          {categories.map((c) => (
            <button key={c} type="button" role="tab" aria-selected={category === c} className="chip" onClick={() => setCategory(c)}>{c || t('shop.other')}</button>
          ))}
        </div>
      )}
      {listing.data.length === 0 ? <p className="card muted">{t('shop.empty')}</p> : (
        <ul className="grid" data-testid="products">
          {shown.map((p) => (
            <li key={p.id}>
              <Link className="product-card" href={`/s/${encodeURIComponent(slug)}/p/${encodeURIComponent(p.id)}`}>
                <span className="product-title">{p.title}</span>
                <span className="product-meta">
                  <strong className="price">{p.variants.length > 0 && new Set(p.variants.map((v) => v.price)).size > 1
                    ? t('product.fromPrice', { price: formatMoney(p.price, p.currency, lang) }) : formatMoney(p.price, p.currency, lang)}</strong>
                  <span className={p.stock.available > 0 ? 'badge badge-ok' : 'badge badge-off'}>
                    {p.stock.available <= 0 ? t('product.soldOut') : p.stock.unlimited ? t('product.available') : t('product.inStock', { n: p.stock.capped ? `${p.stock.available}+` : p.stock.available })}
                  </span>
                </span>
                {p.manual
                  ? <span className="badge badge-info" data-testid="by-hand">✋ {t('manual.byHand', { hours: p.manual.sla_hours })}</span>
                  : <span className="badge badge-info">⚡ {t('product.instant')}</span>}
                {p.rating.count > 0 && p.rating.average !== null && <span className="small"><StarLine value={p.rating.average} /> {p.rating.average.toFixed(1)} ({p.rating.count})</span>}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
