// After delivery, on the buyer's order page: confirm receipt (确认收货), a
// dispute (售后) with its timeline, and a review (评价). Everything with the
// order's access token; nothing here needs an account.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ApiError, type ApiResponse } from '../../shared/api.ts';
import { DisputeReply, DisputeTimeline, type Dispute } from '../../shared/Dispute.tsx';
import { errorText } from '../../shared/errors.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { ErrorBox } from '../../shared/ui.tsx';
import { StarLine } from './Reputation.tsx';

type Review = ApiResponse<'/api/v1/storefront/orders/{number}/review', 'get'>;
const REASONS = ['key_invalid', 'not_as_described', 'not_received', 'other'] as const;
const DIMENSIONS = ['rating', 'activation', 'accuracy', 'support'] as const;

export function AfterSale({ number, token, status, onChange }: { number: string; token: string; status: string; onChange: () => void }) {
  const { t } = useI18n();
  const base = `/api/v1/storefront/orders/${encodeURIComponent(number)}`;
  const headers = { 'x-order-token': token };
  const [dispute, setDispute] = useState<Dispute | null>();
  const [review, setReview] = useState<Review | null>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [opening, setOpening] = useState(false);

  const load = useCallback(async () => {
    const orNull = <T,>(p: Promise<T>) => p.catch((err: unknown) => { if (err instanceof ApiError && err.status === 404) return null; throw err; });
    try {
      const [d, r] = await Promise.all([orNull(api<Dispute>(`${base}/dispute`, { headers })), orNull(api<Review>(`${base}/review`, { headers }))]);
      setDispute(d);
      setReview(r);
    } catch (err) {
      setError(err);
    }
  }, [base, token]);
  useEffect(() => { void load(); }, [load, status]);

  async function act(fn: () => Promise<unknown>) {
    setBusy(true);
    setError(undefined);
    try {
      await fn();
      await load();
      onChange();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function send(message: string, file?: File) {
    if (file) {
      const fd = new FormData();
      if (message) fd.append('message', message);
      fd.append('file', file);
      await act(async () => {
        const res = await fetch(`${base}/dispute/messages`, { method: 'POST', headers: { ...headers, accept: 'application/json' }, body: fd });
        if (!res.ok) {
          const e = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
          throw new ApiError(res.status, e.error?.code ?? 'http_error', e.error?.message ?? `HTTP ${res.status}`);
        }
      });
      return;
    }
    await act(() => api(`${base}/dispute/messages`, { method: 'POST', headers, body: { message } }));
  }

  function openDispute(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    void act(() => api(`${base}/disputes`, { method: 'POST', headers, body: { reason: String(f.get('reason')), message: String(f.get('message') ?? '').trim() } }));
  }

  const canConfirm = status === 'delivered' || status === 'partially_refunded';
  const canDispute = canConfirm && dispute === null;
  const canReview = review === null && ['delivered', 'completed', 'partially_refunded', 'disputed', 'refunded'].includes(status);
  return (
    <>
      {error !== undefined && <ErrorBox>{errorText(t, error)}</ErrorBox>}
      {(canConfirm || canDispute) && (
        <div className="aftersale-actions row-actions wrap-actions">
          {canConfirm && <button type="button" className="btn" disabled={busy} data-testid="confirm-receipt" onClick={() => {
            if (window.confirm(t('order.confirmAsk'))) void act(() => api(`${base}/confirm`, { method: 'POST', headers }));
          }}>{t('order.confirm')}</button>}
          {canDispute && !opening && <button type="button" className="btn btn-ghost" onClick={() => setOpening(true)}>{t('dispute.open')}</button>}
        </div>
      )}
      {canConfirm && <p className="muted small">{t('order.confirmHint')}</p>}
      {canDispute && opening && (
        <form className="card inset" onSubmit={openDispute} data-testid="dispute-form">
          <h2>{t('dispute.open')}</h2>
          <div className="field"><label htmlFor="d-reason">{t('dispute.reason')}</label>
            <select id="d-reason" name="reason" className="input">{REASONS.map((r) => <option key={r} value={r}>{t(`disputeReason.${r}`)}</option>)}</select></div>
          <div className="field"><label htmlFor="d-message">{t('dispute.describe')}</label><textarea id="d-message" name="message" rows={3} maxLength={2000} required /></div>
          <div className="row-actions"><button type="submit" className="btn" disabled={busy}>{t('dispute.submit')}</button>
            <button type="button" className="btn btn-ghost" onClick={() => setOpening(false)}>{t('common.cancel')}</button></div>
        </form>
      )}
      {dispute && (
        <section className="aftersale" data-testid="dispute">
          <h2>{t('dispute.heading')}</h2>
          <DisputeTimeline dispute={dispute} imageHeaders={headers} />
          {dispute.status !== 'resolved' && (
            <DisputeReply busy={busy} allowFile onSend={send} extra={<>
              {dispute.status === 'open' && <button type="button" className="btn btn-ghost" disabled={busy} onClick={() => void act(() => api(`${base}/dispute/escalate`, { method: 'POST', headers }))}>{t('dispute.escalate')}</button>}
              <button type="button" className="btn btn-ghost" disabled={busy} onClick={() => {
                if (window.confirm(t('dispute.withdrawAsk'))) void act(() => api(`${base}/dispute/withdraw`, { method: 'POST', headers }));
              }}>{t('dispute.withdraw')}</button>
            </>} />
          )}
        </section>
      )}
      {review && (
        <section className="aftersale" data-testid="my-review">
          <h2>{t('review.yours')}</h2>
          <p><StarLine value={review.rating} /></p>
          {review.comment && <p>{review.comment}</p>}
          {review.reply && <p className="muted"><strong>{t('review.shopReply')}</strong> {review.reply}</p>}
        </section>
      )}
      {canReview && <ReviewForm busy={busy} onSubmit={(body) => act(() => api(`${base}/review`, { method: 'POST', headers, body }))} />}
    </>
  );
}

function ReviewForm({ busy, onSubmit }: { busy: boolean; onSubmit: (body: Record<string, unknown>) => Promise<void> }) {
  const { t } = useI18n();
  const [scores, setScores] = useState<Record<(typeof DIMENSIONS)[number], number>>({ rating: 5, activation: 5, accuracy: 5, support: 5 });
  const [comment, setComment] = useState('');
  return (
    <form className="aftersale" data-testid="review-form" onSubmit={(e) => { e.preventDefault(); void onSubmit({ ...scores, ...(comment.trim() ? { comment: comment.trim() } : {}) }); }}>
      <h2>{t('review.write')}</h2>
      {DIMENSIONS.map((d) => (
        <div className="field" key={d}>
          <span className="label" id={`rv-${d}`}>{t(`review.${d}`)}</span>
          <div className="stars" role="radiogroup" aria-labelledby={`rv-${d}`}>
            {[1, 2, 3, 4, 5].map((n) => (
              <button key={n} type="button" role="radio" aria-checked={n <= scores[d]} aria-label={`${n}`}
                onClick={() => setScores((s) => ({ ...s, [d]: n }))}>★</button>
            ))}
          </div>
        </div>
      ))}
      <div className="field"><label htmlFor="rv-comment">{t('review.comment')}</label><textarea id="rv-comment" rows={2} maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} /></div>
      <button type="submit" className="btn" disabled={busy}>{t('review.submit')}</button>
    </form>
  );
}
