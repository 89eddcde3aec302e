// Finding orders again without an account: order number + query password, or
// email + query password. Never by contact alone. Wrong password and unknown
// order give the same empty answer; attempts are rate-limited per IP and per
// number/email.
import { safeEqualBuf } from '../../lib/crypto.ts';
import { buyerOf, type Ctx } from '../shared/context.ts';
import { addressKey } from '../../lib/client-address.ts';
import { hitRateLimit } from '../trust/rate-limit.ts';
import type { LookupInput } from './schemas.ts';

const MAX_PER_IP = 20; // per 10 minutes
const MAX_PER_SUBJECT_AND_IP = 10; // per 10 minutes
// Across all addresses: high enough that guesses from elsewhere rarely lock
// the buyer out, low enough that a botnet cannot walk a short query password.
const MAX_PER_SUBJECT = 30; // per 10 minutes
const WINDOW_S = 600;

export async function lookupOrders(s: Ctx, input: LookupInput) {
  const { ip } = buyerOf(s);
  const pool = s.database.pool;
  const now = s.clock.now();
  const subject = 'number' in input ? `number:${input.number}` : `email:${input.email}`;
  const address = addressKey(ip);
  await hitRateLimit(pool, now, `lookup:ip:${address}`, MAX_PER_IP, WINDOW_S);
  await hitRateLimit(pool, now, `lookup:${subject}:ip:${address}`, MAX_PER_SUBJECT_AND_IP, WINDOW_S);
  await hitRateLimit(pool, now, `lookup:${subject}`, MAX_PER_SUBJECT, WINDOW_S);

  const { rows } = 'number' in input
    ? await pool.query<{ id: string; number: string; status: string; query_password_hash: Buffer; created_at: Date }>(
      'select id, number, status, query_password_hash, created_at from orders where number = $1', [input.number])
    : await pool.query<{ id: string; number: string; status: string; query_password_hash: Buffer; created_at: Date }>(
      'select id, number, status, query_password_hash, created_at from orders where lower(email) = $1 order by id desc limit 50', [input.email]);
  if (rows.length === 0) {
    // Spend the same work as a real comparison.
    s.keyring.queryPasswordHash('ord_none', input.query_password);
  }
  const matches = rows.filter((r) => safeEqualBuf(s.keyring.queryPasswordHash(r.id, input.query_password), r.query_password_hash));
  return {
    orders: matches.map((r) => ({
      number: r.number, status: r.status, created_at: r.created_at.toISOString(), access_token: s.keyring.orderAccessToken(r.id),
    })),
  };
}
