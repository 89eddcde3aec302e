import { addressKey } from '../../lib/client-address.ts';
import { withTransaction } from '../../db/client.ts';
import { conflict } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { actorAddress, type Ctx } from '../shared/context.ts';
import { writeAudit } from '../trust/audit.ts';
import { hashPassword } from './passwords.ts';
import type { SignupInput } from './schemas.ts';
import { createSession } from './sessions.ts';

/** Creates a user, their shop (unless it is a buyer account) and a session, in one transaction. */
/** `ctx.actor`: the buyer signing up (their address is recorded), or the system (the demo seed). */
export async function signup(s: Ctx, input: SignupInput) {
  const ip = actorAddress(s.actor) ?? '127.0.0.1';
  const passwordHash = await hashPassword(input.password);
  const now = s.clock.now();
  const userId = newId('usr', now.getTime());
  const merchantId = newId('mch', now.getTime());
  return withTransaction(s.database.pool, async (q) => {
    const taken = await q.query(
      `select (select 1 from users where lower(email) = $1) as email, (select 1 from merchants where slug = $2) as slug`,
      [input.email, input.shop_slug ?? null],
    );
    if (taken.rows[0]?.email) throw conflict('email_taken', 'An account with this email already exists.');
    if (taken.rows[0]?.slug) throw conflict('shop_slug_taken', 'This shop address is taken.');
    try {
      await q.query('insert into users (id, email, password_hash, created_at) values ($1, $2, $3, $4)', [userId, input.email, passwordHash, now]);
      if (input.shop_slug !== undefined) {
        await q.query('insert into merchants (id, slug, name, created_at, status) values ($1, $2, $3, $4, $5)',
          [merchantId, input.shop_slug, input.shop_name, now, s.config.merchantApproval ? 'pending' : 'active']);
      }
    } catch (err) {
      // Lost a race for the same email or slug.
      if ((err as { code?: string }).code === '23505') throw conflict('email_taken', 'This email or shop address is taken.');
      throw err;
    }
    if (input.shop_slug === undefined || input.shop_name === undefined) {
      await writeAudit(q, { type: 'buyer', ip }, now, { action: 'buyer.signup', targetType: 'user', targetId: userId, ip });
      return { session: await createSession(s, q, userId, addressKey(ip)), user: { id: userId, email: input.email, is_admin: false }, merchant: null };
    }
    await q.query(`insert into merchant_members (merchant_id, user_id, role, created_at) values ($1, $2, 'owner', $3)`, [merchantId, userId, now]);
    const actor = { type: 'member' as const, userId, merchantId };
    await writeAudit(q, actor, now, { action: 'merchant.signup', targetType: 'merchant', targetId: merchantId, ip });
    const session = await createSession(s, q, userId, addressKey(ip));
    return {
      session,
      user: { id: userId, email: input.email, is_admin: false },
      merchant: { id: merchantId, slug: input.shop_slug, name: input.shop_name },
    };
  });
}
