// A product nobody ordered is deleted with its files: the rows in the
// caller's transaction, the stored bytes once it has committed.
import type { Queryable } from '../../db/client.ts';
import { removeStored } from './file-store.ts';

/** Deletes the product's file rows; returns a function that removes the stored files (call it after commit). */
export async function deleteProductFiles(q: Queryable, productId: string, dataDir: string): Promise<() => Promise<void>> {
  const { rows } = await q.query<{ storage_key: string }>('delete from product_files where product_id = $1 returning storage_key', [productId]);
  return async () => {
    for (const r of rows) await removeStored(dataDir, r.storage_key);
  };
}
