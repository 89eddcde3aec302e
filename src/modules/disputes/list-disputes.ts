// Disputes for the shop (its own) and the platform (every shop's), newest
// first, filtered by status; one dispute with its timeline.
import { z } from 'zod';
import { notFound } from '../../lib/errors.ts';
import { type Ctx, ordersScope } from '../shared/context.ts';
import { PageQuery, pageClause, toPage } from '../shared/pagination.ts';
import { DISPUTE_SELECT, loadDispute, loadMessages, presentDispute, type DisputeRow } from './dispute-rows.ts';

export const ListDisputesQuery = PageQuery.extend({ status: z.enum(['open', 'escalated', 'resolved']).optional() });
export type ListDisputesQuery = z.infer<typeof ListDisputesQuery>;

/** Where the shop and the platform fetch a message's screenshot. */
export const consoleAttachmentUrl = (disputeId: string) => (messageId: string) => `/api/v1/disputes/${disputeId}/messages/${messageId}/attachment`;

export async function listDisputes(ctx: Ctx, query: ListDisputesQuery) {
  const merchantId = ordersScope(ctx);
  const params: unknown[] = [merchantId ?? null, query.status ?? null];
  const p = pageClause(query, 'd.id', params);
  const { rows } = await ctx.database.pool.query<DisputeRow>(
    `${DISPUTE_SELECT} where ($1::text is null or d.merchant_id = $1) and ($2::text is null or d.status = $2) and ${p.where}
      order by ${p.order} limit ${p.limit}`, params);
  return toPage(rows.map((r) => presentDispute(r, undefined)), query);
}

export async function getDispute(ctx: Ctx, id: string) {
  const merchantId = ordersScope(ctx);
  const d = await loadDispute(ctx.database.pool, 'd.id = $1 and ($2::text is null or d.merchant_id = $2)', [id, merchantId ?? null]);
  if (!d) throw notFound('dispute');
  return presentDispute(d, await loadMessages(ctx.database.pool, id), consoleAttachmentUrl(id));
}
