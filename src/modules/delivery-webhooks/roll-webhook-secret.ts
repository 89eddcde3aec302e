// The shop replaces a webhook product's signing secret (shown once); calls
// from now on are signed with the new one. Audited.
import { withTransaction } from '../../db/client.ts';
import { newWebhookSecret } from '../../lib/standard-webhooks.ts';
import { shopOf, type Ctx } from '../shared/context.ts';
import { writeAudit } from '../trust/audit.ts';
import { loadWebhookProduct } from './webhook-product.ts';

export async function rollWebhookSecret(ctx: Ctx, { productId }: { productId: string }): Promise<{ secret: string }> {
  const merchantId = shopOf(ctx);
  const now = ctx.clock.now();
  const secret = newWebhookSecret();
  const sealed = ctx.keyring.seal(secret);
  await withTransaction(ctx.database.pool, async (q) => {
    await loadWebhookProduct(q, ctx.keyring, merchantId, productId, true);
    // The product and its variants sign with one secret.
    await q.query('update products set webhook_secret_ciphertext = $3, webhook_secret_key_id = $4, updated_at = $5 where (id = $1 or parent_id = $1) and merchant_id = $2',
      [productId, merchantId, sealed.ciphertext, sealed.keyId, now]);
    await writeAudit(q, ctx.actor, now, { action: 'product.webhook_secret_roll', targetType: 'product', targetId: productId, merchantId });
  });
  return { secret };
}
