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

export const ResolveRefundInput = z.object({
  outcome: z.enum(['succeeded', 'failed']).describe('What the gateway shows: the money went back (succeeded) or it did not (failed)'),
  note: z.string().trim().min(1).max(500).describe('What you checked, for the audit log'),
});
export type ResolveRefundInput = z.infer<typeof ResolveRefundInput>;

export async function resolveRefund(ctx: Ctx, refundId: string, input: ResolveRefundInput, ip?: string): Promise<RefundView> {
  if (ctx.actor.type !== 'admin') throw new AppError(403, 'admin_only', 'Only platform admins can decide a refund.', 'permission_error');
  const { rows } = await ctx.database.pool.query<{ status: string }>('select status from refunds where id = $1', [refundId]);
  if (!rows[0]) throw notFound('refund');
  if (rows[0].status !== 'pending') throw conflict('refund_not_pending', `This refund is already ${rows[0].status}.`);
  const view = await finishRefund(ctx, refundId,
    input.outcome === 'succeeded' ? { kind: 'succeeded' } : { kind: 'failed', message: `Decided by an admin: ${input.note}` },
    ip, { action: 'refund.resolve', data: { outcome: input.outcome, note: input.note } });
  return view;
}
