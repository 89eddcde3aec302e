// The shop uploads the file a download product sells: streamed to the store
// (size limit, SHA-256), then recorded and made the product's current file in
// one transaction. Buyers who already bought keep the file they bought; later
// buyers get the new one. Audited.
import type { Readable } from 'node:stream';
import { withTransaction } from '../../db/client.ts';
import { newId } from '../../lib/ids.ts';
import { notFound, validationError } from '../../lib/errors.ts';
import { actorLabel, shopOf, type Ctx } from '../shared/context.ts';
import { writeAudit } from '../trust/audit.ts';
import { removeStored, storeUpload } from './file-store.ts';
import { presentFile, type FileRow } from './file-rows.ts';

/**
 * A name safe to show and to put in Content-Disposition: no path, no control
 * or bidirectional-override characters (`\u202Egpj.exe`), at most 200
 * characters — cut before the extension, which is kept.
 */
export function cleanFilename(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = [...base.replace(/[\u0000-\u001f\u007f"\u202a-\u202e\u2066-\u2069\u200e\u200f]/g, '').trim()];
  if (clean.length === 0) return 'download';
  if (clean.length <= 200) return clean.join('');
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= 16 ? clean.slice(dot) : [];
  return [...clean.slice(0, 200 - ext.length), ...ext].join('');
}

/** Checks the product before a byte is stored: the shop's own, and a download product. */
export async function assertDownloadProduct(ctx: Ctx, { productId }: { productId: string }): Promise<void> {
  const { rows } = await ctx.database.pool.query<{ delivery: string }>('select delivery from products where id = $1 and merchant_id = $2', [productId, shopOf(ctx)]);
  if (!rows[0]) throw notFound('product');
  if (rows[0].delivery !== 'download') throw validationError('only a download product takes a file', 'file');
}

export async function uploadProductFile(ctx: Ctx, input: { productId: string; filename: string | undefined; body: Readable }) {
  const merchantId = shopOf(ctx);
  await assertDownloadProduct(ctx, input);
  const now = ctx.clock.now();
  const fileId = newId('fil', now.getTime());
  const stored = await storeUpload(input.body, {
    dataDir: ctx.config.dataDir, merchantId, fileId, maxBytes: ctx.config.downloadMaxBytes, idleMs: ctx.config.uploadIdleSeconds * 1000,
  });
  const filename = cleanFilename(input.filename);
  try {
    return await withTransaction(ctx.database.pool, async (q) => {
      const { rows } = await q.query<FileRow>(
        `insert into product_files (id, merchant_id, product_id, filename, size, sha256, storage_key, created_by, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning *`,
        [fileId, merchantId, input.productId, filename, stored.size, stored.sha256, stored.storageKey, actorLabel(ctx.actor), now]);
      const updated = await q.query(`update products set download_file_id = $1, updated_at = $4 where id = $2 and merchant_id = $3 and delivery = 'download'`,
        [fileId, input.productId, merchantId, now]);
      if (updated.rowCount !== 1) throw notFound('product');
      await writeAudit(q, ctx.actor, now, {
        action: 'product.file_upload', targetType: 'product', targetId: input.productId, merchantId, data: { file_id: fileId, size: stored.size, sha256: stored.sha256 },
      });
      const row = rows[0];
      if (!row) throw new Error('file row vanished');
      return presentFile(row);
    });
  } catch (err) {
    await removeStored(ctx.config.dataDir, stored.storageKey);
    throw err;
  }
}
