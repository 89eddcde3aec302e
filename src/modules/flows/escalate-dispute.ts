// The platform takes a dispute over (平台介入): asked by the buyer or the
// shop, or — by the job — when the shop did not answer by `respond_by`.
// Repeating it answers the dispute as it is; a closed one is 409.
import { withTransaction } from '../../db/client.ts';
import type { Queryable } from '../../db/client.ts';
import { conflict } from '../../lib/errors.ts';
import { addMessage, disputeView, loadDispute, type DisputeRow } from '../disputes/dispute-rows.ts';
import { consoleAttachmentUrl } from '../disputes/list-disputes.ts';
import { queueDisputeEmail } from '../notifications/queue-dispute-email.ts';
import type { Ctx, Services } from '../shared/context.ts';
import { emitEvent } from '../shared/outbox.ts';
import { disputeFor, type DisputeRef } from './dispute-target.ts';
import { buyerAttachmentUrl } from './read-dispute-as-buyer.ts';

const WHY = {
  escalated_by_buyer: 'The buyer asked the platform to rule. 买家申请平台介入。',
  escalated_by_shop: 'The shop asked the platform to rule. 商家申请平台介入。',
  escalated_unanswered: 'The shop did not answer in time; the platform will rule. 商家未在期限内回复，已转平台仲裁。',
} as const;

async function escalate(s: Services, q: Queryable, d: DisputeRow, why: keyof typeof WHY, at: Date): Promise<void> {
  await q.query(`update disputes set status = 'escalated', escalated_at = $2, updated_at = $2 where id = $1 and status = 'open'`, [d.id, at]);
  await addMessage(q, d, { author: 'system', body: WHY[why], at, event: { kind: why } });
  await emitEvent(q, at, d.merchant_id, 'dispute.escalated', { dispute_id: d.id, order_id: d.order_id });
  await queueDisputeEmail(s, q, d.id, 'escalated', 'once');
}

export async function escalateDispute(ctx: Ctx, ref: DisputeRef) {
  const at = ctx.clock.now();
  return withTransaction(ctx.database.pool, async (q) => {
    const { d, author } = await disputeFor(ctx, q, ref, true);
    if (d.status === 'resolved') throw conflict('dispute_closed', 'This dispute is closed.');
    if (d.status === 'open') {
      await escalate(ctx, q, d, author === 'buyer' ? 'escalated_by_buyer' : 'escalated_by_shop', at);
    }
    return disputeView(q, d.id, author === 'buyer' ? buyerAttachmentUrl(d.order_number) : consoleAttachmentUrl(d.id));
  });
}

/** The job: open disputes whose shop has not answered by the deadline go to the platform. Several runners: SKIP LOCKED. */
export async function escalateOverdueDisputes(s: Services): Promise<{ escalated: number }> {
  const at = s.clock.now();
  return withTransaction(s.database.pool, async (q) => {
    const { rows } = await q.query<{ id: string }>(
      `select id from disputes where status = 'open' and merchant_responded_at is null and respond_by <= $1
        order by respond_by limit 500 for update skip locked`, [at]);
    for (const { id } of rows) {
      const d = await loadDispute(q, 'd.id = $1', [id]);
      if (d) await escalate(s, q, d, 'escalated_unanswered', at);
    }
    return { escalated: rows.length };
  });
}
