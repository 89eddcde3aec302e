// The shop's reviews (评价), newest first, with a reply box on each unanswered one.
import { useCallback, useEffect, useState } from 'react';
import type { ApiResponse } from '../../shared/api.ts';
import { errorText } from '../../shared/errors.ts';
import { formatTime } from '../../shared/format.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { ErrorBox, Loading } from '../../shared/ui.tsx';
import { useSession } from '../session.tsx';
import { useLatest } from '../../shared/use-latest.ts';

type Review = ApiResponse<'/api/v1/reviews', 'get'>['data'][number];

export function Stars({ n, label }: { n: number; label: string }) {
  return <span className="stars-static" role="img" aria-label={`${label}: ${n}/5`}>{'★'.repeat(n)}{'☆'.repeat(5 - n)}</span>;
}

export function ReviewsPage() {
  const { t, lang } = useI18n();
  const { call } = useSession();
  const [rows, setRows] = useState<Review[]>();
  const [unanswered, setUnanswered] = useState(false);
  const [error, setError] = useState<unknown>();
  const [drafts, setDrafts] = useState<Record<string, string>>({});

  const begin = useLatest();

  const load = useCallback(async () => {
    const latest = begin();
    try {
      const r = await call<{ data: Review[] }>(`/api/v1/reviews?limit=100${unanswered ? '&unanswered=true' : ''}`);
      if (!latest()) return;
      setRows(r.data);
      setError(undefined);
    } catch (err) {
      if (latest()) setError(err);
    }
  }, [call, unanswered, begin]);
  useEffect(() => { void load(); }, [load]);

  async function reply(r: Review) {
    try {
      const next = await call<Review>(`/api/v1/reviews/${r.id}/reply`, { method: 'POST', body: { reply: drafts[r.id] ?? '' } });
      setRows((x) => x?.map((y) => (y.id === r.id ? next : y)));
    } catch (err) {
      setError(err);
    }
  }

  return (
    <>
      <div className="page-head"><h1>{t('reviews.title')}</h1>
        <label className="small"><input type="checkbox" checked={unanswered} onChange={(e) => setUnanswered(e.target.checked)} /> {t('reviews.unanswered')}</label></div>
      {error !== undefined && <ErrorBox>{errorText(t, error)}</ErrorBox>}
      {!rows ? <Loading /> : rows.length === 0 ? <p className="card muted">{t('reviews.empty')}</p> : rows.map((r) => (
        <article className="card" key={r.id} data-testid="review">
          <div className="page-head"><strong>{r.product_title}</strong><span className="muted small">{r.order_number} · {formatTime(r.created_at, lang)}{r.refunded ? ` · ${t('reviews.refunded')}` : ''}</span></div>
          <p><Stars n={r.rating} label={t('review.rating')} /> <span className="muted small">
            {t('review.activation')} {r.activation} · {t('review.accuracy')} {r.accuracy} · {t('review.support')} {r.support}</span></p>
          {r.comment && <p>{r.comment}</p>}
          {r.reply ? <p className="muted"><strong>{t('reviews.yourReply')}</strong> {r.reply}</p> : (
            <form className="row-actions" onSubmit={(e) => { e.preventDefault(); void reply(r); }}>
              <input type="text" maxLength={1000} required aria-label={t('reviews.reply')} placeholder={t('reviews.reply')}
                value={drafts[r.id] ?? ''} onChange={(e) => setDrafts((d) => ({ ...d, [r.id]: e.target.value }))} style={{ flex: 1 }} />
              <button type="submit" className="btn btn-small">{t('reviews.send')}</button>
            </form>
          )}
        </article>
      ))}
    </>
  );
}
