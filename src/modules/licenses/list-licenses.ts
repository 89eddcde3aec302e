// The shop's licenses, newest first: all, one order's, one product's, or the
// one a buyer quotes (found by its key, like the license API finds it).
import { z } from 'zod';
import { shopOf, type Ctx } from '../shared/context.ts';
import { PageQuery, pageClause, toPage } from '../shared/pagination.ts';
import { loadShopLicense, presentShopLicense, SHOP_LICENSE_SELECT, type ShopLicenseRow } from './shop-license-rows.ts';

export const ListLicensesQuery = PageQuery.extend({
  order_id: z.string().min(1).max(64).optional(),
  product_id: z.string().min(1).max(64).optional().describe('A product: its licenses, its variants\' too'),
  key: z.string().trim().min(1).max(200).optional().describe('The whole key a buyer quotes: finds its license (exact match only)'),
});
export type ListLicensesQuery = z.infer<typeof ListLicensesQuery>;

export async function listLicenses(ctx: Ctx, query: ListLicensesQuery) {
  const merchantId = shopOf(ctx);
  const params: unknown[] = [merchantId, query.order_id ?? null, query.product_id ?? null, query.key ? ctx.keyring.licenseKeyHash(query.key) : null];
  const p = pageClause(query, 'l.id', params);
  const { rows } = await ctx.database.pool.query<ShopLicenseRow>(
    `${SHOP_LICENSE_SELECT}
      where l.merchant_id = $1 and l.status <> 'pending' and ($2::text is null or l.order_id = $2) and ($3::text is null or l.product_id = $3 or l.product_id in (select v.id from products v where v.parent_id = $3))
        and ($4::bytea is null or l.key_hash = $4) and ${p.where}
      order by ${p.order} limit ${p.limit}`, params);
  const now = ctx.clock.now();
  return toPage(rows.map((r) => presentShopLicense(ctx.keyring, r, now)), query);
}

export async function getLicense(ctx: Ctx, { licenseId }: { licenseId: string }) {
  return presentShopLicense(ctx.keyring, await loadShopLicense(ctx.database.pool, shopOf(ctx), licenseId), ctx.clock.now());
}
