// Fixed-window rate limits kept in PostgreSQL, so every app process shares them.
import type { Queryable } from '../../db/client.ts';
import { rateLimited } from '../../lib/errors.ts';

export async function hitRateLimit(q: Queryable, at: Date, key: string, limit: number, windowSeconds: number): Promise<void> {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(at.getTime() / windowMs) * windowMs);
  const { rows } = await q.query<{ hits: number }>(
    `insert into rate_limits (key, window_start, hits) values ($1, $2, 1)
     on conflict (key, window_start) do update set hits = rate_limits.hits + 1 returning hits`,
    [key, windowStart],
  );
  if ((rows[0]?.hits ?? 0) > limit) {
    throw rateLimited('rate_limited', 'Too many attempts. Wait a few minutes and try again.');
  }
}

export async function purgeRateLimits(q: Queryable, before: Date): Promise<number> {
  const res = await q.query('delete from rate_limits where window_start < $1', [before]);
  return res.rowCount ?? 0;
}
