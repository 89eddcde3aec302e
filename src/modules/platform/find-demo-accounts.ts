// Production must not run with the demo's published passwords (issue 8): the
// accounts that still log in with one of them — the demo's own emails and
// every admin, whose password someone may have set to a demo one.
import type { Services } from '../shared/context.ts';
import { verifyPassword } from '../accounts/passwords.ts';
import { DEMO } from './seed-demo.ts';

const DEMO_PASSWORDS = [DEMO.admin.password, DEMO.merchant.password];

/** Emails of accounts whose password is a published demo password. */
export async function findDemoAccounts(s: Pick<Services, 'database'>): Promise<string[]> {
  const { rows } = await s.database.pool.query<{ email: string; password_hash: string }>(
    `select email, password_hash from users where is_admin or lower(email) = any($1::text[]) order by email`,
    [[DEMO.admin.email, DEMO.merchant.email]]);
  const found: string[] = [];
  for (const row of rows) {
    for (const password of DEMO_PASSWORDS) {
      if (await verifyPassword(row.password_hash, password)) {
        found.push(row.email);
        break;
      }
    }
  }
  return found;
}
