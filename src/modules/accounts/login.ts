// Logging in. Guessing is limited three ways (all in PostgreSQL, shared by
// every process): per address, per (account, address) — so wrong passwords
// from one place never lock the owner out elsewhere — and, against guessing
// from very many addresses at once, failures per account: past that cap the
// account only accepts logins from addresses it has had a session from.
import { addressKey } from '../../lib/client-address.ts';
import { AppError, rateLimited } from '../../lib/errors.ts';
import { buyerOf, type Ctx } from '../shared/context.ts';
import { hitRateLimit } from '../trust/rate-limit.ts';
import { verifyPassword } from './passwords.ts';
import type { LoginInput } from './schemas.ts';
import { createSession } from './sessions.ts';

const WINDOW_S = 600;
const PER_ADDRESS = 30;
const PER_ACCOUNT_AND_ADDRESS = 10;
/** Failed logins per account per hour, from all addresses together, before new addresses are turned away. */
const FAILURES_PER_ACCOUNT_HOUR = 100;

export async function login(s: Ctx, input: LoginInput) {
  const { ip } = buyerOf(s);
  const pool = s.database.pool;
  const now = s.clock.now();
  const address = addressKey(ip);
  await hitRateLimit(pool, now, `login:ip:${address}`, PER_ADDRESS, WINDOW_S);
  await hitRateLimit(pool, now, `login:email-ip:${input.email}:${address}`, PER_ACCOUNT_AND_ADDRESS, WINDOW_S);
  const hour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  const { rows: failed } = await pool.query<{ hits: number; known: boolean }>(
    `select coalesce((select hits from rate_limits where key = $1 and window_start = $2), 0) as hits,
            exists (select 1 from sessions se join users u on u.id = se.user_id where lower(u.email) = $3 and se.ip = $4) as known`,
    [`login:failures:${input.email}`, hour, input.email, address]);
  if ((failed[0]?.hits ?? 0) >= FAILURES_PER_ACCOUNT_HOUR && !failed[0]?.known) {
    throw rateLimited('rate_limited', 'Too many failed logins to this account from many places. Log in from a device you have used before, or wait an hour.');
  }
  const { rows } = await pool.query<{
    id: string; email: string; password_hash: string; is_admin: boolean; merchant_id: string | null; slug: string | null; name: string | null;
  }>(
    `select u.id, u.email, u.password_hash, u.is_admin, m.id as merchant_id, m.slug, m.name
       from users u
       left join merchant_members mm on mm.user_id = u.id
       left join merchants m on m.id = mm.merchant_id
      where lower(u.email) = $1
      order by mm.created_at limit 1`,
    [input.email],
  );
  const user = rows[0];
  const ok = await verifyPassword(user?.password_hash, input.password);
  if (!user || !ok) {
    await pool.query(`insert into rate_limits (key, window_start, hits) values ($1, $2, 1)
                      on conflict (key, window_start) do update set hits = rate_limits.hits + 1`, [`login:failures:${input.email}`, hour]);
    throw new AppError(401, 'invalid_credentials', 'Email or password is incorrect.', 'authentication_error');
  }
  const session = await createSession(s, pool, user.id, address);
  return {
    session,
    user: { id: user.id, email: user.email, is_admin: user.is_admin },
    merchant: user.merchant_id && user.slug && user.name ? { id: user.merchant_id, slug: user.slug, name: user.name } : null,
  };
}
