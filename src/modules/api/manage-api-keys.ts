import { withTransaction } from '../../db/client.ts';
import { z } from 'zod';
import { notFound } from '../../lib/errors.ts';
import { shopOf, type Ctx, type Services } from '../shared/context.ts';
import { pageClause, toPage, type PageQuery } from '../shared/pagination.ts';
import { writeAudit } from '../trust/audit.ts';
import type { RowOf } from '../../db/rows.ts';
import type { apiKeys } from '../../db/schema.ts';

type KeyRow = Pick<RowOf<typeof apiKeys>, 'id' | 'name' | 'mode' | 'scopes' | 'last_four' | 'last_used_at' | 'revoked_at' | 'created_at'>;

/** An API key as listed: never its secret (shown once, at creation). */
export const ApiKeyOut = z.object({
  id: z.string(), object: z.literal('api_key'), name: z.string(), mode: z.string().describe('live or test'), scopes: z.array(z.string()),
  last_four: z.string(), last_used_at: z.string().nullable().describe('To the minute'), revoked_at: z.string().nullable(), created_at: z.string(),
});

function present(r: KeyRow) {
  return {
    id: r.id, object: 'api_key' as const, name: r.name, mode: r.mode, scopes: r.scopes, last_four: r.last_four,
    last_used_at: r.last_used_at?.toISOString() ?? null, revoked_at: r.revoked_at?.toISOString() ?? null, created_at: r.created_at.toISOString(),
  };
}

export async function listApiKeys(ctx: Ctx, page: PageQuery) {
  const merchantId = shopOf(ctx);
  const params: unknown[] = [merchantId];
  const c = pageClause(page, 'id', params);
  const { rows } = await ctx.database.pool.query<KeyRow>(
    `select id, name, mode, scopes, last_four, last_used_at, revoked_at, created_at from api_keys
      where merchant_id = $1 and ${c.where} order by ${c.order} limit ${c.limit}`, params);
  return toPage(rows.map(present), page);
}

export async function revokeApiKey(ctx: Ctx, { keyId }: { keyId: string }) {
  const merchantId = shopOf(ctx);
  return withTransaction(ctx.database.pool, async (q) => {
    const now = ctx.clock.now();
    const { rows } = await q.query<KeyRow>(
      `update api_keys set revoked_at = coalesce(revoked_at, $3) where id = $1 and merchant_id = $2
       returning id, name, mode, scopes, last_four, last_used_at, revoked_at, created_at`, [keyId, merchantId, now]);
    const row = rows[0];
    if (!row) throw notFound('api key');
    await writeAudit(q, ctx.actor, now, { action: 'api_key.revoke', targetType: 'api_key', targetId: keyId, merchantId });
    return present(row);
  });
}

export interface ApiKeyPrincipal { keyId: string; merchantId: string; scopes: string[] }

/** Resolves a bearer secret to its key, or undefined. Touches last_used_at at most once a minute. */
export async function authenticateApiKey(s: Services, secret: string): Promise<ApiKeyPrincipal | undefined> {
  if (!/^sk_(live|test)_[0-9A-Za-z]{20,}$/.test(secret)) return undefined;
  const now = s.clock.now();
  const { rows } = await s.database.pool.query<{ id: string; merchant_id: string; scopes: string[]; last_used_at: Date | null }>(
    `select k.id, k.merchant_id, k.scopes, k.last_used_at from api_keys k join merchants m on m.id = k.merchant_id
      where k.secret_hash = $1 and k.revoked_at is null and m.status = 'active'`, [s.keyring.apiKeyHash(secret)]);
  const row = rows[0];
  if (!row) return undefined;
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000) {
    await s.database.pool.query('update api_keys set last_used_at = $2 where id = $1', [row.id, now]);
  }
  return { keyId: row.id, merchantId: row.merchant_id, scopes: row.scopes };
}
