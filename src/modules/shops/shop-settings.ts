// A merchant's own shop settings: its name and which of the platform's
// gateways it offers at checkout (null: every enabled one), its default redeem
// instructions.
import { z } from 'zod';
import { withTransaction } from '../../db/client.ts';
import { notFound, validationError } from '../../lib/errors.ts';
import { ADAPTER_NAMES } from '../payments/gateways/adapters/index.ts';
import { shopOf, type Ctx } from '../shared/context.ts';
import { writeAudit } from '../trust/audit.ts';
import type { RowOf } from '../../db/rows.ts';
import type { merchants } from '../../db/schema.ts';

export const UpdateShopInput = z.object({
  name: z.string().trim().min(1).max(80).optional(),
  gateways: z.array(z.string().min(1).max(32)).max(20).nullable().optional()
    .describe('The gateways this shop offers, e.g. ["epay","stripe"]; null offers every gateway the platform has enabled'),
  delivery_note: z.string().trim().max(5_000).nullable().optional()
    .describe('Default redeem instructions (Markdown) shown with delivered items of products that have none of their own; null or "" removes it'),
}).strict().describe('Only these fields change; any other (the slug is fixed at sign-up) is 422 naming it');
export type UpdateShopInput = z.infer<typeof UpdateShopInput>;

export const ShopOut = z.object({
  id: z.string(), object: z.literal('shop'), slug: z.string(), name: z.string(), status: z.string(), gateways: z.array(z.string()).nullable(),
  delivery_note: z.string().nullable(),
});

type ShopRow = Pick<RowOf<typeof merchants>, 'id' | 'slug' | 'name' | 'status' | 'gateways' | 'delivery_note'>;
const present = (r: ShopRow) => ({ id: r.id, object: 'shop' as const, slug: r.slug, name: r.name, status: r.status, gateways: r.gateways, delivery_note: r.delivery_note });

export async function getShop(ctx: Ctx) {
  const merchantId = shopOf(ctx);
  const { rows } = await ctx.database.pool.query<ShopRow>('select id, slug, name, status, gateways, delivery_note from merchants where id = $1', [merchantId]);
  if (!rows[0]) throw notFound('shop');
  return present(rows[0]);
}

export async function updateShop(ctx: Ctx, input: UpdateShopInput) {
  const merchantId = shopOf(ctx);
  const known = new Set(['sandbox', ...ADAPTER_NAMES]);
  const unknown = input.gateways?.find((g) => !known.has(g));
  if (unknown !== undefined) throw validationError(`unknown gateway "${unknown}"; XiaoPu has ${[...known].join(', ')}`, 'gateways');
  const gateways = input.gateways === undefined ? undefined : input.gateways === null ? null : [...new Set(input.gateways)];
  return withTransaction(ctx.database.pool, async (q) => {
    const { rows } = await q.query<ShopRow>(
      `update merchants set name = coalesce($2, name), gateways = case when $3 then $4::text[] else gateways end,
              delivery_note = case when $5 then $6 else delivery_note end
        where id = $1 returning id, slug, name, status, gateways, delivery_note`,
      [merchantId, input.name ?? null, gateways !== undefined, gateways ?? null, input.delivery_note !== undefined, input.delivery_note || null]);
    if (!rows[0]) throw notFound('shop');
    await writeAudit(q, ctx.actor, ctx.clock.now(), { action: 'shop.update', targetType: 'shop', targetId: merchantId, merchantId, data: { ...input } });
    return present(rows[0]);
  });
}
