// A buyer follows a download link: the signature and the end time are
// checked first (a wrong one is the same 404 as an unknown delivery), then
// that the order still stands (a refunded order's file is gone: 410). Each
// download from the start is counted on the delivery.
import { prepared } from '../../db/client.ts';
import { safeEqual } from '../../lib/crypto.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Ctx } from '../shared/context.ts';
import { openStored, storedSize } from './file-store.ts';

const STANDING = ['delivered', 'completed', 'disputed', 'partially_refunded'];

export interface DownloadRequest { fulfilmentId: string; expires: number; signature: string; range?: string | undefined; ifRange?: string | undefined; count: boolean }

export async function openDownload(ctx: Ctx, r: DownloadRequest) {
  if (!safeEqual(ctx.keyring.downloadSignature(r.fulfilmentId, r.expires), r.signature)) throw notFound('download');
  if (r.expires * 1000 < ctx.clock.now().getTime()) {
    throw new AppError(410, 'link_expired', 'This download link has expired. Open the order page for a new one.');
  }
  const { rows } = await prepared<{ status: string; filename: string; size: string; storage_key: string; sha256: string }>(ctx.database.pool,
    `select o.status, pf.filename, pf.size, pf.storage_key, pf.sha256
       from fulfilments f join orders o on o.id = f.order_id join product_files pf on pf.id = f.file_id
      where f.id = $1 and f.kind = 'download'`, [r.fulfilmentId]);
  const row = rows[0];
  if (!row) throw notFound('download');
  if (!STANDING.includes(row.status)) throw new AppError(410, 'download_unavailable', 'This order no longer gives access to the file.');
  const size = Number(row.size);
  // Checked before anything is sent: a file lost from the data directory is the platform's fault, not a download.
  if ((await storedSize(ctx.config.dataDir, row.storage_key)) !== size) {
    ctx.log.error({ fulfilmentId: r.fulfilmentId }, 'a sold file is missing from the data directory');
    throw new AppError(503, 'file_unavailable', 'The file cannot be read right now. Try again later, or contact the shop.', 'api_error');
  }
  const etag = `"${row.sha256}"`;
  // A resumed download asks for the rest of the same file (If-Range); any other file gets sent whole.
  const range = r.ifRange !== undefined && r.ifRange !== etag ? undefined : parseRange(r.range, size);
  if (range === 'unsatisfiable') return { unsatisfiable: true as const, size };
  if (r.count && (!range || range.start === 0)) {
    await prepared(ctx.database.pool, 'update fulfilments set downloads = downloads + 1 where id = $1', [r.fulfilmentId]);
  }
  return { unsatisfiable: false as const, filename: row.filename, size, etag, range, stream: openStored(ctx.config.dataDir, row.storage_key, range) };
}

/** One `bytes=a-b`, `bytes=a-` or `bytes=-n` range (resuming a large download); anything else is the whole file. */
function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size) return 'unsatisfiable';
  // An invalid range (its end before its start) is ignored: the whole file (RFC 9110).
  if (start > end) return undefined;
  return { start, end };
}
