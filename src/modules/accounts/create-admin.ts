import { withTransaction } from '../../db/client.ts';
import { newId } from '../../lib/ids.ts';
import type { Services } from '../shared/context.ts';
import { writeAudit } from '../trust/audit.ts';
import { hashPassword } from './passwords.ts';
import { Email, Password } from './schemas.ts';

/** Creates a platform admin, or makes an existing user an admin with the new password (ending their sessions). */
export async function createAdmin(s: Services, input: { email: string; password: string }): Promise<{ id: string; created: boolean }> {
  const email = Email.parse(input.email);
  const password = Password.parse(input.password);
  const now = s.clock.now();
  const hash = await hashPassword(password);
  return withTransaction(s.database.pool, async (q) => {
    const { rows } = await q.query<{ id: string; created: boolean }>(
      `insert into users (id, email, password_hash, is_admin, created_at) values ($1, $2, $3, true, $4)
       on conflict (lower(email)) do update set is_admin = true, password_hash = excluded.password_hash
       returning id, (xmax = 0) as created`,
      [newId('usr', now.getTime()), email, hash, now],
    );
    const row = rows[0];
    if (!row) throw new Error('admin upsert returned nothing');
    // A new password ends the sessions opened with the old one (a demo password, a leaked one).
    if (!row.created) await q.query('delete from sessions where user_id = $1', [row.id]);
    await writeAudit(q, { type: 'system', name: 'cli' }, now, { action: 'admin.create', targetType: 'user', targetId: row.id });
    return row;
  });
}
