// Housekeeping: idempotency keys older than 24 h, finished rate-limit windows, expired sessions.
import type { Services } from '../shared/context.ts';

export async function purgeExpiredState(s: Services): Promise<{ idempotency: number; rateLimits: number; sessions: number }> {
  const now = s.clock.now().getTime();
  const pool = s.database.pool;
  const idem = await pool.query('delete from idempotency_keys where created_at < $1', [new Date(now - 24 * 3600 * 1000)]);
  const rl = await pool.query('delete from rate_limits where window_start < $1', [new Date(now - 2 * 3600 * 1000)]);
  const ses = await pool.query('delete from sessions where expires_at < $1', [new Date(now)]);
  return { idempotency: idem.rowCount ?? 0, rateLimits: rl.rowCount ?? 0, sessions: ses.rowCount ?? 0 };
}
