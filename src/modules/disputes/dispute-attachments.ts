// Screenshots a buyer attaches to a dispute: PNG, JPEG or WebP up to 5 MB,
// checked by their first bytes (not by the name or the header the client
// sent), stored under the data directory with a random name, and served only
// through the dispute's own routes to those who may see it — never a public path.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { validationError } from '../../lib/errors.ts';
import type { Services } from '../shared/context.ts';

export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;

function sniff(b: Buffer): string | undefined {
  if (b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length > 12 && b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return undefined;
}

function dir(s: Services): string {
  return path.join(s.config.dataDir, 'dispute-attachments');
}

/** Stores the image; returns its file name and type. 422 for anything that is not a PNG, JPEG or WebP image, or too large. */
export async function storeAttachment(s: Services, data: Buffer): Promise<{ file: string; type: string }> {
  if (data.length > ATTACHMENT_MAX_BYTES) throw validationError('a screenshot may be at most 5 MB', 'file');
  const type = sniff(data);
  if (!type) throw validationError('attach a PNG, JPEG or WebP screenshot', 'file');
  await mkdir(dir(s), { recursive: true, mode: 0o700 });
  const file = `${randomBytes(16).toString('hex')}.${type.split('/')[1]}`;
  await writeFile(path.join(dir(s), file), data, { mode: 0o600 });
  return { file, type };
}

export async function readAttachment(s: Services, file: string): Promise<Buffer> {
  if (!/^[0-9a-f]{32}\.(png|jpeg|webp)$/.test(file)) throw new Error('not an attachment name');
  return readFile(path.join(dir(s), file));
}
