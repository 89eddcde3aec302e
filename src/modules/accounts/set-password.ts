// An operator sets a user's password (`xiaopu user password`). Every session
// the user had ends with it: whoever logged in with the old password — a
// published demo password, a leaked one — is out.
import { withTransaction } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import type { Services } from '../shared/context.ts';
import { writeAudit } from '../trust/audit.ts';
import { hashPassword } from './passwords.ts';
import { Email, Password } from './schemas.ts';

export async function setPassword(s: Services, input: { email: string; password: string }): Promise<{ id: string; sessionsEnded: number }> {
  const email = Email.parse(input.email);
  const hash = await hashPassword(Password.parse(input.password));
  return withTransaction(s.database.pool, async (q) => {
    const { rows } = await q.query<{ id: string }>('update users set password_hash = $2 where lower(email) = $1 returning id', [email, hash]);
    const user = rows[0];
    if (!user) throw notFound('user');
    const ended = await q.query('delete from sessions where user_id = $1', [user.id]);
    await writeAudit(q, { type: 'system', name: 'cli' }, s.clock.now(), { action: 'user.set_password', targetType: 'user', targetId: user.id, data: { sessions_ended: ended.rowCount ?? 0 } });
    return { id: user.id, sessionsEnded: ended.rowCount ?? 0 };
  });
}
