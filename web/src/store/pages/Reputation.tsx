// A shop's reputation badge and a product's reviews, for the storefront.
import { useEffect, useState } from 'react';
import { api, type ApiResponse } from '../../shared/api.ts';
import { formatTime } from '../../shared/format.ts';
import { useI18n } from '../../shared/i18n.tsx';

type Reputation = ApiResponse<'/api/v1/storefront/{shop_slug}/reputation', 'get'>;
type Review = ApiResponse<'/api/v1/storefront/{shop_slug}/reviews', 'get'>['data'][number];

export function StarLine({ value }: { value: number }) {
  const full = Math.round(value);
  return <span className="stars-static" aria-hidden="true">{'★'.repeat(full)}{'☆'.repeat(5 - full)}</span>;
}

export function ReputationBadge({ slug }: { slug: string }) {
  const { t } = useI18n();
  const [r, setR] = useState<Reputation>();
  useEffect(() => { api<Reputation>(`/api/v1/storefront/${encodeURIComponent(slug)}/reputation`).then(setR, () => undefined); }, [slug]);
  if (!r) return null;
  const tone = r.badge === 'excellent' || r.badge === 'good' ? 'ok' : r.badge === 'new' ? 'info' : 'warn';
  return (
    <p className="rep-badge" data-testid="reputation">
      <span className={`badge badge-${tone}`} data-badge={r.badge}>{t(`rep.${r.badge}`)}</span>
      {r.rating !== null && <span><StarLine value={r.rating} /> {r.rating.toFixed(1)} · {r.reviews === 1 ? t('rep.review1') : t('rep.reviews', { n: r.reviews })}</span>}
      <span className="muted small">{t('rep.rates', { disputes: Math.round(r.dispute_rate * 100), refunds: Math.round(r.refund_rate * 100) })}</span>
    </p>
  );
}

export function ProductReviews({ slug, productId }: { slug: string; productId: string }) {
  const { t, lang } = useI18n();
  const [rows, setRows] = useState<Review[]>();
  useEffect(() => {
    api<{ data: Review[] }>(`/api/v1/storefront/${encodeURIComponent(slug)}/reviews?product_id=${encodeURIComponent(productId)}&limit=10`).then((r) => setRows(r.data), () => setRows([]));
  }, [slug, productId]);
  if (!rows || rows.length === 0) return null;
  return (
    <section className="card" data-testid="product-reviews">
      <h2>{t('review.recent')}</h2>
      <ul className="list">{rows.map((r) => (
        <li key={r.id}>
          <div><StarLine value={r.rating} /> <span className="muted small">{r.buyer} · {formatTime(r.created_at, lang)}{r.refunded ? ` · ${t('review.refunded')}` : ''}</span></div>
          <div className="muted small">{t('review.activation')} {r.activation} · {t('review.accuracy')} {r.accuracy} · {t('review.support')} {r.support}</div>
          {r.comment && <p>{r.comment}</p>}
          {r.reply && <p className="muted small"><strong>{t('review.shopReply')}</strong> {r.reply}</p>}
        </li>
      ))}</ul>
    </section>
  );
}
