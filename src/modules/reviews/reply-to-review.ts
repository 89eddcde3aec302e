// The shop replies to a review, once (409 `reply_exists` after).
import { z } from 'zod';
import { conflict, notFound } from '../../lib/errors.ts';
import { shopOf, type Ctx } from '../shared/context.ts';
import { presentReview, REVIEW_SELECT, type ReviewRow } from './review-rows.ts';

export const ReplyInput = z.object({ reply: z.string().trim().min(1, 'write a reply').max(1000) });

export async function replyToReview(ctx: Ctx, { reviewId, ...input }: z.infer<typeof ReplyInput> & { reviewId: string }) {
  const merchantId = shopOf(ctx);
  const pool = ctx.database.pool;
  const { rowCount } = await pool.query(
    'update reviews set reply = $3, replied_at = $4 where id = $1 and merchant_id = $2 and reply is null', [reviewId, merchantId, input.reply, ctx.clock.now()]);
  const { rows } = await pool.query<ReviewRow>(`${REVIEW_SELECT} where r.id = $1 and r.merchant_id = $2`, [reviewId, merchantId]);
  const r = rows[0];
  if (!r) throw notFound('review');
  if (!rowCount) throw conflict('reply_exists', 'This review already has your reply.');
  return presentReview(r, 'shop');
}
