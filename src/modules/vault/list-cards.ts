import { z } from 'zod';
import { notFound } from '../../lib/errors.ts';
import { shopOf, type Ctx } from '../shared/context.ts';
import { PageQuery, pageClause, toPage } from '../shared/pagination.ts';

export const CardStatus = z.enum(['available', 'reserved', 'sold', 'void']);
export const ListCardsQuery = PageQuery.extend({ status: CardStatus.optional() });
export type ListCardsQuery = z.infer<typeof ListCardsQuery>;

/** A key as the shop lists it: masked, never in the clear (reveal one with POST …/reveal, audited). */
export const CardOut = z.object({
  id: z.string(), object: z.literal('card'), status: z.string().describe('available, reserved, sold or void'),
  masked: z.string().describe('The first and last characters, the rest hidden'), batch_id: z.string().describe('The import it came in'),
  sold_at: z.string().nullable(), created_at: z.string(),
});

/** Keys as merchants see them in lists: masked, never the secret. */
export async function listCards(ctx: Ctx, { productId, ...query }: ListCardsQuery & { productId: string }) {
  const merchantId = shopOf(ctx);
  const { rowCount } = await ctx.database.pool.query('select 1 from products where id = $1 and merchant_id = $2', [productId, merchantId]);
  if (!rowCount) throw notFound('product');
  const params: unknown[] = [productId, merchantId];
  let statusCond = 'true';
  if (query.status) {
    params.push(query.status);
    statusCond = `status = $${params.length}`;
  }
  const c = pageClause(query, 'id', params);
  const { rows } = await ctx.database.pool.query<{ id: string; status: string; hint: string; batch_id: string; order_item_id: string | null; sold_at: Date | null; created_at: Date }>(
    `select id, status, hint, batch_id, order_item_id, sold_at, created_at from cards
      where product_id = $1 and merchant_id = $2 and ${statusCond} and ${c.where} order by ${c.order} limit ${c.limit}`, params);
  return toPage(rows.map((r) => ({
    id: r.id, object: 'card' as const, status: r.status, masked: r.hint, batch_id: r.batch_id,
    sold_at: r.sold_at?.toISOString() ?? null, created_at: r.created_at.toISOString(),
  })), query);
}
