// A screenshot from a dispute's timeline, for someone who may see the
// dispute: the buyer (order token), the shop, the platform.
import { notFound } from '../../lib/errors.ts';
import type { Ctx } from '../shared/context.ts';
import { disputeFor, type DisputeRef } from './dispute-target.ts';

export async function readDisputeAttachment(ctx: Ctx, ref: DisputeRef, messageId: string): Promise<{ data: Buffer; type: string }> {
  const pool = ctx.database.pool;
  const { d } = await disputeFor(ctx, pool, ref, false);
  const { rows } = await pool.query<{ attachment_data: Buffer | null; attachment_type: string | null }>(
    'select attachment_data, attachment_type from dispute_messages where id = $1 and dispute_id = $2', [messageId, d.id]);
  const m = rows[0];
  if (!m?.attachment_data || !m.attachment_type) throw notFound('attachment');
  return { data: m.attachment_data, type: m.attachment_type };
}
