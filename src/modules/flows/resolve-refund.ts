// A person decides a refund whose answer never came and cannot be asked for
// again safely (a gateway without a refund id, such as epay v1): an admin
// checks at the gateway and records what happened there — refunded, or not —
// exactly as the gateway's answer would have been recorded, with an audit row
// in the same transaction. Only a pending refund can be decided.
import { z } from 'zod';
import { AppError, conflict, notFound } from '../../lib/errors.ts';
import type { Ctx } from '../shared/context.ts';
import type { RefundView } from '../payments/refunds/refund-view.ts';
import { finishRefund } from './finish-refund.ts';
import { CLAIM_MS, RECONCILE_AFTER_MS } from './reconcile-refunds.ts';

export const ResolveRefundInput = z.object({
  outcome: z.enum(['succeeded', 'failed']).describe('What the gateway shows: the money went back (succeeded) or it did not (failed)'),
  note: z.string().trim().min(1).max(500).describe('What you checked, for the audit log'),
});
export type ResolveRefundInput = z.infer<typeof ResolveRefundInput>;

export async function resolveRefund(ctx: Ctx, refundId: string, input: ResolveRefundInput): Promise<RefundView> {
  if (ctx.actor.type !== 'admin') throw new AppError(403, 'admin_only', 'Only platform admins can decide a refund.', 'permission_error');
  const { rows } = await ctx.database.pool.query<{ status: string; created_at: Date; reconciled_at: Date | null }>(
    'select status, created_at, reconciled_at from refunds where id = $1', [refundId]);
  const r = rows[0];
  if (!r) throw notFound('refund');
  if (r.status !== 'pending') throw conflict('refund_not_pending', `This refund is already ${r.status}.`);
  // Never while someone may still be asking the gateway: its own request, or the reconciliation job holding a claim.
  const now = ctx.clock.now().getTime();
  if (r.created_at.getTime() > now - RECONCILE_AFTER_MS || (r.reconciled_at && r.reconciled_at.getTime() > now - CLAIM_MS)) {
    throw conflict('refund_being_checked', 'The gateway is still being asked about this refund. Try again in a few minutes.');
  }
  const view = await finishRefund(ctx, refundId,
    input.outcome === 'succeeded' ? { kind: 'succeeded' } : { kind: 'failed', message: `Decided by an admin: ${input.note}` },
    { action: 'refund.resolve', data: { outcome: input.outcome, note: input.note } });
  return view;
}
