import { AppError } from '../../lib/errors.ts';
import type { Services } from '../shared/context.ts';
import { verifyPassword } from './passwords.ts';
import type { LoginInput } from './schemas.ts';
import { createSession } from './sessions.ts';

export async function login(s: Services, input: LoginInput) {
  const { rows } = await s.database.pool.query<{
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
    throw new AppError(401, 'invalid_credentials', 'Email or password is incorrect.', 'authentication_error');
  }
  const session = await createSession(s, s.database.pool, user.id);
  return {
    session,
    user: { id: user.id, email: user.email, is_admin: user.is_admin },
    merchant: user.merchant_id && user.slug && user.name ? { id: user.merchant_id, slug: user.slug, name: user.name } : null,
  };
}
