// Screenshots in a dispute: PNG, JPEG or WebP up to 5 MB, recognised by
// their first bytes (not by the name or the type the client sent), kept in
// the database beside their message — so every node serves them, backups
// include them, and nothing reaches the disk before the request is known to
// come from someone who may write in the dispute. Served only through the
// dispute's own routes, never from a public path.
import { validationError } from '../../lib/errors.ts';

export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;

export interface Attachment { data: Buffer; type: string }

function sniff(b: Buffer): string | undefined {
  if (b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length > 12 && b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return undefined;
}

/** The image and its type; 422 for anything that is not a PNG, JPEG or WebP image, or is too large. */
export function checkAttachment(data: Buffer): Attachment {
  if (data.length > ATTACHMENT_MAX_BYTES) throw validationError('a screenshot may be at most 5 MB', 'file');
  const type = sniff(data);
  if (!type) throw validationError('attach a PNG, JPEG or WebP screenshot', 'file');
  return { data, type };
}
