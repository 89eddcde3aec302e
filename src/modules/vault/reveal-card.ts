// A merchant reveals one key (to check a buyer's complaint, say). Audited:
// who saw which key, when, from where.
import { z } from 'zod';
import { withTransaction } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import { shopOf, type Ctx } from '../shared/context.ts';
import { writeAudit } from '../trust/audit.ts';

export const RevealedCardOut = z.object({ id: z.string(), object: z.literal('card'), status: z.string(), secret: z.string().describe('The key in the clear') });

export async function revealCard(ctx: Ctx, { productId, cardId }: { productId: string; cardId: string }) {
  const merchantId = shopOf(ctx);
  return withTransaction(ctx.database.pool, async (q) => {
    const { rows } = await q.query<{ id: string; status: string; ciphertext: Buffer; key_id: string }>(
      'select id, status, ciphertext, key_id from cards where id = $1 and product_id = $2 and merchant_id = $3', [cardId, productId, merchantId]);
    const card = rows[0];
    if (!card) throw notFound('card');
    await writeAudit(q, ctx.actor, ctx.clock.now(), {
      action: 'card.reveal', targetType: 'card', targetId: card.id, merchantId, data: { product_id: productId, status: card.status },
    });
    return { id: card.id, object: 'card' as const, status: card.status, secret: ctx.keyring.open({ keyId: card.key_id, ciphertext: card.ciphertext }) };
  });
}
