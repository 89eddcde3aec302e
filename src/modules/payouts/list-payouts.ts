// Payouts, newest first: a shop's own, or (admin) every shop's, by status.
import { z } from 'zod';
import { notFound } from '../../lib/errors.ts';
import { type Ctx, ordersScope } from '../shared/context.ts';
import { PageQuery, pageClause, toPage } from '../shared/pagination.ts';
import { openDestination } from './payout-destinations.ts';
import { PAYOUT_COLUMNS, presentPayout, type PayoutRow } from './payout-rows.ts';
import { writeAudit } from '../trust/audit.ts';

export const ListPayoutsQuery = PageQuery.extend({
  status: z.enum(['pending', 'approved', 'paid', 'rejected']).optional(),
});
export type ListPayoutsQuery = z.infer<typeof ListPayoutsQuery>;

export async function listPayouts(ctx: Ctx, query: ListPayoutsQuery) {
  const merchantId = ordersScope(ctx);
  const params: unknown[] = [merchantId ?? null, query.status ?? null];
  const p = pageClause(query, 'po.id', params);
  const { rows } = await ctx.database.pool.query<PayoutRow>(
    `select ${PAYOUT_COLUMNS}, m.slug as shop_slug, m.name as shop_name, m.status as shop_status from payouts po join merchants m on m.id = po.merchant_id
      where ($1::text is null or po.merchant_id = $1) and ($2::text is null or po.status = $2) and ${p.where}
      order by ${p.order} limit ${p.limit}`, params);
  return toPage(rows.map(presentPayout), query);
}

export async function getPayout(ctx: Ctx, id: string) {
  const merchantId = ordersScope(ctx);
  const { rows } = await ctx.database.pool.query<PayoutRow & { details: string | null; details_key_id: string | null }>(
    `select ${PAYOUT_COLUMNS}, m.slug as shop_slug, m.name as shop_name, m.status as shop_status, d.details, d.details_key_id
       from payouts po join merchants m on m.id = po.merchant_id left join payout_destinations d on d.id = po.destination_id
      where po.id = $1 and ($2::text is null or po.merchant_id = $2)`, [id, merchantId ?? null]);
  const r = rows[0];
  if (!r) throw notFound('payout');
  const view = presentPayout(r);
  // An admin paying it by hand needs the full account: shown to admins only, and the reveal is audited.
  if (ctx.actor.type === 'admin' && r.details && r.details_key_id && (r.status === 'pending' || r.status === 'approved')) {
    await writeAudit(ctx.database.pool, ctx.actor, ctx.clock.now(), { action: 'payout.destination_revealed', targetType: 'payout', targetId: id, merchantId: r.merchant_id });
    return { ...view, destination_details: openDestination(ctx, { details: r.details, details_key_id: r.details_key_id }) };
  }
  return view;
}
