// The platform rules on a dispute (仲裁): `refund` (what is left, through the
// order's gateway), `partial_refund` (an amount), or `reject` (the shop keeps
// the money: the order completes). A refund ruling is claimed first — under
// the order's and the dispute's locks the dispute records the ruling — so a
// double click or a retried request finds it and never refunds twice. Then
// the refund goes through the ordinary refund flow (gateway, ledger,
// reconciliation); when it succeeds, finish-refund.ts closes the dispute with
// the ruling (at once, or later if the gateway answers later); if the gateway
// refuses it, the claim is given back and the platform can rule again.
// Repeating the same ruling answers the dispute as it is; a different ruling
// on a closed dispute (or one being carried out) is 409.
import { z } from 'zod';
import { withTransaction } from '../../db/client.ts';
import { AppError, conflict, validationError } from '../../lib/errors.ts';
import { minorUnits, toDecimalString } from '../../lib/money.ts';
import { addMessage, disputeView, loadDispute, markResolved } from '../disputes/dispute-rows.ts';
import { consoleAttachmentUrl } from '../disputes/list-disputes.ts';
import { actorLabel, type Ctx } from '../shared/context.ts';
import { announceResolved } from './dispute-on-refund.ts';
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
  const view = () => disputeView(pool, disputeId, consoleAttachmentUrl(disputeId));
  const claimed = await withTransaction(pool, async (q) => {
    const found = (await disputeFor(ctx, q, { disputeId }, false)).d;
    // The order's lock first, then the dispute's: the order a refund takes them in.
    await q.query('select 1 from orders where id = $1 for update', [found.order_id]);
    const d = await loadDispute(q, 'd.id = $1', [disputeId], true) ?? found;
    if (d.status === 'resolved') {
      if (sameRuling(d.outcome, d.refund_amount, input)) return undefined;
      throw conflict('dispute_closed', `This dispute was already resolved (${d.outcome ?? 'closed'}).`);
    }
    if (d.ruling) {
      if (sameRuling(d.ruling, d.ruling_amount, input)) return undefined;
      throw conflict('ruling_in_progress', `The platform's ruling (${d.ruling}) is being carried out: its refund is with the gateway.`);
    }
    if (input.outcome === 'partial_refund') {
      // Refused before anything is written: a ruling over what is left is bad input, not a failed refund both sides should see.
      const { rows: paid } = await q.query<{ remaining: string }>(
        `select p.amount - p.refunded as remaining from payments p where p.order_id = $1 and p.status = 'succeeded' order by p.succeeded_at limit 1`, [d.order_id]);
      const remaining = minorUnits(paid[0]?.remaining ?? 0);
      if ((input.amount ?? 0) > remaining) throw validationError(`at most ${toDecimalString(remaining, d.currency)} ${d.currency} is left to refund`, 'amount');
    }
    const at = ctx.clock.now();
    if (input.note) await addMessage(q, d, { author: 'admin', body: input.note, at });
    await writeAudit(q, ctx.actor, at, { action: 'dispute.resolved', targetType: 'dispute', targetId: disputeId, merchantId: d.merchant_id, data: { ...input } });
    if (input.outcome === 'reject') {
      await markResolved(q, disputeId, { outcome: 'reject', by: actorLabel(ctx.actor), at });
      await completeOrderInTransaction(q, { orderId: d.order_id, merchantId: d.merchant_id, currency: d.currency }, actorLabel(ctx.actor), at,
        `dispute ${disputeId} rejected`, ['disputed']);
      await announceResolved(ctx, q, d, 'The platform ruled for the shop; the order is completed. 平台裁定：驳回售后，订单完成。', 'reject', at, { kind: 'ruled_reject' });
      return undefined;
    }
    await q.query('update disputes set ruling = $2, ruling_amount = $3, updated_at = $4 where id = $1',
      [disputeId, input.outcome, input.amount ?? null, at]);
    return d;
  });
  if (!claimed) return view();

  try {
    await refundOrder(ctx, claimed.order_id, { ...(input.outcome === 'partial_refund' ? { amount: input.amount } : {}), reason: `dispute ${disputeId}` });
  } catch (err) {
    if (err instanceof AppError && err.code === 'already_refunded' && input.outcome === 'refund') {
      // Nothing left to refund: the buyer has everything back already.
      await withTransaction(pool, async (q) => {
        const at = ctx.clock.now();
        if (await markResolved(q, disputeId, { outcome: 'refund', by: actorLabel(ctx.actor), at })) {
          await announceResolved(ctx, q, claimed, 'The platform ruled: refund in full (already refunded). 平台裁定：全额退款（已退款）。', 'refund', at, { kind: 'ruled_refund_already' });
        }
      });
      return view();
    }
    // A refund of this ruling still pending (the gateway's answer never came, or the process failed after
    // asking): keep the claim; reconciliation finishes the refund and finish-refund.ts closes the dispute.
    // None (the gateway refused, the amount was wrong, another refund was in progress): give the claim back.
    await withTransaction(pool, async (q) => {
      const { rows: pending } = await q.query(`select 1 from refunds where order_id = $1 and status = 'pending' and reason = $2`,
        [claimed.order_id, `dispute ${disputeId}`]);
      if (pending.length > 0) return;
      await q.query(`update disputes set ruling = null, ruling_amount = null where id = $1 and status <> 'resolved'`, [disputeId]);
      const message = err instanceof Error ? err.message : String(err);
      await addMessage(q, claimed, { author: 'system', body: `The ruling's refund did not go through: ${message}`, at: ctx.clock.now(), event: { kind: 'ruling_refund_failed', data: { message } } });
    });
    throw err;
  }
  // Closed by finish-refund.ts when the gateway confirmed the refund; still open (pending_ruling) if it answers later.
  return view();
}

function sameRuling(outcome: string | null, amount: string | null, input: ResolveDisputeInput): boolean {
  if (input.outcome === 'refund') return outcome === 'refund';
  if (input.outcome === 'reject') return outcome === 'reject';
  return outcome === 'partial_refund' && amount !== null && minorUnits(amount) === input.amount;
}
