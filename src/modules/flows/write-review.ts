// 评价: the buyer reviews a delivered order, once, with the order token:
// overall stars and the three things buyers of virtual goods care about
// (did it activate, was it as described, how fast the shop helped), and a
// comment. Only real, delivered orders can be reviewed; a review of an order
// that is refunded is marked as such wherever it is shown.
import { z } from 'zod';
import { withTransaction } from '../../db/client.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { orderByToken } from '../orders/order-by-token.ts';
import { presentReview, REVIEW_SELECT, Score, type ReviewRow } from '../reviews/review-rows.ts';
import type { Ctx } from '../shared/context.ts';
import { emitEvent } from '../shared/outbox.ts';

export const ReviewInput = z.object({
  rating: Score.describe('Overall, 1–5 stars'),
  activation: Score.describe('Did the key / account work (激活成功), 1–5'),
  accuracy: Score.describe('As described (描述相符), 1–5'),
  support: Score.describe('After-sales response (售后响应), 1–5'),
  comment: z.string().trim().max(1000).optional(),
});
export type ReviewInput = z.infer<typeof ReviewInput>;

export async function writeReview(ctx: Ctx, input: ReviewInput & { number: string; token: string }) {
  const pool = ctx.database.pool;
  const order = await orderByToken(pool, ctx.keyring, input.number, input.token);
  if (!order.delivered_at) throw conflict('order_not_delivered', 'An order can be reviewed once it is delivered.');
  const at = ctx.clock.now();
  const id = newId('rev', at.getTime());
  const { rows: item } = await pool.query<{ product_id: string }>('select product_id from order_items where order_id = $1 order by id limit 1', [order.id]);
  await withTransaction(pool, async (q) => {
    const { rowCount } = await q.query(
      `insert into reviews (id, order_id, merchant_id, product_id, rating, activation, accuracy, support, comment, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict (order_id) do nothing`,
      [id, order.id, order.merchant_id, item[0]?.product_id, input.rating, input.activation, input.accuracy, input.support, input.comment || null, at]);
    if (!rowCount) throw conflict('review_exists', 'This order has been reviewed already.');
    await emitEvent(q, at, order.merchant_id, 'review.created', { review_id: id, order_id: order.id, rating: input.rating });
  });
  return readReview(ctx, order.id);
}

export async function readBuyerReview(ctx: Ctx, input: { number: string; token: string }) {
  const order = await orderByToken(ctx.database.pool, ctx.keyring, input.number, input.token);
  return readReview(ctx, order.id);
}

async function readReview(ctx: Ctx, orderId: string) {
  const { rows } = await ctx.database.pool.query<ReviewRow>(`${REVIEW_SELECT} where r.order_id = $1`, [orderId]);
  if (!rows[0]) throw notFound('review');
  return presentReview(rows[0], 'public');
}
