// What a refund's outcome does to the order's open dispute (called by
// finish-refund.ts inside its transaction, with the payment and the order
// locked). Succeeded: a refund in full closes the dispute — as the platform's
// ruling if one was under way, else as the shop's own refund; a partial
// refund closes it only if it carried out the platform's partial ruling (the
// order then leaves `disputed` for `partially_refunded`). Failed: a ruling
// under way is given back, so the platform can rule again.
import type { Queryable } from '../../db/client.ts';
import { addMessage, markResolved, type DisputeEvent, type DisputeRow } from '../disputes/dispute-rows.ts';
import { toDecimalString } from '../../lib/money.ts';
import { queueDisputeEmail } from '../notifications/queue-dispute-email.ts';
import { transitionOrder } from '../orders/transition-order.ts';
import { actorLabel, type Ctx } from '../shared/context.ts';
import { emitEvent } from '../shared/outbox.ts';

/** The system line, the outbox event and the emails of a dispute that just closed. */
export async function announceResolved(ctx: Ctx, q: Queryable, d: Pick<DisputeRow, 'id' | 'merchant_id' | 'order_id'>,
  line: string, outcome: string, at: Date, event: DisputeEvent): Promise<void> {
  await addMessage(q, d, { author: 'system', body: line, at, event });
  await emitEvent(q, at, d.merchant_id, 'dispute.resolved', { dispute_id: d.id, order_id: d.order_id, outcome });
  await queueDisputeEmail(ctx, q, d.id, 'resolved', outcome);
}

interface OpenDispute { id: string; merchant_id: string; order_id: string; ruling: 'refund' | 'partial_refund' | null }

async function openDispute(q: Queryable, orderId: string): Promise<OpenDispute | undefined> {
  const { rows } = await q.query<OpenDispute>(
    `select id, merchant_id, order_id, ruling from disputes where order_id = $1 and status <> 'resolved' for update`, [orderId]);
  return rows[0];
}

export async function disputeAfterRefund(ctx: Ctx, q: Queryable, r: { orderId: string; refundId: string; amount: number; currency: string; full: boolean; at: Date }): Promise<void> {
  const d = await openDispute(q, r.orderId);
  if (!d) return;
  const by = actorLabel(ctx.actor);
  if (r.full) {
    const outcome = d.ruling ?? (ctx.actor.type === 'admin' ? 'refund' : 'merchant_refund');
    if (await markResolved(q, d.id, { outcome, amount: r.amount, by, at: r.at })) {
      await announceResolved(ctx, q, d, `Refunded in full (${toDecimalString(r.amount, r.currency)} ${r.currency}). 已全额退款。`, outcome, r.at,
        { kind: 'refunded_full', data: { amount: r.amount, currency: r.currency } });
    }
    return;
  }
  if (d.ruling !== 'partial_refund') return;
  await transitionOrder(q, { orderId: r.orderId, merchantId: d.merchant_id, from: ['disputed'], to: 'partially_refunded', actor: by, at: r.at, note: `dispute ${d.id} ruled` });
  if (await markResolved(q, d.id, { outcome: 'partial_refund', amount: r.amount, by, at: r.at })) {
    await announceResolved(ctx, q, d, `The platform ruled: refund ${toDecimalString(r.amount, r.currency)} ${r.currency}, done. 平台裁定：部分退款，已退回。`, 'partial_refund', r.at,
      { kind: 'ruled_partial_refund', data: { amount: r.amount, currency: r.currency } });
  }
}

export async function disputeAfterFailedRefund(q: Queryable, r: { orderId: string; message: string; at: Date }): Promise<void> {
  const d = await openDispute(q, r.orderId);
  if (!d?.ruling) return;
  await q.query('update disputes set ruling = null, ruling_amount = null, updated_at = $2 where id = $1', [d.id, r.at]);
  await addMessage(q, d, { author: 'system', body: `The ruling's refund failed at the gateway (${r.message}); the platform will rule again. 裁定的退款未成功，平台将重新处理。`, at: r.at,
    event: { kind: 'ruling_refund_failed', data: { message: r.message } } });
}
