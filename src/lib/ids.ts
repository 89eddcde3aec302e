// Prefixed, time-sortable ids: `<prefix>_` + 26 Crockford base32 characters
// (48-bit millisecond timestamp, then 80 random bits), like a ULID.
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export type IdPrefix =
  | 'usr' | 'mch' | 'ses' | 'key' | 'prd' | 'crd' | 'bat' | 'ord' | 'oit'
  | 'pay' | 'evt' | 'oev' | 'ful' | 'ltx' | 'lac' | 'aud' | 'ntf';

function encodeTime(ms: number): string {
  let out = '';
  let t = ms;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[t % 32] + out;
    t = Math.floor(t / 32);
  }
  return out;
}

const RANDOM_BITS = 80n;
const RANDOM_MAX = (1n << RANDOM_BITS) - 1n;

function encodeRandom(bits: bigint): string {
  let out = '';
  let b = bits;
  for (let i = 0; i < 16; i++) {
    out = ALPHABET[Number(b & 31n)] + out;
    b >>= 5n;
  }
  return out;
}

function randomBits(): bigint {
  return BigInt('0x' + randomBytes(10).toString('hex'));
}

// Monotonic within a process (as ULIDs are): ids made in the same millisecond,
// or under a clock that stands still in tests, still sort in creation order.
let lastTime = 0;
let lastRandom = 0n;

function next(nowMs: number): { time: number; random: bigint } {
  if (nowMs > lastTime) {
    lastTime = nowMs;
    // Leave headroom so increments within the millisecond cannot overflow.
    lastRandom = randomBits() >> 1n;
  } else {
    lastRandom = (lastRandom + 1n + (randomBits() & 0xffffn)) & RANDOM_MAX;
  }
  return { time: lastTime, random: lastRandom };
}

export function newId(prefix: IdPrefix, nowMs: number = Date.now()): string {
  const n = next(nowMs);
  return `${prefix}_${encodeTime(n.time)}${encodeRandom(n.random)}`;
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
