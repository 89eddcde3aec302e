// A message in a dispute's timeline — from the buyer, the shop or the
// platform — optionally with a screenshot. A shop's first message is its
// answer (the automatic escalation no longer applies). The other side is told
// by email. A closed dispute takes no more messages (409 `dispute_closed`).
import { z } from 'zod';
import { withTransaction } from '../../db/client.ts';
import { conflict } from '../../lib/errors.ts';
import { addMessage, disputeView } from '../disputes/dispute-rows.ts';
import { consoleAttachmentUrl } from '../disputes/list-disputes.ts';
import { queueDisputeEmail } from '../notifications/queue-dispute-email.ts';
import type { Ctx } from '../shared/context.ts';
import type { Attachment } from '../disputes/dispute-attachments.ts';
import { emitEvent } from '../shared/outbox.ts';
import { disputeFor, type DisputeRef } from './dispute-target.ts';
import { buyerAttachmentUrl } from './read-dispute-as-buyer.ts';

export const DisputeMessageInput = z.object({ message: z.string().trim().min(1, 'write something').max(2000) });

export async function postDisputeMessage(ctx: Ctx, ref: DisputeRef, input: { message: string; attachment?: Attachment }) {
  const at = ctx.clock.now();
  return withTransaction(ctx.database.pool, async (q) => {
    const { d, author } = await disputeFor(ctx, q, ref, true);
    if (d.status === 'resolved') throw conflict('dispute_closed', 'This dispute is closed.');
    const messageId = await addMessage(q, d, { author, body: input.message, at, ...(input.attachment ? { attachment: input.attachment } : {}) });
    await emitEvent(q, at, d.merchant_id, 'dispute.message', { dispute_id: d.id, order_id: d.order_id, author });
    await queueDisputeEmail(ctx, q, d.id, author === 'buyer' ? 'buyer_message' : author === 'admin' ? 'admin_message' : 'merchant_message', messageId);
    return disputeView(q, d.id, author === 'buyer' ? buyerAttachmentUrl(d.order_number) : consoleAttachmentUrl(d.id));
  });
}
