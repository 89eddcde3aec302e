// The buyer closes their dispute (e.g. the replacement works): the dispute is
// resolved as `withdrawn` and the order completes — the buyer is satisfied,
// so the shop's share becomes available.
import { withTransaction } from '../../db/client.ts';
import { conflict } from '../../lib/errors.ts';
import { addMessage, disputeView, loadDispute, markResolved } from '../disputes/dispute-rows.ts';
import { queueDisputeEmail } from '../notifications/queue-dispute-email.ts';
import { actorLabel, type Ctx } from '../shared/context.ts';
import { emitEvent } from '../shared/outbox.ts';
import { completeOrderInTransaction } from './complete-order.ts';
import { disputeFor } from './dispute-target.ts';
import { buyerAttachmentUrl } from './read-dispute-as-buyer.ts';

export async function withdrawDispute(ctx: Ctx, ref: { number: string; token: string }) {
  const at = ctx.clock.now();
  return withTransaction(ctx.database.pool, async (q) => {
    const found = (await disputeFor(ctx, q, ref, false)).d;
    // The order's lock first, then the dispute's: the order a refund takes them in.
    await q.query('select 1 from orders where id = $1 for update', [found.order_id]);
    const d = await loadDispute(q, 'd.id = $1', [found.id], true) ?? found;
    if (d.status === 'resolved' && d.outcome !== 'withdrawn') throw conflict('dispute_closed', 'This dispute is closed.');
    if (d.status !== 'resolved') {
      await markResolved(q, d.id, { outcome: 'withdrawn', by: actorLabel(ctx.actor), at });
      await addMessage(q, d, { author: 'system', body: 'The buyer closed the dispute. 买家已关闭售后。', at, event: { kind: 'withdrawn' } });
      await completeOrderInTransaction(q, { orderId: d.order_id, merchantId: d.merchant_id, currency: d.currency }, actorLabel(ctx.actor), at,
        `dispute ${d.id} withdrawn`, ['disputed']);
      await emitEvent(q, at, d.merchant_id, 'dispute.resolved', { dispute_id: d.id, order_id: d.order_id, outcome: 'withdrawn' });
      await queueDisputeEmail(ctx, q, d.id, 'resolved', 'withdrawn');
    }
    return disputeView(q, d.id, buyerAttachmentUrl(d.order_number));
  });
}
