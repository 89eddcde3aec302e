// Deleting a product: only one nobody has ordered (its keys and files go with it). A
// product with orders keeps its history; hide it instead.
import { deleteProductCards } from '../vault/delete-product-cards.ts';
import { deleteProductFiles } from '../downloads/delete-product-files.ts';
import { withTransaction } from '../../db/client.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import { shopOf, type Ctx } from '../shared/context.ts';
import { writeAudit } from '../trust/audit.ts';

export async function deleteProduct(ctx: Ctx, { productId }: { productId: string }): Promise<void> {
  const merchantId = shopOf(ctx);
  const removeFiles = await withTransaction(ctx.database.pool, async (q) => {
    const { rows } = await q.query<{ title: string }>('select title from products where id = $1 and merchant_id = $2 for update', [productId, merchantId]);
    if (!rows[0]) throw notFound('product');
    const { rowCount: variants } = await q.query('select 1 from products where parent_id = $1 limit 1', [productId]);
    if (variants) throw conflict('product_has_variants', 'Delete its variants first (DELETE each one; a variant with orders stays: hide the product instead, visibility: hidden).');
    const { rowCount } = await q.query('select 1 from order_items where product_id = $1 limit 1', [productId]);
    if (rowCount) throw conflict('product_has_orders', 'This product has orders, so its history stays. Hide it instead (visibility: hidden).');
    const keysDeleted = await deleteProductCards(q, productId);
    await q.query('update products set download_file_id = null where id = $1', [productId]);
    const files = await deleteProductFiles(q, productId, ctx.config.dataDir);
    await q.query('delete from products where id = $1', [productId]);
    await writeAudit(q, ctx.actor, ctx.clock.now(), {
      action: 'product.delete', targetType: 'product', targetId: productId, merchantId, data: { title: rows[0].title, keys_deleted: keysDeleted },
    });
    return files;
  });
  await removeFiles();
}
