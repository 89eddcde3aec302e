import { withTransaction } from '../../db/client.ts';
import { minorUnits } from '../../lib/money.ts';
import { conflict, notFound, validationError } from '../../lib/errors.ts';
import { shopOf, type Ctx } from '../shared/context.ts';
import { writeAudit } from '../trust/audit.ts';
import { loadProduct, presentProduct } from './product-rows.ts';
import { checkWebhookUrl } from './webhook-url.ts';
import type { ProductOut, UpdateProductInput } from './schemas.ts';

const COLUMNS: Record<Exclude<keyof UpdateProductInput, 'shared' | 'pick' | 'license' | 'manual' | 'webhook' | 'variant_name'>, string> = {
  title: 'title', description: 'description', category: 'category', price: 'price', min_quantity: 'min_quantity',
  max_quantity: 'max_quantity', visibility: 'visibility', slug: 'slug', price_tiers: 'price_tiers', instructions: 'instructions',
  validity_days: 'validity_days',
};

export async function updateProduct(ctx: Ctx, { productId, ...input }: UpdateProductInput & { productId: string }): Promise<ProductOut> {
  const merchantId = shopOf(ctx);
  const now = ctx.clock.now();
  return withTransaction(ctx.database.pool, async (q) => {
    // Locked first: a checkout holding shared units waits, so the limit is checked against what is really held.
    await q.query('select 1 from products where id = $1 and merchant_id = $2 for update', [productId, merchantId]);
    const current = await loadProduct(q, merchantId, productId);
    if (!current) throw notFound('product');
    const min = input.min_quantity ?? current.min_quantity;
    const max = input.max_quantity ?? current.max_quantity;
    if (min > max) throw validationError('min_quantity must not exceed max_quantity', 'min_quantity');
    const price = input.price ?? minorUnits(current.price);
    if ((input.price_tiers ?? current.price_tiers).some((t) => t.unit_price > price)) {
      throw validationError('a tier cannot cost more per unit than the price', 'price_tiers');
    }
    // Only when the request touches them: a product saved before this rule keeps taking other changes.
    const touchesTiers = input.price_tiers !== undefined || input.max_quantity !== undefined || input.min_quantity !== undefined;
    if (touchesTiers && (input.price_tiers ?? current.price_tiers).some((t) => t.min_quantity > max)) {
      throw validationError('a tier starts above max_quantity: no buyer could reach it (lower the tier or raise max_quantity)',
        input.max_quantity !== undefined && input.price_tiers === undefined ? 'max_quantity' : 'price_tiers');
    }
    const sets: string[] = [];
    const params: unknown[] = [productId, merchantId, now];
    if (input.shared !== undefined) {
      if (current.delivery !== 'shared') throw validationError('only a shared product takes shared settings', 'shared');
      if (input.shared.text !== undefined) {
        const sealed = ctx.keyring.seal(input.shared.text);
        params.push(sealed.ciphertext, sealed.keyId);
        sets.push(`shared_ciphertext = $${params.length - 1}`, `shared_key_id = $${params.length}`);
      }
      if (input.shared.limit !== undefined) {
        if (input.shared.limit !== null && input.shared.limit < current.shared_held) {
          throw validationError(`${current.shared_held} units are already sold or held; the limit cannot be lower`, 'shared.limit');
        }
        params.push(input.shared.limit);
        sets.push(`shared_limit = $${params.length}`);
      }
    }
    if (input.pick !== undefined) {
      if (input.pick.enabled && current.delivery !== 'card') throw validationError('only card keys can be picked', 'pick.enabled');
      params.push(input.pick.enabled, input.pick.surcharge ?? 0);
      sets.push(`pick_enabled = $${params.length - 1}`, `pick_surcharge = $${params.length}`);
    }
    if (input.license !== undefined) {
      if (current.delivery !== 'license') throw validationError('only a license product takes license settings', 'license');
      if (input.license.activation_limit !== undefined) {
        params.push(input.license.activation_limit);
        sets.push(`license_activation_limit = $${params.length}`);
      }
      if (input.license.key_format !== undefined) {
        params.push(input.license.key_format);
        sets.push(`license_key_format = $${params.length}`);
      }
    }
    // A variant's title is its product's and its name: kept in step with both.
    if (input.variant_name !== undefined) {
      if (!current.parent_id) throw validationError('only a variant has a variant name', 'variant_name');
      const taken = await q.query('select 1 from products where parent_id = $1 and variant_name = $2 and id <> $3', [current.parent_id, input.variant_name, productId]);
      if (taken.rowCount) throw validationError('another variant of this product has this name', 'variant_name');
      params.push(input.variant_name);
      sets.push(`variant_name = $${params.length}`, `title = (select pp.title from products pp where pp.id = products.parent_id) || ' · ' || $${params.length}`);
    }
    if (input.title !== undefined && current.parent_id && input.title !== current.title) {
      throw validationError('a variant\'s title comes from its product; change variant_name', 'title');
    }
    if (input.webhook !== undefined) {
      if (current.delivery !== 'webhook') throw validationError('only a webhook product takes a webhook', 'webhook');
      checkWebhookUrl(ctx, input.webhook.url);
      params.push(input.webhook.url);
      sets.push(`webhook_url = $${params.length}`);
      // Its variants call the same endpoint.
      await q.query('update products set webhook_url = $2 where parent_id = $1 and delivery = $3', [productId, input.webhook.url, 'webhook']);
    }
    if (input.manual !== undefined) {
      if (current.delivery !== 'manual') throw validationError('only a manual product takes manual settings', 'manual');
      const changes: Array<[string, unknown]> = [
        ['manual_fields', input.manual.fields === undefined ? undefined : JSON.stringify(input.manual.fields)],
        ['manual_sla_hours', input.manual.sla_hours],
        ['manual_auto_refund', input.manual.auto_refund],
      ];
      for (const [col, value] of changes) {
        if (value === undefined) continue;
        params.push(value);
        sets.push(`${col} = $${params.length}`);
      }
    }
    for (const [key, col] of Object.entries(COLUMNS) as [Exclude<keyof UpdateProductInput, 'shared' | 'pick' | 'license' | 'manual' | 'webhook' | 'variant_name'>, string][]) {
      if (input[key] === undefined) continue;
      params.push(key === 'price_tiers' ? JSON.stringify(input[key]) : key === 'instructions' ? (input[key] || null) : input[key]);
      sets.push(`${col} = $${params.length}`);
    }
    try {
      await q.query(`update products set updated_at = $3${sets.map((s) => ', ' + s).join('')} where id = $1 and merchant_id = $2`, params);
    } catch (err) {
      if ((err as { code?: string }).code === '23505') throw conflict('slug_taken', 'Another product of this shop has this slug.');
      if ((err as { constraint?: string }).constraint === 'products_shared_held_check') {
        throw validationError('more units are already sold or held than this limit allows', 'shared.limit');
      }
      throw err;
    }
    if (input.title !== undefined) {
      await q.query(`update products set title = $2 || ' · ' || variant_name, updated_at = $3 where parent_id = $1`, [productId, input.title, now]);
    }
    await writeAudit(q, ctx.actor, now, { action: 'product.update', targetType: 'product', targetId: productId, merchantId, data: { fields: Object.keys(input) } });
    const row = await loadProduct(q, merchantId, productId);
    if (!row) throw notFound('product');
    return presentProduct(row);
  });
}
