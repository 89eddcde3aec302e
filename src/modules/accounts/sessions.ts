// Web sessions: a random token in an HttpOnly cookie, stored only as its
// SHA-256. The CSRF token is derived from the session token, so it needs no storage.
import { prepared, type Queryable } from '../../db/client.ts';
import { randomToken, sha256 } from '../../lib/crypto.ts';
import { newId } from '../../lib/ids.ts';
import type { Services } from '../shared/context.ts';

export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;

export interface SessionUser {
  userId: string;
  email: string;
  isAdmin: boolean;
  merchant: { id: string; slug: string; name: string } | null;
}

/** `address`: where the session was opened from (an address key, see lib/client-address.ts). */
export async function createSession(s: Services, q: Queryable, userId: string, address?: string): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomToken(32);
  const now = s.clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await q.query('insert into sessions (id, token_hash, user_id, expires_at, created_at, ip) values ($1, $2, $3, $4, $5, $6)', [
    newId('ses', now.getTime()), sha256(token), userId, expiresAt, now, address ?? null,
  ]);
  return { token, csrfToken: s.keyring.csrfToken(token), expiresAt };
}

export async function resolveSession(s: Services, token: string): Promise<SessionUser | undefined> {
  const { rows } = await prepared<{
    user_id: string; email: string; is_admin: boolean; merchant_id: string | null; slug: string | null; name: string | null;
  }>(s.database.pool,
    `select u.id as user_id, u.email, u.is_admin, m.id as merchant_id, m.slug, m.name
       from sessions s
       join users u on u.id = s.user_id
       left join merchant_members mm on mm.user_id = u.id
       left join merchants m on m.id = mm.merchant_id
      where s.token_hash = $1 and s.expires_at > $2
      order by mm.created_at
      limit 1`,
    [sha256(token), s.clock.now()],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    userId: r.user_id,
    email: r.email,
    isAdmin: r.is_admin,
    merchant: r.merchant_id && r.slug && r.name ? { id: r.merchant_id, slug: r.slug, name: r.name } : null,
  };
}

export async function deleteSession(s: Services, token: string): Promise<void> {
  await s.database.pool.query('delete from sessions where token_hash = $1', [sha256(token)]);
}
