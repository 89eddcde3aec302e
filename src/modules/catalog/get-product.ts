import { notFound } from '../../lib/errors.ts';
import { shopOf, type Ctx } from '../shared/context.ts';
import { loadProduct, presentProduct } from './product-rows.ts';
import type { ProductOut } from './schemas.ts';

export async function getProduct(ctx: Ctx, { productId }: { productId: string }): Promise<ProductOut> {
  const merchantId = shopOf(ctx);
  const row = await loadProduct(ctx.database.pool, merchantId, productId);
  if (!row) throw notFound('product');
  return presentProduct(row);
}
