import { shopOf, type Ctx } from '../shared/context.ts';
import { pageClause, toPage, type PageQuery } from '../shared/pagination.ts';
import { KEY_COUNT_CAP } from '../vault/count-keys.ts';
import { PRODUCT_COLUMNS, presentProduct, stockJoin, type ProductRow } from './product-rows.ts';

/** The shop's products, newest first; variants come inside their product (`variants`), not as rows of their own. */
export async function listProducts(ctx: Ctx, page: PageQuery) {
  const merchantId = shopOf(ctx);
  const params: unknown[] = [merchantId];
  const c = pageClause(page, 'p.id', params);
  const { rows } = await ctx.database.pool.query<ProductRow>(
    `select ${PRODUCT_COLUMNS} from products p ${stockJoin(KEY_COUNT_CAP)}
      where p.merchant_id = $1 and p.parent_id is null and ${c.where} order by ${c.order} limit ${c.limit}`, params);
  return toPage(rows.map((r) => presentProduct(r, KEY_COUNT_CAP)), page);
}
