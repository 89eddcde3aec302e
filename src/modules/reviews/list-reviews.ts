// Reviews for the shop's console (its own, with the order) and for its
// storefront (public, masked; optionally one product's), newest first.
import { z } from 'zod';
import { notFound } from '../../lib/errors.ts';
import { shopOf, type Ctx } from '../shared/context.ts';
import { PageQuery, pageClause, toPage } from '../shared/pagination.ts';
import { presentReview, REVIEW_SELECT, type ReviewRow } from './review-rows.ts';

export const ListReviewsQuery = PageQuery.extend({
  product_id: z.string().min(1).max(64).optional(),
  unanswered: z.enum(['true', 'false']).optional().describe('true: only reviews without a reply'),
});
export type ListReviewsQuery = z.infer<typeof ListReviewsQuery>;

export async function listShopReviews(ctx: Ctx, query: ListReviewsQuery) {
  const merchantId = shopOf(ctx);
  const params: unknown[] = [merchantId, query.product_id ?? null, query.unanswered === 'true'];
  const p = pageClause(query, 'r.id', params);
  const { rows } = await ctx.database.pool.query<ReviewRow>(
    `${REVIEW_SELECT} where r.merchant_id = $1 and ($2::text is null or r.product_id = $2) and (not $3 or r.reply is null) and ${p.where}
      order by ${p.order} limit ${p.limit}`, params);
  return toPage(rows.map((r) => presentReview(r, 'shop')), query);
}

export async function listPublicReviews(ctx: Ctx, shopSlug: string, query: ListReviewsQuery) {
  const { rows: shop } = await ctx.database.pool.query<{ id: string }>(`select id from merchants where slug = $1 and status = 'active'`, [shopSlug]);
  if (!shop[0]) throw notFound('shop');
  const params: unknown[] = [shop[0].id, query.product_id ?? null];
  const p = pageClause(query, 'r.id', params);
  const { rows } = await ctx.database.pool.query<ReviewRow>(
    `${REVIEW_SELECT} where r.merchant_id = $1 and p.visibility <> 'hidden'
        and ($2::text is null or r.product_id = $2 or r.product_id in (select v.id from products v where v.parent_id = $2)) and ${p.where}
      order by ${p.order} limit ${p.limit}`, params);
  return toPage(rows.map((r) => presentReview(r, 'public')), query);
}
