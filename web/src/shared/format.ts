// Amounts per currency and times in the viewer's time zone, in the chosen language.
const digitsCache = new Map<string, number>();

/** Digits after the decimal point for a currency, as Intl knows it (CNY 2, JPY 0). */
export function currencyDigits(currency: string): number {
  let d = digitsCache.get(currency);
  if (d === undefined) {
    d = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, d);
  }
  return d;
}

/** 1230 CNY → "¥12.30" (display only; money arithmetic stays in minor units). */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = currencyDigits(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits })
    .format(minor / 10 ** digits);
}

export function formatTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** "12.30" → 1230 minor units, exactly (no floating point); undefined if it is not a plain amount. */
export function toMinor(value: string, currency: string): number | undefined {
  const digits = currencyDigits(currency);
  const m = /^(\d{1,12})(?:[.,](\d*))?$/.exec(value.trim());
  if (!m || (m[2] ?? '').length > digits) return undefined;
  return Number(m[1]) * 10 ** digits + Number((m[2] ?? '').padEnd(digits, '0') || '0');
}

/** 1230 → "12.30" for the currency. */
export function toMajor(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const s = String(minor).padStart(digits + 1, '0');
  return digits ? `${s.slice(0, -digits)}.${s.slice(-digits)}` : s;
}

/** A size in bytes as people read it (KB, MB, GB). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GB`;
}
