// Prefixed, time-sortable ids: `<prefix>_` + 26 Crockford base32 characters
// (48-bit millisecond timestamp, then 80 random bits), like a ULID.
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export type IdPrefix =
  | 'usr' | 'mch' | 'ses' | 'key' | 'prd' | 'crd' | 'bat' | 'ord' | 'oit'
  | 'pay' | 'evt' | 'oev' | 'ful' | 'ltx' | 'lac' | 'aud' | 'ntf' | 'rfd' | 'wtx' | 'wtp' | 'gwc'
  | 'po' | 'pdst' | 'dsp' | 'dmsg' | 'rev' | 'adj' | 'lic' | 'lin' | 'fil';

function encodeTime(ms: number): string {
  let out = '';
  let t = ms;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[t % 32] + out;
    t = Math.floor(t / 32);
  }
  return out;
}

// The 80 random bits are kept as two 40-bit halves in plain numbers (exact
// below 2^53), so making an id needs no BigInt arithmetic.
const HALF = 2 ** 40;

function encode40(n: number): string {
  let out = '';
  let v = n;
  for (let i = 0; i < 8; i++) {
    out = ALPHABET[v % 32] + out;
    v = Math.floor(v / 32);
  }
  return out;
}

// Monotonic within a process (as ULIDs are): ids made in the same millisecond,
// or under a clock that stands still in tests, still sort in creation order.
let lastTime = 0;
let hi = 0;
let lo = 0;

export function newId(prefix: IdPrefix, nowMs: number = Date.now()): string {
  if (nowMs > lastTime) {
    lastTime = nowMs;
    const r = randomBytes(10);
    // Leave headroom in the high half so increments within the millisecond cannot overflow.
    hi = r.readUIntBE(0, 5) % (HALF / 2);
    lo = r.readUIntBE(5, 5);
  } else {
    lo += 1 + Math.floor(Math.random() * 65536); // ids are not secrets; order numbers and tokens are
    if (lo >= HALF) {
      lo -= HALF;
      hi += 1;
    }
  }
  return `${prefix}_${encodeTime(lastTime)}${encode40(hi)}${encode40(lo)}`;
}

/** Many ids at once for bulk inserts (card import). */
export function newIds(prefix: IdPrefix, count: number, nowMs: number = Date.now()): string[] {
  const ids = new Array<string>(count);
  for (let i = 0; i < count; i++) ids[i] = newId(prefix, nowMs);
  return ids;
}

/** A short, unguessable order number for humans: YYMMDD + 12 random base32 characters (60 bits). */
export function newOrderNumber(now: Date): string {
  const y = String(now.getUTCFullYear() % 100).padStart(2, '0');
  const m = String(now.getUTCMonth() + 1).padStart(2, '0');
  const d = String(now.getUTCDate()).padStart(2, '0');
  const r = randomBytes(12);
  let s = '';
  for (const b of r) s += ALPHABET[b & 31];
  return `${y}${m}${d}${s}`.toUpperCase();
}
