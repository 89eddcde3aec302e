import type { ReactNode } from 'react';
import { LANG_NAMES, LANGS, useI18n, type Lang } from './i18n.tsx';

export function Loading() {
  const { t } = useI18n();
  return <p className="muted" role="status" aria-live="polite">{t('common.loading')}</p>;
}

export function ErrorBox({ children, onRetry }: { children: ReactNode; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="alert alert-error" role="alert">
      <span>{children}</span>
      {onRetry && <button type="button" className="btn btn-small btn-ghost" onClick={onRetry}>{t('common.retry')}</button>}
    </div>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  const tone = status === 'delivered' || status === 'completed' ? 'ok'
    : status === 'pending_payment' || status === 'paid' ? 'wait'
    : status === 'needs_action' || status === 'disputed' ? 'warn' : 'off';
  return <span className={`badge badge-${tone}`} data-testid="order-status" data-status={status}>{t(`status.${status}`)}</span>;
}

/** The language switch in every header: the choice is remembered on the device. */
export function LanguageSelect() {
  const { t, lang, setLang } = useI18n();
  return (
    <label className="lang">
      <span className="sr-only">{t('lang.label')}</span>
      <select value={lang} onChange={(e) => setLang(e.target.value as Lang)} data-testid="lang">
        {LANGS.map((l) => <option key={l} value={l}>{LANG_NAMES[l]}</option>)}
      </select>
    </label>
  );
}
