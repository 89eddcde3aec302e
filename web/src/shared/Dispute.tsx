// A dispute's timeline and message box, the same for the buyer, the shop and
// the platform; who may do what more is up to the page around it.
import { useState, type FormEvent, type ReactNode } from 'react';
import type { ApiResponse } from './api.ts';
import { formatMoney, formatTime } from './format.ts';
import { useI18n } from './i18n.tsx';

export type Dispute = ApiResponse<'/api/v1/disputes/{id}', 'get'>;

export function DisputeBadge({ status }: { status: Dispute['status'] }) {
  const { t } = useI18n();
  const tone = status === 'resolved' ? 'ok' : status === 'escalated' ? 'warn' : 'wait';
  return <span className={`badge badge-${tone}`} data-testid="dispute-status" data-status={status}>{t(`disputeStatus.${status}`)}</span>;
}

/** `imageHeaders`: how to fetch a screenshot (the buyer sends the order token). */
export function DisputeTimeline({ dispute, imageHeaders }: { dispute: Dispute; imageHeaders?: Record<string, string> }) {
  const { t, lang } = useI18n();
  return (
    <>
      <dl className="summary">
        <dt>{t('dispute.reason')}</dt><dd>{t(`disputeReason.${dispute.reason}`)}</dd>
        <dt>{t('dispute.status')}</dt><dd><DisputeBadge status={dispute.status} /></dd>
        {dispute.status === 'open' && <><dt>{t('dispute.respondBy')}</dt><dd>{formatTime(dispute.respond_by, lang)}</dd></>}
        {dispute.outcome && <><dt>{t('dispute.outcome')}</dt><dd data-testid="dispute-outcome">{t(`disputeOutcome.${dispute.outcome}`)}
          {dispute.refund_amount !== null && ` · ${formatMoney(dispute.refund_amount, dispute.order.currency, lang)}`}</dd></>}
      </dl>
      {dispute.pending_ruling && <p className="alert alert-wait" role="status">{t('dispute.pendingRuling', {
        outcome: t(`disputeOutcome.${dispute.pending_ruling.outcome}`),
        amount: dispute.pending_ruling.amount === null ? '' : formatMoney(dispute.pending_ruling.amount, dispute.order.currency, lang),
      })}</p>}
      <ol className="timeline dispute-timeline" data-testid="dispute-timeline">
        {(dispute.messages ?? []).map((m) => (
          <li key={m.id} className={`msg msg-${m.author}`}>
            <strong>{t(`author.${m.author}`)}</strong> <span className="muted small">· {formatTime(m.created_at, lang)}</span>
            <div className="msg-body">{m.event ? t(`disputeEvent.${m.event.kind}`, {
              amount: m.event.data.amount !== undefined ? formatMoney(m.event.data.amount, m.event.data.currency ?? dispute.order.currency, lang) : '',
              count: m.event.data.count ?? 0, message: m.event.data.message ?? '',
            }) : m.body}</div>
            {m.attachment && <Screenshot url={m.attachment.url} headers={imageHeaders} />}
          </li>
        ))}
      </ol>
    </>
  );
}

/** Screenshots are not public: fetched with the viewer's credentials, shown from a blob URL. */
function Screenshot({ url, headers }: { url: string; headers?: Record<string, string> }) {
  const { t } = useI18n();
  const [src, setSrc] = useState<string>();
  const [failed, setFailed] = useState(false);
  async function show() {
    try {
      const res = await fetch(url, { headers: headers ?? {}, credentials: 'same-origin' });
      if (!res.ok) throw new Error(String(res.status));
      setSrc(URL.createObjectURL(await res.blob()));
    } catch {
      setFailed(true);
    }
  }
  if (src) return <img className="shot" src={src} alt={t('dispute.screenshot')} />;
  return <button type="button" className="btn btn-small btn-ghost" onClick={() => void show()}>{failed ? t('common.retry') : t('dispute.showScreenshot')}</button>;
}

/** The message box; `extra` adds buttons beside Send (escalate, close, …). */
export function DisputeReply({ onSend, busy, extra, allowFile = false }: {
  onSend: (message: string, file?: File) => Promise<void>; busy: boolean; extra?: ReactNode; allowFile?: boolean;
}) {
  const { t } = useI18n();
  const [message, setMessage] = useState('');
  const [file, setFile] = useState<File>();
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    await onSend(message.trim(), file);
    setMessage('');
    setFile(undefined);
    form.reset();
  }
  return (
    <form onSubmit={(e) => void submit(e)} data-testid="dispute-reply">
      <div className="field">
        <label htmlFor="dispute-message">{t('dispute.message')}</label>
        <textarea id="dispute-message" rows={3} maxLength={2000} required={!file} value={message} onChange={(e) => setMessage(e.target.value)} />
      </div>
      {allowFile && <div className="field">
        <label htmlFor="dispute-file">{t('dispute.attach')}</label>
        <input id="dispute-file" type="file" accept="image/png,image/jpeg,image/webp" onChange={(e) => setFile(e.target.files?.[0])} />
      </div>}
      <div className="row-actions wrap-actions">
        <button type="submit" className="btn" disabled={busy}>{t('dispute.send')}</button>
        {extra}
      </div>
    </form>
  );
}
