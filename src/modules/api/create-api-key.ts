import { z } from 'zod';
import { randomBytes } from 'node:crypto';
import { withTransaction } from '../../db/client.ts';
import { newId } from '../../lib/ids.ts';
import { actorId, type Ctx, shopOf } from '../shared/context.ts';
import { writeAudit } from '../trust/audit.ts';
import { API_SCOPES } from './scopes.ts';

export const CreateApiKeyInput = z.object({
  name: z.string().trim().min(1).max(80),
  scopes: z.array(z.enum([...API_SCOPES, '*'])).min(1).default(['*']),
  mode: z.enum(['live', 'test']).default('live'),
});
export type CreateApiKeyInput = z.infer<typeof CreateApiKeyInput>;

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function base62(bytes: Buffer): string {
  let out = '';
  for (const b of bytes) out += ALPHABET[b % 62];
  return out;
}

/** Creates a key; the secret is returned this once and stored only as an HMAC. */
export async function createApiKey(ctx: Ctx, input: CreateApiKeyInput) {
  const merchantId = shopOf(ctx);
  const now = ctx.clock.now();
  const id = newId('key', now.getTime());
  const secret = `sk_${input.mode}_${base62(randomBytes(40))}`;
  await withTransaction(ctx.database.pool, async (q) => {
    await q.query(
      `insert into api_keys (id, merchant_id, name, secret_hash, last_four, mode, scopes, created_by, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, merchantId, input.name, ctx.keyring.apiKeyHash(secret), secret.slice(-4), input.mode, input.scopes,
        ctx.actor.type === 'member' ? ctx.actor.userId : null, now],
    );
    await writeAudit(q, ctx.actor, now, { action: 'api_key.create', targetType: 'api_key', targetId: id, merchantId, data: { name: input.name, scopes: input.scopes, by: actorId(ctx.actor) } });
  });
  return { id, object: 'api_key' as const, name: input.name, mode: input.mode, scopes: input.scopes, secret, last_four: secret.slice(-4), created_at: now.toISOString() };
}
