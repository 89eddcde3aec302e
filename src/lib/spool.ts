// Spools an upload to a temporary file before any database work starts, so a
// client that sends slowly (or stops sending) never holds a transaction or a
// row lock: the import reads the finished file from local disk instead.
// The file is encrypted with a key that lives only in this process's memory
// (card keys are secrets, also for the seconds they sit in a spool file), is
// created with mode 0600, and is removed when the import ends; files a killed
// process left behind are unreadable and removed at the next start.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from './errors.ts';

export interface SpoolOptions {
  dir: string;
  /** Larger uploads are refused with 413. */
  maxBytes: number;
  /** An upload that sends nothing for this long is abandoned with 408. */
  idleMs: number;
}

export interface Spooled {
  bytes: number;
  /** A fresh stream of the upload's bytes, decrypted. */
  open(): Readable;
  remove(): Promise<void>;
}

const PREFIX = 'upload-';

export function spoolDir(dataDir: string): string {
  return path.join(dataDir, 'tmp');
}

/** Older than any upload can live (request timeout plus the import): left behind by a process that died. */
const LEFTOVER_MS = 3600_000;

/**
 * Removes spool files an earlier process left behind (their key died with
 * it). Only old ones: another process sharing the data directory may be
 * spooling right now.
 */
export function clearSpoolDir(dir: string, now = Date.now()): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(PREFIX)) continue;
    const file = path.join(dir, name);
    try {
      if (now - statSync(file).mtimeMs > LEFTOVER_MS) rmSync(file, { force: true });
    } catch { /* gone already */ }
  }
}

/** Uploads spooling at once, per caller and in all, in this process: each may hold up to maxBytes of disk. */
const active = new Map<string, number>();
let activeTotal = 0;

/** Reserves a spool slot for `owner` or answers 429; call the returned release when done. */
export function claimSpoolSlot(owner: string, limits: { perOwner: number; total: number }): () => void {
  const mine = active.get(owner) ?? 0;
  if (mine >= limits.perOwner || activeTotal >= limits.total) {
    throw new AppError(429, 'too_many_uploads', 'Other uploads are still being received. Wait for them to finish and try again.', 'rate_limit_error');
  }
  active.set(owner, mine + 1);
  activeTotal++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    activeTotal--;
    const left = (active.get(owner) ?? 1) - 1;
    if (left <= 0) active.delete(owner);
    else active.set(owner, left);
  };
}

export async function spoolUpload(source: Readable, opts: SpoolOptions): Promise<Spooled> {
  mkdirSync(opts.dir, { recursive: true, mode: 0o700 });
  const file = path.join(opts.dir, `${PREFIX}${randomBytes(12).toString('hex')}`);
  const key = randomBytes(32);
  const iv = randomBytes(16);
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > opts.maxBytes) {
        done(new AppError(413, 'payload_too_large', `The upload is larger than ${opts.maxBytes} bytes.`));
        return;
      }
      idle.refresh();
      done(null, chunk);
    },
  });
  const gone = new AppError(400, 'upload_incomplete', 'The upload ended before it was complete. Send the whole file again.');
  // The source is piped, not part of the pipeline: failing the spool must not
  // destroy the request (and its socket) before the error answer is sent.
  const fail = (err: AppError) => {
    source.unpipe(limit);
    limit.destroy(err);
  };
  const idle: NodeJS.Timeout = setTimeout(() => fail(new AppError(408, 'upload_timeout', `The upload sent nothing for ${Math.round(opts.idleMs / 1000)} s and was abandoned. Send it again.`)), opts.idleMs);
  source.once('error', () => fail(gone));
  // A client that goes away mid-body closes the stream without ending it.
  source.once('close', () => {
    if (!source.readableEnded) fail(gone);
  });
  const written = pipeline(limit, createCipheriv('aes-256-ctr', key, iv), createWriteStream(file, { mode: 0o600, flags: 'wx' }));
  source.pipe(limit);
  try {
    await written;
    // Multipart parsers mark a file cut short by the size limit instead of failing.
    if ((source as Readable & { truncated?: boolean }).truncated) throw new AppError(413, 'payload_too_large', `The upload is larger than ${opts.maxBytes} bytes.`);
  } catch (err) {
    await unlink(file).catch(() => undefined);
    if (err instanceof AppError) throw err;
    throw gone;
  } finally {
    clearTimeout(idle);
  }
  const opened: Readable[] = [];
  return {
    bytes,
    open: () => {
      const plain = createDecipheriv('aes-256-ctr', key, iv);
      const raw = createReadStream(file).on('error', (err) => plain.destroy(err));
      raw.pipe(plain);
      opened.push(raw, plain);
      return plain;
    },
    // Closes what is still reading (an import that stopped early) before the file goes: no descriptor keeps the disk space.
    remove: async () => {
      for (const stream of opened) stream.destroy();
      await unlink(file).catch(() => undefined);
    },
  };
}
