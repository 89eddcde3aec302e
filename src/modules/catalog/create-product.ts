import { randomBytes } from 'node:crypto';
import { withTransaction } from '../../db/client.ts';
import { conflict } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { shopOf, type Ctx } from '../shared/context.ts';
import { writeAudit } from '../trust/audit.ts';
import { loadProduct, presentProduct } from './product-rows.ts';
import { newWebhookSecret } from '../../lib/standard-webhooks.ts';
import { checkWebhookUrl } from './webhook-url.ts';
import type { CreateProductInput, ProductOut } from './schemas.ts';

function slugify(title: string): string {
  const base = title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return `${base || 'product'}-${randomBytes(3).toString('hex')}`;
}

export async function createProduct(ctx: Ctx, input: CreateProductInput): Promise<ProductOut> {
  const merchantId = shopOf(ctx);
  const now = ctx.clock.now();
  const id = newId('prd', now.getTime());
  const min = input.min_quantity ?? 1;
  const max = input.max_quantity ?? Math.max(100, min);
  // A shared product's text is encrypted like a key; so is a webhook product's signing secret.
  const sealed = input.shared ? ctx.keyring.seal(input.shared.text) : undefined;
  if (input.webhook) checkWebhookUrl(ctx, input.webhook.url);
  const secret = input.webhook ? newWebhookSecret() : undefined;
  const sealedSecret = secret ? ctx.keyring.seal(secret) : undefined;
  return withTransaction(ctx.database.pool, async (q) => {
    try {
      await q.query(
        `insert into products (id, merchant_id, slug, title, description, price, currency, delivery, min_quantity, max_quantity, visibility, created_at, updated_at, category,
                               price_tiers, instructions, shared_ciphertext, shared_key_id, shared_limit, pick_enabled, pick_surcharge, validity_days,
                               license_activation_limit, license_key_format, manual_fields, manual_sla_hours, manual_auto_refund,
                               webhook_url, webhook_secret_ciphertext, webhook_secret_key_id)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29)`,
        [id, merchantId, input.slug ?? slugify(input.title), input.title, input.description ?? '', input.price, input.currency,
          input.delivery, min, max, input.visibility ?? 'public', now, input.category ?? null, JSON.stringify(input.price_tiers ?? []), input.instructions || null,
          sealed?.ciphertext ?? null, sealed?.keyId ?? null, input.shared?.limit ?? null, input.pick?.enabled ?? false, input.pick?.surcharge ?? 0,
          input.validity_days ?? input.license?.validity_days ?? null,
          input.license?.activation_limit ?? null, input.license ? (input.license.key_format ?? 'uuid') : null,
          input.manual ? JSON.stringify(input.manual.fields) : null, input.manual?.sla_hours ?? null, input.manual?.auto_refund ?? false,
          input.webhook?.url ?? null, sealedSecret?.ciphertext ?? null, sealedSecret?.keyId ?? null],
      );
    } catch (err) {
      if ((err as { code?: string }).code === '23505') throw conflict('slug_taken', 'Another product of this shop has this slug.');
      throw err;
    }
    await writeAudit(q, ctx.actor, now, { action: 'product.create', targetType: 'product', targetId: id, merchantId, data: { price: input.price, currency: input.currency, delivery: input.delivery } });
    const row = await loadProduct(q, merchantId, id);
    if (!row) throw new Error('created product vanished');
    const out = presentProduct(row);
    // The signing secret is shown this once.
    return out.webhook && secret ? { ...out, webhook: { ...out.webhook, secret } } : out;
  });
}
