// Where download products' files live: XIAOPU_DATA_DIR/files/<shop>/<file id>,
// outside anything the web server serves. An upload streams to a temporary
// name while its size is counted and its SHA-256 taken, and is renamed into
// place only when whole; too large, or stalled, and the partial file is gone.
// (Several machines need this directory on shared storage.)
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError, validationError } from '../../lib/errors.ts';

export function filesDir(dataDir: string): string {
  return path.join(dataDir, 'files');
}

export interface StoredFile { storageKey: string; size: number; sha256: string }

/** Streams `upload` into the store under `<merchantId>/<fileId>`. 422 (`file`) past maxBytes, 408 if the client stops sending. */
export async function storeUpload(upload: Readable, o: { dataDir: string; merchantId: string; fileId: string; maxBytes: number; idleMs: number }): Promise<StoredFile> {
  const dir = path.join(filesDir(o.dataDir), o.merchantId);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const storageKey = `${o.merchantId}/${o.fileId}`;
  const final = path.join(filesDir(o.dataDir), storageKey);
  const partial = `${final}.partial`;
  const hash = createHash('sha256');
  let size = 0;
  let idle: NodeJS.Timeout | undefined;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > o.maxBytes) return done(validationError(`the file is larger than ${Math.floor(o.maxBytes / 1024 / 1024)} MB (XIAOPU_DOWNLOAD_MAX_MB)`, 'file'));
      hash.update(chunk);
      idle?.refresh();
      done(null, chunk);
    },
  });
  const stalled = new Promise<never>((_, reject) => {
    idle = setTimeout(() => {
      const err = new AppError(408, 'upload_timeout', 'The upload stopped sending. Try again.');
      upload.destroy(err);
      reject(err);
    }, o.idleMs);
  });
  try {
    await Promise.race([pipeline(upload, counter, createWriteStream(partial, { mode: 0o600 })), stalled]);
    if (size === 0) throw validationError('the file is empty', 'file');
    await rename(partial, final);
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  } finally {
    clearTimeout(idle);
  }
  return { storageKey, size, sha256: hash.digest('hex') };
}

/** A stored file's bytes, all or `start`–`end` (inclusive). */
export function openStored(dataDir: string, storageKey: string, range?: { start: number; end: number }): Readable {
  return createReadStream(path.join(filesDir(dataDir), storageKey), range);
}

export async function storedSize(dataDir: string, storageKey: string): Promise<number | undefined> {
  try {
    return (await stat(path.join(filesDir(dataDir), storageKey))).size;
  } catch {
    return undefined;
  }
}

export async function removeStored(dataDir: string, storageKey: string): Promise<void> {
  await rm(path.join(filesDir(dataDir), storageKey), { force: true });
}
