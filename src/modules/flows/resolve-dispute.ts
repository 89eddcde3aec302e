// The platform rules on a dispute (仲裁): `refund` (what is left, through the
// order's gateway), `partial_refund` (an amount), or `reject` (the shop keeps
// the money: the order completes). Refunds go through the refund flow, so the
// ledger, the gateway and reconciliation behave as for any refund. Repeating
// the same ruling answers the dispute as it is; a different ruling on a closed
// dispute is 409 `dispute_closed`.
import { z } from 'zod';
import { withTransaction } from '../../db/client.ts';
import { AppError, conflict, validationError } from '../../lib/errors.ts';
import { minorUnits } from '../../lib/money.ts';
import { addMessage, disputeView, loadDispute, markResolved, type DisputeOutcome } from '../disputes/dispute-rows.ts';
import { consoleAttachmentUrl } from '../disputes/list-disputes.ts';
import { queueDisputeEmail } from '../notifications/queue-dispute-email.ts';
import { transitionOrder } from '../orders/transition-order.ts';
import { actorLabel, type Ctx } from '../shared/context.ts';
import { emitEvent } from '../shared/outbox.ts';
import { writeAudit } from '../trust/audit.ts';
import { completeOrderInTransaction } from './complete-order.ts';
import { disputeFor } from './dispute-target.ts';
import { refundOrder } from './refund-order.ts';

export const ResolveDisputeInput = z.object({
  outcome: z.enum(['refund', 'partial_refund', 'reject']),
  amount: z.number().int().min(1).optional().describe('Minor units; required for partial_refund'),
  note: z.string().trim().min(1).max(2000).optional().describe('The ruling\'s reasons, shown to both sides'),
});
export type ResolveDisputeInput = z.infer<typeof ResolveDisputeInput>;

export async function resolveDispute(ctx: Ctx, disputeId: string, input: ResolveDisputeInput) {
  if (input.outcome === 'partial_refund' && input.amount === undefined) throw validationError('a partial refund needs an amount', 'amount');
  const pool = ctx.database.pool;
  const { d } = await disputeFor(ctx, pool, { disputeId }, false);
  const view = () => disputeView(pool, disputeId, consoleAttachmentUrl(disputeId));
  if (d.status === 'resolved') {
    if (sameRuling(d.outcome, d.refund_amount, input)) return view();
    throw conflict('dispute_closed', `This dispute was already resolved (${d.outcome ?? 'closed'}).`);
  }
  // Money first, through the refund flow (its own transactions and the gateway call); a refusal leaves the dispute open.
  if (input.outcome !== 'reject') {
    try {
      await refundOrder(ctx, d.order_id, { ...(input.outcome === 'partial_refund' ? { amount: input.amount } : {}), reason: `dispute ${disputeId}` });
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'already_refunded' && input.outcome === 'refund')) throw err;
    }
  }
  const at = ctx.clock.now();
  const outcome: DisputeOutcome = input.outcome;
  await withTransaction(pool, async (q) => {
    await q.query('select 1 from orders where id = $1 for update', [d.order_id]);
    const locked = await loadDispute(q, 'd.id = $1', [disputeId], true) ?? d;
    // A refund in full may already have closed it (finish-refund.ts), as `refund`.
    const closedNow = locked.status !== 'resolved'
      && await markResolved(q, disputeId, { outcome, ...(input.amount !== undefined ? { amount: input.amount } : {}), by: actorLabel(ctx.actor), at });
    const ref = { orderId: d.order_id, merchantId: d.merchant_id, currency: d.currency };
    if (input.outcome === 'reject') {
      await completeOrderInTransaction(q, ref, actorLabel(ctx.actor), at, `dispute ${disputeId} rejected`, ['disputed']);
    } else if (input.outcome === 'partial_refund') {
      // The rest of the order completes like any partially refunded one, by the job.
      await transitionOrder(q, { ...ref, from: ['disputed'], to: 'partially_refunded', actor: actorLabel(ctx.actor), at, note: `dispute ${disputeId} ruled` });
    }
    if (input.note) await addMessage(q, locked, { author: 'admin', body: input.note, at });
    await addMessage(q, locked, { author: 'system', body: rulingLine(input), at });
    await writeAudit(q, ctx.actor, at, { action: 'dispute.resolved', targetType: 'dispute', targetId: disputeId, merchantId: d.merchant_id, data: { ...input } });
    if (closedNow) {
      await emitEvent(q, at, d.merchant_id, 'dispute.resolved', { dispute_id: disputeId, order_id: d.order_id, outcome });
      await queueDisputeEmail(ctx, q, disputeId, 'resolved', outcome);
    }
  });
  return view();
}

function sameRuling(outcome: string | null, amount: string | null, input: ResolveDisputeInput): boolean {
  if (input.outcome === 'refund') return outcome === 'refund';
  if (input.outcome === 'reject') return outcome === 'reject';
  return outcome === 'partial_refund' && amount !== null && minorUnits(amount) === input.amount;
}

function rulingLine(input: ResolveDisputeInput): string {
  switch (input.outcome) {
    case 'refund': return 'The platform ruled: refund in full. 平台裁定：全额退款。';
    case 'partial_refund': return `The platform ruled: refund ${input.amount ?? 0} (minor units). 平台裁定：部分退款。`;
    case 'reject': return 'The platform ruled for the shop; the order is completed. 平台裁定：驳回售后，订单完成。';
  }
}
