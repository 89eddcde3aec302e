// Platform admins look after shops: list them, approve new ones (when
// XIAOPU_MERCHANT_APPROVAL is on), suspend and reinstate them, set their
// commission. A suspended or pending shop's storefront answers 404 and it
// cannot take orders. Every change is audited.
import { z } from 'zod';
import { withTransaction } from '../../db/client.ts';
import { AppError, conflict, notFound } from '../../lib/errors.ts';
import type { Ctx } from '../shared/context.ts';
import { PageQuery, pageClause, toPage } from '../shared/pagination.ts';
import { writeAudit } from '../trust/audit.ts';
import type { RowOf } from '../../db/rows.ts';
import type { merchants } from '../../db/schema.ts';

export const ListMerchantsQuery = PageQuery.extend({
  status: z.enum(['pending', 'active', 'suspended']).optional(),
  q: z.string().trim().min(1).max(254).optional().describe('Part of the shop slug or name, or the owner\'s email'),
});
export type ListMerchantsQuery = z.infer<typeof ListMerchantsQuery>;

export const UpdateMerchantInput = z.object({
  status: z.enum(['active', 'suspended']).optional().describe('active approves or reinstates; suspended stops sales'),
  reason: z.string().trim().min(1).max(500).optional().describe('Required when suspending; shown to the merchant'),
  commission_bps: z.number().int().min(0).max(10_000).nullable().optional().describe('Commission in basis points; null for the platform default'),
  escrow_hours: z.number().int().min(0).max(8760).nullable().optional()
    .describe('Hours a delivered order stays in escrow before it completes (0: at once); null for the platform default (XIAOPU_ESCROW_HOURS)'),
});
export type UpdateMerchantInput = z.infer<typeof UpdateMerchantInput>;

type MerchantRow = Pick<RowOf<typeof merchants>, 'id' | 'slug' | 'name' | 'status' | 'status_reason' | 'commission_bps' | 'escrow_hours' | 'created_at'> & {
  owner_email: string | null; products: string; orders_30d: string;
};

export const AdminMerchantOut = z.object({
  id: z.string(), object: z.literal('merchant'), slug: z.string(), name: z.string(), status: z.string().describe('pending, active or suspended'),
  status_reason: z.string().nullable(), commission_bps: z.number().int().nullable().describe('null: the platform default'),
  escrow_hours: z.number().int().nullable().describe('null: the platform default'), owner_email: z.string().nullable(),
  products: z.number().int(), orders_30_days: z.number().int(), created_at: z.string(),
});

const present = (r: MerchantRow): z.infer<typeof AdminMerchantOut> => ({
  id: r.id, object: 'merchant' as const, slug: r.slug, name: r.name, status: r.status, status_reason: r.status_reason,
  commission_bps: r.commission_bps, escrow_hours: r.escrow_hours, owner_email: r.owner_email, products: Number(r.products), orders_30_days: Number(r.orders_30d),
  created_at: r.created_at.toISOString(),
});

const SELECT = `select m.id, m.slug, m.name, m.status, m.status_reason, m.commission_bps, m.escrow_hours, m.created_at,
    (select u.email from merchant_members mm join users u on u.id = mm.user_id where mm.merchant_id = m.id order by mm.created_at limit 1) as owner_email,
    (select count(*) from products p where p.merchant_id = m.id) as products,
    (select count(*) from orders o where o.merchant_id = m.id and o.created_at > now() - interval '30 days') as orders_30d
  from merchants m`;

function requireAdminActor(ctx: Ctx): void {
  if (ctx.actor.type !== 'admin') throw new AppError(403, 'admin_only', 'Only platform admins manage shops.', 'permission_error');
}

export async function listMerchants(ctx: Ctx, query: ListMerchantsQuery) {
  requireAdminActor(ctx);
  const params: unknown[] = [];
  const conds: string[] = [];
  if (query.status) {
    params.push(query.status);
    conds.push(`m.status = $${params.length}`);
  }
  if (query.q) {
    params.push(`%${query.q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
    conds.push(`(lower(m.slug) like $${params.length} or lower(m.name) like $${params.length} or exists (
      select 1 from merchant_members mm join users u on u.id = mm.user_id where mm.merchant_id = m.id and lower(u.email) like $${params.length}))`);
  }
  const c = pageClause(query, 'm.id', params);
  conds.push(c.where);
  const { rows } = await ctx.database.pool.query<MerchantRow>(`${SELECT} where ${conds.join(' and ')} order by ${c.order} limit ${c.limit}`, params);
  return toPage(rows.map(present), query);
}

export async function updateMerchant(ctx: Ctx, { merchantId, ...input }: UpdateMerchantInput & { merchantId: string }) {
  requireAdminActor(ctx);
  if (input.status === 'suspended' && !input.reason) throw new AppError(422, 'validation_error', 'say why the shop is suspended', 'invalid_request_error', 'reason');
  return withTransaction(ctx.database.pool, async (q) => {
    const { rows: before } = await q.query<{ status: string; commission_bps: number | null }>(
      'select status, commission_bps from merchants where id = $1 for update', [merchantId]);
    if (!before[0]) throw notFound('merchant');
    if (input.status === 'active' && before[0].status === 'active' && input.commission_bps === undefined && input.escrow_hours === undefined) {
      throw conflict('already_active', 'This shop is already active.');
    }
    await q.query(
      `update merchants set status = coalesce($2, status),
              status_reason = case when $2::text is null then status_reason when $2 = 'active' then null else $3 end,
              commission_bps = case when $4 then $5::int else commission_bps end,
              escrow_hours = case when $6 then $7::int else escrow_hours end
        where id = $1`,
      [merchantId, input.status ?? null, input.reason ?? null, input.commission_bps !== undefined, input.commission_bps ?? null,
        input.escrow_hours !== undefined, input.escrow_hours ?? null]);
    await writeAudit(q, ctx.actor, ctx.clock.now(), {
      action: 'merchant.update', targetType: 'merchant', targetId: merchantId, merchantId,
      data: { from_status: before[0].status, ...input },
    });
    const { rows } = await q.query<MerchantRow>(`${SELECT} where m.id = $1`, [merchantId]);
    const row = rows[0];
    if (!row) throw notFound('merchant');
    return present(row);
  });
}
