import { ApiError } from './api.ts';
import type { T } from './i18n.tsx';

/** A buyer-friendly message for an API error, in the chosen language. */
export function errorText(t: T, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 429 && err.code !== 'too_many_pending') return t('error.rate_limited');
    const key = `error.${err.code}`;
    const text = t(key, { message: err.message });
    return text === key ? t('error.generic', { message: err.message }) : text;
  }
  return t('error.generic', { message: err instanceof Error ? err.message : String(err) });
}
