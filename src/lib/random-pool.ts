// Small random values (GCM nonces, request ids) drawn from the CSPRNG in bulk.
// Asking for 12 bytes at a time costs more than what they are for (sealing a
// key, answering a request), so bytes are drawn 48 KiB at a time into a fresh
// buffer and handed out in order, each once. A buffer is never refilled in
// place: a slice handed out stays as it was.
import { randomFillSync } from 'node:crypto';

const DRAW = 48 * 1024;
let pool = Buffer.alloc(0);
let next = 0;

/** `bytes` fresh random bytes (at most 1 KiB), never handed out before. */
export function pooledRandom(bytes: number): Buffer {
  if (!Number.isInteger(bytes) || bytes < 1 || bytes > 1024) throw new RangeError('pooledRandom: 1 to 1024 bytes');
  if (next + bytes > pool.length) {
    pool = randomFillSync(Buffer.allocUnsafe(DRAW));
    next = 0;
  }
  const out = pool.subarray(next, next + bytes);
  next += bytes;
  return out;
}
