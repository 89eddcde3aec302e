import { z } from 'zod';
import { withTransaction } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import { shopOf, type Ctx } from '../shared/context.ts';
import { writeAudit } from '../trust/audit.ts';

export const VoidCardsInput = z.object({ card_ids: z.array(z.string().min(1).max(64)).min(1).max(1000) });
export const VoidCardsOut = z.object({
  voided: z.number().int(), voided_ids: z.array(z.string()),
  skipped_ids: z.array(z.string()).describe('Not voided: reserved, sold, already void, or not this product\'s'),
});

/** Voids unsold keys. Reserved and sold keys are left alone and reported. */
export async function voidCards(ctx: Ctx, { productId, ...input }: z.infer<typeof VoidCardsInput> & { productId: string }) {
  const merchantId = shopOf(ctx);
  const now = ctx.clock.now();
  return withTransaction(ctx.database.pool, async (q) => {
    const { rowCount } = await q.query('select 1 from products where id = $1 and merchant_id = $2', [productId, merchantId]);
    if (!rowCount) throw notFound('product');
    const { rows } = await q.query<{ id: string }>(
      `update cards set status = 'void' where product_id = $1 and merchant_id = $2 and id = any($3) and status = 'available' returning id`,
      [productId, merchantId, input.card_ids]);
    const voided = rows.map((r) => r.id);
    await writeAudit(q, ctx.actor, now, { action: 'cards.void', targetType: 'product', targetId: productId, merchantId, data: { voided: voided.length } });
    const set = new Set(voided);
    return { voided: voided.length, voided_ids: voided, skipped_ids: input.card_ids.filter((id) => !set.has(id)) };
  });
}
