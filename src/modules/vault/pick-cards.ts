// 自选卡密: a buyer picks which key they get, by its masked preview (the
// last characters the console also shows; never the secret). The product's
// available keys are listed for the storefront; checkout reserves exactly the
// picked key in its one statement with an update that takes it only while it
// is still available — two buyers picking the same key: one wins, the other
// is told it is taken.
import { z } from 'zod';
import { notFound } from '../../lib/errors.ts';
import type { Ctx } from '../shared/context.ts';
import { PageQuery, pageClause, toPage } from '../shared/pagination.ts';

/** The reservation of one picked key, with the given placeholders (checkout embeds it); `returning 1 as n` when it was still available. */
export function reservePickedSql(p: { cardId: string; orderItemId: string; until: string; productId: string }): string {
  return `update cards set status = 'reserved', order_item_id = ${p.orderItemId}, reserved_until = ${p.until}
           where id = ${p.cardId} and product_id = ${p.productId} and status = 'available' returning 1 as n`;
}

export const PicksQuery = PageQuery.extend({ limit: z.coerce.number().int().min(1).max(100).default(50) });

/** The keys a buyer may pick from, newest first like every list; only for a product that allows picking. */
export async function listPickableCards(ctx: Ctx, input: { shopSlug: string; productId: string } & z.infer<typeof PicksQuery>) {
  const pool = ctx.database.pool;
  const { rows: product } = await pool.query<{ id: string }>(
    `select p.id from products p join merchants m on m.id = p.merchant_id
      where m.slug = $1 and m.status = 'active' and p.id = $2 and p.visibility <> 'hidden' and p.pick_enabled`, [input.shopSlug, input.productId]);
  if (!product[0]) throw notFound('product');
  const params: unknown[] = [input.productId];
  const page = pageClause(input, 'id', params);
  const { rows } = await pool.query<{ id: string; hint: string }>(
    `select id, hint from cards where product_id = $1 and status = 'available' and ${page.where} order by ${page.order} limit ${page.limit}`, params);
  return toPage(rows.map((r) => ({ id: r.id, object: 'pickable_card' as const, preview: r.hint })), input);
}
