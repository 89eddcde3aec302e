// 售后: the buyer disputes a delivered order, within its escrow window, with
// the order's access token. In one transaction: the order goes `disputed`
// (its money stays in escrow and completion cannot happen), the dispute and
// the buyer's first message are written, the shop is told. One dispute per
// order: a second is 409 `dispute_exists`.
import { z } from 'zod';
import { withTransaction } from '../../db/client.ts';
import { conflict } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { addMessage, DISPUTE_REASONS, disputeView } from '../disputes/dispute-rows.ts';
import { queueDisputeEmail } from '../notifications/queue-dispute-email.ts';
import { orderByToken } from '../orders/order-by-token.ts';
import { transitionOrder } from '../orders/transition-order.ts';
import { actorLabel, type Ctx } from '../shared/context.ts';
import { emitEvent } from '../shared/outbox.ts';
import { buyerAttachmentUrl } from './read-dispute-as-buyer.ts';

export const OpenDisputeInput = z.object({
  reason: z.enum(DISPUTE_REASONS).describe('key_invalid (the key does not work or was used), not_as_described, not_received, other'),
  message: z.string().trim().min(1, 'say what is wrong').max(2000),
});
export type OpenDisputeInput = z.infer<typeof OpenDisputeInput>;

export async function openDispute(ctx: Ctx, input: OpenDisputeInput & { number: string; token: string }) {
  const at = ctx.clock.now();
  try {
    return await withTransaction(ctx.database.pool, async (q) => {
      const order = await orderByToken(q, ctx.keyring, input.number, input.token, true);
      const { rows: existing } = await q.query('select 1 from disputes where order_id = $1', [order.id]);
      if (existing.length > 0) throw conflict('dispute_exists', 'This order already has a dispute; add to it instead.');
      if (order.status !== 'delivered' && order.status !== 'partially_refunded') {
        throw conflict('order_not_disputable', order.status === 'completed'
          ? 'This order is completed: its dispute window has passed.'
          : `An order in status ${order.status} cannot be disputed.`);
      }
      const id = newId('dsp', at.getTime());
      await transitionOrder(q, {
        orderId: order.id, merchantId: order.merchant_id, from: ['delivered', 'partially_refunded'], to: 'disputed', actor: actorLabel(ctx.actor), at, note: `dispute ${id}`,
      });
      const respondBy = new Date(at.getTime() + ctx.config.disputeResponseHours * 3600_000);
      await q.query(
        `insert into disputes (id, order_id, merchant_id, status, reason, respond_by, created_at, updated_at) values ($1, $2, $3, 'open', $4, $5, $6, $6)`,
        [id, order.id, order.merchant_id, input.reason, respondBy, at]);
      await addMessage(q, { id, merchant_id: order.merchant_id }, { author: 'buyer', body: input.message, at });
      await emitEvent(q, at, order.merchant_id, 'dispute.opened', { dispute_id: id, order_id: order.id, reason: input.reason });
      await queueDisputeEmail(ctx, q, id, 'opened', id);
      return disputeView(q, id, buyerAttachmentUrl(order.number));
    });
  } catch (err) {
    // Two first disputes at once: the unique index lets one in.
    if ((err as { constraint?: string }).constraint === 'disputes_order_key') throw conflict('dispute_exists', 'This order already has a dispute; add to it instead.');
    throw err;
  }
}
