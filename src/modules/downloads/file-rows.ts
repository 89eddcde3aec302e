// A download product's file as the API shows it.
import type { RowOf } from '../../db/rows.ts';
import type { productFiles } from '../../db/schema.ts';

export type FileRow = Pick<RowOf<typeof productFiles>, 'id' | 'product_id' | 'filename' | 'size' | 'sha256' | 'storage_key' | 'created_at'>;

export function presentFile(r: FileRow) {
  return { id: r.id, object: 'file' as const, product_id: r.product_id, filename: r.filename, size: Number(r.size), sha256: r.sha256, created_at: r.created_at.toISOString() };
}
