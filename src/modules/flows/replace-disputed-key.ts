// 售后补发: the shop answers a "key invalid" dispute by sending replacement
// keys from stock. They are sold to the order's item at once (race-safe: the
// reservation's SKIP LOCKED walk), appear on the buyer's order page marked as
// replacements, are announced in the timeline and by email, and the sending
// is audited. The dispute stays open: the buyer closes it, or asks the platform.
import { z } from 'zod';
import { withTransaction } from '../../db/client.ts';
import { conflict } from '../../lib/errors.ts';
import { addMessage, disputeView } from '../disputes/dispute-rows.ts';
import { consoleAttachmentUrl } from '../disputes/list-disputes.ts';
import { queueDisputeEmail } from '../notifications/queue-dispute-email.ts';
import type { Ctx } from '../shared/context.ts';
import { emitEvent } from '../shared/outbox.ts';
import { writeAudit } from '../trust/audit.ts';
import { sellReplacementCards } from '../vault/replace-cards.ts';
import { disputeFor } from './dispute-target.ts';

export const ReplaceKeyInput = z.object({
  quantity: z.number().int().min(1).max(100).default(1).describe('How many replacement keys to send (at most the order\'s quantity)'),
  message: z.string().trim().min(1).max(2000).optional().describe('Shown to the buyer with the replacement'),
});
export type ReplaceKeyInput = z.infer<typeof ReplaceKeyInput>;

export async function replaceDisputedKey(ctx: Ctx, disputeId: string, input: ReplaceKeyInput) {
  const at = ctx.clock.now();
  return withTransaction(ctx.database.pool, async (q) => {
    const { d } = await disputeFor(ctx, q, { disputeId }, true);
    if (d.status === 'resolved') throw conflict('dispute_closed', 'This dispute is closed.');
    if (d.order_status !== 'disputed') throw conflict('order_not_disputed', `The order is ${d.order_status}; nothing to replace.`);
    const { rows: items } = await q.query<{ id: string; product_id: string; quantity: number; delivery: string }>(
      'select i.id, i.product_id, i.quantity, p.delivery from order_items i join products p on p.id = i.product_id where i.order_id = $1 order by i.id limit 1', [d.order_id]);
    const item = items[0];
    if (!item) throw conflict('order_not_disputed', 'The order has no items to replace.');
    // Only card keys come from stock; other goods are answered with a message, a refund, or (licenses) the license tools.
    if (item.delivery !== 'card') throw conflict('replacement_not_supported', `Replacement keys are for card goods; this order's goods are ${item.delivery}.`);
    if (input.quantity > item.quantity) throw conflict('too_many_replacements', `The order has ${item.quantity} key(s); send at most that many.`);
    const sold = await sellReplacementCards(q, { productId: item.product_id, orderItemId: item.id, quantity: input.quantity, disputeId: d.id, at });
    if (sold !== input.quantity) throw conflict('out_of_stock', 'Not enough keys in stock for the replacement; import more first.');
    await addMessage(q, d, { author: 'merchant', body: input.message ?? `Sent ${sold} replacement key(s). 已补发 ${sold} 个卡密。`, at });
    await addMessage(q, d, { author: 'system', body: `${sold} replacement key(s) delivered; see the order page. 补发的卡密已显示在订单页。`, at, event: { kind: 'replaced', data: { count: sold } } });
    await writeAudit(q, ctx.actor, at, { action: 'dispute.replacement_sent', targetType: 'dispute', targetId: d.id, merchantId: d.merchant_id, data: { order_id: d.order_id, quantity: sold } });
    await emitEvent(q, at, d.merchant_id, 'dispute.replacement_sent', { dispute_id: d.id, order_id: d.order_id, quantity: sold });
    await queueDisputeEmail(ctx, q, d.id, 'replacement', at.toISOString());
    return disputeView(q, d.id, consoleAttachmentUrl(d.id));
  });
}
