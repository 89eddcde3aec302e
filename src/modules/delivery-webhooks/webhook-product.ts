// A webhook product of the shop with its endpoint and (decrypted) secret.
import type { Queryable } from '../../db/client.ts';
import type { Keyring } from '../../lib/crypto.ts';
import { notFound, validationError } from '../../lib/errors.ts';

export async function loadWebhookProduct(q: Queryable, keyring: Keyring, merchantId: string, productId: string, forUpdate = false) {
  const { rows } = await q.query<{ delivery: string; title: string; webhook_url: string | null; webhook_secret_ciphertext: Buffer | null; webhook_secret_key_id: string | null }>(
    `select delivery, title, webhook_url, webhook_secret_ciphertext, webhook_secret_key_id from products where id = $1 and merchant_id = $2${forUpdate ? ' for update' : ''}`,
    [productId, merchantId]);
  const p = rows[0];
  if (!p) throw notFound('product');
  if (p.delivery !== 'webhook' || !p.webhook_url || !p.webhook_secret_ciphertext || !p.webhook_secret_key_id) {
    throw validationError('this product is not delivered by a webhook', 'product');
  }
  return { title: p.title, url: p.webhook_url, secret: keyring.open({ ciphertext: p.webhook_secret_ciphertext, keyId: p.webhook_secret_key_id }) };
}
