// Text checks shared by the HTTP edge and the few places that parse bodies themselves.
/**
 * Text PostgreSQL cannot store: a lone UTF-16 surrogate (JSON can spell one as
 * `\\ud800`) or a NUL character. Found anywhere in a body, query or path, the
 * request is refused before any use case runs, so nothing is half-written.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
export const UNSTORABLE = /[\p{Cs}\u0000]/u;

export function findUnstorable(value: unknown, path: string[], depth = 0): string[] | undefined {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : undefined;
  if (depth > 64 || value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorable(value[i], [...path, String(i)], depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  // Only parsed bodies: a stream (text/plain import) is read elsewhere.
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return undefined;
  for (const [k, v] of Object.entries(value)) {
    if (UNSTORABLE.test(k)) return [...path, k];
    const found = findUnstorable(v, [...path, k], depth + 1);
    if (found) return found;
  }
  return undefined;
}

