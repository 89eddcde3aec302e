// A variant (SKU) of a product — "1 month", "3 months", "12 months" — is a
// product of its own under it: its own price, validity and stock (its own
// card keys, file, limit…), with the product's delivery and settings copied
// at creation (change them on the variant itself with PATCH /products/{id}).
// Buyers see the product and pick a variant; checkout takes variant_id.
import { randomBytes } from 'node:crypto';
import { withTransaction } from '../../db/client.ts';
import { conflict, notFound, validationError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { shopOf, type Ctx } from '../shared/context.ts';
import { writeAudit } from '../trust/audit.ts';
import { loadProduct, presentProduct } from './product-rows.ts';
import type { CreateVariantInput, ProductOut } from './schemas.ts';

const MAX_VARIANTS = 50;

export async function createVariant(ctx: Ctx, input: CreateVariantInput & { productId: string }): Promise<ProductOut> {
  const merchantId = shopOf(ctx);
  const now = ctx.clock.now();
  const id = newId('prd', now.getTime());
  return withTransaction(ctx.database.pool, async (q) => {
    const { rows } = await q.query<{ parent_id: string | null; slug: string; variants: number }>(
      `select parent_id, slug, (select count(*)::int from products v where v.parent_id = p.id) as variants from products p where id = $1 and merchant_id = $2 for update`,
      [input.productId, merchantId]);
    const parent = rows[0];
    if (!parent) throw notFound('product');
    if (parent.parent_id) throw validationError('a variant cannot have variants of its own', 'product_id');
    if (parent.variants >= MAX_VARIANTS) throw conflict('too_many_variants', `A product has at most ${MAX_VARIANTS} variants.`);
    if ((await q.query('select 1 from products where parent_id = $1 and variant_name = $2', [input.productId, input.name])).rowCount) {
      throw validationError('another variant of this product has this name', 'name');
    }
    // Everything the product sells with, copied; then the variant's own name, price and validity.
    await q.query(
      `insert into products (id, merchant_id, parent_id, variant_name, variant_position, slug, title, description, category, price, currency, delivery,
                             price_tiers, instructions, shared_ciphertext, shared_key_id, shared_limit, validity_days, pick_enabled, pick_surcharge,
                             license_activation_limit, license_key_format, manual_fields, manual_sla_hours, manual_auto_refund, download_file_id,
                             webhook_url, webhook_secret_ciphertext, webhook_secret_key_id, min_quantity, max_quantity, visibility, created_at, updated_at)
       select $1, merchant_id, id, $3, $4, $5, title || ' · ' || $3, description, category, coalesce($6, price), currency, delivery,
              '[]', instructions, shared_ciphertext, shared_key_id, shared_limit, case when $8 then $7 else validity_days end, pick_enabled, pick_surcharge,
              license_activation_limit, license_key_format, manual_fields, manual_sla_hours, manual_auto_refund, download_file_id,
              webhook_url, webhook_secret_ciphertext, webhook_secret_key_id, min_quantity, max_quantity, visibility, $9, $9
         from products where id = $2`,
      [id, input.productId, input.name, parent.variants, `${parent.slug}-${randomBytes(3).toString('hex')}`.slice(0, 64), input.price ?? null,
        input.validity_days ?? null, input.validity_days !== undefined, now]);
    await writeAudit(q, ctx.actor, now, { action: 'product.variant_create', targetType: 'product', targetId: id, merchantId, data: { parent_id: input.productId, name: input.name } });
    const row = await loadProduct(q, merchantId, input.productId);
    if (!row) throw notFound('product');
    return presentProduct(row);
  });
}
