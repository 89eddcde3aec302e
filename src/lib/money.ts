// Money is integer minor units everywhere inside XiaoPu. Gateways speak
// decimal strings ("12.30"); these convert exactly, without floating point.

const EXPONENTS: Readonly<Record<string, number>> = { JPY: 0, KRW: 0, VND: 0, CLP: 0, ISK: 0, TWD: 2, BHD: 3, KWD: 3, OMR: 3, JOD: 3, TND: 3 };

const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** An ISO 4217 currency in use today (the runtime's ICU list: CNY, USD, JPY, … — not ZZZ or XXX). */
export function isCurrencyCode(code: string): boolean {
  return CURRENCIES.has(code);
}

/** Digits after the decimal point for a currency (ISO 4217; 2 unless listed). */
export function currencyExponent(currency: string): number {
  return EXPONENTS[currency.toUpperCase()] ?? 2;
}

/**
 * A money column (bigint, which node-postgres hands over as a string) as a
 * number of minor units — the one conversion, refusing anything that is not
 * an exact integer JavaScript can hold (over 2^53 it would silently round).
 */
export function minorUnits(value: string | number | bigint): number {
  if (value === null || value === undefined || value === '') throw new Error('missing amount of minor units');
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`not a safe integer amount of minor units: ${String(value).slice(0, 40)}`);
  return n;
}

/** 1230 CNY → "12.30". */
export function toDecimalString(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new Error('amount must be an integer number of minor units');
  const exp = currencyExponent(currency);
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(exp + 1, '0');
  return exp === 0 ? sign + digits : `${sign}${digits.slice(0, -exp)}.${digits.slice(-exp)}`;
}

/**
 * "12.3" or "12.30" CNY → 1230. Returns undefined for anything that is not a
 * plain non-negative decimal with at most the currency's digits ("1e3", "12.345",
 * " 12", "", arrays and numbers smuggled as strings all fail).
 */
export function fromDecimalString(value: unknown, currency: string): number | undefined {
  if (typeof value !== 'string') return undefined;
  const exp = currencyExponent(currency);
  const m = /^(\d{1,15})(?:\.(\d+))?$/.exec(value);
  if (!m) return undefined;
  const frac = m[2] ?? '';
  if (frac.length > exp && !/^0*$/.test(frac.slice(exp))) return undefined;
  const minor = Number(m[1]) * 10 ** exp + Number((frac.slice(0, exp)).padEnd(exp, '0') || '0');
  return Number.isSafeInteger(minor) ? minor : undefined;
}
